import { Schema, type Connection, type Model } from 'mongoose';
import type { DataSetClassification } from '../generated/graphql.js';

/**
 * The registry entry of a data set (`_id` = the data set id of datasets/catalog.ts): the metadata
 * and access rules its walidata may edit. Seeded from the definitions; edits are kept across
 * restarts.
 */
export interface DataSetRecord {
  _id: string;
  description: string;
  classification: DataSetClassification;
  updateFrequency: string;
  readerRoles: string[];
  readerOrganizations: string[];
  modifiedAt: Date;
  /** Null while the entry is as seeded. */
  modifiedBy: { id: string; name: string } | null;
}

const schema = new Schema<DataSetRecord>(
  {
    _id: { type: String, required: true },
    description: { type: String, required: true },
    classification: { type: String, required: true },
    updateFrequency: { type: String, required: true },
    readerRoles: { type: [String], default: [] },
    readerOrganizations: { type: [String], default: [] },
    modifiedAt: { type: Date, required: true },
    modifiedBy: {
      type: new Schema({ id: String, name: String }, { _id: false }),
      default: null,
    },
  },
  { collection: 'data_sets', versionKey: false, minimize: false },
);

export type DataSetModel = Model<DataSetRecord>;

export function dataSetModel(connection: Connection): DataSetModel {
  return (connection.models.DataSet ??
    connection.model<DataSetRecord>('DataSet', schema)) as DataSetModel;
}

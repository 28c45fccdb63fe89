import { Schema, type Connection, type Model } from 'mongoose';

/** A public complaint category (reference data from `seed/complaint-categories.data.json`). */
export interface ComplaintCategoryRecord {
  /** Category code, also the Open311 `service_code`, e.g. ADMINDUK. */
  _id: string;
  name: string;
  description: string;
  /** Target agency when the citizen names neither a service nor an agency. */
  defaultOrganizationCode: string;
  /** Open311 `group`. */
  group: string;
  keywords: string[];
  /** Position in the form's list. */
  order: number;
}

const categorySchema = new Schema<ComplaintCategoryRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, required: true },
    defaultOrganizationCode: { type: String, required: true },
    group: { type: String, required: true },
    keywords: { type: [String], default: [] },
    order: { type: Number, required: true },
  },
  { collection: 'complaint_categories', versionKey: false },
);

/**
 * A public service published in SIPUTRI (projection of `surveys.standard.published`): what a
 * citizen may complain about, and the agency that provides it.
 */
export interface PublishedServiceRecord {
  /** The surveys service's standard id. */
  _id: string;
  name: string;
  category: string;
  organizationCode: string;
  organizationName: string;
  /** Version of the standard last applied (older redeliveries are skipped). */
  version: number;
  /** Lower-cased name and category for the form's search. */
  searchText: string;
  updatedAt: Date;
}

const publishedServiceSchema = new Schema<PublishedServiceRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, required: true },
    version: { type: Number, required: true },
    searchText: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'published_services', versionKey: false },
);
publishedServiceSchema.index({ organizationCode: 1, name: 1 });

export type ComplaintCategoryModel = Model<ComplaintCategoryRecord>;
export type PublishedServiceModel = Model<PublishedServiceRecord>;

export function complaintCategoryModel(connection: Connection): ComplaintCategoryModel {
  return (connection.models.ComplaintCategory ??
    connection.model<ComplaintCategoryRecord>(
      'ComplaintCategory',
      categorySchema,
    )) as ComplaintCategoryModel;
}

export function publishedServiceModel(connection: Connection): PublishedServiceModel {
  return (connection.models.PublishedService ??
    connection.model<PublishedServiceRecord>(
      'PublishedService',
      publishedServiceSchema,
    )) as PublishedServiceModel;
}

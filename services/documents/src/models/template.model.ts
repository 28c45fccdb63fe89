import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

export interface TemplateItemRecord {
  title: string;
  description: string | null;
  group: string | null;
}

/** A reusable list of requirements, e.g. a lender's standard disbursement list. */
export interface TemplateRecord {
  _id: string;
  code: string;
  name: string;
  description: string | null;
  ownerOrganizationCode: string;
  reviewerOrganizationCodes: string[];
  items: TemplateItemRecord[];
  createdAt: Date;
  updatedAt: Date;
}

const templateSchema = new Schema<TemplateRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    ownerOrganizationCode: { type: String, required: true },
    reviewerOrganizationCodes: { type: [String], required: true },
    items: {
      type: [
        new Schema<TemplateItemRecord>(
          {
            title: { type: String, required: true },
            description: { type: String, default: null },
            group: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'requirement_templates', timestamps: true, versionKey: false },
);

export type TemplateModel = Model<TemplateRecord>;

export function templateModel(connection: Connection): TemplateModel {
  return connection.model<TemplateRecord>('RequirementTemplate', templateSchema);
}

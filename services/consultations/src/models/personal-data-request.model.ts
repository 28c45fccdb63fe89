import { Schema, type Connection, type Model } from 'mongoose';

export type PersonalDataRequestKind = 'ACCESS' | 'CORRECTION' | 'DELETION';

/**
 * One data-subject request on a public complaint (UU 27/2022): the evidence that it was received
 * and fulfilled. It names the fields touched, never their values.
 */
export interface PersonalDataRequestRecord {
  _id: string;
  /** PDP-<year>-<nnnnn>. */
  requestNumber: string;
  kind: PersonalDataRequestKind;
  caseId: string;
  caseNumber: string;
  organizationCode: string;
  changedFields: string[];
  reason: string | null;
  receivedAt: Date;
  completedAt: Date;
}

const personalDataRequestSchema = new Schema<PersonalDataRequestRecord>(
  {
    _id: { type: String, required: true },
    requestNumber: { type: String, required: true },
    kind: { type: String, required: true },
    caseId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    organizationCode: { type: String, required: true },
    changedFields: { type: [String], default: [] },
    reason: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    completedAt: { type: Date, required: true },
  },
  { collection: 'personal_data_requests', versionKey: false },
);
personalDataRequestSchema.index({ organizationCode: 1, receivedAt: -1 });
personalDataRequestSchema.index({ receivedAt: -1 });

export type PersonalDataRequestModel = Model<PersonalDataRequestRecord>;

export function personalDataRequestModel(connection: Connection): PersonalDataRequestModel {
  return connection.model<PersonalDataRequestRecord>(
    'PersonalDataRequest',
    personalDataRequestSchema,
  );
}

import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One row per submission id ever taken, inserted before the response is published: the unique
 * `_id` insert is how a resent form is recognised. FerretDB v1 checks a unique `_id` on insert
 * through its index but finds an absent `_id` only by scanning, so a lookup in the raw responses
 * would cost a scan of every response per submission.
 */
export interface SubmissionClaimRecord {
  _id: string;
  claimedAt: Date;
}

const submissionClaimSchema = new Schema<SubmissionClaimRecord>(
  {
    _id: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'survey_submission_claims', versionKey: false },
);

export type SubmissionClaimModel = Model<SubmissionClaimRecord>;

export function submissionClaimModel(connection: Connection): SubmissionClaimModel {
  return (connection.models.SubmissionClaim ??
    connection.model<SubmissionClaimRecord>(
      'SubmissionClaim',
      submissionClaimSchema,
    )) as SubmissionClaimModel;
}

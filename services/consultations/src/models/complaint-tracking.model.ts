import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Tracking code → complaint. The `_id` is the SHA-256 (hex) of the code, so a citizen's lookup is
 * an `_id` read (FerretDB v1 serves only those without a scan) and the code itself is never stored.
 */
export interface TrackingCodeRecord {
  _id: string;
  caseId: string;
  createdAt: Date;
}

/**
 * One row per complaint form ever sent (`_id` = its submission id, a uuid v4), inserted before
 * the complaint: the unique insert recognises a resent form, and the case id it names makes the
 * resend land on the same complaint (and the same tracking code).
 */
export interface ComplaintSubmissionRecord {
  _id: string;
  caseId: string;
  claimedAt: Date;
}

const trackingCodeSchema = new Schema<TrackingCodeRecord>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'tracking_codes', versionKey: false },
);

const submissionSchema = new Schema<ComplaintSubmissionRecord>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'complaint_submissions', versionKey: false },
);

export type TrackingCodeModel = Model<TrackingCodeRecord>;
export type ComplaintSubmissionModel = Model<ComplaintSubmissionRecord>;

export function trackingCodeModel(connection: Connection): TrackingCodeModel {
  return (connection.models.TrackingCode ??
    connection.model<TrackingCodeRecord>('TrackingCode', trackingCodeSchema)) as TrackingCodeModel;
}

export function complaintSubmissionModel(connection: Connection): ComplaintSubmissionModel {
  return (connection.models.ComplaintSubmission ??
    connection.model<ComplaintSubmissionRecord>(
      'ComplaintSubmission',
      submissionSchema,
    )) as ComplaintSubmissionModel;
}

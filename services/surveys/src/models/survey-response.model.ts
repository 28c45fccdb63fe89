import { Schema, type Connection, type Model } from 'mongoose';
import type { ProfileKey } from '../services/types.js';

export type RespondentProfileRecord = Record<ProfileKey, string | null>;

/**
 * One citizen's answers as received (the raw log the aggregates are recomputed from), written
 * only by the responses consumer, once, with the stream sequence of its event. Holds no address,
 * account or other identifier: only what the respondent chose to give.
 */
export interface SurveyResponseRecord {
  /** The submission id (uuid v4) made by the form = the event id. */
  _id: string;
  /** Stream sequence of the `surveys.response.submitted` event that recorded it. */
  seq: number;
  serviceId: string;
  serviceName: string;
  organizationCode: string;
  questionnaireVersion: string;
  /** Scores 1–4, U1..U9. */
  scores: number[];
  profile: RespondentProfileRecord;
  suggestion: string | null;
  /** For the suggestions list, which only reads responses with a suggestion. */
  hasSuggestion: boolean;
  channel: 'ONLINE' | 'COUNTER';
  submittedAt: Date;
  /** The four periods (year, semester, quarter, month) of `submittedAt` in the Pemda's zone. */
  periodKeys: string[];
  recordedAt: Date;
}

const surveyResponseSchema = new Schema<SurveyResponseRecord>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    serviceId: { type: String, required: true },
    serviceName: { type: String, required: true },
    organizationCode: { type: String, required: true },
    questionnaireVersion: { type: String, required: true },
    scores: { type: [Number], required: true },
    profile: {
      gender: { type: String, default: null },
      ageGroup: { type: String, default: null },
      education: { type: String, default: null },
      occupation: { type: String, default: null },
    },
    suggestion: { type: String, default: null },
    hasSuggestion: { type: Boolean, required: true },
    channel: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    periodKeys: { type: [String], required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'survey_responses', versionKey: false },
);
surveyResponseSchema.index({ hasSuggestion: 1, submittedAt: -1 });

export type SurveyResponseModel = Model<SurveyResponseRecord>;

export function surveyResponseModel(connection: Connection): SurveyResponseModel {
  return (connection.models.SurveyResponse ??
    connection.model<SurveyResponseRecord>(
      'SurveyResponse',
      surveyResponseSchema,
    )) as SurveyResponseModel;
}

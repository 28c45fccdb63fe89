import { Schema, type Connection, type Model } from 'mongoose';
import type { ProfileFieldView, SurveyElementView } from '../services/types.js';

/**
 * A version of the SKM questionnaire (reference data, loaded from `seed/questionnaire.data.json`
 * when missing). Responses carry the version they answered.
 */
export interface QuestionnaireRecord {
  /** The version, e.g. `permenpanrb-14-2017`. */
  _id: string;
  source: string;
  elements: SurveyElementView[];
  profileFields: ProfileFieldView[];
  loadedAt: Date;
}

const questionnaireSchema = new Schema<QuestionnaireRecord>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    elements: { type: Schema.Types.Mixed, required: true },
    profileFields: { type: Schema.Types.Mixed, required: true },
    loadedAt: { type: Date, required: true },
  },
  { collection: 'questionnaires', versionKey: false },
);

export type QuestionnaireModel = Model<QuestionnaireRecord>;

export function questionnaireModel(connection: Connection): QuestionnaireModel {
  return (connection.models.Questionnaire ??
    connection.model<QuestionnaireRecord>(
      'Questionnaire',
      questionnaireSchema,
    )) as QuestionnaireModel;
}

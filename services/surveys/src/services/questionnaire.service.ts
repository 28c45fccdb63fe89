import { badInput } from '@sipadu/service-kit';
import type { Connection, mongo } from 'mongoose';
import {
  questionnaireModel,
  type QuestionnaireModel,
  type QuestionnaireRecord,
} from '../models/questionnaire.model.js';
import questionnaireData from '../seed/questionnaire.data.json' with { type: 'json' };
import {
  PROFILE_KEYS,
  type ProfileFieldView,
  type ProfileKey,
  type QuestionnaireView,
  type SurveyElementView,
} from './types.js';

/** The questionnaire version in force: the one shipped in `seed/questionnaire.data.json`. */
export const CURRENT_QUESTIONNAIRE_VERSION: string = questionnaireData.version;

function checkData(view: QuestionnaireView): QuestionnaireView {
  if (view.elements.length !== 9 || view.elements.some((e) => e.labels.length !== 4))
    throw new Error(`questionnaire ${view.version}: expected 9 elements with 4 labels each`);
  const keys = view.profileFields.map((field) => field.key);
  if (PROFILE_KEYS.some((key) => !keys.includes(key)))
    throw new Error(`questionnaire ${view.version}: missing profile fields`);
  return view;
}

/** The shipped data as a view (what `init` stores when the version is missing). */
export function shippedQuestionnaire(): QuestionnaireView {
  return checkData({
    version: questionnaireData.version,
    elements: questionnaireData.elements.map((element) => ({ ...element })),
    profileFields: questionnaireData.profileFields.map((field) => ({
      key: field.key as ProfileKey,
      label: field.label,
      options: field.options.map((option) => ({ ...option })),
    })),
  });
}

/**
 * The SKM questionnaire of PermenPANRB 14/2017: nine elements (unsur) with the labels of scores
 * 1–4, and the optional respondent-profile questions. Data, not code: a new version is a new
 * document. Read once and cached (it is the same for every request).
 */
export class QuestionnaireService {
  private readonly model: QuestionnaireModel;
  private cached: Promise<QuestionnaireView> | undefined;

  constructor(connection: Connection) {
    this.model = questionnaireModel(connection);
  }

  /** Stores the shipped version when the database does not have it yet. */
  async init(): Promise<void> {
    await this.model.init();
    const shipped = shippedQuestionnaire();
    const exists = await this.model.findOne({ _id: shipped.version }, { _id: 1 }).lean().exec();
    if (exists) return;
    try {
      await (this.model.collection as unknown as mongo.Collection<QuestionnaireRecord>).insertOne({
        _id: shipped.version,
        source: questionnaireData.source,
        elements: shipped.elements,
        profileFields: shipped.profileFields,
        loadedAt: new Date(),
      });
    } catch (err) {
      // Another replica stored it at the same moment.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }

  /** The questionnaire in force (= GraphQL SurveyQuestionnaire). */
  current(): Promise<QuestionnaireView> {
    this.cached ??= this.load().catch((err: unknown) => {
      this.cached = undefined;
      throw err;
    });
    return this.cached;
  }

  /** One element by code (U1..U9); BAD_USER_INPUT when unknown. */
  async element(code: string): Promise<SurveyElementView> {
    const found = (await this.current()).elements.find((element) => element.code === code);
    if (!found) throw badInput(`Unsur "${code}" tidak dikenal (U1 sampai U9).`);
    return found;
  }

  /** One profile question by key. */
  async profileField(key: ProfileKey): Promise<ProfileFieldView> {
    return (await this.current()).profileFields.find((field) => field.key === key)!;
  }

  private async load(): Promise<QuestionnaireView> {
    const record = await this.model
      .findOne({ _id: CURRENT_QUESTIONNAIRE_VERSION })
      .lean<QuestionnaireRecord>()
      .exec();
    if (!record) return shippedQuestionnaire();
    return checkData({
      version: record._id,
      elements: [...record.elements]
        .sort((a, b) => a.order - b.order)
        .map(({ code, order, name, question, labels }) => ({
          code,
          order,
          name,
          question,
          labels,
        })),
      profileFields: record.profileFields.map(({ key, label, options }) => ({
        key,
        label,
        options: options.map(({ code, label: optionLabel }) => ({ code, label: optionLabel })),
      })),
    });
  }
}

import { pendingEventsPlugin, type PendingEvent } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { PeriodGranularity } from '../services/types.js';
import type { FollowUpAction, RecommendationStatus } from '../workflows/recommendation.workflow.js';

/** Who did something (GraphQL SurveyActor). */
export interface ActorRecord {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

/** The period as written (GraphQL SurveyPeriod). */
export interface PeriodRecord {
  key: string;
  granularity: PeriodGranularity;
  year: number;
  semester: number | null;
  quarter: number | null;
  month: number | null;
  label: string;
}

/** The element of the questionnaire version the recommendation was written against. */
export interface ElementRecord {
  code: string;
  order: number;
  name: string;
  question: string;
  labels: string[];
}

export type RecommendationPriority = 'HIGH' | 'MEDIUM' | 'LOW';

export interface FollowUpRecord {
  action: FollowUpAction;
  fromStatus: RecommendationStatus;
  toStatus: RecommendationStatus;
  plan: string | null;
  progressPercent: number | null;
  note: string | null;
  actor: ActorRecord;
  at: Date;
}

/**
 * One evaluator recommendation on one element of an organization's IKM for a period, with its
 * follow-up. The follow-up history is embedded so a change is one single-document write; every
 * change is first recorded in `recommendation_changes` (see RecommendationChangeRecord).
 */
export interface RecommendationRecord {
  _id: string;
  organizationCode: string;
  organizationName: string;
  period: PeriodRecord;
  /** `period.key`, top level for the list filter. */
  periodKey: string;
  element: ElementRecord;
  /** NRR of the element, converted IKM and grade of the organization when it was written. */
  elementNrr: number | null;
  ikmConverted: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  text: string;
  priority: RecommendationPriority;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  status: RecommendationStatus;
  followUpPlan: string | null;
  progressPercent: number;
  followUps: FollowUpRecord[];
  createdBy: ActorRecord;
  createdAt: Date;
  updatedAt: Date;
  /** Number of follow-up changes applied; the next change claims `<id>@<revision>`. */
  revision: number;
  _pendingEvents?: PendingEvent[];
}

/** The fields a follow-up change sets: the complete new state, so applying it twice is harmless. */
export type RecommendationChangeSet = Pick<
  RecommendationRecord,
  'status' | 'followUpPlan' | 'progressPercent' | 'followUps' | 'updatedAt' | 'revision'
>;

/**
 * The claim and log of one follow-up change. FerretDB v1 does not apply a conditional update
 * atomically, but it does enforce unique `_id`s: the writer that inserts `<id>@<revision>` owns the
 * change from that revision, and the insert carries the change's events (outbox pattern on a
 * document nobody updates). The change is committed once this insert succeeds: if its writer dies
 * before updating the recommendation, the next reader applies `next` (roll forward).
 */
export interface RecommendationChangeRecord {
  /** `<recommendationId>@<revision the change starts from>`. */
  _id: string;
  recommendationId: string;
  revision: number;
  action: FollowUpAction;
  next: RecommendationChangeSet;
  at: Date;
  _pendingEvents?: PendingEvent[];
}

const actorSchema = new Schema<ActorRecord>(
  { id: String, name: String, organizationCode: String },
  { _id: false },
);

const followUpSchema = new Schema<FollowUpRecord>(
  {
    action: { type: String, required: true },
    fromStatus: { type: String, required: true },
    toStatus: { type: String, required: true },
    plan: { type: String, default: null },
    progressPercent: { type: Number, default: null },
    note: { type: String, default: null },
    actor: { type: actorSchema, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const recommendationSchema = new Schema<RecommendationRecord>(
  {
    _id: { type: String, required: true },
    organizationCode: { type: String, required: true },
    organizationName: { type: String, required: true },
    period: {
      type: new Schema<PeriodRecord>(
        {
          key: String,
          granularity: String,
          year: Number,
          semester: Number,
          quarter: Number,
          month: Number,
          label: String,
        },
        { _id: false },
      ),
      required: true,
    },
    periodKey: { type: String, required: true },
    element: {
      type: new Schema<ElementRecord>(
        { code: String, order: Number, name: String, question: String, labels: [String] },
        { _id: false },
      ),
      required: true,
    },
    elementNrr: { type: Number, default: null },
    ikmConverted: { type: Number, default: null },
    grade: { type: String, default: null },
    text: { type: String, required: true },
    priority: { type: String, required: true },
    dueDate: { type: String, default: null },
    status: { type: String, required: true },
    followUpPlan: { type: String, default: null },
    progressPercent: { type: Number, required: true },
    followUps: { type: [followUpSchema], default: [] },
    createdBy: { type: actorSchema, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'recommendations', versionKey: false },
);
recommendationSchema.plugin(pendingEventsPlugin);
// The list's filters, newest first.
recommendationSchema.index({ organizationCode: 1, createdAt: -1 });
recommendationSchema.index({ createdAt: -1 });

const changeSchema = new Schema<RecommendationChangeRecord>(
  {
    _id: { type: String, required: true },
    recommendationId: { type: String, required: true },
    revision: { type: Number, required: true },
    action: { type: String, required: true },
    next: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'recommendation_changes', versionKey: false },
);
changeSchema.plugin(pendingEventsPlugin);

export type RecommendationModel = Model<RecommendationRecord>;
export type RecommendationChangeModel = Model<RecommendationChangeRecord>;

export function recommendationModel(connection: Connection): RecommendationModel {
  return (
    (connection.models.Recommendation as RecommendationModel | undefined) ??
    connection.model<RecommendationRecord>('Recommendation', recommendationSchema)
  );
}

export function recommendationChangeModel(connection: Connection): RecommendationChangeModel {
  return (
    (connection.models.RecommendationChange as RecommendationChangeModel | undefined) ??
    connection.model<RecommendationChangeRecord>('RecommendationChange', changeSchema)
  );
}

/** The change's claim id: one writer per recommendation revision. */
export const changeId = (recommendationId: string, revision: number) =>
  `${recommendationId}@${revision}`;

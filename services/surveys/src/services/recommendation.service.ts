import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEvent, eventsForInsert, type EventEnvelope, type Outbox } from '@sipadu/events';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  actorOf,
  badInput,
  conflict,
  forbidden,
  notFound,
  parseInput,
  type Principal,
} from '@sipadu/service-kit';
import { applyTransition, availableTransitions } from '@sipadu/workflow';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { access } from '../access.js';
import {
  changeId,
  recommendationChangeModel,
  recommendationModel,
  type ActorRecord,
  type ElementRecord,
  type FollowUpRecord,
  type RecommendationChangeModel,
  type RecommendationChangeRecord,
  type RecommendationChangeSet,
  type RecommendationModel,
  type RecommendationPriority,
  type RecommendationRecord,
} from '../models/recommendation.model.js';
import {
  FOLLOW_UP_ACTIONS,
  RECOMMENDATION_STATUSES,
  recommendationInterpretation,
  recommendationWorkflow,
  type FollowUpAction,
  type RecommendationStatus,
} from '../workflows/recommendation.workflow.js';
import { parsePeriod } from './period.js';
import type { IndexScope, PeriodInput, PeriodView } from './types.js';

// ---------------------------------------------------------------------------------------------
// What the service needs of its neighbours (structural, so tests may hand in small fakes).
// ---------------------------------------------------------------------------------------------

interface ElementLike {
  code: string;
  order: number;
  name: string;
  question: string;
  labels: readonly string[];
}

/** The part of a SatisfactionIndexView (GraphQL SatisfactionIndex) a recommendation keeps. */
export interface IndexSnapshot {
  elements: readonly { element: { code: string }; nrr?: number | null }[];
  ikmConverted?: number | null;
  grade?: 'A' | 'B' | 'C' | 'D' | null;
}

export interface RecommendationServiceOptions {
  connection: Connection;
  outbox: Outbox;
  index: {
    index(scope: IndexScope, id: string | null, period: PeriodView): Promise<IndexSnapshot>;
  };
  organizations: {
    exists(code: string): Promise<boolean>;
    name(code: string): Promise<string | null>;
  };
  questionnaire: {
    element(code: string): Promise<ElementLike | null | undefined> | ElementLike | null | undefined;
  };
  /** IANA zone of the Pemda: "today" for due dates and printed dates. */
  timeZone: string;
}

// ---------------------------------------------------------------------------------------------
// GraphQL shapes (no mappers: the service returns them as they are)
// ---------------------------------------------------------------------------------------------

export interface FollowUpEntryView {
  action: FollowUpAction;
  fromStatus: RecommendationStatus;
  toStatus: RecommendationStatus;
  plan: string | null;
  progressPercent: number | null;
  note: string | null;
  actor: ActorRecord;
  at: string;
}

export interface RecommendationView {
  id: string;
  organizationCode: string;
  organizationName: string;
  period: PeriodView;
  element: ElementRecord;
  elementNrr: number | null;
  ikmConverted: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  text: string;
  priority: RecommendationPriority;
  dueDate: string | null;
  status: RecommendationStatus;
  followUpPlan: string | null;
  progressPercent: number;
  followUps: FollowUpEntryView[];
  createdBy: ActorRecord;
  createdAt: string;
  updatedAt: string;
  availableActions: FollowUpAction[];
}

export interface RecommendationConnectionView {
  edges: { cursor: string; node: RecommendationView }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export interface RecommendationInputArgs {
  organizationCode: string;
  period: PeriodInput;
  elementCode: string;
  text: string;
  priority?: RecommendationPriority | null;
  dueDate?: string | null;
}

export interface FollowUpInputArgs {
  recommendationId: string;
  action: FollowUpAction;
  plan?: string | null;
  progressPercent?: number | null;
  note?: string | null;
}

export interface RecommendationListArgs {
  organizationCode?: string | null;
  period?: PeriodInput | null;
  status?: RecommendationStatus | null;
  first?: number | null;
  after?: string | null;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;
/** Fresh reads of a recommendation a follow-up makes before it answers CONFLICT. */
const MAX_ATTEMPTS = 8;
/** Changes a read applies at most on its own before giving up (each one is a committed change). */
const MAX_ROLL_FORWARD = 20;

export const CHANGED_MESSAGE =
  'Rekomendasi baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const createSchema = z.object({
  organizationCode: z
    .string({ error: 'Organisasi wajib diisi.' })
    .trim()
    .min(1, 'Organisasi wajib diisi.')
    .max(40, 'Kode organisasi terlalu panjang.'),
  elementCode: z
    .string({ error: 'Unsur wajib diisi.' })
    .trim()
    .toUpperCase()
    .regex(/^U[1-9]$/, 'Unsur harus salah satu dari U1 sampai U9.'),
  text: z
    .string({ error: 'Isi rekomendasi wajib diisi.' })
    .trim()
    .min(10, 'Isi rekomendasi minimal 10 karakter.')
    .max(4000, 'Isi rekomendasi maksimal 4.000 karakter.'),
  priority: z
    .enum(['HIGH', 'MEDIUM', 'LOW'], { error: 'Prioritas harus HIGH, MEDIUM, atau LOW.' })
    .nullish()
    .transform((value) => value ?? 'MEDIUM'),
  dueDate: z
    .string()
    .trim()
    .refine(isCalendarDate, 'Tenggat harus tanggal yang valid (YYYY-MM-DD).')
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value || null),
});

const followUpSchema = z.object({
  recommendationId: z.string().trim().min(1, 'Rekomendasi wajib dipilih.'),
  action: z.enum(FOLLOW_UP_ACTIONS as [FollowUpAction, ...FollowUpAction[]], {
    error: 'Tindakan tindak lanjut tidak dikenal.',
  }),
  plan: z
    .string()
    .trim()
    .max(4000, 'Rencana tindak lanjut maksimal 4.000 karakter.')
    .nullish()
    .transform((value) => value || null),
  progressPercent: z
    .number()
    .int('Persentase kemajuan harus bilangan bulat.')
    .min(0, 'Persentase kemajuan minimal 0.')
    .max(100, 'Persentase kemajuan maksimal 100.')
    .nullish()
    .transform((value) => value ?? null),
  note: z
    .string()
    .trim()
    .max(2000, 'Catatan maksimal 2.000 karakter.')
    .nullish()
    .transform((value) => value || null),
});

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

const isDuplicateKey = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;

/** A random pause before a fresh attempt, so writers that collided spread out. */
const backoff = (attempt: number) =>
  sleep(5 + Math.floor(Math.random() * Math.min(20 * 2 ** attempt, 500)));

const actorRecord = (principal: Principal): ActorRecord => ({
  id: principal.id,
  name: principal.name,
  organizationCode: principal.organizationCode,
});

/** The `recommendation` part of the events' payloads. */
function eventRecommendation(record: RecommendationRecord) {
  return {
    id: record._id,
    organizationCode: record.organizationCode,
    organizationName: record.organizationName || record.organizationCode,
    periodKey: record.period.key,
    periodLabel: record.period.label,
    elementCode: record.element.code,
    elementName: record.element.name,
    createdById: record.createdBy.id,
  };
}

const eventMeta = (principal: Principal, record: RecommendationRecord) => ({
  actor: actorOf(principal),
  subject: { type: 'Recommendation', id: record._id },
  org: record.organizationCode,
});

/**
 * Evaluator recommendations per element of an organization's IKM and the organization's
 * follow-up (DOMAIN.md §5, issue 7 item 5).
 *
 * Concurrency on FerretDB v1 (no transactions, conditional updates not atomic): a follow-up from
 * revision r first inserts `recommendation_changes/<id>@r` (unique `_id`: exactly one writer per
 * revision) holding the complete new state and the change's events, then sets that state on the
 * recommendation conditionally on revision r. Claims are never deleted, so a reader holding a
 * stale revision can never claim it again. Whoever finds a claim whose state is not yet on the
 * recommendation (its writer died, or an unguarded outbox sweep undid it) applies it again:
 * applying the same `$set` twice is harmless.
 */
export class RecommendationService {
  readonly recommendations: RecommendationModel;
  readonly changes: RecommendationChangeModel;
  readonly timeZone: string;
  private readonly outbox: Outbox;
  private readonly deps: RecommendationServiceOptions;

  constructor(options: RecommendationServiceOptions) {
    this.deps = options;
    this.outbox = options.outbox;
    this.timeZone = options.timeZone;
    this.recommendations = recommendationModel(options.connection);
    this.changes = recommendationChangeModel(options.connection);
  }

  /** Collections whose documents carry pending events, for the outbox relay's sweep. */
  get eventSources(): [RecommendationModel, RecommendationChangeModel] {
    return [this.recommendations, this.changes];
  }

  async init(): Promise<void> {
    await Promise.all([this.recommendations.createIndexes(), this.changes.createIndexes()]);
  }

  // -------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------

  async get(principal: Principal | null, id: string): Promise<RecommendationView | null> {
    const caller = access.require(principal, 'Query.recommendation');
    const record = await this.load(id);
    if (!record) return null;
    this.assertReadable(caller, record.organizationCode);
    return this.view(record, caller);
  }

  /** One page, newest first; admin-opd sees only its own organization. */
  async list(
    principal: Principal | null,
    args: RecommendationListArgs = {},
  ): Promise<RecommendationConnectionView> {
    const caller = access.require(principal, 'Query.recommendations');
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);
    }
    let organizationCode = args.organizationCode?.trim() || null;
    if (!access.seesAllOrganizations(caller, 'Query.recommendations')) {
      if (!caller.organizationCode) {
        throw forbidden('Akun Anda tidak terhubung dengan organisasi mana pun.');
      }
      if (organizationCode && organizationCode !== caller.organizationCode) {
        throw forbidden('Anda hanya dapat melihat rekomendasi untuk organisasi Anda sendiri.');
      }
      organizationCode = caller.organizationCode;
    }
    if (args.status && !RECOMMENDATION_STATUSES.includes(args.status)) {
      throw badInput('Status rekomendasi tidak dikenal.');
    }
    const query: Record<string, unknown> = {};
    if (organizationCode) query.organizationCode = organizationCode;
    if (args.period) query.periodKey = parsePeriod(args.period).key;
    if (args.status) query.status = args.status;

    let pageQuery: Record<string, unknown> = query;
    if (args.after) {
      const [at, id] = decodeKeyCursor(args.after, 'date');
      pageQuery = {
        $and: [query, { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: id } }] }],
      };
    }
    const [rows, totalCount] = await Promise.all([
      this.recommendations
        .find(pageQuery)
        .sort({ createdAt: -1, _id: -1 })
        .limit(first + 1)
        .batchSize(first + 2)
        .lean<RecommendationRecord[]>()
        .exec(),
      this.recommendations.countDocuments(query).exec(),
    ]);
    const page = await this.current(rows.slice(0, first));
    const edges = page.map((record) => ({
      cursor: encodeKeyCursor(record.createdAt, record._id),
      node: this.view(record, caller),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /**
   * Every recommendation of an organization for a period, by element then age, for the printed
   * report. The caller (SurveyReportService) has checked access.
   */
  async forReport(
    organizationCode: string,
    periodKey: string,
    principal: Principal,
  ): Promise<RecommendationView[]> {
    const rows = await this.recommendations
      .find({ organizationCode, periodKey })
      .sort({ createdAt: 1, _id: 1 })
      .lean<RecommendationRecord[]>()
      .exec();
    const records = await this.current(rows);
    return records
      .sort((a, b) => a.element.order - b.element.order)
      .map((record) => this.view(record, principal));
  }

  // -------------------------------------------------------------------------------------------
  // Writes
  // -------------------------------------------------------------------------------------------

  /** The evaluator (or super-admin) writes a recommendation on one element. */
  async create(
    principal: Principal | null,
    input: RecommendationInputArgs,
  ): Promise<RecommendationView> {
    const caller = access.require(principal, 'Mutation.createRecommendation');
    const valid = parseInput(createSchema, input);
    const period = parsePeriod(input.period);
    const { organizationCode, elementCode } = valid;
    if (!(await this.deps.organizations.exists(organizationCode))) {
      throw badInput(`Organisasi ${organizationCode} tidak dikenal.`, {
        fields: ['organizationCode'],
      });
    }
    const element = await this.deps.questionnaire.element(elementCode);
    if (!element) {
      throw badInput(`Unsur ${elementCode} tidak ada dalam kuesioner yang berlaku.`, {
        fields: ['elementCode'],
      });
    }
    const now = new Date();
    if (valid.dueDate && valid.dueDate < localDate(now, this.timeZone)) {
      throw badInput('Tenggat tindak lanjut tidak boleh sebelum hari ini.', {
        fields: ['dueDate'],
      });
    }
    const [snapshot, name] = await Promise.all([
      this.deps.index.index('ORGANIZATION', organizationCode, period),
      this.deps.organizations.name(organizationCode),
    ]);
    const record: RecommendationRecord = {
      _id: randomUUID(),
      organizationCode,
      organizationName: name || organizationCode,
      period: {
        key: period.key,
        granularity: period.granularity,
        year: period.year,
        semester: period.semester ?? null,
        quarter: period.quarter ?? null,
        month: period.month ?? null,
        label: period.label,
      },
      periodKey: period.key,
      element: {
        code: element.code,
        order: element.order,
        name: element.name,
        question: element.question,
        labels: [...element.labels],
      },
      elementNrr: snapshot.elements.find((e) => e.element.code === element.code)?.nrr ?? null,
      ikmConverted: snapshot.ikmConverted ?? null,
      grade: snapshot.grade ?? null,
      text: valid.text,
      priority: valid.priority,
      dueDate: valid.dueDate,
      status: recommendationWorkflow.initial,
      followUpPlan: null,
      progressPercent: 0,
      followUps: [],
      createdBy: actorRecord(caller),
      createdAt: now,
      updatedAt: now,
      revision: 0,
    };
    const event = createEvent(
      'surveys.recommendation.created',
      {
        recommendation: eventRecommendation(record),
        text: record.text,
        priority: record.priority,
        dueDate: record.dueDate,
      },
      { ...eventMeta(caller, record), occurredAt: now },
    );
    await this.recommendations.create({ ...record, ...eventsForInsert([event]) });
    // The relay's sweep moves the event if this fails; the recommendation itself is stored.
    await this.outbox.flush(this.recommendations, record._id).catch(() => undefined);
    return this.view(record, caller);
  }

  /** One follow-up step (PLAN, PROGRESS, COMPLETE, VERIFY, REOPEN) on a recommendation. */
  async updateFollowUp(
    principal: Principal | null,
    input: FollowUpInputArgs,
  ): Promise<RecommendationView> {
    const caller = access.require(principal, 'Mutation.updateFollowUp');
    const valid = parseInput(followUpSchema, input);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await backoff(attempt);
      const record = await this.load(valid.recommendationId);
      if (!record) throw notFound('Rekomendasi tidak ditemukan.');
      if (
        !access.allows(caller, 'Mutation.updateFollowUp', {
          organizationCode: record.organizationCode,
        })
      ) {
        throw forbidden(
          'Rekomendasi ini milik organisasi lain: Anda tidak berwenang menindaklanjutinya.',
        );
      }
      const change = this.decide(caller, record, valid);
      try {
        await this.changes.create(change);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another writer owns this revision: make sure its change is applied, then read again.
        const owner = await this.changes
          .findById(change._id)
          .lean<RecommendationChangeRecord>()
          .exec();
        if (owner) await this.apply(owner);
        continue;
      }
      await this.apply(change);
      await this.outbox.flush(this.changes, change._id).catch(() => undefined);
      return this.view({ ...record, ...change.next }, caller);
    }
    throw conflict(CHANGED_MESSAGE);
  }

  /** The actions the caller may take on a recommendation now (GraphQL `availableActions`). */
  actionsFor(principal: Principal | null, record: RecommendationRecord): FollowUpAction[] {
    if (!principal) return [];
    return [
      ...new Set(
        availableTransitions(
          recommendationWorkflow,
          { state: record.status, organizationCode: record.organizationCode },
          principal,
          recommendationInterpretation,
        ).map((transition) => transition.name),
      ),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  private assertReadable(caller: Principal, organizationCode: string) {
    if (!access.allows(caller, 'Query.recommendation', { organizationCode })) {
      throw forbidden('Anda hanya dapat melihat rekomendasi untuk organisasi Anda sendiri.');
    }
  }

  /**
   * Checks the step (FORBIDDEN for the wrong role or organization, CONFLICT for the wrong status,
   * BAD_USER_INPUT for missing data) and builds the change from the record's revision.
   */
  private decide(
    caller: Principal,
    record: RecommendationRecord,
    input: z.infer<typeof followUpSchema>,
  ): RecommendationChangeRecord {
    const instance = { state: record.status, organizationCode: record.organizationCode };
    const { action } = input;
    // Role, organization and status first, so nobody learns what a step needs before they may take it.
    const allowed = availableTransitions(
      recommendationWorkflow,
      instance,
      caller,
      recommendationInterpretation,
    ).some((transition) => transition.name === action);
    if (allowed) {
      if (action === 'PLAN' && (!input.plan || input.plan.length < 10)) {
        throw badInput('Rencana tindak lanjut wajib diisi, minimal 10 karakter.', {
          fields: ['plan'],
        });
      }
      if (action === 'PROGRESS' && input.progressPercent === null) {
        throw badInput('Persentase kemajuan (0–100) wajib diisi.', {
          fields: ['progressPercent'],
        });
      }
      if (action === 'REOPEN' && !input.note) {
        throw badInput('Catatan wajib diisi saat membuka kembali tindak lanjut.', {
          fields: ['note'],
        });
      }
    }
    const now = new Date();
    const { to, entry } = applyTransition(
      recommendationWorkflow,
      instance,
      action,
      caller,
      { note: input.note, data: { plan: input.plan, progressPercent: input.progressPercent } },
      { ...recommendationInterpretation, now },
    );
    const progressPercent =
      action === 'PROGRESS'
        ? (input.progressPercent ?? record.progressPercent)
        : action === 'COMPLETE'
          ? 100
          : record.progressPercent;
    const followUp: FollowUpRecord = {
      action,
      fromStatus: entry.from,
      toStatus: to,
      plan: action === 'PLAN' ? input.plan : null,
      progressPercent: action === 'PROGRESS' || action === 'COMPLETE' ? progressPercent : null,
      note: entry.note,
      actor: actorRecord(caller),
      at: now,
    };
    const next: RecommendationChangeSet = {
      status: to,
      followUpPlan: action === 'PLAN' ? input.plan : record.followUpPlan,
      progressPercent,
      followUps: [...record.followUps, followUp],
      updatedAt: now,
      revision: record.revision + 1,
    };
    const event: EventEnvelope = createEvent(
      'surveys.followUp.updated',
      {
        recommendation: eventRecommendation(record),
        action,
        fromStatus: entry.from,
        toStatus: to,
        progressPercent,
        plan: followUp.plan,
        note: followUp.note,
        actor: actorRecord(caller),
      },
      { ...eventMeta(caller, record), occurredAt: now },
    );
    return {
      _id: changeId(record._id, record.revision),
      recommendationId: record._id,
      revision: record.revision,
      action,
      next,
      at: now,
      ...eventsForInsert([event]),
    };
  }

  /** Sets a committed change's state on its recommendation if it is still at that revision. */
  private async apply(
    change: Pick<RecommendationChangeRecord, 'recommendationId' | 'revision' | 'next'>,
  ) {
    await this.recommendations
      .updateOne({ _id: change.recommendationId, revision: change.revision }, { $set: change.next })
      .exec();
  }

  /** A recommendation with every committed change applied (one `_id` lookup more than a read). */
  private async load(id: string): Promise<RecommendationRecord | null> {
    let record = await this.recommendations.findById(id).lean<RecommendationRecord>().exec();
    for (let i = 0; record && i < MAX_ROLL_FORWARD; i += 1) {
      const change = await this.changes
        .findById(changeId(record._id, record.revision))
        .lean<RecommendationChangeRecord>()
        .exec();
      if (!change) return record;
      await this.apply(change);
      record = await this.recommendations.findById(id).lean<RecommendationRecord>().exec();
    }
    return record;
  }

  /** The same records with any committed change applied (one query for the whole page). */
  private async current(records: RecommendationRecord[]): Promise<RecommendationRecord[]> {
    if (records.length === 0) return records;
    const pending = await this.changes
      .find(
        { _id: { $in: records.map((record) => changeId(record._id, record.revision)) } },
        { _id: 1 },
      )
      .lean<{ _id: string }[]>()
      .exec();
    if (pending.length === 0) return records;
    const behind = new Set(
      pending.map((change) => change._id.slice(0, change._id.lastIndexOf('@'))),
    );
    return Promise.all(
      records.map(async (record) =>
        behind.has(record._id) ? ((await this.load(record._id)) ?? record) : record,
      ),
    );
  }

  view(record: RecommendationRecord, principal: Principal | null): RecommendationView {
    return {
      id: record._id,
      organizationCode: record.organizationCode,
      organizationName: record.organizationName,
      period: { ...record.period },
      element: { ...record.element, labels: [...record.element.labels] },
      elementNrr: record.elementNrr ?? null,
      ikmConverted: record.ikmConverted ?? null,
      grade: record.grade ?? null,
      text: record.text,
      priority: record.priority,
      dueDate: record.dueDate ?? null,
      status: record.status,
      followUpPlan: record.followUpPlan ?? null,
      progressPercent: record.progressPercent,
      followUps: record.followUps.map((entry) => ({
        action: entry.action,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        plan: entry.plan ?? null,
        progressPercent: entry.progressPercent ?? null,
        note: entry.note ?? null,
        actor: {
          id: entry.actor.id,
          name: entry.actor.name ?? null,
          organizationCode: entry.actor.organizationCode ?? null,
        },
        at: new Date(entry.at).toISOString(),
      })),
      createdBy: {
        id: record.createdBy.id,
        name: record.createdBy.name ?? null,
        organizationCode: record.createdBy.organizationCode ?? null,
      },
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      availableActions: this.actionsFor(principal, record),
    };
  }
}

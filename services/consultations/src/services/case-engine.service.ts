import { randomUUID } from 'node:crypto';
import {
  commitAtRevision,
  createEvent,
  eventsForInsert,
  releasePendingEvents,
  retryAtRevision,
  type Actor,
  type EventEnvelope,
  type Outbox,
} from '@sipadu/events';
import { conflict, decodeKeyCursor, notFound, type Logger } from '@sipadu/service-kit';
import {
  SYSTEM_PRINCIPAL,
  applyTransition,
  stepClock,
  transitionEventData,
  type HistoryActor,
  type HistoryEntry,
  type StepClock,
  type WorkingCalendar,
  type WorkflowPrincipal,
} from '@sipadu/workflow';
import type { GraphQLError } from 'graphql';
import type { Connection, Model } from 'mongoose';
import type { FlowDefinition, PointRule } from '../flows/flow-definition.js';
import {
  caseModel,
  type AttachmentRecord,
  type CaseFlow,
  type CaseModel,
  type CaseRecord,
  type PersonRecord,
  type StepOutcomeRecord,
} from '../models/case.model.js';
import type { CalendarService } from './calendar.service.js';
import {
  actionViews,
  attachmentViews,
  caseCursor,
  clockView,
  historyViews,
  notBefore,
  roundDays,
  stateLabel,
  type CaseActionView,
  type CaseAttachmentView,
  type CaseClockView,
  type CaseHistoryView,
} from './case-views.js';
import { CaseNumbers } from './case-number.js';

export const CASE_NOT_FOUND = 'Kasus tidak ditemukan.';
export const CASE_CHANGED = 'Data sudah diubah oleh pengguna lain. Muat ulang lalu coba lagi.';

export type CaseQueue = 'ALL' | 'MINE' | 'REQUESTED' | 'ASSIGNED' | 'OPEN' | 'OVERDUE';

export interface CreateCaseInput {
  flow: CaseFlow;
  principal: WorkflowPrincipal;
  title: string;
  organizationCode: string;
  organizationName: string | null;
  requester: PersonRecord | null;
  assignee?: PersonRecord | null;
  handlerOrganizationCode?: string | null;
  /** More text the list search should find (e.g. the unit's name). */
  extraSearch?: string;
  attachmentFileIds?: string[];
  fields: Partial<Pick<CaseRecord, 'consultation' | 'workItem' | 'ict' | 'complaint'>>;
  id?: string;
  now?: Date;
}

export interface TransitionCaseInput {
  flow: CaseFlow;
  id: string;
  /** The revision the caller saw; null for citizen/system paths, which retry on a fresh read. */
  revision: number | null;
  transition: string;
  principal: WorkflowPrincipal;
  note?: string | null;
  data?: Record<string, unknown>;
  attachmentFileIds?: string[];
  /** `$set` paths written with the transition, computed from the record it applies to. */
  set?: (record: CaseRecord) => Record<string, unknown>;
  now?: Date;
  /** The caller checked access itself (citizen tracking code, system timers). */
  skipReadCheck?: boolean;
}

export interface ListCasesInput {
  flow: CaseFlow;
  principal: WorkflowPrincipal;
  states?: string[];
  queue: CaseQueue;
  search?: string | null;
  extraFilter?: Record<string, unknown>;
  first: number;
  after?: string | null;
}

export interface CasePage {
  nodes: CaseRecord[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const MAX_PAGE = 100;
const MAX_SEARCH = 200;
/** Records read without the events they still carry (views never need them). */
const WITHOUT_EVENTS = { _pendingEvents: 0 } as const;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const historyActor = (principal: WorkflowPrincipal): HistoryActor => ({
  kind: principal.kind,
  id: principal.id,
  name: principal.name,
  organization: principal.organizationCode,
  roles: [...principal.roles],
});

/**
 * The envelope's actor. The envelope knows users, clients and the system; a citizen acting with a
 * tracking code is recorded as the system acting for them (the payload's actor says `public`).
 */
function envelopeActor(principal: WorkflowPrincipal): Actor {
  if (principal.kind === 'user' || principal.kind === 'client') {
    return { type: principal.kind, id: principal.id, org: principal.organizationCode };
  }
  return { type: 'system', id: null, org: null };
}

export function searchTextOf(title: string, number: string, extra?: string | null): string {
  return [title, number, extra ?? ''].join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A copy of the record with `$set` paths (`a.b.c`) applied, for the event of the same write. */
function withPaths(record: CaseRecord, set: Record<string, unknown>): CaseRecord {
  const result: Record<string, unknown> = { ...record };
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = result;
    for (const key of keys) {
      const child = node[key];
      node[key] =
        child && typeof child === 'object' && !(child instanceof Date)
          ? Array.isArray(child)
            ? [...(child as unknown[])]
            : { ...(child as Record<string, unknown>) }
          : {};
      node = node[key] as Record<string, unknown>;
    }
    node[last] = value;
  }
  return result as unknown as CaseRecord;
}

const isCode = (error: unknown, code: string) =>
  (error as GraphQLError | undefined)?.extensions?.code === code;

/**
 * The case engine of the four SI-KIMR flows: one `cases` collection, the flows' workflow tables
 * interpreted by @sipadu/workflow, service time on the Pemda's working-day calendar, and every
 * change a claimed write at the record's revision carrying its `consultations.case.*` event
 * (FerretDB v1: no transactions, conditional updates not atomic; see @sipadu/events
 * claimed-write). The flow services build on it; it is the only publisher of case events.
 */
export class CaseEngine {
  readonly model: CaseModel;
  private readonly outbox: Outbox;
  private readonly calendarService: CalendarService;
  private readonly flows: ReadonlyMap<CaseFlow, FlowDefinition>;
  private readonly pointOverrides: Partial<Record<CaseFlow, number>>;
  private readonly logger: Logger;
  private readonly numbers: CaseNumbers;

  constructor(options: {
    connection: Connection;
    outbox: Outbox;
    calendar: CalendarService;
    flows: readonly FlowDefinition[];
    pointOverrides: Partial<Record<CaseFlow, number>>;
    logger: Logger;
  }) {
    this.model = caseModel(options.connection);
    this.outbox = options.outbox;
    this.calendarService = options.calendar;
    this.flows = new Map(options.flows.map((flow) => [flow.flow, flow]));
    this.pointOverrides = options.pointOverrides;
    this.logger = options.logger;
    this.numbers = new CaseNumbers(options.connection);
  }

  /** Collections whose documents carry pending events, for the outbox relay's sweep. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the relay takes any model
  get eventSources(): Model<any>[] {
    return [this.model];
  }

  async init(): Promise<void> {
    await Promise.all([this.model.init(), this.numbers.init()]);
  }

  flow(flow: CaseFlow): FlowDefinition {
    const definition = this.flows.get(flow);
    if (!definition) throw new Error(`Case flow ${flow} is not registered`);
    return definition;
  }

  /** The flow's point rule with the POINT_RULES override applied; null when it earns none. */
  pointRule(flow: CaseFlow): PointRule | null {
    const rule = this.flow(flow).pointRule;
    return rule && { ...rule, points: this.pointOverrides[flow] ?? rule.points };
  }

  private get calendar(): WorkingCalendar {
    return this.calendarService.calendar();
  }

  // -------------------------------------------------------------------------------------------
  // Writes
  // -------------------------------------------------------------------------------------------

  /**
   * A new case in the workflow's initial state with its number, and one
   * `consultations.case.transitioned` event (transition `create`, from = to = initial).
   */
  async create(input: CreateCaseInput): Promise<CaseRecord> {
    const flow = this.flow(input.flow);
    const now = input.now ?? new Date();
    const calendar = this.calendar;
    const number = await this.numbers.claim(
      flow.numberPrefix,
      Number(calendar.dateOf(now).slice(0, 4)),
    );
    const actor = historyActor(input.principal);
    const state = flow.workflow.initial;
    const requester = input.requester ?? null;
    const assignee = input.assignee ?? null;
    const record: CaseRecord = {
      _id: input.id ?? randomUUID(),
      revision: 0,
      flow: flow.flow,
      number,
      title: input.title,
      searchText: searchTextOf(input.title, number, input.extraSearch),
      state,
      organizationCode: input.organizationCode,
      organizationName: input.organizationName,
      handlerOrganizationCode: input.handlerOrganizationCode ?? null,
      requesterId: requester?.id ?? null,
      requester,
      assigneeId: assignee?.id ?? null,
      assignee,
      history: [],
      attachments: [...new Set(input.attachmentFileIds ?? [])].map((fileId) => ({
        fileId,
        addedAt: now,
        addedBy: actor,
      })),
      stepOutcomes: [],
      stepDueAt: null,
      overdueReportedFor: null,
      closedAt: null,
      onTime: null,
      handlingWorkingDays: null,
      points: 0,
      ...input.fields,
      createdAt: now,
      updatedAt: now,
    };
    const clock = stepClock(flow.workflow, calendar, record, now);
    record.stepDueAt = clock.paused ? null : clock.dueAt;
    const entry: HistoryEntry = {
      transition: 'create',
      from: state,
      to: state,
      actor,
      at: now,
      note: null,
    };
    const event = this.transitionedEvent(flow, record, entry, clock, 0, input.principal);
    const created = await this.model.create({ ...record, ...eventsForInsert([event]) });
    const stored = created.toObject<CaseRecord>();
    // The relay's sweep moves the event if this fails; the case itself is stored.
    const released = await releasePendingEvents(this.model, this.outbox, stored).catch(
      (error: unknown) => {
        this.logger.warn(
          { err: error, caseId: record._id },
          'event kasus belum dipindah ke outbox',
        );
        return null;
      },
    );
    return released ?? stored;
  }

  /**
   * Applies the named transition: NOT_FOUND unless the caller may read the case, CONFLICT when
   * `revision` is stale (or the state or a guard does not allow it), FORBIDDEN for a wrong role or
   * relation, BAD_USER_INPUT for a missing note or field. One claimed write stores the state, the
   * history entry, attachments, the `set` paths, the clock fields, the ended step's outcome, the
   * close-out (onTime, handling time, points) and the event.
   */
  async transition(input: TransitionCaseInput): Promise<CaseRecord> {
    const flow = this.flow(input.flow);
    const attempt = async (): Promise<CaseRecord | null> => {
      const record = await this.load(flow.flow, input.id);
      if (!record || (!input.skipReadCheck && !flow.canRead(input.principal, record))) {
        throw notFound(CASE_NOT_FOUND);
      }
      if (input.revision !== null && record.revision !== input.revision) {
        throw conflict(CASE_CHANGED);
      }
      const { update, event } = this.decide(flow, record, input);
      const written = await commitAtRevision(this.model, this.outbox, record, [event], update);
      if (!written && input.revision !== null) throw conflict(CASE_CHANGED);
      return written;
    };
    if (input.revision === null) return retryAtRevision(attempt, CASE_CHANGED);
    return (await attempt()) as CaseRecord;
  }

  private decide(flow: FlowDefinition, record: CaseRecord, input: TransitionCaseInput) {
    const { workflow } = flow;
    const calendar = this.calendar;
    const now = notBefore(record, input.now ?? new Date());
    const { to, entry } = applyTransition(
      workflow,
      record,
      input.transition,
      input.principal,
      { note: input.note ?? null, data: input.data ?? {} },
      { now, guards: flow.guards ?? {}, relations: flow.relations ?? {} },
    );
    const set = input.set?.(record) ?? {};
    const known = new Set(record.attachments.map((attachment) => attachment.fileId));
    const attachments: AttachmentRecord[] = [...new Set(input.attachmentFileIds ?? [])]
      .filter((fileId) => !known.has(fileId))
      .map((fileId) => ({ fileId, addedAt: now, addedBy: entry.actor }));
    const next = withPaths(
      {
        ...record,
        state: to,
        history: [...record.history, entry],
        attachments: [...record.attachments, ...attachments],
        updatedAt: now,
      },
      set,
    );

    const before = stepClock(workflow, calendar, record, now);
    const after = stepClock(workflow, calendar, next, now);
    const stepEnded =
      before.step !== null &&
      (after.step !== before.step ||
        after.stepStartedAt?.getTime() !== before.stepStartedAt?.getTime());
    const outcome = stepEnded ? this.outcomeOf(flow, calendar, record, before, now) : null;
    const outcomes = outcome ? [...record.stepOutcomes, outcome] : record.stepOutcomes;
    const onTime = outcomes.every((o) => o.onTime);

    const fields: Record<string, unknown> = {
      ...set,
      state: to,
      updatedAt: now,
      stepDueAt: after.paused ? null : after.dueAt,
    };
    if (stepEnded) fields.overdueReportedFor = null;
    if (workflow.states[to]?.final) {
      Object.assign(fields, {
        closedAt: now,
        onTime,
        handlingWorkingDays: roundDays(after.elapsedWorkingDays),
      });
    }
    let points = 0;
    const rule = this.pointRule(flow.flow);
    if (rule && rule.transition === entry.transition) {
      points = rule.points + (onTime ? rule.onTimeBonus : 0);
      fields.points = points;
    }
    const push: Record<string, unknown> = { history: entry };
    if (attachments.length > 0) push.attachments = { $each: attachments };
    if (outcome) push.stepOutcomes = outcome;
    const event = this.transitionedEvent(flow, next, entry, after, points, input.principal);
    return { update: { $set: fields, $push: push }, event };
  }

  /**
   * The outcome of the step `before` describes, ended by a transition at `now`. A step left for a
   * pause it never came back to ended when the pause began (the handler's part was done then).
   */
  private outcomeOf(
    flow: FlowDefinition,
    calendar: WorkingCalendar,
    record: CaseRecord,
    before: StepClock,
    now: Date,
  ): StepOutcomeRecord {
    const step = before.step as string;
    const startedAt = before.stepStartedAt as Date;
    let endedAt = now;
    let view = record;
    if (before.paused) {
      const left = record.history.findLastIndex((e) => e.from === step && e.to !== step);
      const leaving = record.history[left];
      if (leaving) {
        endedAt = new Date(leaving.at);
        view = { ...record, state: step, history: record.history.slice(0, left) };
      }
    }
    const atEnd = stepClock(flow.workflow, calendar, view, endedAt);
    const atStart = stepClock(flow.workflow, calendar, view, startedAt);
    return {
      step,
      startedAt,
      endedAt,
      dueAt: atEnd.dueAt,
      onTime: atEnd.dueAt === null || endedAt < atEnd.dueAt,
      workingDays: roundDays(atEnd.elapsedWorkingDays - atStart.elapsedWorkingDays),
    };
  }

  /**
   * Raises `consultations.case.overdue` once per overdue step and runs the flows' system timers
   * that are due (a public complaint nobody replied to closes after its autoCloseDate). Safe on
   * every replica: each report and close is a claimed write.
   */
  async sweep(now = new Date()): Promise<{ overdue: number; autoClosed: number }> {
    const due = await this.model
      // A report stays until the step ends (a transition that ends a step clears it).
      .find(
        { closedAt: null, stepDueAt: { $lte: now }, overdueReportedFor: null },
        { _id: 1, flow: 1 },
      )
      .lean<Pick<CaseRecord, '_id' | 'flow'>[]>()
      .exec();
    let overdue = 0;
    for (const { _id, flow } of due) {
      if (!this.flows.has(flow)) continue;
      try {
        if (await this.reportOverdue(this.flow(flow), _id, now)) overdue += 1;
      } catch (error) {
        this.logger.error({ err: error, caseId: _id }, 'keterlambatan kasus tidak dapat dicatat');
      }
    }

    // Counted as autoClosed: the only timer today closes answered public complaints.
    let autoClosed = 0;
    const today = this.calendar.dateOf(now);
    for (const definition of this.flows.values()) {
      const { timer } = definition;
      if (!timer) continue;
      const expired = await this.model
        .find(
          { flow: definition.flow, state: timer.state, [timer.dateField]: { $lt: today } },
          { _id: 1 },
        )
        .lean<Pick<CaseRecord, '_id'>[]>()
        .exec();
      for (const { _id } of expired) {
        try {
          await this.transition({
            flow: definition.flow,
            id: _id,
            revision: null,
            transition: timer.transition,
            principal: SYSTEM_PRINCIPAL,
            skipReadCheck: true,
            now,
          });
          autoClosed += 1;
        } catch (error) {
          // Another replica took it, or the citizen replied in the meantime.
          if (!isCode(error, 'CONFLICT')) {
            this.logger.error(
              { err: error, caseId: _id },
              'transisi otomatis kasus tidak dapat dijalankan',
            );
          }
        }
      }
    }
    return { overdue, autoClosed };
  }

  /** True when this call reported the step; false when it is not (or no longer) due a report. */
  private reportOverdue(flow: FlowDefinition, id: string, now: Date): Promise<boolean> {
    return retryAtRevision(async () => {
      const record = await this.load(flow.flow, id);
      if (!record || record.closedAt) return false;
      const clock = stepClock(flow.workflow, this.calendar, record, notBefore(record, now));
      if (!clock.overdue || !clock.step || !clock.stepStartedAt || !clock.dueAt || !clock.dueDate) {
        return false;
      }
      const key = `${clock.step}@${clock.stepStartedAt.toISOString()}`;
      if (record.overdueReportedFor === key) return false;
      const event = createEvent(
        'consultations.case.overdue',
        {
          case: this.caseFacts(flow, record, clock),
          step: clock.step,
          stepLabel: stateLabel(flow, clock.step),
          dueAt: clock.dueAt.toISOString(),
          dueDate: clock.dueDate,
        },
        {
          actor: { type: 'system', id: null, org: null },
          subject: { type: flow.subjectType, id: record._id },
          org: record.organizationCode,
          occurredAt: now,
        },
      );
      const written = await commitAtRevision(this.model, this.outbox, record, [event], {
        $set: { overdueReportedFor: key },
      });
      return written ? true : null;
    }, CASE_CHANGED);
  }

  // -------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------

  /** The case, or null when it does not exist or the caller may not read it. */
  async get(
    flow: CaseFlow,
    id: string,
    principal: WorkflowPrincipal | null,
  ): Promise<CaseRecord | null> {
    const definition = this.flow(flow);
    if (!principal) return null;
    const record = await this.load(flow, id);
    return record && definition.canRead(principal, record) ? record : null;
  }

  /**
   * One page of the cases the caller may list, newest first, narrowed to states, a queue, a
   * search text and the flow service's own filter.
   */
  async list(input: ListCasesInput): Promise<CasePage> {
    const flow = this.flow(input.flow);
    const empty: CasePage = { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null };
    const scope = flow.listScope(input.principal);
    const queue = this.queueFilter(flow, input.principal, input.queue, new Date());
    if (scope === null || queue === null) return empty;
    const clauses: Record<string, unknown>[] = [{ flow: flow.flow }, scope, queue];
    if (input.states && input.states.length > 0) clauses.push({ state: { $in: input.states } });
    const search = input.search?.trim().toLowerCase().slice(0, MAX_SEARCH);
    if (search) clauses.push({ searchText: { $regex: escapeRegex(search) } });
    if (input.extraFilter) clauses.push(input.extraFilter);
    const filter = { $and: clauses.filter((clause) => Object.keys(clause).length > 0) };

    const first = Math.min(MAX_PAGE, Math.max(1, Math.trunc(input.first) || 1));
    let pageFilter: Record<string, unknown> = filter;
    if (input.after) {
      const [at, id] = decodeKeyCursor(input.after, 'date');
      pageFilter = {
        $and: [
          ...filter.$and,
          { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: id } }] },
        ],
      };
    }
    const [rows, totalCount] = await Promise.all([
      this.model
        .find(pageFilter, WITHOUT_EVENTS)
        .sort({ createdAt: -1, _id: -1 })
        .limit(first + 1)
        .lean<CaseRecord[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      hasNextPage: rows.length > first,
      endCursor: last ? caseCursor(last) : null,
    };
  }

  /** Mongo filter of a queue for the caller; `{}` = no narrowing, null = nothing. */
  private queueFilter(
    flow: FlowDefinition,
    principal: WorkflowPrincipal,
    queue: CaseQueue,
    now: Date,
  ): Record<string, unknown> | null {
    switch (queue) {
      case 'ALL':
        return {};
      case 'REQUESTED':
        return { requesterId: principal.id };
      case 'ASSIGNED':
        return { assigneeId: principal.id };
      case 'OPEN':
        return { closedAt: null };
      case 'OVERDUE':
        return { closedAt: null, stepDueAt: { $lte: now } };
      case 'MINE':
        return this.waitingOn(flow, principal);
    }
  }

  /**
   * Cases waiting for the caller: in a state with a transition the caller's roles and relations
   * allow, read from the workflow table. A transition back into its own state (re-routing) is a
   * correction anyone may make at any time, not something the case waits for.
   */
  private waitingOn(
    flow: FlowDefinition,
    principal: WorkflowPrincipal,
  ): Record<string, unknown> | null {
    const clauses: Record<string, unknown>[] = [];
    for (const t of flow.workflow.transitions) {
      if (t.roles === 'system') continue;
      if (t.roles !== 'any' && !t.roles.some((role) => principal.roles.includes(role))) continue;
      const from = t.from.filter((state) => state !== t.to);
      if (from.length === 0) continue;
      const inState = { state: { $in: from } };
      if (t.actor.length === 0) {
        clauses.push(inState);
        continue;
      }
      const relations = t.actor
        .map((relation) => this.relationFilter(flow, relation, principal))
        .filter((filter): filter is Record<string, unknown> => filter !== null);
      if (relations.length === 0) continue;
      clauses.push({
        $and: [inState, relations.length === 1 ? relations[0] : { $or: relations }],
      });
    }
    return clauses.length > 0 ? { $or: clauses } : null;
  }

  private relationFilter(
    flow: FlowDefinition,
    relation: string,
    principal: WorkflowPrincipal,
  ): Record<string, unknown> | null {
    switch (relation) {
      case 'assignee':
        return { assigneeId: principal.id };
      case 'requester':
        return { requesterId: principal.id };
      case 'organization':
        return principal.organizationCode ? { organizationCode: principal.organizationCode } : null;
      default:
        return flow.relationFilters?.[relation]?.(principal) ?? null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Views (GraphQL shapes shared by the flows)
  // -------------------------------------------------------------------------------------------

  clock(record: CaseRecord, now = new Date()): CaseClockView {
    return clockView(this.flow(record.flow), this.calendar, record, now);
  }

  actions(record: CaseRecord, principal: WorkflowPrincipal | null): CaseActionView[] {
    return actionViews(this.flow(record.flow), record, principal);
  }

  historyView(record: CaseRecord): CaseHistoryView[] {
    return historyViews(this.flow(record.flow), record);
  }

  attachmentsView(record: CaseRecord): CaseAttachmentView[] {
    return attachmentViews(record);
  }

  statusLabel(record: CaseRecord): string {
    return stateLabel(this.flow(record.flow), record.state);
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  private load(flow: CaseFlow, id: string): Promise<CaseRecord | null> {
    return this.model.findOne({ _id: id, flow }, WITHOUT_EVENTS).lean<CaseRecord>().exec();
  }

  /** What every consumer of a case event needs (caseFacts of the event schemas). */
  private caseFacts(flow: FlowDefinition, record: CaseRecord, clock: StepClock) {
    const running = !clock.paused;
    return {
      id: record._id,
      flow: record.flow,
      number: record.number,
      title: record.title,
      organizationCode: record.organizationCode,
      handlerOrganizationCode: record.handlerOrganizationCode ?? null,
      requesterId: record.requesterId ?? null,
      assigneeId: record.assigneeId ?? null,
      assigneeName: record.assignee?.name ?? null,
      status: record.state,
      statusLabel: stateLabel(flow, record.state),
      dueAt: running && clock.dueAt ? clock.dueAt.toISOString() : null,
      dueDate: running ? clock.dueDate : null,
      attachmentFileIds: record.attachments.map((attachment) => attachment.fileId),
      link: flow.linkOf(record._id),
    };
  }

  private transitionedEvent(
    flow: FlowDefinition,
    record: CaseRecord,
    entry: HistoryEntry,
    clock: StepClock,
    pointsAwarded: number,
    principal: WorkflowPrincipal,
  ): EventEnvelope {
    return createEvent(
      'consultations.case.transitioned',
      {
        ...transitionEventData(flow.workflow, record._id, entry),
        case: this.caseFacts(flow, record, clock),
        pointsAwarded,
      },
      {
        actor: envelopeActor(principal),
        subject: { type: flow.subjectType, id: record._id },
        org: record.organizationCode,
        occurredAt: entry.at,
      },
    );
  }
}

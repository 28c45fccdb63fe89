import { randomUUID } from 'node:crypto';
import {
  commitAtRevision,
  createEvent,
  eventsForInsert,
  isDuplicateKey,
  releasePendingEvents,
  retryAtRevision,
  type Outbox,
} from '@sipadu/events';
import type { GeneratedFile } from '@sipadu/reports';
import {
  actorOf,
  badInput,
  forbidden,
  type Logger,
  type Principal,
  type Role,
} from '@sipadu/service-kit';
import type { Connection, mongo } from 'mongoose';
import { access } from '../access.js';
import type { FlowDefinition } from '../flows/flow-definition.js';
import type { PublishedRecap } from '../generated/graphql.js';
import { CASE_FLOWS, type CaseFlow, type CaseModel } from '../models/case.model.js';
import {
  publishedRecapModel,
  type PublishedRecapModel,
  type PublishedRecapRecord,
  type RecapData,
} from '../models/published-recap.model.js';
import type { CalendarService } from './calendar.service.js';
import { roundDays } from './case-views.js';
import {
  CASE_FACTS_PROJECTION,
  type CaseFacts,
  type PerformanceService,
} from './performance.service.js';
import { recapFile, type RecapFormat } from './recap-report.js';
import {
  activeInWindow,
  FLOW_LABELS,
  isCompleted,
  isOpenAt,
  isOverdueAt,
  LOOP_TRANSITIONS,
  monthWeeks,
  monthWindow,
  shareOf,
} from './recap-rules.js';

/** Who reads a flow's recaps (and its filed documents): the SOP's recipients and the leaders. */
export const RECAP_READER_ROLES: Readonly<Record<CaseFlow, readonly Role[]>> = {
  CONSULTATION: ['direktur', 'super-admin', 'pimpinan'],
  WORK_ITEM: ['direktur', 'super-admin', 'pimpinan'],
  ICT_COMPLAINT: ['pengelola-tik', 'super-admin', 'pimpinan'],
  PUBLIC_COMPLAINT: ['super-admin', 'pimpinan'],
};
/** Who may publish a recap on demand: its readers except pimpinan, who only reads. */
const RECAP_PUBLISHER_ROLES: Readonly<Record<CaseFlow, readonly Role[]>> = {
  CONSULTATION: ['direktur', 'super-admin'],
  WORK_ITEM: ['direktur', 'super-admin'],
  ICT_COMPLAINT: ['pengelola-tik', 'super-admin'],
  PUBLIC_COMPLAINT: ['super-admin'],
};

const holdsAny = (principal: Principal, roles: readonly Role[]) =>
  roles.some((role) => principal.roles.includes(role));

export const canReadRecap = (principal: Principal, flow: CaseFlow) =>
  holdsAny(principal, RECAP_READER_ROLES[flow]);

/** A replica that claimed a scheduled recap and did not publish it within this lease crashed. */
const SCHEDULE_LEASE_MS = 10 * 60_000;
/** Takeovers of crashed claims per recap (each a new unique id). */
const SCHEDULE_ATTEMPTS = 5;
const MAX_LISTED = 120;

/** What the recaps need of the case engine (CaseEngine). */
export interface RecapEngine {
  readonly model: CaseModel;
  flow(flow: CaseFlow): FlowDefinition;
}

export interface RecapServiceOptions {
  connection: Connection;
  outbox: Outbox;
  engine: RecapEngine;
  performance: Pick<PerformanceService, 'lines'>;
  calendar: Pick<CalendarService, 'calendar'>;
  timeZone: string;
  logger: Logger;
}

export type PublishedRecapView = Omit<PublishedRecap, '__typename' | 'recap'> & {
  recap: RecapData;
};

interface ScheduleClaim {
  _id: string;
  at: Date;
}

/**
 * Monthly recaps per flow (SOP SI-KIMR: "rekapitulasi bulanan … kepada Direktur"; issue 8 item 7):
 * volumes, on-time share, average handling time, open backlog, loops and points, computed from the
 * cases in the database with the month's boundaries in TZ_PEMDA. Publishing stores an immutable
 * snapshot and announces it with the rendered PDF and Excel (`consultations.recap.published`),
 * which the documents service files for the flow's readers.
 */
export class RecapService {
  readonly model: PublishedRecapModel;
  /** Outbox sources of the relay: snapshots carry their announcement until it is released. */
  readonly eventSources: PublishedRecapModel[];
  private readonly claims: mongo.Collection<ScheduleClaim>;

  constructor(private readonly deps: RecapServiceOptions) {
    this.model = publishedRecapModel(deps.connection);
    this.eventSources = [this.model];
    this.claims = deps.connection.collection<ScheduleClaim>(
      'recap_schedule_claims',
    ) as unknown as mongo.Collection<ScheduleClaim>;
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /**
   * The recap of `month` computed now. Received: filed in the month; completed: reached a
   * completing final state in the month (cancelled/rejected cases are not completed); open at the
   * end: filed before the month's end and not closed by then (for the running month: now), of
   * which overdue: the step's clock, replayed from the history up to that instant, had passed its
   * due time; loops: return/reopen/reply transitions taken in the month.
   */
  async compute(flow: CaseFlow, month: string, now = new Date()): Promise<RecapData> {
    const calendar = this.deps.calendar.calendar();
    const window = monthWindow(calendar, month);
    if (window.start > now) {
      throw badInput(`Bulan ${window.label} belum dimulai.`, { fields: ['month'] });
    }
    const cutoff = window.end < now ? window.end : now;
    const { workflow } = this.deps.engine.flow(flow);
    const loops = new Set(LOOP_TRANSITIONS[flow]);
    const records = await this.deps.engine.model
      .find({ flow, ...activeInWindow(window) }, CASE_FACTS_PROJECTION)
      .sort({ number: 1 })
      .lean<CaseFacts[]>()
      .exec();

    const within = (date: Date | null, from = window.start, to = cutoff) =>
      date !== null && date >= from && date < to;
    const received = records.filter((record) => within(new Date(record.createdAt)));
    const completed = records.filter(
      (record) => isCompleted(record) && within(new Date(record.closedAt as Date)),
    );
    const open = records.filter((record) =>
      isOpenAt(
        {
          createdAt: new Date(record.createdAt),
          closedAt: record.closedAt && new Date(record.closedAt),
        },
        cutoff,
      ),
    );
    const overdue = open.filter((record) => isOverdueAt(workflow, calendar, record, cutoff));
    const loopCount = records.reduce(
      (sum, record) =>
        sum +
        record.history.filter((entry) => loops.has(entry.transition) && within(new Date(entry.at)))
          .length,
      0,
    );
    const timed = completed.flatMap((record) => record.handlingWorkingDays ?? []);
    const completedOnTime = completed.filter((record) => record.onTime === true).length;
    const { officers, units } = await this.deps.performance.lines(records, {
      ...window,
      end: cutoff,
    });
    const numbers = (list: CaseFacts[]) => list.map((record) => record.number);
    return {
      flow,
      flowLabel: FLOW_LABELS[flow],
      month: window.key,
      monthLabel: window.label,
      received: received.length,
      completed: completed.length,
      completedOnTime,
      onTimeShare: shareOf(completedOnTime, completed.length),
      averageHandlingDays:
        timed.length === 0
          ? null
          : roundDays(timed.reduce((sum, value) => sum + value, 0) / timed.length),
      openAtEnd: open.length,
      overdueAtEnd: overdue.length,
      loops: loopCount,
      points: completed.reduce((sum, record) => sum + (record.points ?? 0), 0),
      byOfficer: officers,
      byUnit: units,
      receivedCaseNumbers: numbers(received),
      completedCaseNumbers: numbers(completed),
      openCaseNumbers: numbers(open),
      generatedAt: now.toISOString(),
      weeks: monthWeeks(calendar, window.key).map((week) => ({
        label: week.label,
        received: received.filter((r) => within(new Date(r.createdAt), week.start, week.end))
          .length,
        completed: completed.filter((r) =>
          within(new Date(r.closedAt as Date), week.start, week.end),
        ).length,
      })),
    };
  }

  /** `monthlyRecap`: the recap computed now, for the flow's readers. */
  async monthlyRecap(
    principal: Principal | null,
    flow: CaseFlow,
    month: string,
  ): Promise<RecapData> {
    this.requireReader(principal, 'Query.monthlyRecap', flow);
    return this.compute(flow, month);
  }

  /**
   * Publishes the recap of an ended month: computes it, renders the PDF and the Excel workbook,
   * and stores the snapshot with its `consultations.recap.published` event in one write (a
   * re-publish replaces the snapshot at the next revision and files new documents).
   */
  async publish(
    flow: CaseFlow,
    month: string,
    trigger: 'SCHEDULE' | 'MANUAL',
    principal: Principal | null,
  ): Promise<PublishedRecapView> {
    let publisher: Principal | null = null;
    if (trigger === 'MANUAL') {
      publisher = access.require(principal, 'Mutation.publishMonthlyRecap');
      if (!holdsAny(publisher, RECAP_PUBLISHER_ROLES[flow])) {
        throw forbidden(`Anda tidak berwenang menerbitkan rekap ${FLOW_LABELS[flow]}.`);
      }
    }
    const now = new Date();
    const window = monthWindow(this.deps.calendar.calendar(), month);
    if (window.end > now) {
      throw badInput(`Rekap ${window.label} baru dapat diterbitkan setelah bulan itu berakhir.`, {
        fields: ['month'],
      });
    }
    const recap = await this.compute(flow, window.key, now);
    const [pdf, xlsx] = await Promise.all([
      recapFile(recap, 'PDF', now, this.deps.timeZone),
      recapFile(recap, 'XLSX', now, this.deps.timeZone),
    ]);
    const id = `${flow}:${window.key}`;
    const pdfFileId = randomUUID();
    const xlsxFileId = randomUUID();
    const fileEntry = (fileId: string, file: GeneratedFile) => ({
      fileId,
      filename: file.filename,
      contentType: file.contentType,
      base64: file.base64,
    });
    const event = createEvent(
      'consultations.recap.published',
      {
        recapId: id,
        flow,
        flowLabel: recap.flowLabel,
        month: recap.month,
        monthLabel: recap.monthLabel,
        trigger,
        received: recap.received,
        completed: recap.completed,
        completedOnTime: recap.completedOnTime,
        openAtEnd: recap.openAtEnd,
        points: recap.points,
        readerRoles: [...RECAP_READER_ROLES[flow]],
        files: [fileEntry(pdfFileId, pdf), fileEntry(xlsxFileId, xlsx)],
      },
      {
        actor: actorOf(publisher),
        subject: { type: 'MonthlyRecap', id },
        org: null,
        occurredAt: now,
      },
    );
    const fields = {
      flow,
      month: recap.month,
      recap,
      trigger,
      publishedAt: now,
      publishedBy: publisher
        ? { id: publisher.id, name: publisher.name ?? publisher.username }
        : null,
      pdfFileId,
      xlsxFileId,
    };
    const record = await retryAtRevision(async () => {
      const existing = await this.model.findById(id).lean<PublishedRecapRecord>().exec();
      if (existing) {
        return commitAtRevision(this.model, this.deps.outbox, existing, [event], { $set: fields });
      }
      const created: PublishedRecapRecord = {
        _id: id,
        revision: 0,
        ...fields,
        ...eventsForInsert([event]),
      };
      try {
        await this.model.collection.insertOne(created as never);
      } catch (error) {
        // Published by someone else meanwhile: replace theirs at its revision.
        if (isDuplicateKey(error)) return null;
        throw error;
      }
      return (await releasePendingEvents(this.model, this.deps.outbox, created)) ?? created;
    }, `Rekap ${FLOW_LABELS[flow]} ${recap.monthLabel} sedang diterbitkan pengguna lain; coba lagi.`);
    this.deps.logger.info(
      { recapId: id, trigger, revision: record.revision, by: publisher?.id ?? null },
      'rekap bulanan diterbitkan',
    );
    return view(record);
  }

  /**
   * The scheduler's publication of a month: once across replicas. A unique-`_id` claim is taken
   * before anything is computed; a claim whose replica did not publish within the lease (crash)
   * is taken over under the next attempt's id. Null: already published, or another replica's.
   */
  async publishScheduled(flow: CaseFlow, month: string): Promise<PublishedRecapView | null> {
    const id = `${flow}:${month}`;
    if (await this.model.exists({ _id: id })) return null;
    if (!(await this.claimSchedule(id))) return null;
    // A manual publication between the check and the claim stands.
    if (await this.model.exists({ _id: id })) return null;
    return this.publish(flow, month, 'SCHEDULE', null);
  }

  /** `publishedRecaps`: newest months first, the flows the caller reads. */
  async published(
    principal: Principal | null,
    flow: CaseFlow | null,
    first: number,
  ): Promise<PublishedRecapView[]> {
    const caller = access.require(principal, 'Query.publishedRecaps');
    if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED) {
      throw badInput(`first harus antara 1 dan ${MAX_LISTED}.`, { fields: ['first'] });
    }
    if (flow) this.requireReader(caller, 'Query.publishedRecaps', flow);
    const flows = flow ? [flow] : CASE_FLOWS.filter((candidate) => canReadRecap(caller, candidate));
    if (flows.length === 0) throw forbidden('Anda tidak berwenang melihat rekap bulanan.');
    const rows = await this.model
      .find({ flow: { $in: flows } }, { _pendingEvents: 0 })
      .sort({ month: -1, flow: 1 })
      .limit(first)
      .lean<PublishedRecapRecord[]>()
      .exec();
    return rows.map(view);
  }

  /** `monthlyRecapFile`: the published snapshot's file, or the recap computed now. */
  async file(
    principal: Principal | null,
    flow: CaseFlow,
    month: string,
    format: RecapFormat,
  ): Promise<GeneratedFile> {
    this.requireReader(principal, 'Query.monthlyRecapFile', flow);
    const window = monthWindow(this.deps.calendar.calendar(), month);
    const snapshot = await this.model
      .findById(`${flow}:${window.key}`, { recap: 1, publishedAt: 1 })
      .lean<Pick<PublishedRecapRecord, 'recap' | 'publishedAt'>>()
      .exec();
    const now = new Date();
    const recap = snapshot?.recap ?? (await this.compute(flow, window.key, now));
    return recapFile(recap, format, snapshot?.publishedAt ?? now, this.deps.timeZone);
  }

  private requireReader(
    principal: Principal | null,
    action: 'Query.monthlyRecap' | 'Query.publishedRecaps' | 'Query.monthlyRecapFile',
    flow: CaseFlow,
  ): Principal {
    const caller = access.require(principal, action);
    if (!canReadRecap(caller, flow)) {
      throw forbidden(`Anda tidak berwenang melihat rekap ${FLOW_LABELS[flow]}.`);
    }
    return caller;
  }

  private async claimSchedule(id: string): Promise<boolean> {
    for (let attempt = 1; attempt <= SCHEDULE_ATTEMPTS; attempt += 1) {
      const claimId = attempt === 1 ? id : `${id}#${attempt}`;
      try {
        await this.claims.insertOne({ _id: claimId, at: new Date() });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const claim = await this.claims.findOne({ _id: claimId });
      if (claim && Date.now() - new Date(claim.at).getTime() < SCHEDULE_LEASE_MS) return false;
    }
    return false;
  }
}

function view(record: PublishedRecapRecord): PublishedRecapView {
  return {
    id: record._id,
    flow: record.flow,
    month: record.month,
    recap: record.recap,
    trigger: record.trigger,
    publishedAt: new Date(record.publishedAt).toISOString(),
    publishedBy: record.publishedBy?.name ?? null,
    // The gateway resolves the files from the documents service once it filed them.
    pdfFile: { id: record.pdfFileId },
    xlsxFile: { id: record.xlsxFileId },
  };
}

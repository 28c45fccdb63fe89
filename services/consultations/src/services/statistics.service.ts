import type { OrganizationDirectory } from '@sipadu/directory';
import { badInput, type Principal } from '@sipadu/service-kit';
import type { IsoDate, Workflow, WorkingCalendar } from '@sipadu/workflow';
import { access } from '../access.js';
import type {
  ComplaintMonthStatistic,
  ComplaintStatisticRow,
  ComplaintStatistics,
  ServiceTimeStatistic,
  StatisticRecord,
} from '../generated/graphql.js';
import {
  CASE_FLOWS,
  type CaseFlow,
  type CaseRecord,
  type PublicComplaintFields,
} from '../models/case.model.js';
import type { CalendarService } from './calendar.service.js';
import type { CaseEngine } from './case-engine.service.js';
import { iso, notBefore, stateLabel } from './case-views.js';
import { CASE_FACTS_PROJECTION, type CaseFacts } from './performance.service.js';
import { isCompleted, isOverdueAt, monthOf, nextMonth } from './recap-rules.js';

/** The case fields the statistics read: never a complaint's text or its complainant's contact. */
type StatisticFacts = CaseFacts &
  Pick<CaseRecord, 'title' | 'stepOutcomes'> & {
    complaint?: Pick<PublicComplaintFields, 'rating'>;
  };
const STATISTIC_PROJECTION: Readonly<Record<string, 1>> = {
  ...CASE_FACTS_PROJECTION,
  title: 1,
  stepOutcomes: 1,
  'complaint.rating': 1,
};

const DATE = /^(\d{4})-\d{2}-\d{2}$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_RANGE_YEARS = 3;
const MAX_RECORDS = 500;
const TOTAL_NAME = 'Seluruh Pemda';

/** Inclusive local dates `from`–`to` as the instants they span in the Pemda's zone. */
interface DateRange {
  from: IsoDate;
  to: IsoDate;
  start: Date;
  /** Exclusive: the start of the day after `to`. */
  end: Date;
  /** The months (`YYYY-MM`) the range touches, in order. */
  months: string[];
}

function parseDate(value: string, field: 'from' | 'to'): IsoDate {
  const date = value.trim();
  const year = Number(DATE.exec(date)?.[1]);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !(year >= MIN_YEAR && year <= MAX_YEAR) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw badInput(
      `${field} harus tanggal berformat YYYY-MM-DD (tahun ${MIN_YEAR}–${MAX_YEAR}), mis. 2026-05-31.`,
      { fields: [field] },
    );
  }
  return date;
}

function dateRange(calendar: WorkingCalendar, fromValue: string, toValue: string): DateRange {
  const from = parseDate(fromValue, 'from');
  const to = parseDate(toValue, 'to');
  if (to < from) {
    throw badInput('Tanggal to tidak boleh sebelum tanggal from.', { fields: ['to'] });
  }
  // Same month and day, MAX_RANGE_YEARS later (string order is date order for YYYY-MM-DD).
  if (to >= `${Number(from.slice(0, 4)) + MAX_RANGE_YEARS}${from.slice(4)}`) {
    throw badInput(`Rentang from–to paling lama ${MAX_RANGE_YEARS} tahun.`, {
      fields: ['from', 'to'],
    });
  }
  const months = [monthOf(from)];
  while ((months.at(-1) as string) < monthOf(to)) months.push(nextMonth(months.at(-1) as string));
  return {
    from,
    to,
    start: calendar.startOf(from),
    end: calendar.startOf(calendar.nextDate(to)),
    months,
  };
}

/**
 * The organization answerable for a case's service time: the handling organization of a
 * consultation or an ICT complaint (the requester's until it is routed), the organization of a
 * work item, the target agency of a public complaint.
 */
function responsibleOrganization(record: StatisticFacts): string {
  return record.flow === 'CONSULTATION' || record.flow === 'ICT_COMPLAINT'
    ? (record.handlerOrganizationCode ?? record.organizationCode)
    : record.organizationCode;
}

/** Mongo filter equivalent of `responsibleOrganization(record) === code` within one flow. */
function responsibleFilter(flow: CaseFlow, code: string): Record<string, unknown> {
  return flow === 'CONSULTATION' || flow === 'ICT_COMPLAINT'
    ? {
        $or: [
          { handlerOrganizationCode: code },
          { handlerOrganizationCode: null, organizationCode: code },
        ],
      }
    : { organizationCode: code };
}

/**
 * A complaint answered (it reached ANSWERED) with every timed step up to its first answer within
 * its service time; the cycles after a citizen's reply count in the case's own `onTime`. The step
 * the answer ended is recorded only when the complaint closes (the answer pauses it), so its clock
 * is replayed up to the answer; the steps before it have their outcomes.
 */
function answeredOnTime(
  workflow: Workflow,
  calendar: WorkingCalendar,
  record: StatisticFacts,
): boolean {
  const answer = record.history.find((entry) => entry.to === 'ANSWERED');
  if (!answer) return false;
  const answeredAt = new Date(answer.at);
  return (
    (record.stepOutcomes ?? [])
      .filter((outcome) => new Date(outcome.endedAt) <= answeredAt)
      .every((outcome) => outcome.onTime) && !isOverdueAt(workflow, calendar, record, answeredAt)
  );
}

type ComplaintFigures = Omit<
  ComplaintStatisticRow,
  '__typename' | 'organizationCode' | 'organizationName' | 'averageRating'
>;
type MonthFigures = Omit<ComplaintMonthStatistic, '__typename' | 'month'>;
type ServiceTimeFigures = Omit<
  ServiceTimeStatistic,
  '__typename' | 'flow' | 'organizationCode' | 'organizationName'
>;

const emptyComplaintFigures = (): ComplaintFigures => ({
  received: 0,
  rejected: 0,
  answered: 0,
  answeredOnTime: 0,
  closed: 0,
  rated: 0,
  ratingSum: 0,
  open: 0,
  overdue: 0,
});

function addFigures<K extends string>(into: Record<K, number>, add: Record<K, number>): void {
  for (const key of Object.keys(add) as K[]) into[key] += add[key];
}

const averageRating = (figures: ComplaintFigures) =>
  figures.rated === 0 ? null : Math.round((figures.ratingSum / figures.rated) * 10) / 10;

export interface StatisticsServiceOptions {
  engine: Pick<CaseEngine, 'model' | 'flow'>;
  organizations: Pick<OrganizationDirectory, 'names'>;
  calendar: Pick<CalendarService, 'calendar'>;
}

/**
 * Statistics of the cases received in a date range, for the performance assessment, the leaders'
 * dashboard, open data and partner systems (issue 9): public complaints per target agency and per
 * month (open data: figures only), service-time compliance per flow and answerable organization,
 * and the cases behind those figures. Counted from the cases as the engine stores them, with the
 * clock and on-time rules of the recaps; the figures of each case come from `caseFigures`.
 */
export class StatisticsService {
  constructor(private readonly deps: StatisticsServiceOptions) {}

  /** `complaintStatistics` (public): per target agency, the Pemda total and per month. */
  async complaintStatistics(
    principal: Principal | null,
    from: string,
    to: string,
    now = new Date(),
  ): Promise<ComplaintStatistics> {
    access.assert(principal, 'Query.complaintStatistics');
    const calendar = this.deps.calendar.calendar();
    const range = dateRange(calendar, from, to);
    const records = await this.load({ flow: 'PUBLIC_COMPLAINT' }, range);
    const total = emptyComplaintFigures();
    const byOrganization = new Map<string, ComplaintFigures>();
    const byMonth = new Map<string, MonthFigures>(
      range.months.map((month) => [month, { received: 0, answered: 0, answeredOnTime: 0 }]),
    );
    for (const record of records) {
      const figures = this.complaintFigures(record, calendar, now);
      addFigures(total, figures);
      const organization = byOrganization.get(record.organizationCode) ?? emptyComplaintFigures();
      addFigures(organization, figures);
      byOrganization.set(record.organizationCode, organization);
      const month = byMonth.get(monthOf(calendar.dateOf(new Date(record.createdAt))));
      if (month) {
        addFigures(month, {
          received: figures.received,
          answered: figures.answered,
          answeredOnTime: figures.answeredOnTime,
        });
      }
    }
    const names = await this.deps.organizations.names([...byOrganization.keys()]);
    const row = (code: string | null, name: string, figures: ComplaintFigures) => ({
      organizationCode: code,
      organizationName: name,
      ...figures,
      averageRating: averageRating(figures),
    });
    return {
      from: range.from,
      to: range.to,
      total: row(null, TOTAL_NAME, total),
      organizations: [...byOrganization]
        .map(([code, figures]) => row(code, names.get(code) ?? code, figures))
        .sort(
          (a, b) =>
            b.received + b.rejected - (a.received + a.rejected) ||
            a.organizationName.localeCompare(b.organizationName, 'id'),
        ),
      months: [...byMonth].map(([month, figures]) => ({ month, ...figures })),
    };
  }

  /** `serviceTimeStatistics`: per flow and answerable organization, flows in their usual order. */
  async serviceTimeStatistics(
    principal: Principal | null,
    from: string,
    to: string,
    now = new Date(),
  ): Promise<ServiceTimeStatistic[]> {
    access.require(principal, 'Query.serviceTimeStatistics');
    const calendar = this.deps.calendar.calendar();
    const range = dateRange(calendar, from, to);
    const records = await this.load({ flow: { $in: [...CASE_FLOWS] } }, range);
    const lines = new Map<string, { flow: CaseFlow; code: string; figures: ServiceTimeFigures }>();
    for (const record of records) {
      const code = responsibleOrganization(record);
      const key = `${record.flow}\u0000${code}`;
      const line = lines.get(key) ?? {
        flow: record.flow,
        code,
        figures: { received: 0, completed: 0, completedOnTime: 0, open: 0, overdue: 0 },
      };
      const { completed, onTime, open, overdue } = this.caseFigures(record, calendar, now);
      addFigures(line.figures, {
        received: 1,
        completed: Number(completed),
        completedOnTime: Number(completed && onTime === true),
        open: Number(open),
        overdue: Number(overdue),
      });
      lines.set(key, line);
    }
    const names = await this.deps.organizations.names([...lines.values()].map((l) => l.code));
    return [...lines.values()]
      .map(({ flow, code, figures }) => ({
        flow,
        organizationCode: code,
        organizationName: names.get(code) ?? code,
        ...figures,
      }))
      .sort(
        (a, b) =>
          CASE_FLOWS.indexOf(a.flow) - CASE_FLOWS.indexOf(b.flow) ||
          a.organizationName.localeCompare(b.organizationName, 'id'),
      );
  }

  /**
   * `statisticRecords`: the cases of one flow and answerable organization received in the range,
   * newest first, as the statistics count them (completedAt and onTime are set once the case has
   * ended; a cancelled or rejected case shows its status and is not counted as completed).
   */
  async statisticRecords(
    principal: Principal | null,
    flow: CaseFlow,
    organizationCode: string,
    from: string,
    to: string,
    first: number,
    now = new Date(),
  ): Promise<StatisticRecord[]> {
    access.require(principal, 'Query.statisticRecords');
    if (!Number.isInteger(first) || first < 1 || first > MAX_RECORDS) {
      throw badInput(`first harus antara 1 dan ${MAX_RECORDS}.`, { fields: ['first'] });
    }
    const code = organizationCode.trim();
    if (!code) throw badInput('organizationCode wajib diisi.', { fields: ['organizationCode'] });
    const calendar = this.deps.calendar.calendar();
    const range = dateRange(calendar, from, to);
    const records = await this.load({ flow, ...responsibleFilter(flow, code) }, range, first);
    const definition = this.deps.engine.flow(flow);
    return records.map((record) => {
      const { overdue } = this.caseFigures(record, calendar, now);
      return {
        id: record._id,
        flow: record.flow,
        number: record.number,
        title: record.title,
        status: record.state,
        statusLabel: stateLabel(definition, record.state),
        receivedAt: new Date(record.createdAt).toISOString(),
        completedAt: iso(record.closedAt),
        onTime: record.closedAt ? (record.onTime ?? null) : null,
        overdue,
        rating: record.complaint?.rating ?? null,
      };
    });
  }

  /** Cases received in the range matching `filter`, newest first (all of them without `limit`). */
  private load(
    filter: Record<string, unknown>,
    range: DateRange,
    limit?: number,
  ): Promise<StatisticFacts[]> {
    const query = this.deps.engine.model
      .find({ ...filter, createdAt: { $gte: range.start, $lt: range.end } }, STATISTIC_PROJECTION)
      .sort({ createdAt: -1, _id: -1 });
    if (limit !== undefined) query.limit(limit);
    return query.lean<StatisticFacts[]>().exec();
  }

  /**
   * One case now: completed (a completing final state), its on-time verdict, still open, and
   * overdue (open and its step's clock, as the case page shows it, past the due time).
   */
  private caseFigures(record: StatisticFacts, calendar: WorkingCalendar, now: Date) {
    const open = record.closedAt == null;
    const { workflow } = this.deps.engine.flow(record.flow);
    return {
      completed: isCompleted(record),
      onTime: record.onTime,
      open,
      overdue: open && isOverdueAt(workflow, calendar, record, notBefore(record, now)),
    };
  }

  private complaintFigures(
    record: StatisticFacts,
    calendar: WorkingCalendar,
    now: Date,
  ): ComplaintFigures {
    const rejected = record.state === 'REJECTED';
    const answered = record.history.some((entry) => entry.to === 'ANSWERED');
    const rating = record.complaint?.rating ?? null;
    const { open, overdue } = this.caseFigures(record, calendar, now);
    return {
      received: Number(!rejected),
      rejected: Number(rejected),
      answered: Number(answered),
      answeredOnTime: Number(
        answered && answeredOnTime(this.deps.engine.flow(record.flow).workflow, calendar, record),
      ),
      closed: Number(record.state === 'CLOSED'),
      rated: Number(rating !== null),
      ratingSum: rating ?? 0,
      open: Number(open),
      overdue: Number(overdue),
    };
  }
}

import type { OrganizationDirectory, StaffDirectory } from '@sipadu/directory';
import { forbidden, type Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import type { FlowDefinition, PointRule } from '../flows/flow-definition.js';
import type {
  OfficerPerformance,
  PerformanceReport,
  PointRule as PointRuleView,
  UnitPerformance,
} from '../generated/graphql.js';
import {
  CASE_FLOWS,
  type CaseFlow,
  type CaseModel,
  type CaseRecord,
} from '../models/case.model.js';
import type { CalendarService } from './calendar.service.js';
import { personView, roundDays } from './case-views.js';
import {
  activeInWindow,
  isCompleted,
  isOpenAt,
  periodWindow,
  shareOf,
  type PeriodWindow,
} from './recap-rules.js';

/** The case fields the performance figures and the recaps are computed from. */
export type CaseFacts = Pick<
  CaseRecord,
  | '_id'
  | 'flow'
  | 'number'
  | 'state'
  | 'organizationCode'
  | 'organizationName'
  | 'handlerOrganizationCode'
  | 'assigneeId'
  | 'assignee'
  | 'history'
  | 'createdAt'
  | 'closedAt'
  | 'onTime'
  | 'handlingWorkingDays'
  | 'points'
>;

const FACT_FIELDS: readonly (keyof CaseFacts)[] = [
  '_id',
  'flow',
  'number',
  'state',
  'organizationCode',
  'organizationName',
  'handlerOrganizationCode',
  'assigneeId',
  'assignee',
  'history',
  'createdAt',
  'closedAt',
  'onTime',
  'handlingWorkingDays',
  'points',
];
/** Projection of CaseFacts: the flow sub-documents (texts, contacts) are never read here. */
export const CASE_FACTS_PROJECTION: Readonly<Record<string, 1>> = Object.fromEntries(
  FACT_FIELDS.map((field) => [field, 1]),
);

/** What the figures need of the case engine (CaseEngine). */
export interface PerformanceEngine {
  readonly model: CaseModel;
  flow(flow: CaseFlow): FlowDefinition;
  /** The flow's point rule with the POINT_RULES override applied; null when it earns none. */
  pointRule(flow: CaseFlow): PointRule | null;
}

export interface PerformanceServiceOptions {
  engine: PerformanceEngine;
  staff: Pick<StaffDirectory, 'many'>;
  organizations: Pick<OrganizationDirectory, 'names'>;
  calendar: Pick<CalendarService, 'calendar'>;
}

/** Figures of one officer or unit over a period. */
export type PerformanceFigures = Omit<
  UnitPerformance,
  '__typename' | 'organizationCode' | 'organizationName'
>;

interface Tally {
  points: number;
  completed: number;
  onTime: number;
  handlingDays: number;
  /** Completed cases with a recorded handling time (the average's divisor). */
  timed: number;
  open: number;
}

const emptyTally = (): Tally => ({
  points: 0,
  completed: 0,
  onTime: 0,
  handlingDays: 0,
  timed: 0,
  open: 0,
});

/**
 * Adds one case to a tally: completed in the window (points, on time, handling time; a cancelled
 * or rejected case counts for none of these), or still open at the window's end.
 */
function count(tally: Tally, record: CaseFacts, window: PeriodWindow): void {
  const closedAt = record.closedAt ? new Date(record.closedAt) : null;
  if (isCompleted(record) && closedAt && closedAt >= window.start && closedAt < window.end) {
    tally.completed += 1;
    tally.points += record.points ?? 0;
    if (record.onTime === true) tally.onTime += 1;
    if (record.handlingWorkingDays != null) {
      tally.handlingDays += record.handlingWorkingDays;
      tally.timed += 1;
    }
  }
  if (isOpenAt({ createdAt: new Date(record.createdAt), closedAt }, window.end)) tally.open += 1;
}

const figures = (tally: Tally): PerformanceFigures => ({
  points: tally.points,
  completed: tally.completed,
  onTime: tally.onTime,
  onTimeShare: shareOf(tally.onTime, tally.completed),
  averageHandlingDays: tally.timed === 0 ? null : roundDays(tally.handlingDays / tally.timed),
  open: tally.open,
});

const counts = (tally: Tally) => tally.completed + tally.open + tally.points > 0;

const byFigures = (a: PerformanceFigures, b: PerformanceFigures) =>
  b.points - a.points || b.completed - a.completed || b.open - a.open;

/**
 * Which cases of a flow the caller may assess (Mongo filter), null when none: super-admin and
 * pimpinan every flow; direktur and kasubdit the consultations and work items of their own
 * organization (as requester's or handler's organization); pengelola-tik the ICT complaints.
 */
export function performanceScope(
  principal: Principal,
  flow: CaseFlow,
): Record<string, unknown> | null {
  const holds = (...roles: string[]) =>
    roles.some((role) => principal.roles.includes(role as never));
  if (holds('super-admin', 'pimpinan')) return {};
  if (flow === 'ICT_COMPLAINT' && holds('pengelola-tik')) return {};
  const organization = principal.organizationCode;
  if ((flow === 'CONSULTATION' || flow === 'WORK_ITEM') && holds('direktur', 'kasubdit')) {
    return organization
      ? { $or: [{ organizationCode: organization }, { handlerOrganizationCode: organization }] }
      : null;
  }
  return null;
}

/**
 * Penilaian kinerja (DOMAIN.md §6–7): points and service-time compliance per officer (the
 * assignee of the cases) and per unit (the case's organization) over a month or a year, from the
 * cases as the engine closed them (`points`, `onTime`, `handlingWorkingDays`). Also computes the
 * officer and unit lines of the monthly recaps.
 */
export class PerformanceService {
  private readonly engine: PerformanceEngine;

  constructor(private readonly deps: PerformanceServiceOptions) {
    this.engine = deps.engine;
  }

  async report(
    principal: Principal | null,
    period: string,
    flow?: CaseFlow | null,
    organizationCode?: string | null,
  ): Promise<PerformanceReport> {
    const caller = access.require(principal, 'Query.performancePoints');
    const window = periodWindow(this.deps.calendar.calendar(), period);
    const scopes = (flow ? [flow] : CASE_FLOWS).flatMap((candidate) => {
      const scope = performanceScope(caller, candidate);
      return scope ? [{ flow: candidate, scope }] : [];
    });
    if (scopes.length === 0) {
      throw forbidden(
        flow
          ? 'Anda tidak berwenang melihat penilaian kinerja alur ini.'
          : 'Anda tidak berwenang melihat penilaian kinerja.',
      );
    }
    const code = organizationCode?.trim() || null;
    const filter = {
      $and: [
        { $or: scopes.map(({ flow: scoped, scope }) => ({ flow: scoped, ...scope })) },
        activeInWindow(window),
        ...(code ? [{ $or: [{ organizationCode: code }, { handlerOrganizationCode: code }] }] : []),
      ],
    };
    const records = await this.engine.model
      .find(filter, CASE_FACTS_PROJECTION)
      .lean<CaseFacts[]>()
      .exec();
    const { officers, units } = await this.lines(records, window);
    return {
      period: window.key,
      flow: flow ?? null,
      officers,
      units,
      pointRules: this.pointRules(scopes.map((scope) => scope.flow)),
    };
  }

  /** The effective point rules of the flows (POINT_RULES overrides applied). */
  pointRules(flows: readonly CaseFlow[]): PointRuleView[] {
    return flows.flatMap((flow) => {
      const rule = this.engine.pointRule(flow);
      return rule
        ? [{ flow, event: rule.event, points: rule.points, onTimeBonus: rule.onTimeBonus }]
        : [];
    });
  }

  /**
   * Officer lines (the cases' assignees) and unit lines (the cases' organizations) of a period,
   * most points first; people and units with nothing completed or open are left out.
   */
  async lines(
    records: readonly CaseFacts[],
    window: PeriodWindow,
  ): Promise<{ officers: OfficerPerformance[]; units: UnitPerformance[] }> {
    const officerTallies = new Map<string, { tally: Tally; record: CaseFacts }>();
    const unitTallies = new Map<string, { tally: Tally; name: string | null }>();
    for (const record of records) {
      if (record.assigneeId) {
        const entry = officerTallies.get(record.assigneeId) ?? { tally: emptyTally(), record };
        count(entry.tally, record, window);
        officerTallies.set(record.assigneeId, entry);
      }
      const unit = unitTallies.get(record.organizationCode) ?? {
        tally: emptyTally(),
        name: record.organizationName,
      };
      count(unit.tally, record, window);
      unitTallies.set(record.organizationCode, unit);
    }
    const officerEntries = [...officerTallies].filter(([, { tally }]) => counts(tally));
    const unitEntries = [...unitTallies].filter(([, { tally }]) => counts(tally));

    const staff = await this.deps.staff.many(officerEntries.map(([id]) => id));
    const officerOrganization = (id: string, record: CaseFacts) =>
      staff.get(id)?.organizationCode ?? record.assignee?.organizationCode ?? null;
    const names = await this.deps.organizations.names([
      ...unitEntries.map(([code]) => code),
      ...officerEntries.flatMap(([id, { record }]) => officerOrganization(id, record) ?? []),
    ]);

    const officers = officerEntries
      .map(([id, { tally, record }]): OfficerPerformance => {
        const organization = officerOrganization(id, record);
        // The officer as the directory knows them now, else as recorded on the case.
        const person = staff.get(id) ??
          record.assignee ?? { id, name: id, organizationCode: null, roles: [] };
        return {
          officer: personView(person, organization ? names.get(organization) : null),
          ...figures(tally),
        };
      })
      .sort((a, b) => byFigures(a, b) || a.officer.name.localeCompare(b.officer.name, 'id'));
    const units = unitEntries
      .map(([code, { tally, name }]): UnitPerformance => ({
        organizationCode: code,
        organizationName: names.get(code) ?? name,
        ...figures(tally),
      }))
      .sort(
        (a, b) =>
          byFigures(a, b) ||
          (a.organizationName ?? a.organizationCode).localeCompare(
            b.organizationName ?? b.organizationCode,
            'id',
          ),
      );
    return { officers, units };
  }
}

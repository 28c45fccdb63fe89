import type { Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import type {
  AssessmentRecord,
  ComplaintTrendPoint,
  DashboardMapPoint,
  DashboardPortfolio,
  LeaderDashboard,
  OverdueCount,
  PerformanceAssessment,
} from '../generated/graphql.js';
import type { ActivityService } from './activity.service.js';
import type { AlertService } from './alert.service.js';
import type { AssessmentService } from './assessment.service.js';
import {
  OwnerUnavailableError,
  type LoanPortfolio,
  type LoanProjectSummary,
  type OwnerClient,
  type OwnerModule,
  type ServiceTimeStatistic,
} from './owner-client.js';
import { calendarMonth, currentPeriodKey, parsePeriod, type AssessmentPeriod } from './period.js';

/** Alerts and activity lines the dashboard shows. */
const DASHBOARD_ITEMS = 20;
const TREND_MONTHS = 12;
/**
 * Overdue cases are listed by number for the (organization, flow) pairs with the most overdue
 * cases, this many reads at most (each cached); the others show their count only.
 */
const REFERENCE_READS = 12;
/**
 * "Currently overdue" looks at the cases received from the first of January two years back: the
 * consultations service answers ranges shorter than three years, and a case older than that and
 * still open is a matter for its own page, not the dashboard.
 */
const OVERDUE_YEARS_BACK = 2;

const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const pad = (value: number) => String(value).padStart(2, '0');

export interface DashboardServiceOptions {
  owners: OwnerClient;
  assessments: AssessmentService;
  alerts: AlertService;
  activity: ActivityService;
  timeZone: string;
  pemdaName: string;
}

/** A section read from an owner: its value, or null when the module did not answer. */
class Sections {
  readonly unavailable = new Set<OwnerModule>();

  async read<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof OwnerUnavailableError)) throw error;
      this.unavailable.add(error.module);
      return null;
    }
  }
}

/** `YYYY-MM` of the month `offset` months after `year`-`month`. */
function shiftMonth(year: number, month: number, offset: number): string {
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * The 12 months ending with the period's last month, or with the current month when the period
 * reaches into the future (a month that has not begun has no complaints to show).
 */
export function trendMonths(period: AssessmentPeriod, now: Date, timeZone: string): string[] {
  const today = calendarMonth(now, timeZone);
  const currentMonth = `${today.year}-${pad(today.month)}`;
  const periodEnd = period.to.slice(0, 7);
  const last = periodEnd < currentMonth ? periodEnd : currentMonth;
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: TREND_MONTHS }, (_, index) =>
    shiftMonth(year, month, index - TREND_MONTHS + 1),
  );
}

/** The plan for the latest month that has one up to `month` (a project's S-curve). */
function plannedBy(project: LoanProjectSummary, month: string): number | null {
  let planned: number | null = null;
  for (const point of project.progressPlan) {
    if (point.period <= month) planned = point.physicalPercent;
  }
  return planned;
}

/** A project behind plan as the dashboard links it (the assessment's record shape). */
export function behindPlanRecord(project: LoanProjectSummary, month: string): AssessmentRecord {
  const planned = plannedBy(project, month);
  const plan = planned === null ? 'di bawah rencana' : `rencana ${percent.format(planned)}%`;
  return {
    kind: 'LOAN_PROJECT',
    id: project.id,
    reference: project.code,
    title: project.name,
    detail: `${project.organizationName}: fisik ${percent.format(project.physicalProgress)}% (${plan})`,
    negative: true,
    href: `/proyek/${encodeURIComponent(project.id)}?tab=progres`,
  };
}

function portfolioOf(portfolio: LoanPortfolio | null, month: string): DashboardPortfolio {
  if (!portfolio) {
    // The schema needs numbers; `unavailable` names the module so the page shows them as unknown.
    return {
      projects: 0,
      totalAmount: 0,
      disbursedAmount: 0,
      behindPlan: 0,
      byStage: [],
      behindPlanProjects: [],
    };
  }
  return {
    projects: portfolio.totals.projectCount,
    totalAmount: portfolio.totals.loanAmount,
    disbursedAmount: portfolio.totals.disbursedAmount,
    behindPlan: portfolio.totals.behindPlanCount,
    byStage: portfolio.byStage.map((stage) => ({
      key: stage.stage,
      label: stage.label,
      count: stage.count,
    })),
    behindPlanProjects: portfolio.behindPlan.map((project) => behindPlanRecord(project, month)),
  };
}

/** Every month of the trend, a month without complaints at zero (the module did answer). */
export function complaintTrendOf(
  months: readonly string[],
  rows: ReadonlyArray<Omit<ComplaintTrendPoint, '__typename'>>,
): ComplaintTrendPoint[] {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return months.map((month) => {
    const row = byMonth.get(month);
    return {
      month,
      received: row?.received ?? 0,
      answered: row?.answered ?? 0,
      answeredOnTime: row?.answeredOnTime ?? 0,
    };
  });
}

/** Overdue cases summed over the flows per responsible organization, most first. */
export function overdueCounts(rows: readonly ServiceTimeStatistic[]): OverdueCount[] {
  const byOrganization = new Map<string, OverdueCount>();
  for (const row of rows) {
    if (row.overdue <= 0) continue;
    const entry = byOrganization.get(row.organizationCode) ?? {
      organizationCode: row.organizationCode,
      organizationName: row.organizationName,
      count: 0,
      references: [],
    };
    entry.count += row.overdue;
    byOrganization.set(row.organizationCode, entry);
  }
  return [...byOrganization.values()].sort(
    (a, b) => b.count - a.count || a.organizationName.localeCompare(b.organizationName, 'id'),
  );
}

/**
 * The leaders' dashboard: every module on one screen, read from the owners on request (cached
 * briefly by the owner client). A module that does not answer is named in `unavailable` and its
 * sections stay empty; nothing is filled with made-up zeros.
 */
export class DashboardService {
  constructor(private readonly options: DashboardServiceOptions) {}

  get pemdaName(): string {
    return this.options.pemdaName;
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  /**
   * The dashboard of a period (default: the current year). Sections and their modules:
   * portfolio ← projects; ranking ← the assessment (which marks its own missing modules);
   * map ← identity (coordinates) + surveys (IKM); complaintTrend and overdueByOrganization ←
   * consultations. The loan portfolio covers every fiscal year: a project proposed last year is
   * still being built this year.
   */
  async get(
    periodKey: string | null | undefined,
    principal: Principal | null,
    now = new Date(),
  ): Promise<LeaderDashboard> {
    access.require(principal, 'Query.leaderDashboard');
    const { owners, timeZone } = this.options;
    const period = parsePeriod(periodKey?.trim() || currentPeriodKey('YEAR', now, timeZone));
    const months = trendMonths(period, now, timeZone);
    const today = calendarMonth(now, timeZone);
    const thisMonth = `${today.year}-${pad(today.month)}`;
    const todayDate = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
    const overdueRange = { from: `${today.year - OVERDUE_YEARS_BACK}-01-01`, to: todayDate };
    const sections = new Sections();

    const [portfolio, assessments, organizations, satisfaction, complaints, serviceTimes] =
      await Promise.all([
        sections.read(() => owners.loanPortfolio()),
        this.options.assessments.list(period.key),
        sections.read(() => owners.organizations()),
        sections.read(() => owners.organizationSatisfaction(period.key)),
        sections.read(() =>
          owners.complaintStatistics(`${months[0]}-01`, lastDayOf(months.at(-1)!)),
        ),
        sections.read(() => owners.serviceTimeStatistics(overdueRange.from, overdueRange.to)),
      ]);
    const ranking = assessments.items;
    const [overdue, alerts, activity] = await Promise.all([
      serviceTimes ? this.withReferences(serviceTimes, overdueRange) : Promise.resolve([]),
      this.options.alerts.list({ first: DASHBOARD_ITEMS }),
      this.options.activity.latest(DASHBOARD_ITEMS),
    ]);

    return {
      period,
      generatedAt: now.toISOString(),
      portfolio: portfolioOf(portfolio, thisMonth),
      ranking,
      map: mapOf(organizations ?? [], satisfaction, ranking),
      complaintTrend: complaints ? complaintTrendOf(months, complaints.months) : [],
      overdueByOrganization: overdue,
      alerts,
      activity,
      unavailable: [...sections.unavailable].sort(),
    };
  }

  /** Case numbers of the overdue cases for the organizations and flows with the most of them. */
  private async withReferences(
    rows: readonly ServiceTimeStatistic[],
    range: { from: string; to: string },
  ): Promise<OverdueCount[]> {
    const counts = overdueCounts(rows);
    const pairs = rows
      .filter((row) => row.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue)
      .slice(0, REFERENCE_READS);
    const found = await Promise.all(
      pairs.map(async (row) => {
        try {
          const records = await this.options.owners.statisticRecords(
            row.flow,
            row.organizationCode,
            range.from,
            range.to,
          );
          return { code: row.organizationCode, numbers: records.filter((r) => r.overdue) };
        } catch (error) {
          // The counts stand without the numbers.
          if (error instanceof OwnerUnavailableError)
            return { code: row.organizationCode, numbers: [] };
          throw error;
        }
      }),
    );
    for (const { code, numbers } of found) {
      const entry = counts.find((count) => count.organizationCode === code);
      entry?.references.push(...numbers.map((record) => record.number));
    }
    for (const entry of counts) entry.references.sort();
    return counts;
  }
}

const lastDayOf = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate())}`;
};

/** Organizations with office coordinates, with their IKM (converted, 25–100) and assessment. */
export function mapOf(
  organizations: ReadonlyArray<{
    code: string;
    name: string;
    latitude: number | null;
    longitude: number | null;
  }>,
  satisfaction: ReadonlyArray<{
    organizationCode: string;
    ikmConverted: number | null;
    grade: string | null;
  }> | null,
  ranking: readonly PerformanceAssessment[],
): DashboardMapPoint[] {
  const ikm = new Map((satisfaction ?? []).map((row) => [row.organizationCode, row]));
  const assessed = new Map(ranking.map((item) => [item.organizationCode, item]));
  return organizations.flatMap((organization) => {
    if (organization.latitude === null || organization.longitude === null) return [];
    const index = ikm.get(organization.code);
    const assessment = assessed.get(organization.code);
    return [
      {
        organizationCode: organization.code,
        organizationName: organization.name,
        latitude: organization.latitude,
        longitude: organization.longitude,
        ikm: index?.ikmConverted ?? null,
        ikmGrade: index?.grade ?? null,
        score: assessment?.score ?? null,
        grade: assessment?.grade ?? null,
      },
    ];
  });
}

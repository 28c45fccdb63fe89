import type { Principal, Role } from '@sipadu/service-kit';
import { access, LEADERS } from '../access.js';
import type {
  AssessmentComponent,
  AssessmentComponentKey,
  AssessmentRecord,
  PerformanceAssessment,
  PerformanceAssessmentList,
  ScoringMethod,
} from '../generated/graphql.js';
import type { MethodDefinition, StoredComponent } from '../scoring/default-method.js';
import {
  assessedProjects,
  complaintHandlingComponent,
  formatNumber,
  coverageOf,
  gradeOf,
  loanProjectDelayComponent,
  ranks,
  satisfactionComponent,
  serviceTimeComponent,
  serviceTimeFlows,
  totalScore,
  unavailableComponent,
  type ComponentResult,
} from '../scoring/score.js';
import {
  MODULE_NAMES,
  OwnerUnavailableError,
  type CaseFlow,
  type ComplaintStatistics,
  type LoanProjectSummary,
  type OrganizationSatisfaction,
  type OrganizationSummary,
  type OwnerClient,
  type OwnerModule,
  type ServiceTimeStatistic,
  type StatisticRecord,
} from './owner-client.js';
import { parsePeriod, periodYear, type AssessmentPeriod } from './period.js';

/** Grade label of a score computed from too small a share of the method's weight. */
const INSUFFICIENT_DATA = 'Data belum cukup';
import { methodOf, methodView, type ScoringMethodService } from './scoring-method.service.js';

/** Organization kinds outside the Pemda: they are not assessed. */
const OUTSIDE_KINDS = new Set(['LENDER', 'PARTNER']);
/** Roles that read every organization's assessment (besides partner clients with statistik). */
const SEES_ALL: readonly Role[] = [...LEADERS, 'evaluator'];

/** Portal pages of the records behind a component. */
const CASE_PAGES: Record<CaseFlow, string> = {
  PUBLIC_COMPLAINT: '/pengaduan',
  CONSULTATION: '/konsultasi',
  ICT_COMPLAINT: '/pengaduan-tik',
  WORK_ITEM: '/pekerjaan',
};

/** A read from an owner: its value, or the module that did not answer. */
type Source<T> = { ok: true; value: T } | { ok: false; module: OwnerModule };

async function settle<T>(module: OwnerModule, read: () => Promise<T>): Promise<Source<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof OwnerUnavailableError) return { ok: false, module: error.module };
    throw error;
  }
}

interface Gathered {
  period: AssessmentPeriod;
  method: MethodDefinition;
  methodView: ScoringMethod;
  organizations: Source<OrganizationSummary[]>;
  satisfaction: Source<OrganizationSatisfaction[]>;
  complaints: Source<ComplaintStatistics>;
  serviceTimes: Source<ServiceTimeStatistic[]>;
  projects: Source<LoanProjectSummary[]>;
  computedAt: string;
}

const encodeHref = (page: string, id: string) => `${page}/${encodeURIComponent(id)}`;

/**
 * Penilaian kinerja per organization and period, computed on request from the owners' numbers
 * (never stored) with the current scoring method. A module that does not answer leaves its
 * component unscored with an explanation, never a zero.
 */
export class AssessmentService {
  constructor(
    private readonly options: {
      owners: OwnerClient;
      scoringMethods: ScoringMethodService;
      timeZone: string;
    },
  ) {}

  /** Every Pemda organization (lenders and partners excluded), ranked best first. */
  async list(periodKey: string): Promise<PerformanceAssessmentList> {
    const gathered = await this.gather(periodKey);
    return {
      period: gathered.period,
      method: gathered.methodView,
      items: this.assess(gathered),
      computedAt: gathered.computedAt,
    };
  }

  /** One organization's assessment with the records behind each component (drill-down). */
  async one(organizationCode: string, periodKey: string): Promise<PerformanceAssessment | null> {
    const gathered = await this.gather(periodKey);
    const item = this.assess(gathered).find((a) => a.organizationCode === organizationCode);
    if (!item) return null;
    const components = await Promise.all(
      item.components.map(async (component) => this.withRecords(component, item, gathered)),
    );
    return { ...item, components };
  }

  /**
   * The list as the caller may read it: leaders, evaluators and statistik partners every
   * organization; admin-opd and direktur only their own (ranked among all).
   */
  async listFor(
    principal: Principal | null,
    periodKey: string,
  ): Promise<PerformanceAssessmentList> {
    const caller = access.require(principal, 'Query.performanceAssessments');
    const list = await this.list(periodKey);
    if (caller.kind === 'client' || SEES_ALL.some((role) => caller.roles.includes(role))) {
      return list;
    }
    return {
      ...list,
      items: list.items.filter((item) => item.organizationCode === caller.organizationCode),
    };
  }

  /**
   * One organization as the caller may read it (own organization unless leader, evaluator or a
   * statistik partner). Partners without `sipadu:internal` get the scores without the records.
   */
  async oneFor(
    principal: Principal | null,
    organizationCode: string,
    periodKey: string,
  ): Promise<PerformanceAssessment | null> {
    const caller = access.require(principal, 'Query.performanceAssessment', { organizationCode });
    const item = await this.one(organizationCode, periodKey);
    if (item && caller.kind === 'client' && !caller.scopes.includes('sipadu:internal')) {
      return { ...item, components: item.components.map((c) => ({ ...c, records: [] })) };
    }
    return item;
  }

  private async gather(periodKey: string): Promise<Gathered> {
    const period = parsePeriod(periodKey);
    const { owners, scoringMethods } = this.options;
    const [record, organizations, satisfaction, complaints, serviceTimes, projects] =
      await Promise.all([
        scoringMethods.currentRecord(),
        settle('identity', () => owners.organizations()),
        settle('surveys', () => owners.organizationSatisfaction(period.key)),
        settle('consultations', () => owners.complaintStatistics(period.from, period.to)),
        settle('consultations', () => owners.serviceTimeStatistics(period.from, period.to)),
        settle('projects', () => owners.loanProjects()),
      ]);
    return {
      period,
      method: methodOf(record),
      methodView: methodView(record),
      organizations,
      satisfaction,
      complaints,
      serviceTimes,
      projects,
      computedAt: new Date().toISOString(),
    };
  }

  /**
   * The organizations assessed: the directory's, or, when identity does not answer, those the
   * modules' numbers name (lenders of projects left out).
   */
  private organizationsOf(gathered: Gathered): Array<{ code: string; name: string }> {
    if (gathered.organizations.ok) {
      return gathered.organizations.value
        .filter((organization) => !OUTSIDE_KINDS.has(organization.kind))
        .map(({ code, name }) => ({ code, name }));
    }
    const names = new Map<string, string>();
    if (gathered.satisfaction.ok) {
      for (const row of gathered.satisfaction.value) {
        names.set(row.organizationCode, row.organizationName);
      }
    }
    if (gathered.complaints.ok) {
      for (const row of gathered.complaints.value.organizations) {
        if (row.organizationCode) names.set(row.organizationCode, row.organizationName);
      }
    }
    if (gathered.serviceTimes.ok) {
      for (const row of gathered.serviceTimes.value) {
        names.set(row.organizationCode, row.organizationName);
      }
    }
    if (gathered.projects.ok) {
      for (const project of gathered.projects.value) {
        names.set(project.organizationCode, project.organizationName);
      }
    }
    return [...names].filter(([code]) => code).map(([code, name]) => ({ code, name }));
  }

  private assess(gathered: Gathered): PerformanceAssessment[] {
    const { method, period } = gathered;
    const year = periodYear(period.key);
    const unscored = this.organizationsOf(gathered).map((organization) => {
      const components = method.components.map((component): AssessmentComponent => {
        const result = this.component(component, organization.code, gathered, year);
        return {
          key: component.key,
          label: component.label,
          weight: component.weight,
          ...result,
          records: [],
        };
      });
      const score = totalScore(components);
      const coverage = coverageOf(components);
      // Too little of the method measured: the score is shown, but neither graded nor ranked.
      const comparable = coverage >= method.minimumCoverage;
      const grade = comparable ? gradeOf(score, method.grades) : null;
      return {
        organizationCode: organization.code,
        organizationName: organization.name,
        period,
        score,
        coverage,
        comparable,
        grade: grade?.grade ?? null,
        gradeLabel: grade?.label ?? (score == null || comparable ? null : INSUFFICIENT_DATA),
        rank: null as number | null,
        methodVersion: method.version,
        components,
      };
    });
    const rankOf = ranks(unscored.map((item) => (item.comparable ? item.score : null)));
    return unscored
      .map(({ comparable: _comparable, ...item }, index) => ({
        ...item,
        rank: rankOf[index] ?? null,
      }))
      .sort(
        (a, b) =>
          (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
          (b.score ?? -1) - (a.score ?? -1) ||
          a.organizationName.localeCompare(b.organizationName, 'id'),
      );
  }

  private component(
    component: StoredComponent,
    organizationCode: string,
    gathered: Gathered,
    year: number,
  ): ComponentResult {
    const label = gathered.period.label;
    switch (component.key) {
      case 'SATISFACTION': {
        const source = gathered.satisfaction;
        if (!source.ok) return unavailableComponent(MODULE_NAMES[source.module]);
        const index = source.value.find((row) => row.organizationCode === organizationCode);
        return satisfactionComponent(component, index ?? null, label);
      }
      case 'COMPLAINT_HANDLING': {
        const source = gathered.complaints;
        if (!source.ok) return unavailableComponent(MODULE_NAMES[source.module]);
        const row = source.value.organizations.find((r) => r.organizationCode === organizationCode);
        return complaintHandlingComponent(component, row ?? null, label);
      }
      case 'SERVICE_TIME': {
        const source = gathered.serviceTimes;
        if (!source.ok) return unavailableComponent(MODULE_NAMES[source.module]);
        const rows = source.value.filter((row) => row.organizationCode === organizationCode);
        return serviceTimeComponent(component, rows, label);
      }
      case 'LOAN_PROJECT_DELAY': {
        const source = gathered.projects;
        if (!source.ok) return unavailableComponent(MODULE_NAMES[source.module]);
        return loanProjectDelayComponent(assessedProjects(source.value, organizationCode, year));
      }
    }
  }

  /** The component with the records behind it; a module not answering is said, not hidden. */
  private async withRecords(
    component: AssessmentComponent,
    item: PerformanceAssessment,
    gathered: Gathered,
  ): Promise<AssessmentComponent> {
    const stored = gathered.method.components.find((c) => c.key === component.key)!;
    const records = await settle(moduleOf(component.key), () =>
      this.records(stored, item.organizationCode, gathered),
    );
    if (records.ok) return { ...component, records: records.value };
    return {
      ...component,
      explanation: `${component.explanation} Rincian data tidak dapat dibaca: modul ${MODULE_NAMES[records.module]} tidak menjawab.`,
    };
  }

  private async records(
    component: StoredComponent,
    organizationCode: string,
    gathered: Gathered,
  ): Promise<AssessmentRecord[]> {
    const { owners } = this.options;
    const { period } = gathered;
    switch (component.key) {
      case 'SATISFACTION': {
        const services = await owners.publishedServices(organizationCode);
        const indexes = await owners.serviceSatisfaction(
          services.map((service) => service.id),
          period.key,
        );
        return services.map((service, position): AssessmentRecord => {
          const index = indexes[position]!;
          const detail =
            index.ikmConverted == null
              ? `Belum ada responden pada ${period.label}`
              : `IKM ${formatNumber(index.ikm ?? 0)} (konversi ${formatNumber(index.ikmConverted)}), mutu ${index.grade ?? '-'} ${index.performance ?? ''}, ${index.respondents} responden`.replace(
                  /\s+,/g,
                  ',',
                );
          return {
            kind: 'SERVICE_IKM',
            id: service.id,
            reference: service.category,
            title: service.name,
            detail,
            negative: index.grade === 'C' || index.grade === 'D',
            href: encodeHref('/layanan', service.id),
          };
        });
      }
      case 'COMPLAINT_HANDLING':
        return this.caseRecords(['PUBLIC_COMPLAINT'], organizationCode, period);
      case 'SERVICE_TIME':
        return this.caseRecords(serviceTimeFlows(component), organizationCode, period);
      case 'LOAN_PROJECT_DELAY': {
        if (!gathered.projects.ok) throw new OwnerUnavailableError(gathered.projects.module);
        const projects = assessedProjects(
          gathered.projects.value,
          organizationCode,
          periodYear(period.key),
        );
        return projects.map((project) => projectRecord(project, this.options.timeZone));
      }
    }
  }

  private async caseRecords(
    flows: readonly CaseFlow[],
    organizationCode: string,
    period: AssessmentPeriod,
  ): Promise<AssessmentRecord[]> {
    const lists = await Promise.all(
      flows.map((flow) =>
        this.options.owners.statisticRecords(flow, organizationCode, period.from, period.to),
      ),
    );
    return lists.flat().map(caseRecord);
  }
}

function moduleOf(key: AssessmentComponentKey): OwnerModule {
  switch (key) {
    case 'SATISFACTION':
      return 'surveys';
    case 'COMPLAINT_HANDLING':
    case 'SERVICE_TIME':
      return 'consultations';
    case 'LOAN_PROJECT_DELAY':
      return 'projects';
  }
}

function caseRecord(record: StatisticRecord): AssessmentRecord {
  const timing =
    record.onTime === true
      ? 'selesai tepat waktu'
      : record.onTime === false
        ? 'terlambat'
        : record.overdue
          ? 'belum selesai, melewati waktu layanan'
          : 'belum selesai';
  const rating = record.rating != null ? `, dinilai warga ${record.rating}/5` : '';
  return {
    kind: record.flow,
    id: record.id,
    reference: record.number,
    title: record.title,
    detail: `${record.statusLabel}: ${timing}${rating}`,
    negative: record.onTime === false || record.overdue,
    href: encodeHref(CASE_PAGES[record.flow], record.id),
  };
}

/** The month (`YYYY-MM`) of an instant in the Pemda's zone. */
function monthOf(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .formatToParts(now)
    .filter((part) => part.type === 'year' || part.type === 'month')
    .map((part) => part.value);
  return parts.join('-');
}

/** A project as a record: actual physical progress against the plan of the current month. */
export function projectRecord(
  project: LoanProjectSummary,
  timeZone: string,
  now = new Date(),
): AssessmentRecord {
  const month = monthOf(now, timeZone);
  const planned = project.progressPlan
    .filter((point) => point.period <= month)
    .sort((a, b) => a.period.localeCompare(b.period))
    .at(-1)?.physicalPercent;
  const plan = planned == null ? '' : ` dari rencana ${formatNumber(planned)}%`;
  return {
    kind: 'LOAN_PROJECT',
    id: project.id,
    reference: project.code,
    title: project.name,
    detail:
      `${project.stageLabel}; fisik ${formatNumber(project.physicalProgress)}%${plan}` +
      (project.behindPlan ? ' — terlambat dari rencana' : ' — sesuai rencana'),
    negative: project.behindPlan,
    href: encodeHref('/proyek', project.id),
  };
}

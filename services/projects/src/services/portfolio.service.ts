import { containsPattern, forbidden, type Principal } from '@sipadu/service-kit';
import { access, portfolioReadFilter, projectReadFilter } from '../access.js';
import type {
  LoanProjectModel,
  LoanProjectRecord,
  LocationRecord,
} from '../models/loan-project.model.js';
import {
  loanProjectListModel,
  type LoanProjectListModel,
  type LoanProjectListRecord,
} from '../models/loan-project-list.model.js';
import type { RequirementStateModel } from '../models/requirement-state.model.js';
import {
  APPROVED_STAGES,
  LOAN_PROJECT_STAGES,
  stageLabel,
  type LoanProjectStage,
} from '../workflows/loan-project.workflow.js';
import { todayIn } from './disbursement.service.js';
import type { LoanProjectFilterInput } from './loan-project.service.js';
import { toOc4ids, type Oc4idsProject } from './oc4ids.js';
import { portfolioPdf, portfolioXlsx, type ExportedFile } from './portfolio-export.js';

// ---------------------------------------------------------------------------------------------
// Pure aggregation (unit-tested in portfolio.service.spec.ts)
// ---------------------------------------------------------------------------------------------

/** The fields the portfolio reads of the list rows: one `find` with this projection. */
export const PORTFOLIO_PROJECTION = {
  _id: 1,
  code: 1,
  fiscalYear: 1,
  name: 1,
  organizationCode: 1,
  organizationName: 1,
  lenderOrganizationCode: 1,
  lenderName: 1,
  state: 1,
  amount: 1,
  approvedAmount: 1,
  disbursedAmount: 1,
  physicalProgress: 1,
  financialProgress: 1,
  behindPlan: 1,
} as const;

export type PortfolioRow = Pick<LoanProjectListRecord, keyof typeof PORTFOLIO_PROJECTION>;

/** Stages whose projects carry physical/financial progress (agreement signed and later). */
export const REALISATION_STAGES: readonly LoanProjectStage[] = [
  'AGREEMENT_SIGNED',
  'DISBURSEMENT',
  'IMPLEMENTATION',
  'COMPLETED',
];

export interface PortfolioTotalsView {
  projectCount: number;
  loanAmount: number;
  approvedAmount: number;
  disbursedAmount: number;
  physicalRealisation: number;
  financialRealisation: number;
  behindPlanCount: number;
}

export interface PortfolioView {
  fiscalYear: number | null;
  totals: PortfolioTotalsView;
  byYear: { fiscalYear: number; totals: PortfolioTotalsView }[];
  byStage: { stage: LoanProjectStage; label: string; count: number; amount: number }[];
  byOrganization: { value: string; label: string; count: number }[];
  /** Projects of the selection behind plan (not cancelled), by code. */
  behindPlanIds: string[];
  /** The projects of the selection, newest year first then by code (the export's rows). */
  rows: PortfolioRow[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Totals of a set of projects. Cancelled loans count as projects but not in the loan amount;
 * approved = loan amounts of projects the lender approved (APPROVED and later); disbursed =
 * recorded payments; realisation = physical/financial progress averaged over the projects with a
 * signed agreement, weighted by loan amount.
 */
export function portfolioTotals(rows: readonly PortfolioRow[]): PortfolioTotalsView {
  let loanAmount = 0;
  let approvedAmount = 0;
  let disbursedAmount = 0;
  let weight = 0;
  let physical = 0;
  let financial = 0;
  let behindPlanCount = 0;
  for (const row of rows) {
    const amount = row.amount ?? 0;
    if (row.state !== 'CANCELLED') loanAmount += amount;
    if (APPROVED_STAGES.includes(row.state)) approvedAmount += amount;
    disbursedAmount += row.disbursedAmount ?? 0;
    if (REALISATION_STAGES.includes(row.state)) {
      weight += amount;
      physical += amount * (row.physicalProgress ?? 0);
      financial += amount * (row.financialProgress ?? 0);
    }
    if (row.behindPlan && row.state !== 'CANCELLED') behindPlanCount += 1;
  }
  return {
    projectCount: rows.length,
    loanAmount,
    approvedAmount,
    disbursedAmount,
    physicalRealisation: weight > 0 ? round2(physical / weight) : 0,
    financialRealisation: weight > 0 ? round2(financial / weight) : 0,
    behindPlanCount,
  };
}

/**
 * The portfolio of the projects in scope: `byYear` always covers every year (for the chart);
 * totals, stages, organizations, behind-plan list and rows cover `fiscalYear` when given.
 */
export function aggregatePortfolio(
  all: readonly PortfolioRow[],
  fiscalYear: number | null,
): PortfolioView {
  const rows = (fiscalYear === null ? [...all] : all.filter((r) => r.fiscalYear === fiscalYear))
    .slice()
    .sort((a, b) => b.fiscalYear - a.fiscalYear || a.code.localeCompare(b.code));

  const years = new Map<number, PortfolioRow[]>();
  for (const row of all) {
    const list = years.get(row.fiscalYear) ?? [];
    list.push(row);
    years.set(row.fiscalYear, list);
  }
  const byYear = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({ fiscalYear: year, totals: portfolioTotals(list) }));

  const byStage = LOAN_PROJECT_STAGES.map((stage) => {
    const inStage = rows.filter((r) => r.state === stage);
    return {
      stage,
      label: stageLabel(stage),
      count: inStage.length,
      amount: inStage.reduce((sum, r) => sum + (r.amount ?? 0), 0),
    };
  });

  const organizations = new Map<string, { value: string; label: string; count: number }>();
  for (const row of rows) {
    const entry = organizations.get(row.organizationCode) ?? {
      value: row.organizationCode,
      label: row.organizationName || row.organizationCode,
      count: 0,
    };
    entry.count += 1;
    organizations.set(row.organizationCode, entry);
  }
  const byOrganization = [...organizations.values()].sort(
    (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  );

  const behindPlanIds = rows
    .filter((r) => r.behindPlan && r.state !== 'CANCELLED')
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => r._id);

  return {
    fiscalYear,
    totals: portfolioTotals(rows),
    byYear,
    byStage,
    byOrganization,
    behindPlanIds,
    rows,
  };
}

export interface ProjectMapPointView {
  projectId: string;
  projectName: string;
  stage: LoanProjectStage;
  organizationCode: string;
  location: LocationRecord;
}

type MapProject = Pick<LoanProjectRecord, '_id' | 'name' | 'state' | 'organizationCode'> & {
  locations: readonly (Omit<LocationRecord, 'outline'> & { outline?: LocationRecord['outline'] })[];
};

/** Every location of every project, as map points (list rows carry no outline: null). */
export function mapPoints(projects: readonly MapProject[]): ProjectMapPointView[] {
  return projects.flatMap((project) =>
    (project.locations ?? []).map((location) => ({
      projectId: project._id,
      projectName: project.name,
      stage: project.state,
      organizationCode: project.organizationCode,
      location: { ...location, outline: location.outline ?? null },
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------------------------

export interface PortfolioServiceOptions {
  /** OC4IDS publisher prefix (`oc4ids-<prefix>-<code>`). */
  oc4idsPrefix?: string;
  timeZone?: string;
  now?: () => Date;
}

export type PortfolioResult = Omit<PortfolioView, 'behindPlanIds' | 'rows'> & {
  /** List rows: a field beyond them loads the record (LoanProjectService.full). */
  behindPlan: LoanProjectListRecord[];
};

/** The leaders' portfolio, map, exports and the OC4IDS view of a project. */
export class PortfolioService {
  private readonly oc4idsPrefix: string;
  private readonly timeZone: string;
  private readonly now: () => Date;
  /** The slim read model the portfolio and the map read (loan-project-list.model.ts). */
  private readonly listRows: LoanProjectListModel;

  constructor(
    projects: LoanProjectModel,
    /** Requirement states (documents by stage in OC4IDS); without it OC4IDS lists the agreement only. */
    private readonly requirementStates?: RequirementStateModel,
    options: PortfolioServiceOptions = {},
  ) {
    this.oc4idsPrefix = options.oc4idsPrefix ?? 'sipadu';
    this.timeZone = options.timeZone ?? 'Asia/Jakarta';
    this.now = options.now ?? (() => new Date());
    this.listRows = loanProjectListModel(projects.db);
  }

  /** Portfolio of the caller's projects: one `find` with a projection (two with behind-plan projects). */
  async portfolio(
    principal: Principal | null,
    fiscalYear?: number | null,
  ): Promise<PortfolioResult> {
    const caller = access.require(principal, 'Query.loanPortfolio');
    const view = await this.view(caller, fiscalYear ?? null);
    // The totals count every project of the scope; the projects behind plan are records, listed
    // only when the caller reads them (not to a statistics partner).
    const readable = projectReadFilter(caller);
    const behindPlan =
      view.behindPlanIds.length === 0 || !readable
        ? []
        : await this.listRows
            .find({ ...readable, _id: { $in: view.behindPlanIds } })
            .sort({ code: 1 })
            .lean<LoanProjectListRecord[]>()
            .exec();
    return {
      fiscalYear: view.fiscalYear,
      totals: view.totals,
      byYear: view.byYear,
      byStage: view.byStage,
      byOrganization: view.byOrganization,
      behindPlan,
    };
  }

  /** Every location of the caller's projects matching the filter (one `find`). */
  async map(
    principal: Principal | null,
    filter: LoanProjectFilterInput | null | undefined,
  ): Promise<ProjectMapPointView[]> {
    const caller = access.require(principal, 'Query.loanProjectMap');
    const query = scopedFilter(caller, filter);
    if (!query) return [];
    const projects = await this.listRows
      .find(query, { _id: 1, name: 1, state: 1, organizationCode: 1, locations: 1 })
      .sort({ fiscalYear: -1, code: 1 })
      .lean<
        Pick<LoanProjectListRecord, '_id' | 'name' | 'state' | 'organizationCode' | 'locations'>[]
      >()
      .exec();
    return mapPoints(projects);
  }

  /** The portfolio as an Excel workbook or a PDF (base64). */
  async export(
    principal: Principal | null,
    format: 'XLSX' | 'PDF',
    fiscalYear?: number | null,
  ): Promise<ExportedFile> {
    const caller = access.require(principal, 'Query.loanPortfolioExport');
    const view = await this.view(caller, fiscalYear ?? null);
    const meta = { generatedAt: this.now(), timeZone: this.timeZone };
    return format === 'PDF' ? portfolioPdf(view, meta) : portfolioXlsx(view, meta);
  }

  /** The project in the OC4IDS project shape (the caller already reads the project). */
  async oc4ids(project: LoanProjectRecord): Promise<Oc4idsProject> {
    const requirements = this.requirementStates
      ? await this.requirementStates
          .find({ projectId: project._id }, { title: 1, group: 1, status: 1, updatedAt: 1 })
          .lean<{ title: string; group: string | null; status: string; updatedAt: Date }[]>()
          .exec()
      : [];
    return toOc4ids(project, { prefix: this.oc4idsPrefix, requirements });
  }

  /** Today in the Pemda's zone (export file names). */
  today(): string {
    return todayIn(this.timeZone, this.now());
  }

  private async view(caller: Principal, fiscalYear: number | null): Promise<PortfolioView> {
    const scope = portfolioReadFilter(caller);
    if (!scope) throw forbidden('Anda tidak berhak melihat portofolio pinjaman.');
    const rows = await this.listRows
      .find(scope, PORTFOLIO_PROJECTION)
      .lean<PortfolioRow[]>()
      .exec();
    return aggregatePortfolio(rows, fiscalYear);
  }
}

/** The caller's readable projects matching the list filter (as LoanProjectService.scopedFilter). */
function scopedFilter(
  caller: Principal,
  filter: LoanProjectFilterInput | null | undefined,
): Record<string, unknown> | null {
  const scope = projectReadFilter(caller);
  if (!scope) return null;
  const clauses: Record<string, unknown>[] = [];
  if (Object.keys(scope).length > 0) clauses.push(scope);
  if (filter?.fiscalYear != null) clauses.push({ fiscalYear: filter.fiscalYear });
  if (filter?.stage?.length) clauses.push({ state: { $in: [...filter.stage] } });
  if (filter?.organizationCode) clauses.push({ organizationCode: filter.organizationCode });
  if (filter?.lenderOrganizationCode) {
    clauses.push({ lenderOrganizationCode: filter.lenderOrganizationCode });
  }
  if (filter?.search?.trim()) clauses.push({ searchText: containsPattern(filter.search) });
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? (clauses[0] as Record<string, unknown>) : { $and: clauses };
}

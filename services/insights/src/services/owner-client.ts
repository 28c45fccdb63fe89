import type { Logger } from '@sipadu/service-kit';
import { toPeriodInput } from './period.js';

// Insights keeps no copy of the modules' numbers: it reads them from the owning subgraphs directly
// with its own client-credentials token (`sipadu-insights`: sipadu:internal + sipadu:statistik),
// reusing an answer for OWNER_CACHE_MS. The owners' events clear the cache of their module.

export type OwnerModule = 'identity' | 'documents' | 'projects' | 'surveys' | 'consultations';

/** Indonesian names of the modules, for explanations and "unavailable" notices. */
export const MODULE_NAMES: Record<OwnerModule, string> = {
  identity: 'Identitas',
  documents: 'Dokumen',
  projects: 'SIPOPI (proyek pinjaman)',
  surveys: 'SIPUTRI (survei kepuasan)',
  consultations: 'Pengaduan dan SI-KIMR',
};

/** An owning module did not answer (network, timeout, refused token, GraphQL errors). */
export class OwnerUnavailableError extends Error {
  constructor(
    readonly module: OwnerModule,
    cause?: unknown,
  ) {
    super(`Modul ${MODULE_NAMES[module]} tidak menjawab.`, { cause });
    this.name = 'OwnerUnavailableError';
  }
}

export interface OwnerClientOptions {
  urls: Record<OwnerModule, string>;
  token: { tokenUrl: string; clientId: string; clientSecret: string };
  cacheMs: number;
  timeoutMs: number;
  timeZone: string;
  logger: Logger;
}

// ------------------------------------------------------------------ shapes of the owners' types

export interface OrganizationSummary {
  code: string;
  name: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
}

export interface OrganizationSatisfaction {
  organizationCode: string;
  organizationName: string;
  ikm: number | null;
  ikmConverted: number | null;
  grade: string | null;
  /** Sangat Baik, Baik, Kurang Baik, Tidak Baik. */
  performance: string | null;
  respondents: number;
  sampleAdequate: boolean | null;
}

export interface ServiceSatisfaction {
  serviceId: string;
  ikm: number | null;
  ikmConverted: number | null;
  grade: string | null;
  performance: string | null;
  respondents: number;
}

export interface PublishedService {
  id: string;
  name: string;
  category: string;
  organizationCode: string;
  organizationName: string;
  version: number | null;
  publishedAt: string | null;
  onlineServiceUrl: string | null;
}

export interface ComplaintStatisticRow {
  organizationCode: string | null;
  organizationName: string;
  received: number;
  rejected: number;
  answered: number;
  answeredOnTime: number;
  closed: number;
  rated: number;
  ratingSum: number;
  averageRating: number | null;
  open: number;
  overdue: number;
}

export interface ComplaintMonthStatistic {
  month: string;
  received: number;
  answered: number;
  answeredOnTime: number;
}

export interface ComplaintStatistics {
  from: string;
  to: string;
  total: ComplaintStatisticRow;
  organizations: ComplaintStatisticRow[];
  months: ComplaintMonthStatistic[];
}

export type CaseFlow = 'CONSULTATION' | 'WORK_ITEM' | 'ICT_COMPLAINT' | 'PUBLIC_COMPLAINT';

export interface ServiceTimeStatistic {
  flow: CaseFlow;
  organizationCode: string;
  organizationName: string;
  received: number;
  completed: number;
  completedOnTime: number;
  open: number;
  overdue: number;
}

export interface StatisticRecord {
  id: string;
  flow: CaseFlow;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  completedAt: string | null;
  onTime: boolean | null;
  overdue: boolean;
  rating: number | null;
}

export interface PortfolioTotals {
  projectCount: number;
  loanAmount: number;
  approvedAmount: number;
  disbursedAmount: number;
  physicalRealisation: number;
  financialRealisation: number;
  behindPlanCount: number;
}

export interface LoanProjectSummary {
  id: string;
  code: string;
  name: string;
  fiscalYear: number;
  organizationCode: string;
  organizationName: string;
  lenderOrganizationCode: string;
  lenderName: string;
  stage: string;
  stageLabel: string;
  amount: number;
  physicalProgress: number;
  financialProgress: number;
  behindPlan: boolean;
  /** Planned physical progress per month (`YYYY-MM`), for "actual vs plan". */
  progressPlan: Array<{ period: string; physicalPercent: number }>;
}

export interface LoanPortfolio {
  fiscalYear: number | null;
  totals: PortfolioTotals;
  byYear: Array<{ fiscalYear: number; totals: PortfolioTotals }>;
  byStage: Array<{ stage: string; label: string; count: number; amount: number }>;
  byOrganization: Array<{ value: string; label: string; count: number }>;
  behindPlan: LoanProjectSummary[];
}

// ------------------------------------------------------------------ queries

const PAGE_SIZE = 100;

const ORGANIZATIONS_QUERY = /* GraphQL */ `
  query InsightsOrganizations($after: String) {
    organizations(first: ${PAGE_SIZE}, after: $after) {
      edges {
        node {
          code
          name
          kind
          profile {
            latitude
            longitude
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const INDEX_FIELDS = `scopeId scopeName respondents ikm ikmConverted grade performance sampleAdequate`;

const ORGANIZATION_SATISFACTION_QUERY = /* GraphQL */ `
  query InsightsOrganizationSatisfaction($period: PeriodInput!) {
    organizationSatisfaction(period: $period) { ${INDEX_FIELDS} }
  }
`;

const STATISTIC_ROW = `organizationCode organizationName received rejected answered answeredOnTime
  closed rated ratingSum averageRating open overdue`;

const COMPLAINT_STATISTICS_FIELDS = `from to total { ${STATISTIC_ROW} }
  organizations { ${STATISTIC_ROW} } months { month received answered answeredOnTime }`;

const COMPLAINT_STATISTICS_QUERY = /* GraphQL */ `
  query InsightsComplaintStatistics($from: String!, $to: String!) {
    complaintStatistics(from: $from, to: $to) { ${COMPLAINT_STATISTICS_FIELDS} }
  }
`;

const SERVICE_TIME_QUERY = /* GraphQL */ `
  query InsightsServiceTime($from: String!, $to: String!) {
    serviceTimeStatistics(from: $from, to: $to) {
      flow
      organizationCode
      organizationName
      received
      completed
      completedOnTime
      open
      overdue
    }
  }
`;

const STATISTIC_RECORDS_QUERY = /* GraphQL */ `
  query InsightsStatisticRecords(
    $flow: CaseFlow!
    $organizationCode: String!
    $from: String!
    $to: String!
  ) {
    statisticRecords(
      flow: $flow
      organizationCode: $organizationCode
      from: $from
      to: $to
      first: 200
    ) {
      id
      flow
      number
      title
      status
      statusLabel
      receivedAt
      completedAt
      onTime
      overdue
      rating
    }
  }
`;

const PROJECT_FIELDS = `id code name fiscalYear organizationCode organizationName
  lenderOrganizationCode lenderName stage stageLabel amount physicalProgress financialProgress
  behindPlan progressPlan { period physicalPercent }`;

const TOTALS_FIELDS = `projectCount loanAmount approvedAmount disbursedAmount physicalRealisation
  financialRealisation behindPlanCount`;

const LOAN_PORTFOLIO_QUERY = /* GraphQL */ `
  query InsightsLoanPortfolio($fiscalYear: Int) {
    loanPortfolio(fiscalYear: $fiscalYear) {
      fiscalYear
      totals { ${TOTALS_FIELDS} }
      byYear { fiscalYear totals { ${TOTALS_FIELDS} } }
      byStage { stage label count amount }
      byOrganization { value label count }
      behindPlan { ${PROJECT_FIELDS} }
    }
  }
`;

const LOAN_PROJECTS_QUERY = /* GraphQL */ `
  query InsightsLoanProjects($filter: LoanProjectFilter, $after: String) {
    loanProjects(filter: $filter, first: ${PAGE_SIZE}, after: $after) {
      edges { node { ${PROJECT_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const SERVICE_STANDARDS_QUERY = /* GraphQL */ `
  query InsightsServiceStandards($organizationCode: String, $after: String) {
    serviceStandards(organizationCode: $organizationCode, first: ${PAGE_SIZE}, after: $after) {
      edges {
        node {
          id
          name
          category
          organizationCode
          organizationName
          published {
            version
            publishedAt
            onlineServiceUrl
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page<T> {
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface IndexView {
  scopeId: string | null;
  scopeName: string;
  respondents: number;
  ikm: number | null;
  ikmConverted: number | null;
  grade: string | null;
  performance: string | null;
  sampleAdequate: boolean | null;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

interface CacheEntry {
  module: OwnerModule;
  expiresAt: number;
  value: Promise<unknown>;
}

/** Renewed this long before the token expires, so no request carries a token about to lapse. */
const TOKEN_MARGIN_MS = 30_000;
/** Above this many entries, expired ones are swept on the next write. */
const CACHE_SWEEP_SIZE = 500;

/** Reads the owning subgraphs with the service's own token; answers cached briefly. */
export class OwnerClient {
  private readonly cache = new Map<string, CacheEntry>();
  private accessToken: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;

  constructor(private readonly options: OwnerClientOptions) {}

  /**
   * One GraphQL read of a module, reused for `cacheMs` (the same query and variables); throws
   * OwnerUnavailableError when the module does not answer or answers with errors.
   */
  request<T>(
    module: OwnerModule,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const key = `${module}\n${query}\n${JSON.stringify(variables)}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    const value = this.post<T>(module, query, variables, false);
    if (this.options.cacheMs > 0) {
      if (this.cache.size >= CACHE_SWEEP_SIZE) this.sweep(now);
      this.cache.set(key, { module, expiresAt: now + this.options.cacheMs, value });
      // A failure is not reused: the next read asks the module again.
      value.catch(() => {
        if (this.cache.get(key)?.value === value) this.cache.delete(key);
      });
    }
    return value;
  }

  /** Forgets cached answers of one module (its event said something changed), or of all. */
  invalidate(module?: OwnerModule): void {
    for (const [key, entry] of this.cache) {
      if (!module || entry.module === module) this.cache.delete(key);
    }
  }

  /** Every organization of the directory (all pages), with its office coordinates. */
  async organizations(): Promise<OrganizationSummary[]> {
    type Node = {
      code: string;
      name: string;
      kind: string;
      profile: { latitude: number | null; longitude: number | null } | null;
    };
    const nodes = await this.allPages<Node>('identity', ORGANIZATIONS_QUERY, {}, (data) => {
      return (data as { organizations: Page<Node> }).organizations;
    });
    return nodes.map((node) => ({
      code: node.code,
      name: node.name,
      kind: node.kind,
      latitude: node.profile?.latitude ?? null,
      longitude: node.profile?.longitude ?? null,
    }));
  }

  /** IKM of every organization on a period (surveys' `organizationSatisfaction`). */
  async organizationSatisfaction(periodKey: string): Promise<OrganizationSatisfaction[]> {
    const data = await this.request<{ organizationSatisfaction: IndexView[] }>(
      'surveys',
      ORGANIZATION_SATISFACTION_QUERY,
      { period: toPeriodInput(periodKey) },
    );
    return data.organizationSatisfaction.map((index) => ({
      organizationCode: index.scopeId ?? '',
      organizationName: index.scopeName,
      ikm: index.ikm,
      ikmConverted: index.ikmConverted,
      grade: index.grade,
      performance: index.performance,
      respondents: index.respondents,
      sampleAdequate: index.sampleAdequate,
    }));
  }

  /** IKM of several services on a period, in one request (aliases). */
  async serviceSatisfaction(
    serviceIds: readonly string[],
    periodKey: string,
  ): Promise<ServiceSatisfaction[]> {
    if (serviceIds.length === 0) return [];
    const fields = serviceIds
      .map(
        (_id, index) =>
          `s${index}: satisfactionIndex(scope: SERVICE, id: $id${index}, period: $period) { ${INDEX_FIELDS} }`,
      )
      .join('\n');
    const parameters = serviceIds.map((_id, index) => `$id${index}: ID!`).join(', ');
    const query = `query InsightsServiceSatisfaction($period: PeriodInput!, ${parameters}) {\n${fields}\n}`;
    const variables: Record<string, unknown> = { period: toPeriodInput(periodKey) };
    serviceIds.forEach((id, index) => (variables[`id${index}`] = id));
    const data = await this.request<Record<string, IndexView>>('surveys', query, variables);
    return serviceIds.map((serviceId, index) => {
      const view = data[`s${index}`];
      return {
        serviceId,
        ikm: view?.ikm ?? null,
        ikmConverted: view?.ikmConverted ?? null,
        grade: view?.grade ?? null,
        performance: view?.performance ?? null,
        respondents: view?.respondents ?? 0,
      };
    });
  }

  /** The published service standards (all pages), of one organization or all. */
  async publishedServices(organizationCode?: string): Promise<PublishedService[]> {
    type Node = Omit<PublishedService, 'version' | 'publishedAt' | 'onlineServiceUrl'> & {
      published: {
        version: number;
        publishedAt: string | null;
        onlineServiceUrl: string | null;
      } | null;
    };
    const nodes = await this.allPages<Node>(
      'surveys',
      SERVICE_STANDARDS_QUERY,
      { organizationCode: organizationCode ?? null },
      (data) => (data as { serviceStandards: Page<Node> }).serviceStandards,
    );
    return nodes
      .filter((node) => node.published)
      .map(({ published, ...node }) => ({
        ...node,
        version: published?.version ?? null,
        publishedAt: published?.publishedAt ?? null,
        onlineServiceUrl: published?.onlineServiceUrl ?? null,
      }));
  }

  /** Public-complaint statistics received between two days (inclusive). */
  async complaintStatistics(from: string, to: string): Promise<ComplaintStatistics> {
    const data = await this.request<{ complaintStatistics: ComplaintStatistics }>(
      'consultations',
      COMPLAINT_STATISTICS_QUERY,
      { from, to },
    );
    return data.complaintStatistics;
  }

  /** Complaint statistics of several ranges in one request (e.g. each month of a year). */
  async complaintStatisticsByRange(
    ranges: ReadonlyArray<{ from: string; to: string }>,
  ): Promise<ComplaintStatistics[]> {
    if (ranges.length === 0) return [];
    const fields = ranges
      .map(
        (_range, index) =>
          `r${index}: complaintStatistics(from: $from${index}, to: $to${index}) { ${COMPLAINT_STATISTICS_FIELDS} }`,
      )
      .join('\n');
    const parameters = ranges.map((_r, index) => `$from${index}: String!, $to${index}: String!`);
    const query = `query InsightsComplaintStatisticsByRange(${parameters.join(', ')}) {\n${fields}\n}`;
    const variables: Record<string, unknown> = {};
    ranges.forEach((range, index) => {
      variables[`from${index}`] = range.from;
      variables[`to${index}`] = range.to;
    });
    const data = await this.request<Record<string, ComplaintStatistics>>(
      'consultations',
      query,
      variables,
    );
    return ranges.map((_range, index) => data[`r${index}`]!);
  }

  /** Service-time compliance per flow and responsible organization, for cases received in range. */
  async serviceTimeStatistics(from: string, to: string): Promise<ServiceTimeStatistic[]> {
    const data = await this.request<{ serviceTimeStatistics: ServiceTimeStatistic[] }>(
      'consultations',
      SERVICE_TIME_QUERY,
      { from, to },
    );
    return data.serviceTimeStatistics;
  }

  /** The cases behind the statistics of one flow and organization (drill-down). */
  async statisticRecords(
    flow: string,
    organizationCode: string,
    from: string,
    to: string,
  ): Promise<StatisticRecord[]> {
    const data = await this.request<{ statisticRecords: StatisticRecord[] }>(
      'consultations',
      STATISTIC_RECORDS_QUERY,
      { flow, organizationCode, from, to },
    );
    return data.statisticRecords;
  }

  /** The loan portfolio (all years, or one fiscal year). */
  async loanPortfolio(fiscalYear?: number): Promise<LoanPortfolio> {
    const data = await this.request<{ loanPortfolio: LoanPortfolio }>(
      'projects',
      LOAN_PORTFOLIO_QUERY,
      { fiscalYear: fiscalYear ?? null },
    );
    return data.loanPortfolio;
  }

  /** Every loan project (all pages), optionally filtered as the projects service filters. */
  async loanProjects(
    filter: { organizationCode?: string; fiscalYear?: number } = {},
  ): Promise<LoanProjectSummary[]> {
    return this.allPages<LoanProjectSummary>(
      'projects',
      LOAN_PROJECTS_QUERY,
      { filter },
      (data) => (data as { loanProjects: Page<LoanProjectSummary> }).loanProjects,
    );
  }

  private async allPages<T>(
    module: OwnerModule,
    query: string,
    variables: Record<string, unknown>,
    pageOf: (data: unknown) => Page<T>,
  ): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    for (;;) {
      const page = pageOf(await this.request<unknown>(module, query, { ...variables, after }));
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  private async post<T>(
    module: OwnerModule,
    query: string,
    variables: Record<string, unknown>,
    retried: boolean,
  ): Promise<T> {
    let body: GraphQLBody<T>;
    try {
      const token = await this.token();
      const response = await fetch(`${this.options.urls[module].replace(/\/+$/, '')}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'x-sipadu-client': 'insights',
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (response.status === 401 && !retried) {
        // Revoked or rotated keys: one new token, one more try.
        this.accessToken = null;
        return await this.post<T>(module, query, variables, true);
      }
      body = (await response.json()) as GraphQLBody<T>;
      if (!response.ok && !body.errors?.length) {
        throw new Error(`HTTP ${response.status}`);
      }
    } catch (error) {
      throw this.unavailable(module, error);
    }
    if (body.errors?.length) {
      const detail = body.errors
        .map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`)
        .join('; ');
      throw this.unavailable(module, new Error(detail));
    }
    if (!body.data) throw this.unavailable(module, new Error('jawaban tanpa data'));
    return body.data;
  }

  private unavailable(module: OwnerModule, cause: unknown): OwnerUnavailableError {
    if (cause instanceof OwnerUnavailableError) return cause;
    this.options.logger.warn({ module, err: cause }, 'owner module unavailable');
    return new OwnerUnavailableError(module, cause);
  }

  /** The client-credentials token, reused until 30 s before it expires. */
  private async token(): Promise<string> {
    if (this.accessToken && this.accessToken.expiresAt - TOKEN_MARGIN_MS > Date.now()) {
      return this.accessToken.value;
    }
    this.tokenRequest ??= this.fetchToken().finally(() => {
      this.tokenRequest = null;
    });
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret } = this.options.token;
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`token endpoint answered HTTP ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('token endpoint answered without access_token');
    this.accessToken = {
      value: body.access_token,
      expiresAt: Date.now() + (body.expires_in ?? 60) * 1000,
    };
    return body.access_token;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) this.cache.delete(key);
    }
  }
}

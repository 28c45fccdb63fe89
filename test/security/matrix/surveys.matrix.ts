// SIPUTRI (services/surveys): the public directory, survey and index are open; service standards,
// pledges and populations are edited by the organization's admin-opd (super-admin any); internal
// survey data (suggestions, populations, recommendations) is read by the organization's admin-opd
// and by evaluator, pimpinan and super-admin across organizations (DOMAIN.md §1, §5).
import { randomUUID } from 'node:crypto';
import type { Role } from '@sipadu/service-kit';
import type { Caller, CellContext, OperationEntry, ServiceMatrix } from './matrix.types.js';
import { dataAs } from './matrix-support.js';

const EDITORS: readonly Role[] = ['admin-opd', 'super-admin'];
const OVERSEERS: readonly Role[] = ['evaluator', 'pimpinan', 'super-admin'];
const INTERNAL_READERS: readonly Role[] = ['admin-opd', ...OVERSEERS];
/** Organizations given a published standard and a recommendation (admin-opd is DINKES). */
const ORGANIZATIONS = ['DINKES', 'DPUPR', 'RSUD'] as const;
const PUBLIC_DATA = 'IKM dan direktori standar terbit: data terbuka untuk publik';

const components = {
  legalBasis: ['Peraturan Menteri PANRB Nomor 15 Tahun 2014'],
  requirements: ['Fotokopi KTP pemohon'],
  procedure: ['Pemohon mengisi formulir', 'Petugas memeriksa berkas', 'Penerbitan surat'],
  completionTime: '3 hari kerja',
  completionDays: 3,
  cost: 'Gratis',
  products: ['Surat keterangan'],
  facilities: ['Ruang tunggu'],
  officerCompetence: ['Memahami prosedur pelayanan'],
  internalSupervision: 'Atasan langsung dan Inspektorat',
  complaintHandling: 'Kotak saran dan aplikasi SIPADU',
  numberOfOfficers: 2,
  serviceGuarantee: 'Pelayanan sesuai standar dan maklumat',
  securityGuarantee: 'Data pemohon dijaga kerahasiaannya',
  performanceEvaluation: 'Evaluasi setiap triwulan melalui SKM',
};

const standardInput = (organizationCode: string) => ({
  organizationCode,
  name: `Surat Keterangan Uji Matriks ${organizationCode}`,
  category: 'Uji Matriks',
  components,
});

const pledgeInput = {
  text: 'Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.',
  commitments: ['Melayani dengan ramah dan tepat waktu'],
  signatoryName: 'dr. Uji Matriks',
  signatoryPosition: 'Kepala Dinas',
  effectiveDate: '2026-01-01',
};

const period = { year: new Date().getUTCFullYear() };

const prepared: { standards: Map<string, string>; recommendations: Map<string, string> } = {
  standards: new Map(),
  recommendations: new Map(),
};

/** The record of the cell's organization, else (callers reaching every organization) DPUPR's. */
function recordOf(records: Map<string, string>, cell: CellContext, what: string): string {
  const id = records.get(cell.organization) ?? records.get('DPUPR');
  if (!id) throw new Error(`prepare() belum membuat ${what}`);
  return id;
}
const standardOf = (cell: CellContext) => recordOf(prepared.standards, cell, 'standar pelayanan');
const recommendationOf = (cell: CellContext) =>
  recordOf(prepared.recommendations, cell, 'rekomendasi');

/** admin-opd plans without the plan (BAD_USER_INPUT); the evaluator verifies too early (CONFLICT). */
const FOLLOW_UP_ACTION: Partial<Record<Caller, string>> = { 'admin-opd': 'PLAN' };

/** The organization of every record in a connection answer (the list's leak check). */
const nodeOrganizations = (data: Record<string, unknown>, field: string) =>
  (data[field] as { edges: { node: { organizationCode: string } }[] }).edges.map(
    ({ node }) => node.organizationCode,
  );

const scoped = (across: readonly Role[]) => ({ organization: { across } });

const entries: OperationEntry[] = [
  {
    operation: 'Query.serviceStandards',
    document: `query { serviceStandards(first: 5) { edges { node { id } } } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.serviceStandard',
    document: `query ($id: ID!) { serviceStandard(id: $id) { id } }`,
    allow: 'public',
    objectLevel: `${PUBLIC_DATA}; draf hanya bagi penyunting organisasinya (null bagi yang lain)`,
    variables: (cell) => ({ id: standardOf(cell) }),
  },
  {
    operation: 'Query.serviceDirectoryFacets',
    document: `query { serviceDirectoryFacets { __typename } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.managedServiceStandards',
    document: `query ($org: String) { managedServiceStandards(organizationCode: $org) { edges { node { organizationCode } } } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    visible: (data) => nodeOrganizations(data, 'managedServiceStandards'),
    variables: (cell) => ({ org: cell.organization }),
  },
  {
    operation: 'Query.servicePledge',
    document: `query ($org: String!) { servicePledge(organizationCode: $org) { organizationCode } }`,
    // Published pledges are public; the draft only for its editors (null for the others).
    allow: 'public',
    variables: (cell) => ({ org: cell.organization }),
  },
  {
    operation: 'Query.surveyQuestionnaire',
    document: `query { surveyQuestionnaire { __typename } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.satisfactionIndex',
    document: `query ($id: ID, $period: PeriodInput!) { satisfactionIndex(scope: ORGANIZATION, id: $id, period: $period) { __typename } }`,
    allow: 'public',
    objectLevel: PUBLIC_DATA,
    variables: (cell) => ({ id: cell.organization, period }),
  },
  {
    operation: 'Query.satisfactionTrend',
    document: `query ($id: ID, $until: PeriodInput!) { satisfactionTrend(scope: ORGANIZATION, id: $id, granularity: YEAR, until: $until, count: 2) { __typename } }`,
    allow: 'public',
    objectLevel: PUBLIC_DATA,
    variables: (cell) => ({ id: cell.organization, until: period }),
  },
  {
    operation: 'Query.organizationSatisfaction',
    document: `query ($period: PeriodInput!) { organizationSatisfaction(period: $period) { __typename } }`,
    allow: 'public',
    variables: () => ({ period }),
  },
  {
    operation: 'Query.servicePopulations',
    document: `query ($id: ID!) { servicePopulations(serviceId: $id) { __typename } }`,
    allow: INTERNAL_READERS,
    ...scoped(OVERSEERS),
    variables: (cell) => ({ id: standardOf(cell) }),
  },
  {
    operation: 'Query.surveySuggestions',
    document: `query ($id: ID, $period: PeriodInput!) { surveySuggestions(scope: ORGANIZATION, id: $id, period: $period) { __typename } }`,
    allow: INTERNAL_READERS,
    ...scoped(OVERSEERS),
    variables: (cell) => ({ id: cell.organization, period }),
  },
  {
    operation: 'Query.recommendations',
    document: `query ($org: String) { recommendations(organizationCode: $org) { edges { node { organizationCode } } } }`,
    allow: INTERNAL_READERS,
    ...scoped(OVERSEERS),
    visible: (data) => nodeOrganizations(data, 'recommendations'),
    variables: (cell) => ({ org: cell.organization }),
  },
  {
    operation: 'Query.recommendation',
    document: `query ($id: ID!) { recommendation(id: $id) { id } }`,
    allow: INTERNAL_READERS,
    ...scoped(OVERSEERS),
    variables: (cell) => ({ id: recommendationOf(cell) }),
  },
  {
    operation: 'Query.recommendationReport',
    document: `query ($org: String!, $period: PeriodInput!) { recommendationReport(organizationCode: $org, period: $period) { filename } }`,
    allow: INTERNAL_READERS,
    ...scoped(OVERSEERS),
    variables: (cell) => ({ org: cell.organization, period }),
  },
  {
    operation: 'Query.satisfactionReport',
    document: `query ($period: PeriodInput!) { satisfactionReport(period: $period, format: XLSX) { filename } }`,
    allow: OVERSEERS,
    variables: () => ({ period }),
  },
  {
    operation: 'Mutation.submitSurveyResponse',
    document: `mutation ($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { submissionId } }`,
    allow: 'public',
    variables: () => ({
      input: {
        submissionId: randomUUID(),
        serviceId: prepared.standards.get('DPUPR'),
        scores: [4, 3, 4, 3, 4, 3, 4, 3, 4],
      },
    }),
  },
  {
    operation: 'Mutation.createServiceStandard',
    document: `mutation ($input: ServiceStandardInput!) { createServiceStandard(input: $input) { id } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ input: standardInput(cell.organization) }),
  },
  {
    operation: 'Mutation.saveServiceStandardDraft',
    document: `mutation ($id: ID!, $input: ServiceStandardInput!) { saveServiceStandardDraft(id: $id, input: $input) { id } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({
      id: standardOf(cell),
      input: { ...standardInput(cell.organization), organizationCode: undefined },
    }),
  },
  {
    operation: 'Mutation.publishServiceStandard',
    document: `mutation ($id: ID!) { publishServiceStandard(id: $id) { id } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ id: standardOf(cell) }),
  },
  {
    operation: 'Mutation.discardServiceStandardDraft',
    document: `mutation ($id: ID!) { discardServiceStandardDraft(id: $id) { id } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ id: standardOf(cell) }),
  },
  {
    operation: 'Mutation.saveServicePledgeDraft',
    document: `mutation ($org: String!, $input: ServicePledgeInput!) { saveServicePledgeDraft(organizationCode: $org, input: $input) { organizationCode } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ org: cell.organization, input: pledgeInput }),
  },
  {
    operation: 'Mutation.publishServicePledge',
    document: `mutation ($org: String!) { publishServicePledge(organizationCode: $org) { organizationCode } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ org: cell.organization }),
  },
  {
    operation: 'Mutation.setServicePopulation',
    document: `mutation ($input: ServicePopulationInput!) { setServicePopulation(input: $input) { __typename } }`,
    allow: EDITORS,
    ...scoped(['super-admin']),
    variables: (cell) => ({ input: { serviceId: standardOf(cell), period, population: 1200 } }),
  },
  {
    operation: 'Mutation.importServicePopulations',
    document: `mutation ($csv: String!) { importServicePopulations(csv: $csv) { imported rejected { reason } } }`,
    // Rows of another organization's services are reported as refused rows, one by one.
    allow: EDITORS,
    variables: () => ({ csv: `${prepared.standards.get('DINKES')};${period.year};900\n` }),
  },
  {
    operation: 'Mutation.createRecommendation',
    document: `mutation ($input: RecommendationInput!) { createRecommendation(input: $input) { id } }`,
    allow: ['evaluator', 'super-admin'],
    variables: () => ({
      input: {
        organizationCode: 'DPUPR',
        period,
        elementCode: 'U3',
        text: 'Persingkat waktu penyelesaian dengan loket khusus.',
      },
    }),
  },
  {
    operation: 'Mutation.updateFollowUp',
    document: `mutation ($input: FollowUpInput!) { updateFollowUp(input: $input) { id } }`,
    allow: ['admin-opd', 'evaluator', 'super-admin'],
    ...scoped(['evaluator', 'super-admin']),
    variables: (cell) => ({
      input: {
        recommendationId: recommendationOf(cell),
        action: FOLLOW_UP_ACTION[cell.caller] ?? 'VERIFY',
      },
    }),
  },
  {
    operation: 'Mutation.recomputeSatisfactionAggregates',
    document: `mutation { recomputeSatisfactionAggregates(apply: false) { __typename } }`,
    allow: ['super-admin'],
    variables: () => ({}),
  },
];

export const surveysMatrix: ServiceMatrix = {
  service: 'surveys',
  async prepare() {
    for (const organizationCode of ORGANIZATIONS) {
      const { createServiceStandard } = await dataAs<{ createServiceStandard: { id: string } }>(
        'super-admin',
        `mutation ($input: ServiceStandardInput!) { createServiceStandard(input: $input) { id } }`,
        { input: standardInput(organizationCode) },
      );
      await dataAs(
        'super-admin',
        `mutation ($id: ID!) { publishServiceStandard(id: $id) { id } }`,
        {
          id: createServiceStandard.id,
        },
      );
      prepared.standards.set(organizationCode, createServiceStandard.id);
      const { createRecommendation } = await dataAs<{ createRecommendation: { id: string } }>(
        'evaluator',
        `mutation ($input: RecommendationInput!) { createRecommendation(input: $input) { id } }`,
        {
          input: {
            organizationCode,
            period,
            elementCode: 'U9',
            text: 'Tambahkan kursi tunggu dan papan informasi alur pelayanan.',
          },
        },
      );
      prepared.recommendations.set(organizationCode, createRecommendation.id);
    }
  },
  entries,
};

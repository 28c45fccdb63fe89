// SIPOPI (services/projects): who reads and changes loan projects (DOMAIN.md §1, §3). BPKAD,
// pimpinan and super-admin see every project; pelaksana only its organization's; the lender only
// the projects it finances. The records: a DPUPR project financed by a second lender and an RSUD
// project financed by PT SMI, so that the lender's "other" project is one it does not finance.
import type { Role } from '@sipadu/service-kit';
import { eventually } from '@sipadu/test-kit';
import { findSubKegiatan, loanProjectInput } from '../../support/fixtures.js';
import { dataAs } from './matrix-support.js';
import type { Caller, CellContext, OperationEntry, ServiceMatrix } from './matrix.types.js';

const READERS_OF_ALL: readonly Role[] = ['bpkad', 'pimpinan', 'super-admin'];
const MANAGERS: readonly Role[] = ['bpkad', 'super-admin'];
const TECHNICAL_EDITORS: readonly Role[] = ['bpkad', 'pelaksana', 'super-admin'];
const PORTFOLIO_READERS: readonly Role[] = ['pimpinan', 'bpkad', 'super-admin', 'pemberi-pinjaman'];
/** A lender besides PT SMI: DPUPR's project is financed by it, out of PT SMI's reach. */
const SECOND_LENDER = 'BANK-MATRIKS';

interface PreparedProject {
  id: string;
  trancheId: string;
}

const prepared: { dpupr?: PreparedProject; rsud?: PreparedProject; versionId?: string } = {};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`prepare() belum membuat ${what}`);
  return value;
}

/**
 * The project the cell points at: the RSUD project (financed by PT SMI) for RSUD and PT SMI, the
 * DPUPR project otherwise. Own: pelaksana DPUPR → DPUPR, lender PT SMI → RSUD; other: the reverse.
 */
function projectOf(cell: CellContext): PreparedProject {
  return cell.organization === 'RSUD' || cell.organization === 'PTSMI'
    ? need(prepared.rsud, 'proyek RSUD')
    : need(prepared.dpupr, 'proyek DPUPR');
}

/**
 * A stage step each caller holds a role for, so an allowed cell ends in CONFLICT or BAD_USER_INPUT
 * (the project stays in DRAFT) rather than a refusal: managers cancel without the required note.
 */
const STAGE_STEP: Partial<Record<Caller, string>> = {
  pelaksana: 'startImplementation',
  'pemberi-pinjaman': 'approve',
};
const TRANCHE_STEP: Partial<Record<Caller, string>> = { 'pemberi-pinjaman': 'approve' };

const trancheInput = (id: string | null) => ({
  id,
  name: 'Termin 1',
  plannedShare: 100,
  plannedDate: '2027-06-30',
  minPhysicalProgress: 0,
  requirementGroup: 'Termin 1',
});

let locations: unknown = null;
let planningCode = '';

/** Executing organization and lender of every project in a list answer (the list's leak check). */
function projectParties(data: Record<string, unknown>): string[][] {
  const connection = data.loanProjects as {
    edges: { node: { organizationCode: string; lenderOrganizationCode: string } }[];
  };
  return connection.edges.map(({ node }) => [node.organizationCode, node.lenderOrganizationCode]);
}

const projectScoped = (across: readonly Role[]) => ({ organization: { across } });

const entries: OperationEntry[] = [
  {
    operation: 'Query.loanProjects',
    document: `query { loanProjects(first: 100) { edges { node { organizationCode lenderOrganizationCode } } } }`,
    // Filtered per caller (projectReadFilter): others get an empty list, not a refusal.
    allow: 'signed-in',
    visible: (data) => projectParties(data),
    visibleAcross: READERS_OF_ALL,
    variables: () => ({}),
  },
  {
    operation: 'Query.loanProject',
    document: `query ($id: ID!) { loanProject(id: $id) { id organizationCode } }`,
    allow: [...READERS_OF_ALL, 'pelaksana', 'pemberi-pinjaman'],
    ...projectScoped(READERS_OF_ALL),
    variables: (cell) => ({ id: projectOf(cell).id }),
  },
  {
    operation: 'Query.loanProjectFacets',
    document: `query { loanProjectFacets { fiscalYears } }`,
    allow: 'signed-in',
    variables: () => ({}),
  },
  {
    operation: 'Query.loanPortfolio',
    document: `query { loanPortfolio { totals { projectCount } } }`,
    allow: PORTFOLIO_READERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.loanProjectMap',
    document: `query { loanProjectMap { projectId } }`,
    allow: 'signed-in',
    variables: () => ({}),
  },
  {
    operation: 'Query.loanPortfolioExport',
    document: `query { loanPortfolioExport(format: XLSX) { filename size } }`,
    allow: PORTFOLIO_READERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.planningCodeVersions',
    document: `query { planningCodeVersions { id active } }`,
    allow: 'signed-in',
    variables: () => ({}),
  },
  {
    operation: 'Query.planningCodes',
    document: `query ($versionId: ID) { planningCodes(versionId: $versionId, first: 3) { code } }`,
    allow: 'signed-in',
    objectLevel: 'nomenklatur Permendagri 90/2019: data acuan bersama seluruh Pemda',
    variables: () => ({ versionId: need(prepared.versionId, 'versi nomenklatur') }),
  },
  {
    operation: 'Query.planningCode',
    document: `query ($code: String!, $versionId: ID) { planningCode(code: $code, versionId: $versionId) { code } }`,
    allow: 'signed-in',
    objectLevel: 'nomenklatur Permendagri 90/2019: data acuan bersama seluruh Pemda',
    variables: () => ({ code: planningCode, versionId: need(prepared.versionId, 'versi') }),
  },
  {
    operation: 'Query.planningCodeImports',
    document: `query { planningCodeImports(first: 3) { id } }`,
    allow: 'signed-in',
    variables: () => ({}),
  },
  {
    operation: 'Mutation.createLoanProject',
    document: `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id } }`,
    allow: MANAGERS,
    variables: () => ({
      input: loanProjectInput(planningCode, { name: 'Usulan uji matriks otorisasi' }),
    }),
  },
  {
    operation: 'Mutation.updateLoanProject',
    document: `mutation ($id: ID!, $input: LoanProjectUpdateInput!) { updateLoanProject(id: $id, input: $input) { id } }`,
    allow: TECHNICAL_EDITORS,
    ...projectScoped(MANAGERS),
    // The description it already has: an allowed call writes nothing.
    variables: (cell) => ({
      id: projectOf(cell).id,
      input: { description: loanProjectInput(planningCode).description },
    }),
  },
  {
    operation: 'Mutation.setProjectLocations',
    document: `mutation ($projectId: ID!, $locations: [ProjectLocationInput!]!) { setProjectLocations(projectId: $projectId, locations: $locations) { id } }`,
    allow: TECHNICAL_EDITORS,
    ...projectScoped(MANAGERS),
    variables: (cell) => ({ projectId: projectOf(cell).id, locations }),
  },
  {
    operation: 'Mutation.transitionLoanProject',
    document: `mutation ($id: ID!, $transition: String!) { transitionLoanProject(id: $id, transition: $transition) { id } }`,
    allow: ['bpkad', 'pelaksana', 'pemberi-pinjaman', 'super-admin'],
    ...projectScoped(MANAGERS),
    variables: (cell) => ({
      id: projectOf(cell).id,
      transition: STAGE_STEP[cell.caller] ?? 'cancel',
    }),
  },
  {
    operation: 'Mutation.setLoanAgreement',
    document: `mutation ($projectId: ID!, $input: LoanAgreementInput!) { setLoanAgreement(projectId: $projectId, input: $input) { id } }`,
    allow: MANAGERS,
    ...projectScoped(MANAGERS),
    // Still DRAFT: an allowed call ends in CONFLICT.
    variables: (cell) => ({
      projectId: projectOf(cell).id,
      input: { documentId: 'dokumen-perjanjian', number: '001/PK/2026', signedOn: '2026-11-01' },
    }),
  },
  {
    operation: 'Mutation.saveDisbursementPlan',
    document: `mutation ($projectId: ID!, $tranches: [DisbursementTrancheInput!]!) { saveDisbursementPlan(projectId: $projectId, tranches: $tranches) { id } }`,
    allow: MANAGERS,
    ...projectScoped(MANAGERS),
    // The plan it already has (same tranche id): the tranche the next entry points at stays.
    variables: (cell) => {
      const project = projectOf(cell);
      return { projectId: project.id, tranches: [trancheInput(project.trancheId)] };
    },
  },
  {
    operation: 'Mutation.transitionDisbursement',
    document: `mutation ($projectId: ID!, $trancheId: ID!, $transition: String!) { transitionDisbursement(projectId: $projectId, trancheId: $trancheId, transition: $transition) { id } }`,
    // pelaksana passes the service's first gate but holds no step of the tranche workflow.
    allow: ['bpkad', 'pemberi-pinjaman', 'super-admin'],
    ...projectScoped(MANAGERS),
    variables: (cell) => {
      const project = projectOf(cell);
      return {
        projectId: project.id,
        trancheId: project.trancheId,
        transition: TRANCHE_STEP[cell.caller] ?? 'request',
      };
    },
  },
  {
    operation: 'Mutation.saveProgressPlan',
    document: `mutation ($projectId: ID!, $points: [ProgressPlanPointInput!]!) { saveProgressPlan(projectId: $projectId, points: $points) { id } }`,
    allow: TECHNICAL_EDITORS,
    ...projectScoped(MANAGERS),
    variables: (cell) => ({
      projectId: projectOf(cell).id,
      points: [{ period: '2027-01', physicalPercent: 10, financialPercent: 10 }],
    }),
  },
  {
    operation: 'Mutation.submitProgressReport',
    document: `mutation ($projectId: ID!, $input: ProgressReportInput!) { submitProgressReport(projectId: $projectId, input: $input) { id } }`,
    allow: TECHNICAL_EDITORS,
    ...projectScoped(MANAGERS),
    // Before the agreement no report is due: an allowed call ends in CONFLICT.
    variables: (cell) => ({
      projectId: projectOf(cell).id,
      input: {
        period: '2026-10',
        physicalPercent: 5,
        financialPercent: 5,
        narrative: 'Mobilisasi alat dan pengukuran lapangan.',
      },
    }),
  },
  {
    operation: 'Mutation.reviewProgressReport',
    document: `mutation ($projectId: ID!, $reportId: ID!, $decision: ProgressReviewDecision!) { reviewProgressReport(projectId: $projectId, reportId: $reportId, decision: $decision) { id } }`,
    allow: MANAGERS,
    ...projectScoped(MANAGERS),
    // A revision request without its note: BAD_USER_INPUT once the role has passed.
    variables: (cell) => ({
      projectId: projectOf(cell).id,
      reportId: 'laporan-uji',
      decision: 'REQUEST_REVISION',
    }),
  },
  {
    operation: 'Mutation.importPlanningCodes',
    document: `mutation ($input: PlanningCodeImportInput!) { importPlanningCodes(input: $input) { id } }`,
    allow: MANAGERS,
    variables: () => ({
      input: {
        versionId: need(prepared.versionId, 'versi nomenklatur'),
        kind: 'NOMENCLATURE',
        format: 'CSV',
        filename: 'uji-matriks.csv',
        contentBase64: Buffer.from('kode;nama\n1;URUSAN PEMERINTAHAN WAJIB\n').toString('base64'),
        dryRun: true,
      },
    }),
  },
  {
    operation: 'Mutation.activatePlanningCodeVersion',
    document: `mutation ($id: ID!) { activatePlanningCodeVersion(id: $id) { id } }`,
    allow: MANAGERS,
    objectLevel: 'nomenklatur Permendagri 90/2019: data acuan bersama seluruh Pemda',
    // The version already active: activating it again changes nothing.
    variables: () => ({ id: need(prepared.versionId, 'versi nomenklatur') }),
  },
];

export const projectsMatrix: ServiceMatrix = {
  service: 'projects',
  async prepare(stack) {
    planningCode = (await findSubKegiatan(stack.gatewayUrl, '1.03.10', /jalan/i)).code;
    locations = loanProjectInput(planningCode).locations;
    await dataAs(
      'super-admin',
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { code } }`,
      { input: { code: SECOND_LENDER, name: 'Bank Uji Matriks Otorisasi', kind: 'LENDER' } },
    );
    const create = async (overrides: Record<string, unknown>): Promise<PreparedProject> => {
      // The projects service learns the new lender from identity's event a moment later.
      const { createLoanProject } = await eventually('proyek uji matriks', () =>
        dataAs<{ createLoanProject: { id: string } }>(
          'bpkad',
          `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id } }`,
          { input: loanProjectInput(planningCode, overrides) },
        ),
      );
      const { saveDisbursementPlan } = await dataAs<{
        saveDisbursementPlan: { disbursements: { id: string }[] };
      }>(
        'bpkad',
        `mutation ($projectId: ID!, $tranches: [DisbursementTrancheInput!]!) {
          saveDisbursementPlan(projectId: $projectId, tranches: $tranches) { disbursements { id } } }`,
        {
          projectId: createLoanProject.id,
          tranches: [trancheInput(null)],
        },
      );
      const trancheId = saveDisbursementPlan.disbursements[0]?.id;
      if (!trancheId) throw new Error('termin uji matriks tidak dibuat');
      return { id: createLoanProject.id, trancheId };
    };
    prepared.dpupr = await create({
      name: 'Peningkatan Jalan Lingkar Barat (uji matriks)',
      lenderOrganizationCode: SECOND_LENDER,
    });
    prepared.rsud = await create({
      name: 'Pembangunan Gedung Rawat Inap RSUD (uji matriks)',
      organizationCode: 'RSUD',
    });
    const { planningCodeVersions } = await dataAs<{
      planningCodeVersions: { id: string; active: boolean }[];
    }>('bpkad', `query { planningCodeVersions { id active } }`);
    prepared.versionId = planningCodeVersions.find((version) => version.active)?.id;
  },
  entries,
};

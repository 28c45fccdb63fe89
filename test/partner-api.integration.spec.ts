// The partner API through the gateway (issue 9, "done when"): each partner system obtains a token
// with client credentials and reads only its scope — SIPD planning codes and every loan project,
// the lender PT SMI only the projects it finances and their documents' status, the provincial
// dashboard only statistics; a call outside the scope is FORBIDDEN, and every call, allowed or
// refused, lands in the hash-chained audit log; a burst beyond the per-client limit is
// RATE_LIMITED. Real Keycloak clients (dev realm), FerretDB, NATS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PARTNER_CLIENT_IDS,
  TokenRequestError,
  decodeClaims,
  errorCodes,
  eventually,
  getClientToken,
  getPartnerToken,
  getUserToken,
  graphqlRequest,
  type GraphQLResponse,
  type PartnerClientId,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createLenderRequirement, findSubKegiatan, loanProjectInput } from './support/fixtures.js';

const DATABASE = 'sipadu_partner_api_platform_test';
/** Low enough for a burst to cross it, high enough for every other test's calls of one client. */
const PARTNER_RATE_LIMIT = 30;
let stack: ApiStack;

const isPartner = (who: string): who is PartnerClientId =>
  (PARTNER_CLIENT_IDS as readonly string[]).includes(who);

const tokens = new Map<string, string>();
async function token(who: string): Promise<string> {
  const cached = tokens.get(who);
  if (cached && Number(decodeClaims(cached).exp) * 1000 - Date.now() > 60_000) return cached;
  const fresh = isPartner(who) ? await getPartnerToken(who) : await getUserToken(who);
  tokens.set(who, fresh);
  return fresh;
}

/** A GraphQL request as a dev user (`bpkad`) or a partner client (`mitra-ptsmi`). */
async function gql<T = Record<string, unknown>>(
  who: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(stack.gatewayUrl, query, { variables, token: await token(who) });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

/** Refused outright, or (for a single record) answered as if it did not exist. */
function refusedOrHidden(response: GraphQLResponse<Record<string, unknown>>, field: string) {
  const value = response.data?.[field];
  const hidden = value === null || (Array.isArray(value) && value.length === 0);
  expect(
    errorCodes(response).includes('FORBIDDEN') || (hidden && !response.errors),
    JSON.stringify(response),
  ).toBe(true);
}

const YEAR = new Date().getFullYear();
/** Another lender, so that PT SMI's system has a project it must not see. */
const OTHER_LENDER = `BANK-${randomUUID().slice(0, 6).toUpperCase()}`;

const projects = { ptsmi: { id: '', code: '' }, other: { id: '', code: '' } };
let requirementTitle = '';

async function propose(overrides: Record<string, unknown>): Promise<{ id: string; code: string }> {
  const planningCode = (await findSubKegiatan(stack.gatewayUrl, '1.03.10', /jalan/i)).code;
  // The projects service learns a new lender from identity's events a moment after it is created.
  const created = await eventually('the project is created', async () => {
    const response = await gql<{ createLoanProject: { id: string; code: string } }>(
      'bpkad',
      `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id code } }`,
      { input: loanProjectInput(planningCode, overrides) },
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.createLoanProject;
  });
  ok(
    await gql(
      'bpkad',
      `mutation ($id: ID!) { transitionLoanProject(id: $id, transition: "submitProposal") { stage } }`,
      { id: created.id },
    ),
  );
  return created;
}

interface AuditNode {
  action: string;
  actor: { id: string; name: string | null; organizationCode: string | null };
  targetType: string;
  targetId: string;
  detail: string | null;
}

/** The audit entries of one partner client for one action, newest included (super-admin). */
async function auditOf(clientId: string, action: 'PARTNER_READ' | 'PARTNER_REFUSED') {
  const page = ok(
    await gql<{ auditLog: { edges: { node: AuditNode }[] } }>(
      'super-admin',
      `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) {
        edges { node { action actor { id name organizationCode } targetType targetId detail } }
      } }`,
      { filter: { action, actorId: clientId } },
    ),
  );
  return page.auditLog.edges.map((edge) => edge.node);
}

/** Waits until the audit holds an entry of the client and action that mentions `field`. */
async function audited(
  clientId: string,
  action: 'PARTNER_READ' | 'PARTNER_REFUSED',
  field: string,
) {
  return eventually(
    `${action} of ${clientId} for ${field} in the audit log`,
    async () =>
      (await auditOf(clientId, action)).find((node) => JSON.stringify(node).includes(field)),
    30_000,
    500,
  );
}

beforeAll(async () => {
  stack = await startApiStack(DATABASE, { partnerRateLimit: PARTNER_RATE_LIMIT });
  ok(
    await gql(
      'super-admin',
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { code } }`,
      { input: { code: OTHER_LENDER, name: 'Bank Pembangunan Daerah Uji', kind: 'LENDER' } },
    ),
  );
  projects.ptsmi = await propose({ name: 'Pembangunan Pasar Angso Duo', fiscalYear: YEAR });
  projects.other = await propose({
    name: 'Revitalisasi Taman Kota Jambi',
    fiscalYear: YEAR,
    lenderOrganizationCode: OTHER_LENDER,
  });
  requirementTitle = `Rencana anggaran biaya ${randomUUID().slice(0, 6)}`;
  await createLenderRequirement(
    stack.gatewayUrl,
    { type: 'LoanProject', id: projects.ptsmi.id },
    requirementTitle,
  );
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('client credentials', () => {
  it('gives each partner a token for the API carrying its scope, and nothing for a wrong secret', async () => {
    for (const [clientId, scope] of [
      ['sipadu-partner', 'sipadu:sipd'],
      ['mitra-ptsmi', 'sipadu:pemberi-pinjaman'],
      ['mitra-provinsi', 'sipadu:statistik'],
    ] as const) {
      const claims = decodeClaims(await token(clientId));
      expect(claims.azp, clientId).toBe(clientId);
      expect([claims.aud].flat(), clientId).toContain('sipadu-api');
      expect(String(claims.scope).split(' '), clientId).toContain(scope);
    }
    expect(decodeClaims(await token('mitra-ptsmi')).org).toBe('PTSMI');
    await expect(getClientToken('mitra-ptsmi', 'bukan-rahasia-yang-benar')).rejects.toBeInstanceOf(
      TokenRequestError,
    );
  });
});

describe('SIPD (sipadu-partner)', () => {
  it('reads planning codes and pages through every loan project with its codes and realisation', async () => {
    const { planningCodes } = ok(
      await gql<{ planningCodes: { code: string; level: string }[] }>(
        'sipadu-partner',
        `{ planningCodes(level: SUB_KEGIATAN, search: "1.03.10", first: 5) { code level } }`,
      ),
    );
    expect(planningCodes.length).toBeGreaterThan(0);
    expect(planningCodes.every((code) => code.level === 'SUB_KEGIATAN')).toBe(true);

    interface ProjectRow {
      code: string;
      planningCodes: { code: string }[];
      physicalProgress: number;
    }
    interface ProjectPage {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: ProjectRow }[];
    }
    const seen: ProjectRow[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page += 1) {
      const { loanProjects }: { loanProjects: ProjectPage } = ok(
        await gql<{ loanProjects: ProjectPage }>(
          'sipadu-partner',
          `query ($after: String) { loanProjects(first: 1, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node { code planningCodes { code } physicalProgress financialProgress } }
          } }`,
          { after },
        ),
      );
      total = loanProjects.totalCount;
      seen.push(...loanProjects.edges.map((edge) => edge.node));
      if (!loanProjects.pageInfo.hasNextPage) break;
      after = loanProjects.pageInfo.endCursor;
    }
    // Every project, whichever lender finances it.
    expect(total).toBe(2);
    expect(seen.map((project) => project.code).sort()).toEqual(
      [projects.ptsmi.code, projects.other.code].sort(),
    );
    for (const project of seen) expect(project.planningCodes[0]?.code).toMatch(/^1\.03\.10\./);

    await audited('sipadu-partner', 'PARTNER_READ', 'loanProjects');
  });

  it('may not change anything', async () => {
    const refused = await gql(
      'sipadu-partner',
      // A transition that does not exist: only the access gate may answer, nothing can change.
      `mutation ($id: ID!) { transitionLoanProject(id: $id, transition: "bukanTransisi") { stage } }`,
      { id: projects.ptsmi.id },
    );
    expect(errorCodes(refused)).toContain('FORBIDDEN');
    await audited('sipadu-partner', 'PARTNER_REFUSED', 'transitionLoanProject');
  });
});

describe('a lender (mitra-ptsmi)', () => {
  it('reads only the projects PT SMI finances, with their requirements’ status', async () => {
    const { loanProjects } = ok(
      await gql<{
        loanProjects: {
          totalCount: number;
          edges: {
            node: {
              id: string;
              lenderOrganizationCode: string;
              requirements: { title: string; status: string }[];
            };
          }[];
        };
      }>(
        'mitra-ptsmi',
        `{ loanProjects(first: 50) { totalCount edges { node {
          id lenderOrganizationCode requirements { title status statusLabel }
        } } } }`,
      ),
    );
    const nodes = loanProjects.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual([projects.ptsmi.id]);
    expect(loanProjects.totalCount).toBe(1);
    expect(nodes.every((node) => node.lenderOrganizationCode === 'PTSMI')).toBe(true);
    expect(nodes[0]!.requirements).toContainEqual(
      expect.objectContaining({ title: requirementTitle, status: 'REQUESTED' }),
    );

    const own = ok(
      await gql<{ requirements: { title: string; status: string }[] }>(
        'mitra-ptsmi',
        `query ($id: ID!) { requirements(subjectType: "LoanProject", subjectId: $id) { title status } }`,
        { id: projects.ptsmi.id },
      ),
    ).requirements;
    expect(own.map((requirement) => requirement.title)).toContain(requirementTitle);
  });

  it('gets nothing of another lender’s project', async () => {
    refusedOrHidden(
      await gql('mitra-ptsmi', `query ($id: ID!) { loanProject(id: $id) { id code } }`, {
        id: projects.other.id,
      }),
      'loanProject',
    );
    refusedOrHidden(
      await gql(
        'mitra-ptsmi',
        `query ($id: ID!) { requirements(subjectType: "LoanProject", subjectId: $id) { id } }`,
        { id: projects.other.id },
      ),
      'requirements',
    );
  });

  it('is refused the portfolio and any change, and each refusal is audited', async () => {
    expect(
      errorCodes(await gql('mitra-ptsmi', `{ loanPortfolio { totals { projectCount } } }`)),
    ).toContain('FORBIDDEN');
    const { loanProject } = ok(
      await gql<{ loanProject: { requirements: { id: string; title: string }[] } }>(
        'bpkad',
        `query ($id: ID!) { loanProject(id: $id) { requirements { id title } } }`,
        { id: projects.ptsmi.id },
      ),
    );
    const requirement = loanProject.requirements.find((r) => r.title === requirementTitle)!;
    expect(
      errorCodes(
        await gql(
          'mitra-ptsmi',
          `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { status } }`,
          { id: requirement.id },
        ),
      ),
    ).toContain('FORBIDDEN');

    const refusal = await audited('mitra-ptsmi', 'PARTNER_REFUSED', 'loanPortfolio');
    expect(refusal.actor.organizationCode).toBe('PTSMI');
    await audited('mitra-ptsmi', 'PARTNER_REFUSED', 'reviewRequirement');
    await audited('mitra-ptsmi', 'PARTNER_READ', 'loanProjects');
  });
});

describe('the provincial dashboard (mitra-provinsi)', () => {
  it('reads complaint statistics, IKM and performance assessments', async () => {
    const data = ok(
      await gql<{
        complaintStatistics: { total: { received: number } };
        organizationSatisfaction: { scopeId: string }[];
        performanceAssessments: { period: { key: string }; items: { organizationCode: string }[] };
      }>(
        'mitra-provinsi',
        `query ($from: String!, $to: String!, $year: Int!, $period: String!) {
          complaintStatistics(from: $from, to: $to) { total { received answered } }
          organizationSatisfaction(period: { year: $year }) { scopeId ikm grade }
          performanceAssessments(period: $period) { period { key } items { organizationCode score grade } }
        }`,
        { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, year: YEAR, period: String(YEAR) },
      ),
    );
    expect(data.complaintStatistics.total.received).toBeGreaterThanOrEqual(0);
    // No survey answers in this stack: the IKM list is readable, and empty.
    expect(data.organizationSatisfaction).toEqual([]);
    expect(data.performanceAssessments.period.key).toBe(String(YEAR));
    expect(data.performanceAssessments.items.map((item) => item.organizationCode)).toContain(
      'DPUPR',
    );
    await audited('mitra-provinsi', 'PARTNER_READ', 'performanceAssessments');
  });

  it('is refused loan projects and planning codes, and the refusal is audited', async () => {
    expect(errorCodes(await gql('mitra-provinsi', `{ loanProjects { totalCount } }`))).toContain(
      'FORBIDDEN',
    );
    expect(
      errorCodes(await gql('mitra-provinsi', `{ planningCodes(first: 1) { code } }`)),
    ).toContain('FORBIDDEN');
    await audited('mitra-provinsi', 'PARTNER_REFUSED', 'loanProjects');
    await audited('mitra-provinsi', 'PARTNER_REFUSED', 'planningCodes');
  });
});

describe('rate limit per partner client', () => {
  it('answers a burst beyond PARTNER_RATE_LIMIT per minute with RATE_LIMITED, audited', async () => {
    const burst = await Promise.all(
      Array.from({ length: PARTNER_RATE_LIMIT + 5 }, () =>
        gql('sipadu-partner', `{ planningCodes(first: 1) { code } }`),
      ),
    );
    const limited = burst.filter((response) => errorCodes(response).includes('RATE_LIMITED'));
    expect(limited.length).toBeGreaterThan(0);
    for (const response of limited) expect(response.status).toBe(429);
    // Other partners keep their own budget.
    ok(
      await gql(
        'mitra-provinsi',
        `{ performanceAssessments(period: "${YEAR}") { items { score } } }`,
      ),
    );
    await audited('sipadu-partner', 'PARTNER_REFUSED', 'RATE_LIMITED');
  });
});

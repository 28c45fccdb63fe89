// SIPUTRI through the gateway (issue 7, "done when"): a citizen with no account finds a service,
// reads its standard and answers the survey; the published IKM of the service, its organization
// and the Pemda follow and match a hand computation; admin-opd of one organization cannot edit
// another's standards; the evaluator writes a recommendation, the agency records its follow-up,
// both print to PDF; the recompute check agrees with the aggregates. Real Keycloak tokens,
// FerretDB and NATS; notifications come from the surveys service's events.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeClaims,
  errorCodes,
  eventually,
  getUserToken,
  graphqlRequest,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';

const DATABASE = 'sipadu_surveys_platform_test';
let stack: ApiStack;

const tokens = new Map<string, string>();
async function token(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached && Number(decodeClaims(cached).exp) * 1000 - Date.now() > 60_000) return cached;
  const fresh = await getUserToken(username);
  tokens.set(username, fresh);
  return fresh;
}

/** As a signed-in user, or anonymously with `null`. */
async function gql<T = Record<string, unknown>>(
  username: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(stack.gatewayUrl, query, {
    variables,
    ...(username ? { token: await token(username) } : {}),
  });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

const components = {
  legalBasis: ['Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan'],
  requirements: ['Fotokopi Kartu Keluarga', 'Telah berusia 17 tahun atau sudah menikah'],
  procedure: ['Pemohon mengambil nomor antrean', 'Perekaman biometrik', 'Pencetakan KTP-el'],
  completionTime: '1 hari kerja',
  completionDays: 1,
  cost: 'Gratis',
  products: ['KTP Elektronik'],
  facilities: ['Ruang tunggu ber-AC', 'Alat perekaman biometrik'],
  officerCompetence: ['Memahami administrasi kependudukan'],
  internalSupervision: 'Atasan langsung dan Inspektorat',
  complaintHandling: 'Kotak saran, SMS, dan aplikasi SIPADU',
  numberOfOfficers: 6,
  serviceGuarantee: 'Pelayanan sesuai standar dan maklumat',
  securityGuarantee: 'Data pemohon dijaga kerahasiaannya',
  performanceEvaluation: 'Evaluasi setiap triwulan melalui SKM',
};

const STANDARD_FIELDS = `id organizationCode name category status surveyPath
  published { version name components { requirements completionTime cost } }
  draft { version revision name }`;

const INDEX_FIELDS = `scope scopeId scopeName respondents ikm ikmConverted grade performance
  population minimumSample sampleShortfall sampleAdequate
  period { key label }
  elements { element { code name } total answers nrr weightedNrr distribution }`;

interface IndexView {
  respondents: number;
  ikm: number | null;
  ikmConverted: number | null;
  grade: string | null;
  performance: string | null;
  population: number | null;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
  elements: { element: { code: string }; total: number; answers: number; nrr: number | null }[];
}

// Four citizens' answers, U1..U9. By hand:
//   U1 4+3+4+2=13 → NRR 3.25   U2 4+3+3+3=13 → 3.25   U3 3+3+4+3=13 → 3.25
//   U4 3+4+4+4=15 → 3.75       U5 4+3+4+3=14 → 3.50   U6 4+3+4+3=14 → 3.50
//   U7 4+4+4+3=15 → 3.75       U8 3+3+4+2=12 → 3.00   U9 3+2+3+3=11 → 2.75
//   Σ NRR = 30.00; IKM = 30/9 = 3.3333…; converted = 83.33 → B "Baik" (76.61–88.30).
const ANSWERS = [
  [4, 4, 3, 3, 4, 4, 4, 3, 3],
  [3, 3, 3, 4, 3, 3, 4, 3, 2],
  [4, 3, 4, 4, 4, 4, 4, 4, 3],
  [2, 3, 3, 4, 3, 3, 3, 2, 3],
];
const EXPECTED_NRR = [3.25, 3.25, 3.25, 3.75, 3.5, 3.5, 3.75, 3.0, 2.75];
const EXPECTED_IKM = 30 / 9;

// A second service of another organization, one answer of all 4 (NRR 4 each, IKM 4, 100 → A).
const PERFECT = [4, 4, 4, 4, 4, 4, 4, 4, 4];

/** The current month in Asia/Jakarta, where the service files responses. */
function currentMonth(): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return { year: year as number, month: month as number };
}

let ktpId = '';
let dinkesServiceId = '';
let recommendationId = '';
const period = currentMonth();

async function index(scope: string, id: string | null): Promise<IndexView> {
  const data = ok(
    await gql<{ satisfactionIndex: IndexView }>(
      null,
      `query($scope: IndexScope!, $id: ID, $period: PeriodInput!) {
        satisfactionIndex(scope: $scope, id: $id, period: $period) { ${INDEX_FIELDS} } }`,
      { scope, id, period },
    ),
  );
  return data.satisfactionIndex;
}

function submit(serviceId: string, scores: number[], extra: Record<string, unknown> = {}) {
  return gql<{ submitSurveyResponse: { submissionId: string; duplicate: boolean } }>(
    null,
    `mutation($input: SurveyResponseInput!) {
      submitSurveyResponse(input: $input) { submissionId serviceId serviceName receivedAt duplicate } }`,
    { input: { submissionId: randomUUID(), serviceId, scores, ...extra } },
  );
}

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('SIPUTRI through the gateway', () => {
  it('super-admin publishes a standard; admin-opd of another organization cannot touch it', async () => {
    const created = ok(
      await gql<{ createServiceStandard: { id: string; status: string } }>(
        'super-admin',
        `mutation($input: ServiceStandardInput!) { createServiceStandard(input: $input) { ${STANDARD_FIELDS} } }`,
        {
          input: {
            organizationCode: 'DISDUKCAPIL',
            name: 'Penerbitan KTP Elektronik',
            category: 'Administrasi Kependudukan',
            components,
          },
        },
      ),
    ).createServiceStandard;
    expect(created.status).toBe('DRAFT');
    ktpId = created.id;

    // Not public before it is published.
    const hidden = ok(
      await gql<{ serviceStandard: unknown }>(
        null,
        `query($id: ID!) { serviceStandard(id: $id) { id } }`,
        { id: ktpId },
      ),
    );
    expect(hidden.serviceStandard).toBeNull();

    // admin-opd is DINKES: DISDUKCAPIL's standard is not theirs to edit, publish or create.
    const edit = await gql(
      'admin-opd',
      `mutation($id: ID!, $input: ServiceStandardInput!) {
        saveServiceStandardDraft(id: $id, input: $input) { id } }`,
      { id: ktpId, input: { name: 'Diubah', category: 'Administrasi Kependudukan', components } },
    );
    expect(errorCodes(edit)).toEqual(['FORBIDDEN']);
    const publishOther = await gql(
      'admin-opd',
      `mutation($id: ID!) { publishServiceStandard(id: $id) { id } }`,
      { id: ktpId },
    );
    expect(errorCodes(publishOther)).toEqual(['FORBIDDEN']);
    const createOther = await gql(
      'admin-opd',
      `mutation($input: ServiceStandardInput!) { createServiceStandard(input: $input) { id } }`,
      {
        input: {
          organizationCode: 'DISDUKCAPIL',
          name: 'Layanan Palsu',
          category: 'Administrasi Kependudukan',
          components,
        },
      },
    );
    expect(errorCodes(createOther)).toEqual(['FORBIDDEN']);

    const published = ok(
      await gql<{ publishServiceStandard: { status: string; published: { version: number } } }>(
        'super-admin',
        `mutation($id: ID!) { publishServiceStandard(id: $id) { ${STANDARD_FIELDS} } }`,
        { id: ktpId },
      ),
    ).publishServiceStandard;
    expect(published.status).toBe('PUBLISHED');
    expect(published.published.version).toBe(1);

    // admin-opd creates and publishes its own organization's service.
    const own = ok(
      await gql<{ createServiceStandard: { id: string; organizationCode: string } }>(
        'admin-opd',
        `mutation($input: ServiceStandardInput!) { createServiceStandard(input: $input) { ${STANDARD_FIELDS} } }`,
        {
          input: {
            name: 'Penerbitan Surat Izin Praktik Bidan',
            category: 'Perizinan Kesehatan',
            components: { ...components, products: ['Surat Izin Praktik Bidan'] },
          },
        },
      ),
    ).createServiceStandard;
    expect(own.organizationCode).toBe('DINKES');
    dinkesServiceId = own.id;
    ok(
      await gql('admin-opd', `mutation($id: ID!) { publishServiceStandard(id: $id) { id } }`, {
        id: dinkesServiceId,
      }),
    );
  });

  it('a citizen with no account finds the service and reads its standard', async () => {
    const found = ok(
      await gql<{
        serviceStandards: { totalCount: number; edges: { node: { id: string; name: string } }[] };
      }>(
        null,
        `query { serviceStandards(search: "ktp") { totalCount edges { node { id name organizationName } } } }`,
      ),
    ).serviceStandards;
    expect(found.edges.map((edge) => edge.node.id)).toEqual([ktpId]);

    const standard = ok(
      await gql<{
        serviceStandard: {
          surveyPath: string;
          draft: unknown;
          published: { components: { requirements: string[]; cost: string } };
        };
      }>(null, `query($id: ID!) { serviceStandard(id: $id) { ${STANDARD_FIELDS} } }`, {
        id: ktpId,
      }),
    ).serviceStandard;
    expect(standard.published.components.requirements).toContain('Fotokopi Kartu Keluarga');
    expect(standard.published.components.cost).toBe('Gratis');
    expect(standard.draft).toBeNull();
    expect(standard.surveyPath).toBe(`/survei/${ktpId}`);

    const questionnaire = ok(
      await gql<{ surveyQuestionnaire: { elements: { code: string; labels: string[] }[] } }>(
        null,
        `query { surveyQuestionnaire { version elements { code name labels } } }`,
      ),
    ).surveyQuestionnaire;
    expect(questionnaire.elements.map((element) => element.code)).toEqual([
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'U7',
      'U8',
      'U9',
    ]);
    expect(questionnaire.elements[3]?.labels).toEqual([
      'Sangat mahal',
      'Cukup mahal',
      'Murah',
      'Gratis',
    ]);
  });

  it('anonymous answers move the published IKM of the service, its organization and the Pemda', async () => {
    const receipts = await Promise.all(
      ANSWERS.map((scores, i) =>
        submit(ktpId, scores, i === 0 ? { profile: { gender: 'PEREMPUAN' } } : {}),
      ),
    );
    for (const receipt of receipts) expect(ok(receipt).submitSurveyResponse.duplicate).toBe(false);
    ok(await submit(dinkesServiceId, PERFECT));

    const service = await eventually(
      'the four answers in the service index',
      async () => {
        const current = await index('SERVICE', ktpId);
        expect(current.respondents).toBe(4);
        return current;
      },
      30_000,
    );
    expect(service.elements.map((element) => element.nrr)).toEqual(EXPECTED_NRR);
    expect(service.elements.map((element) => element.answers)).toEqual(Array(9).fill(4));
    expect(service.ikm).toBeCloseTo(EXPECTED_IKM, 12);
    expect(service.ikmConverted).toBeCloseTo(EXPECTED_IKM * 25, 10);
    expect(service.grade).toBe('B');
    expect(service.performance).toBe('Baik');

    const organization = await index('ORGANIZATION', 'DISDUKCAPIL');
    expect(organization.respondents).toBe(4);
    expect(organization.ikm).toBeCloseTo(EXPECTED_IKM, 12);

    // Pemda: 5 answers. U1 (13+4)/5 = 3.4, … ; Σ NRR = (30·4 + 36)/5 → computed per element.
    const pemda = await eventually(
      'the five answers in the Pemda index',
      async () => {
        const current = await index('PEMDA', null);
        expect(current.respondents).toBe(5);
        return current;
      },
      30_000,
    );
    const pemdaNrr = EXPECTED_NRR.map((nrr) => (nrr * 4 + 4) / 5);
    expect(pemda.elements.map((element) => element.nrr)).toEqual(
      pemdaNrr.map((value) => expect.closeTo(value, 12)),
    );
    expect(pemda.ikm).toBeCloseTo(pemdaNrr.reduce((sum, value) => sum + value, 0) / 9, 12);
  });

  it('shows respondents against the Krejcie & Morgan minimum once the population is known', async () => {
    ok(
      await gql(
        'super-admin',
        `mutation($input: ServicePopulationInput!) { setServicePopulation(input: $input) { population minimumSample } }`,
        { input: { serviceId: ktpId, period, population: 100 } },
      ),
    );
    const service = await index('SERVICE', ktpId);
    expect(service.population).toBe(100);
    expect(service.minimumSample).toBe(80);
    expect(service.sampleShortfall).toBe(76);
    expect(service.sampleAdequate).toBe(false);
  });

  it('the same submission twice is counted once; bad answers are refused in Indonesian', async () => {
    const submissionId = randomUUID();
    const input = { submissionId, serviceId: ktpId, scores: PERFECT };
    const mutation = `mutation($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { duplicate } }`;
    expect(
      ok(await gql<{ submitSurveyResponse: { duplicate: boolean } }>(null, mutation, { input }))
        .submitSurveyResponse.duplicate,
    ).toBe(false);
    expect(
      ok(await gql<{ submitSurveyResponse: { duplicate: boolean } }>(null, mutation, { input }))
        .submitSurveyResponse.duplicate,
    ).toBe(true);
    await eventually(
      'the first copy counted',
      async () => (await index('SERVICE', ktpId)).respondents === 5,
      30_000,
    );

    const eight = await submit(ktpId, [4, 4, 4, 4, 4, 4, 4, 4]);
    expect(errorCodes(eight)).toEqual(['BAD_USER_INPUT']);
    expect(eight.errors?.[0]?.message).toMatch(/9/);
    const five = await submit(ktpId, [5, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(errorCodes(five)).toEqual(['BAD_USER_INPUT']);
    const unknown = await submit(randomUUID(), PERFECT);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('the evaluator recommends, the agency follows up, both print to PDF; others are refused', async () => {
    const mutation = `mutation($input: RecommendationInput!) {
      createRecommendation(input: $input) { id status organizationCode elementNrr element { code } availableActions } }`;
    const refused = await gql('admin-opd', mutation, {
      input: {
        organizationCode: 'DINKES',
        period,
        elementCode: 'U9',
        text: 'Perbaiki ruang tunggu.',
      },
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const created = ok(
      await gql<{
        createRecommendation: { id: string; status: string; availableActions: string[] };
      }>('evaluator', mutation, {
        input: {
          organizationCode: 'DINKES',
          period,
          elementCode: 'U9',
          text: 'Tambahkan kursi tunggu dan papan informasi alur pelayanan.',
          priority: 'HIGH',
        },
      }),
    ).createRecommendation;
    expect(created.status).toBe('OPEN');
    recommendationId = created.id;

    // DISDUKCAPIL's recommendation is invisible to DINKES's admin-opd.
    const other = ok(
      await gql<{ createRecommendation: { id: string } }>('evaluator', mutation, {
        input: {
          organizationCode: 'DISDUKCAPIL',
          period,
          elementCode: 'U9',
          text: 'Perbanyak loket perekaman pada jam sibuk.',
        },
      }),
    ).createRecommendation;
    const peek = await gql('admin-opd', `query($id: ID!) { recommendation(id: $id) { id } }`, {
      id: other.id,
    });
    expect(errorCodes(peek)).toEqual(['FORBIDDEN']);
    const mine = ok(
      await gql<{ recommendations: { edges: { node: { id: string } }[] } }>(
        'admin-opd',
        `query { recommendations { edges { node { id } } } }`,
      ),
    ).recommendations;
    expect(mine.edges.map((edge) => edge.node.id)).toEqual([recommendationId]);

    const planned = ok(
      await gql<{ updateFollowUp: { status: string; followUpPlan: string } }>(
        'admin-opd',
        `mutation($input: FollowUpInput!) { updateFollowUp(input: $input) { status followUpPlan progressPercent } }`,
        {
          input: {
            recommendationId,
            action: 'PLAN',
            plan: 'Pengadaan 20 kursi tunggu pada triwulan berikutnya.',
          },
        },
      ),
    ).updateFollowUp;
    expect(planned.status).toBe('PLANNED');

    // The evaluator cannot verify a follow-up that is not completed.
    const early = await gql(
      'evaluator',
      `mutation($input: FollowUpInput!) { updateFollowUp(input: $input) { status } }`,
      { input: { recommendationId, action: 'VERIFY' } },
    );
    expect(errorCodes(early)).toEqual(['CONFLICT']);

    for (const username of ['admin-opd', 'evaluator']) {
      const report = ok(
        await gql<{ recommendationReport: { contentType: string; base64: string } }>(
          username,
          `query($org: String!, $period: PeriodInput!) {
            recommendationReport(organizationCode: $org, period: $period) { filename contentType base64 size } }`,
          { org: 'DINKES', period },
        ),
      ).recommendationReport;
      expect(report.contentType).toBe('application/pdf');
      expect(Buffer.from(report.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('tells the agency about the new recommendation', async () => {
    await eventually(
      'the recommendation notification',
      async () => {
        const inbox = ok(
          await gql<{ notifications: { edges: { node: { link: string | null } }[] } }>(
            'admin-opd',
            `query { notifications(first: 50) { edges { node { title link } } } }`,
          ),
        ).notifications;
        expect(inbox.edges.map((edge) => edge.node.link)).toContain(
          `/rekomendasi/${recommendationId}`,
        );
        return true;
      },
      30_000,
    );
  });

  it('super-admin gets the report of all organizations and the recompute agrees', async () => {
    const report = ok(
      await gql<{ satisfactionReport: { base64: string } }>(
        'super-admin',
        `query($period: PeriodInput!) { satisfactionReport(period: $period, format: XLSX) { filename base64 } }`,
        { period },
      ),
    ).satisfactionReport;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer);
    const text = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
    expect(text).toContain('Dinas Kependudukan dan Pencatatan Sipil');

    const refused = await gql(
      'admin-opd',
      `query($period: PeriodInput!) { satisfactionReport(period: $period, format: PDF) { filename } }`,
      { period },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const recompute = ok(
      await gql<{
        recomputeSatisfactionAggregates: { responses: number; mismatches: unknown[] };
      }>(
        'super-admin',
        `mutation { recomputeSatisfactionAggregates { responses aggregates applied mismatches { key stored recomputed } } }`,
      ),
    ).recomputeSatisfactionAggregates;
    expect(recompute.responses).toBe(6);
    expect(recompute.mismatches).toEqual([]);
  });
});

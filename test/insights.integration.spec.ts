// The leaders' view and open data through the gateway (issue 9, "done when"): pimpinan sees every
// module on one screen, and a change made elsewhere (a citizen's new complaint, an approved
// document requirement) reaches the open dashboard over SSE and shows in its activity without a
// reload; others are refused. Every open data set downloads as CSV and JSON, both agree, and the
// numbers are the owners' live numbers; an internal set needs a reader. Real Keycloak tokens,
// FerretDB, NATS; insights reads the owners directly with its own client token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeClaims,
  errorCodes,
  getUserToken,
  graphqlRequest,
  openEventStream,
  tusUpload,
  type EventStreamClient,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { findSubKegiatan, loanProjectInput, pdfWithText } from './support/fixtures.js';

const DATABASE = 'sipadu_insights_platform_test';
let stack: ApiStack;

const tokens = new Map<string, string>();
async function token(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached && Number(decodeClaims(cached).exp) * 1000 - Date.now() > 60_000) return cached;
  const fresh = await getUserToken(username);
  tokens.set(username, fresh);
  return fresh;
}

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

/** The current year in the Pemda's time zone: the dashboard's and the data sets' default period. */
const YEAR = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
);
const PERIOD = String(YEAR);

const DASHBOARD = `query D($period: String) { leaderDashboard(period: $period) {
  period { key from to }
  generatedAt
  portfolio { projects totalAmount disbursedAmount behindPlan byStage { key label count }
    behindPlanProjects { id reference } }
  ranking { organizationCode organizationName score grade rank }
  map { organizationCode latitude longitude ikm score }
  complaintTrend { month received answered answeredOnTime }
  overdueByOrganization { organizationCode count references }
  alerts { id kind title raisedAt }
  activity { id module title organizationCode href occurredAt }
  unavailable
} }`;

interface Dashboard {
  period: { key: string; from: string; to: string };
  generatedAt: string;
  portfolio: { projects: number; totalAmount: number; byStage: { key: string; count: number }[] };
  ranking: { organizationCode: string; score: number | null }[];
  map: { organizationCode: string; latitude: number; longitude: number }[];
  complaintTrend: { month: string; received: number }[];
  overdueByOrganization: { organizationCode: string; count: number }[];
  alerts: { id: string; kind: string }[];
  activity: { id: string; module: string; title: string; occurredAt: string }[];
  unavailable: string[];
}

async function dashboard(username = 'pimpinan'): Promise<Dashboard> {
  return ok(await gql<{ leaderDashboard: Dashboard }>(username, DASHBOARD, { period: PERIOD }))
    .leaderDashboard;
}

/** A loan project BPKAD proposes (stage DATA_PREPARATION), financed by PT SMI. */
async function proposeProject(name: string): Promise<{ id: string; code: string }> {
  const planningCode = (await findSubKegiatan(stack.gatewayUrl, '1.03.10', /jalan/i)).code;
  const created = ok(
    await gql<{ createLoanProject: { id: string; code: string } }>(
      'bpkad',
      `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id code } }`,
      { input: loanProjectInput(planningCode, { name }) },
    ),
  ).createLoanProject;
  ok(
    await gql(
      'bpkad',
      `mutation ($id: ID!) { transitionLoanProject(id: $id, transition: "submitProposal") { stage } }`,
      { id: created.id },
    ),
  );
  return created;
}

beforeAll(async () => {
  // The SIPUTRI demo answers give the IKM data set and the ranking real numbers.
  stack = await startApiStack(DATABASE, { seedSurveys: true });
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

describe('leaders’ dashboard (Perwali 64 §17(2))', () => {
  let stream: EventStreamClient | undefined;

  afterAll(() => stream?.close());

  it('shows pimpinan every module on one screen, and refuses others', async () => {
    const view = await dashboard();
    expect(view.unavailable).toEqual([]);
    expect(view.period.key).toBe(PERIOD);
    expect(view.period.from).toBe(`${PERIOD}-01-01`);
    expect(Date.parse(view.generatedAt)).not.toBeNaN();
    expect(view.portfolio.projects).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(view.portfolio.byStage)).toBe(true);
    // Every organization of the Pemda is ranked (scored or not), and the map shows those with an
    // office location.
    expect(view.ranking.map((row) => row.organizationCode)).toEqual(
      expect.arrayContaining(['DINKES', 'DPUPR', 'DISKOMINFO']),
    );
    expect(view.ranking.some((row) => row.score !== null)).toBe(true);
    for (const point of view.map) {
      expect(point.latitude).toBeGreaterThan(-90);
      expect(point.longitude).toBeGreaterThan(-180);
    }
    expect(view.complaintTrend).toHaveLength(12);
    expect(view.complaintTrend.at(-1)?.month).toMatch(new RegExp(`^${PERIOD}-\\d{2}$`));
    expect(Array.isArray(view.overdueByOrganization)).toBe(true);
    expect(Array.isArray(view.alerts)).toBe(true);
    expect(Array.isArray(view.activity)).toBe(true);

    // super-admin reads it too; no other role, nor anonymous callers.
    expect((await dashboard('super-admin')).unavailable).toEqual([]);
    for (const username of ['admin-opd', 'bpkad', 'evaluator', 'unit-kerja']) {
      expect(errorCodes(await gql(username, DASHBOARD, { period: PERIOD })), username).toContain(
        'FORBIDDEN',
      );
    }
    expect(errorCodes(await gql(null, DASHBOARD, { period: PERIOD }))).toContain('UNAUTHENTICATED');
  });

  it('opens the live stream for pimpinan only', async () => {
    const streamUrl = `${stack.gatewayOrigin}/insights/stream`;
    const anonymous = await openEventStream(streamUrl);
    expect(anonymous.status).toBe(401);
    const refused = await openEventStream(streamUrl, { token: await token('admin-opd') });
    expect(refused.status).toBe(403);
    stream = await openEventStream(streamUrl, { token: await token('pimpinan') });
    expect(stream.status).toBe(200);
  });

  /**
   * Resolves with the `dashboard` signal a module event of this type caused (the signal names its
   * reasons), received from now on.
   */
  const signalFor = (client: EventStreamClient, eventType: string) => {
    const seen = client.received.length;
    return client.waitFor((event) => {
      if (event.event !== 'dashboard' || client.received.indexOf(event) < seen) return false;
      const signal = JSON.parse(event.data) as { type: string; reason: string };
      return signal.type === 'dashboard' && signal.reason.split(',').includes(eventType);
    }, 30_000);
  };

  it('shows a citizen’s new public complaint without a reload', async () => {
    expect(stream?.status).toBe(200);
    const signal = signalFor(stream!, 'consultations.case.transitioned');
    const { complaintCategories } = ok(
      await gql<{ complaintCategories: { code: string }[] }>(
        null,
        `{ complaintCategories { code } }`,
      ),
    );
    const filed = ok(
      await gql<{ filePublicComplaint: { number: string } }>(
        null,
        `mutation F($input: FilePublicComplaintInput!) { filePublicComplaint(input: $input) { number } }`,
        {
          input: {
            title: 'Lampu jalan padam di Jalan Sultan Agung',
            description: 'Sudah dua minggu lampu jalan di depan pasar padam dan rawan kecelakaan.',
            categoryCode: complaintCategories[0]!.code,
            organizationCode: 'DPUPR',
            anonymous: true,
            visibility: 'PUBLIC',
            submissionId: randomUUID(),
          },
        },
      ),
    ).filePublicComplaint;

    await signal;
    const view = await dashboard();
    const line = view.activity.find((item) => item.title.includes(filed.number));
    expect(line, JSON.stringify(view.activity.slice(0, 5))).toMatchObject({ module: 'PENGADUAN' });
    // The complaint's month counts one more received complaint.
    const month = view.complaintTrend.at(-1)!;
    expect(month.received).toBeGreaterThanOrEqual(1);
  });

  it('shows an approved document requirement without a reload', async () => {
    expect(stream?.status).toBe(200);
    const project = await proposeProject('Rehabilitasi Jembatan Makalam');
    const title = `Laporan uji beton ${randomUUID().slice(0, 8)}`;
    // BPKAD alone reviews it, so its approval is final.
    const requirementId = ok(
      await gql<{ createRequirement: { id: string } }>(
        'bpkad',
        `mutation ($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }`,
        {
          input: {
            subject: { type: 'LoanProject', id: project.id },
            title,
            uploaderOrganizationCode: 'DPUPR',
            reviewerOrganizationCodes: ['BPKAD'],
          },
        },
      ),
    ).createRequirement.id;
    const upload = await tusUpload({
      origin: stack.gatewayOrigin,
      token: await token('pelaksana'),
      bytes: await pdfWithText(title),
      filename: 'uji-beton.pdf',
      purpose: 'document',
    });
    expect(upload.status, upload.message ?? '').toBe(204);
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
        { id: requirementId, file: upload.fileId },
      ),
    );

    const signal = signalFor(stream!, 'documents.requirement.approved');
    const approved = ok(
      await gql<{ reviewRequirement: { status: string } }>(
        'bpkad',
        `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { status } }`,
        { id: requirementId },
      ),
    ).reviewRequirement;
    expect(approved.status).toBe('APPROVED');

    // Read again on the signal, as the page does: the approval is already there.
    await signal;
    const line = (await dashboard()).activity.find(
      (item) => item.title.includes(title) && /disetujui/.test(item.title),
    );
    expect(line).toMatchObject({ module: 'DOKUMEN' });
  });
});

// ------------------------------------------------------------------------------ open data

interface DataSetView {
  id: string;
  classification: 'TERBUKA' | 'INTERNAL' | 'TERBATAS';
  period: string | null;
  fields: { name: string; title: string; type: string }[];
  downloads: { format: string; mediaType: string; url: string }[];
}

type Row = Record<string, string | number | boolean | null>;

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), header row first. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  const separator = (body.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows.filter((cells) => cells.some((value) => value !== ''));
}

/** The rows of a JSON download: an array, or the array property of an envelope. */
function jsonRows(body: unknown): Row[] {
  if (Array.isArray(body)) return body as Row[];
  const record = body as Record<string, unknown>;
  for (const key of ['rows', 'data', 'records', 'items']) {
    if (Array.isArray(record[key])) return record[key] as Row[];
  }
  throw new Error(`unduhan JSON tanpa baris: ${JSON.stringify(body).slice(0, 200)}`);
}

/** A CSV cell compared with the JSON value of the same field. */
function sameValue(csv: string, json: Row[string]): boolean {
  if (json === null || json === undefined) return csv === '';
  if (typeof json === 'number') return Math.abs(Number(csv.replace(',', '.')) - json) < 1e-6;
  if (typeof json === 'boolean') return ['true', 'ya', '1'].includes(csv.toLowerCase()) === json;
  return csv === json;
}

async function download(
  path: string,
  username?: string,
): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(new URL(path, stack.gatewayOrigin), {
    headers: username ? { authorization: `Bearer ${await token(username)}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

const DATA_SETS = `{ dataSets { id classification period fields { name title type }
  downloads { format mediaType url } } }`;

describe('open data (Satu Data Indonesia)', () => {
  const downloaded = new Map<string, Row[]>();
  let open: DataSetView[] = [];

  it('lists every open data set in the public DCAT catalog and downloads each as CSV and JSON that agree', async () => {
    // Numbers the data sets carry: one project past the draft stage, one more complaint.
    await proposeProject('Peningkatan Jalan Lingkar Timur');
    open = ok(await gql<{ dataSets: DataSetView[] }>(null, DATA_SETS)).dataSets;
    expect(open.map((set) => set.classification)).toEqual(open.map(() => 'TERBUKA'));
    expect(open.map((set) => set.id)).toEqual(
      expect.arrayContaining([
        'ikm-per-organisasi',
        'standar-pelayanan-terbit',
        'proyek-pinjaman-daerah',
        'statistik-pengaduan',
      ]),
    );

    const catalogResponse = await download('/open-data/catalog.json');
    expect(catalogResponse.status).toBe(200);
    const catalog = JSON.parse(catalogResponse.text) as {
      'dcat:dataset': {
        'dct:identifier': string;
        'dcat:distribution': { 'dcat:downloadURL': { '@id': string }; 'dcat:mediaType': string }[];
      }[];
    };
    expect(catalog['dcat:dataset'].map((set) => set['dct:identifier']).sort()).toEqual(
      open.map((set) => set.id).sort(),
    );

    for (const entry of catalog['dcat:dataset']) {
      const id = entry['dct:identifier'];
      const set = open.find((candidate) => candidate.id === id)!;
      const urls = Object.fromEntries(
        entry['dcat:distribution'].map((distribution) => [
          distribution['dcat:mediaType'],
          new URL(distribution['dcat:downloadURL']['@id']).pathname,
        ]),
      );
      expect(urls, id).toEqual({
        'text/csv': `/open-data/${id}.csv`,
        'application/json': `/open-data/${id}.json`,
      });
      const [csv, json] = await Promise.all([
        download(urls['text/csv']!),
        download(urls['application/json']!),
      ]);
      expect(csv.status, `${id}.csv: ${csv.text.slice(0, 200)}`).toBe(200);
      expect(json.status, `${id}.json: ${json.text.slice(0, 200)}`).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      expect(json.type).toMatch(/^application\/json/);

      const rows = jsonRows(JSON.parse(json.text));
      const [header, ...lines] = parseCsv(csv.text);
      // Columns named by field name or title, in the data set's field order.
      const columns = header!.map(
        (column) => set.fields.find((f) => f.name === column || f.title === column)?.name,
      );
      expect(columns, id).toEqual(set.fields.map((f) => f.name));
      expect(lines.length, id).toBe(rows.length);
      lines.forEach((cells, index) => {
        for (const [position, name] of columns.entries()) {
          const value = rows[index]![name!] ?? null;
          expect(sameValue(cells[position] ?? '', value), `${id}[${index}].${name}`).toBe(true);
        }
      });
      downloaded.set(id, rows);
    }
  });

  it('carries the IKM per organization that the surveys service reports for the same period', async () => {
    const rows = downloaded.get('ikm-per-organisasi');
    expect(rows).toBeDefined();
    const live = ok(
      await gql<{
        organizationSatisfaction: {
          scopeId: string;
          respondents: number;
          ikm: number | null;
          ikmConverted: number | null;
          grade: string | null;
        }[];
      }>(
        null,
        `query ($year: Int!) { organizationSatisfaction(period: { year: $year }) {
          scopeId respondents ikm ikmConverted grade } }`,
        { year: YEAR },
      ),
    ).organizationSatisfaction;
    expect(live.some((row) => row.respondents > 0)).toBe(true);
    expect(rows!.map((row) => row.organizationCode).sort()).toEqual(
      live.map((row) => row.scopeId).sort(),
    );
    for (const expected of live) {
      const row = rows!.find((candidate) => candidate.organizationCode === expected.scopeId)!;
      expect(row.period).toBe(PERIOD);
      expect(row.respondents, expected.scopeId).toBe(expected.respondents);
      expect(row.grade, expected.scopeId).toBe(expected.grade);
      for (const key of ['ikm', 'ikmConverted'] as const) {
        if (expected[key] === null) expect(row[key]).toBeNull();
        else expect(row[key] as number, `${expected.scopeId}.${key}`).toBeCloseTo(expected[key], 2);
      }
    }
  });

  it('carries the complaint statistics that the consultations service reports', async () => {
    const rows = downloaded.get('statistik-pengaduan')!;
    const live = ok(
      await gql<{
        complaintStatistics: {
          total: { received: number };
          organizations: Record<string, number | string | null>[];
        };
      }>(
        null,
        `query ($from: String!, $to: String!) { complaintStatistics(from: $from, to: $to) {
          total { received }
          organizations { organizationCode received answered answeredOnTime closed rated }
        } }`,
        { from: `${PERIOD}-01-01`, to: `${PERIOD}-12-31` },
      ),
    ).complaintStatistics;
    // The demo-free stack holds the complaint filed above, so the year is not empty.
    expect(live.total.received).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(String(row.month)).toMatch(new RegExp(`^${PERIOD}-\\d{2}$`));
    const sum = (code: string, key: string) =>
      rows
        .filter((row) => row.organizationCode === code)
        .reduce((total, row) => total + Number(row[key] ?? 0), 0);
    expect(rows.reduce((total, row) => total + Number(row.received), 0)).toBe(live.total.received);
    for (const organization of live.organizations) {
      const code = String(organization.organizationCode);
      for (const key of ['received', 'answered', 'answeredOnTime', 'closed', 'rated']) {
        expect(sum(code, key), `${code}.${key}`).toBe(organization[key]);
      }
    }
  });

  it('carries the loan projects pimpinan sees (past the draft stage)', async () => {
    const rows = downloaded.get('proyek-pinjaman-daerah')!;
    const live = ok(
      await gql<{
        loanProjects: { totalCount: number; edges: { node: { code: string; stage: string } }[] };
      }>('pimpinan', `{ loanProjects(first: 100) { totalCount edges { node { code stage } } } }`),
    ).loanProjects;
    expect(live.totalCount).toBe(live.edges.length);
    const proposed = live.edges.map((edge) => edge.node).filter((node) => node.stage !== 'DRAFT');
    expect(proposed.length).toBeGreaterThanOrEqual(2);
    expect(rows.map((row) => row.code).sort()).toEqual(proposed.map((node) => node.code).sort());
  });

  it('needs a reader for an internal data set: 401 without a token, 200 for pimpinan', async () => {
    const internal = ok(
      await gql<{ dataSets: DataSetView[] }>('pimpinan', DATA_SETS),
    ).dataSets.find((set) => set.classification !== 'TERBUKA');
    expect(internal, 'pimpinan reads an internal data set').toBeDefined();
    const path = internal!.downloads.find((d) => d.format === 'JSON')!.url;
    expect((await download(path)).status).toBe(401);
    const allowed = await download(path, 'pimpinan');
    expect(allowed.status, allowed.text.slice(0, 200)).toBe(200);
    expect(jsonRows(JSON.parse(allowed.text)).length).toBeGreaterThan(0);
    // Not in the public catalog.
    const catalog = (await download('/open-data/catalog.json')).text;
    expect(catalog).not.toContain(`"${internal!.id}"`);
  });
});

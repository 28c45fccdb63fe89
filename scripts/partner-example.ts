// Contoh klien sistem mitra (docs/partner-guide.md): token client credentials dari Keycloak, lalu
// beberapa kueri GraphQL lewat gateway sesuai cakupan klien, dengan paginasi `first`/`after` dan
// penanganan galat (`extensions.code`). Tanpa pustaka SIPADU: salin dan sesuaikan di sistem Anda.
//
//   npm run partner:example                                   (klien dev mitra-provinsi)
//   PARTNER_CLIENT_ID=sipadu-partner npm run partner:example  (SIPD)
//   PARTNER_CLIENT_ID=mitra-ptsmi npm run partner:example     (PT SMI)
//
// Variabel: PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET (bawaan: rahasia dev `<klien>-dev-secret`),
// KEYCLOAK_TOKEN_URL, GATEWAY_URL. Keluar dengan kode 1 bila ada galat.

const clientId = process.env.PARTNER_CLIENT_ID ?? 'mitra-provinsi';
// The dev realm names every partner's secret `<client>-dev-secret`; real ones come from the env.
const clientSecret = process.env.PARTNER_CLIENT_SECRET ?? `${clientId}-dev-secret`;
const tokenUrl =
  process.env.KEYCLOAK_TOKEN_URL ??
  'http://localhost:8080/realms/sipadu/protocol/openid-connect/token';
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';

/** A refusal or failure with the code a partner system branches on. */
class PartnerApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface Token {
  value: string;
  scopes: string[];
  expiresAt: number;
}

let token: Token | undefined;

/** A client-credentials token, asked again 30 s before the current one expires (5 minutes). */
async function accessToken(): Promise<Token> {
  if (token && token.expiresAt - Date.now() > 30_000) return token;
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    expires_in?: number;
    scope?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new PartnerApiError('TOKEN', body.error_description ?? `HTTP ${response.status}`);
  }
  token = {
    value: body.access_token,
    scopes: (body.scope ?? '').split(' ').filter((scope) => scope.startsWith('sipadu:')),
    expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
  };
  return token;
}

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL request through the gateway; any error (also a partial one) is thrown. */
async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${(await accessToken()).value}`,
    },
    body: JSON.stringify({ query: document, variables }),
  });
  const result = (await response.json()) as GraphQLResult<T>;
  const [error] = result.errors ?? [];
  if (error) throw new PartnerApiError(error.extensions?.code ?? 'ERROR', error.message);
  if (!result.data) throw new PartnerApiError('ERROR', `HTTP ${response.status} tanpa data`);
  return result.data;
}

interface Connection<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Reads every page of a connection: `first` per page, `after` = the previous page's endCursor. */
async function allPages<D, N>(
  document: string,
  pick: (data: D) => Connection<N>,
  pageSize = 10,
): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    const connection = pick(await query<D>(document, { first: pageSize, after }));
    nodes.push(...connection.edges.map((edge) => edge.node));
    console.log(`  halaman ${page}: ${nodes.length} dari ${connection.totalCount}`);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR' });
const year = new Date().getFullYear();
const today = new Date().toISOString().slice(0, 10);

interface LoanProjectRow {
  code: string;
  name: string;
  lenderOrganizationCode: string;
  stageLabel: string;
  amount: number;
  physicalProgress: number;
  financialProgress: number;
  planningCodes: { code: string }[];
  requirements?: { title: string; statusLabel: string }[];
}

const LOAN_PROJECTS = `query ProyekPinjaman($first: Int, $after: String) {
  loanProjects(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      code name lenderOrganizationCode stageLabel amount physicalProgress financialProgress
      planningCodes { code }
      %REQUIREMENTS%
    } }
  }
}`;

async function showLoanProjects(withRequirements: boolean): Promise<void> {
  console.log('\nProyek pinjaman daerah (loanProjects, per halaman):');
  const projects = await allPages(
    LOAN_PROJECTS.replace(
      '%REQUIREMENTS%',
      withRequirements ? 'requirements { title statusLabel }' : '',
    ),
    (data: { loanProjects: Connection<LoanProjectRow> }) => data.loanProjects,
    2,
  );
  for (const project of projects) {
    console.log(
      `  ${project.code} ${project.name} — ${project.stageLabel}, ${rupiah.format(project.amount)},` +
        ` fisik ${project.physicalProgress}% keuangan ${project.financialProgress}%,` +
        ` pemberi pinjaman ${project.lenderOrganizationCode},` +
        ` kode ${project.planningCodes.map((c) => c.code).join(', ') || '-'}`,
    );
    for (const requirement of project.requirements ?? []) {
      console.log(`    - ${requirement.title}: ${requirement.statusLabel}`);
    }
  }
}

async function showPlanningCodes(): Promise<void> {
  const data = await query<{ planningCodes: { code: string; name: string; levelLabel: string }[] }>(
    `query KodePerencanaan { planningCodes(level: PROGRAM, search: "1.03", first: 10) {
      code name levelLabel
    } }`,
  );
  console.log('\nKode perencanaan Permendagri 90/2019 (planningCodes, program urusan 1.03):');
  for (const code of data.planningCodes) console.log(`  ${code.code} ${code.name}`);
}

async function showStatistics(): Promise<void> {
  const data = await query<{
    complaintStatistics: {
      total: { received: number; answered: number; answeredOnTime: number; closed: number };
    };
    organizationSatisfaction: {
      scopeId: string;
      scopeName: string;
      ikmConverted: number | null;
      grade: string | null;
      respondents: number;
    }[];
    performanceAssessments: {
      items: { organizationCode: string; score: number | null; grade: string | null }[];
    };
  }>(
    `query Statistik($from: String!, $to: String!, $year: Int!, $period: String!) {
      complaintStatistics(from: $from, to: $to) {
        total { received answered answeredOnTime closed }
      }
      organizationSatisfaction(period: { year: $year }) {
        scopeId scopeName ikmConverted grade respondents
      }
      performanceAssessments(period: $period) {
        items { organizationCode score grade }
      }
    }`,
    { from: `${year}-01-01`, to: today, year, period: String(year) },
  );
  const total = data.complaintStatistics.total;
  console.log(`\nPengaduan masyarakat ${year} (complaintStatistics):`);
  console.log(
    `  diterima ${total.received}, dijawab ${total.answered} (${total.answeredOnTime} tepat waktu), selesai ${total.closed}`,
  );
  console.log(`IKM per organisasi ${year} (organizationSatisfaction):`);
  for (const row of data.organizationSatisfaction) {
    console.log(
      `  ${row.scopeId} ${row.scopeName}: ${row.ikmConverted ?? '-'} (${row.grade ?? '-'}), ${row.respondents} responden`,
    );
  }
  console.log(`Penilaian kinerja ${year} (performanceAssessments):`);
  for (const item of data.performanceAssessments.items) {
    console.log(`  ${item.organizationCode}: ${item.score ?? '-'} (${item.grade ?? '-'})`);
  }
}

async function main(): Promise<void> {
  const { scopes } = await accessToken();
  console.log(
    `Klien ${clientId}, cakupan ${scopes.join(', ') || '(tidak ada)'}; gateway ${gatewayUrl}`,
  );
  if (scopes.includes('sipadu:sipd')) {
    await showPlanningCodes();
    await showLoanProjects(false);
  }
  if (scopes.includes('sipadu:pemberi-pinjaman')) await showLoanProjects(true);
  if (scopes.includes('sipadu:statistik')) await showStatistics();
  if (!scopes.length) throw new PartnerApiError('FORBIDDEN', 'token tanpa cakupan sipadu:*');
}

try {
  await main();
} catch (error) {
  console.error(`\nGagal: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

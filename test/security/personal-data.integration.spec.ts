import { randomUUID } from 'node:crypto';
import { errorCodes, getUserToken, graphqlRequest, type GraphQLResponse } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack.js';

// UU 27/2022 (PDP) through the gateway: a complainant without an account uses their tracking
// code to see, correct and erase the personal data in their complaint; each request is recorded
// without the data; super-admin keeps breach records with the 3 × 24 hour notice deadline.
let stack: ApiStack;
const tokens = new Map<string, string>();

async function gql<T = Record<string, unknown>>(
  username: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  if (username && !tokens.has(username)) tokens.set(username, await getUserToken(username));
  return graphqlRequest<T>(stack.gatewayUrl, query, {
    variables,
    ...(username ? { token: tokens.get(username) } : {}),
  });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

const REQUEST = `mutation R($input: PersonalDataRequestInput!) {
  requestComplaintPersonalData(input: $input) {
    requestNumber kind completedAt changedFields note
    data { number anonymous name email phone description messages { author text } ratingComment
      attachmentCount location { address } retention }
  }
}`;

interface Receipt {
  requestNumber: string;
  kind: string;
  changedFields: string[];
  note: string;
  data: {
    number: string;
    anonymous: boolean;
    name: string | null;
    email: string | null;
    phone: string | null;
    description: string;
    messages: { author: string; text: string }[];
    ratingComment: string | null;
    location: { address: string | null } | null;
  };
}

const request = async (input: Record<string, unknown>) =>
  gql<{ requestComplaintPersonalData: Receipt }>(null, REQUEST, { input });

async function fileComplaint(): Promise<{ trackingCode: string; number: string }> {
  const filed = ok(
    await gql<{ filePublicComplaint: { trackingCode: string; number: string } }>(
      null,
      `mutation F($input: FilePublicComplaintInput!) { filePublicComplaint(input: $input) { trackingCode number } }`,
      {
        input: {
          title: 'Lampu jalan padam di depan rumah saya',
          description: 'Lampu jalan di Jl. Kol. Abunjani No. 12 padam sejak dua minggu lalu.',
          categoryCode: 'KESEHATAN',
          organizationCode: 'DINKES',
          anonymous: false,
          contact: { name: 'Sri Wahyuni', email: 'sri@contoh.id', phone: '+6281234500001' },
          location: { latitude: -1.61, longitude: 103.61, address: 'Jl. Kol. Abunjani No. 12' },
          submissionId: randomUUID(),
        },
      },
    ),
  ).filePublicComplaint;
  return filed;
}

async function handlerView(number: string) {
  const list = ok(
    await gql<{
      publicComplaints: {
        edges: {
          node: {
            id: string;
            number: string;
            revision: number;
            description: string;
            contact: { name: string | null; email: string | null } | null;
          };
        }[];
      };
    }>(
      'admin-opd',
      `query L($search: String) { publicComplaints(first: 5, search: $search) { edges { node { id number revision description contact { name email } } } } }`,
      { search: number },
    ),
  ).publicComplaints;
  const node = list.edges.find((edge) => edge.node.number === number)?.node;
  if (!node) throw new Error(`pengaduan ${number} tidak terlihat oleh admin-opd DINKES`);
  return node;
}

beforeAll(async () => {
  stack = await startApiStack(`test-pdp-${randomUUID().slice(0, 8)}`);
});

afterAll(async () => {
  await stack?.stop();
});

describe('data-subject requests on a public complaint', () => {
  it('gives access, corrects the contact and erases it, recording each request', async () => {
    const categories = ok(
      await gql<{ complaintCategories: { code: string }[] }>(
        null,
        '{ complaintCategories { code } }',
      ),
    ).complaintCategories.map((category) => category.code);
    expect(categories).toContain('KESEHATAN');
    const filed = await fileComplaint();

    const access = ok(
      await request({ trackingCode: filed.trackingCode, kind: 'ACCESS' }),
    ).requestComplaintPersonalData;
    expect(access.requestNumber).toMatch(/^PDP-\d{4}-\d{5}$/);
    expect(access.changedFields).toEqual([]);
    expect(access.data).toMatchObject({
      number: filed.number,
      anonymous: false,
      name: 'Sri Wahyuni',
      email: 'sri@contoh.id',
      phone: '+6281234500001',
      location: { address: 'Jl. Kol. Abunjani No. 12' },
    });

    const corrected = ok(
      await request({
        trackingCode: filed.trackingCode,
        kind: 'CORRECTION',
        correction: { email: 'sri.wahyuni@contoh.id' },
        reason: 'Surel lama tidak aktif',
      }),
    ).requestComplaintPersonalData;
    expect(corrected.changedFields).toEqual(['contact.email']);
    expect((await handlerView(filed.number)).contact?.email).toBe('sri.wahyuni@contoh.id');

    // While the complaint is handled, erasure takes the contact and keeps the content.
    const erased = ok(
      await request({ trackingCode: filed.trackingCode, kind: 'DELETION' }),
    ).requestComplaintPersonalData;
    expect(erased.changedFields).toEqual(['contact']);
    expect(erased.note).toContain('anonim');
    expect(erased.data).toMatchObject({ anonymous: true, name: null, email: null, phone: null });
    const handled = await handlerView(filed.number);
    expect(handled.contact).toBeNull();
    expect(handled.description).toContain('Abunjani');

    // Answered and rated: a second erasure takes the content that may describe the person.
    let current = await handlerView(filed.number);
    ok(
      await gql(
        'admin-opd',
        `mutation { verifyPublicComplaint(id: "${current.id}", decision: ACCEPT, revision: ${current.revision}) { id } }`,
      ),
    );
    current = await handlerView(filed.number);
    ok(
      await gql(
        'admin-opd',
        `mutation { answerPublicComplaint(id: "${current.id}", answer: "Lampu sudah diganti.", revision: ${current.revision}) { id } }`,
      ),
    );
    ok(
      await gql(
        null,
        `mutation R($code: String!) { ratePublicComplaint(trackingCode: $code, rating: 5, comment: "Terima kasih, Bu Sri") { status } }`,
        { code: filed.trackingCode },
      ),
    );
    const final = ok(
      await request({ trackingCode: filed.trackingCode, kind: 'DELETION' }),
    ).requestComplaintPersonalData;
    expect(final.changedFields).toEqual(
      expect.arrayContaining(['title', 'description', 'ratingComment', 'location.address']),
    );
    expect(final.data.description).toBe('[dihapus atas permintaan subjek data]');
    expect(final.data.ratingComment).toBeNull();
    expect(final.data.location?.address).toBeNull();
    expect(JSON.stringify(final.data)).not.toMatch(/Sri|Abunjani/);
    // The complaint still counts in the public statistics (no identity needed for that).
    const tracked = ok(
      await gql<{ trackPublicComplaint: { status: string; rating: number } | null }>(
        null,
        `query T($code: String!) { trackPublicComplaint(trackingCode: $code) { status rating } }`,
        { code: filed.trackingCode },
      ),
    ).trackPublicComplaint;
    expect(tracked).toEqual({ status: 'CLOSED', rating: 5 });

    // The record of requests: numbers, kinds and field names, never the values.
    const records = ok(
      await gql<{
        personalDataRequests: { caseNumber: string; kind: string; changedFields: string[] }[];
      }>(
        'super-admin',
        `{ personalDataRequests(first: 50) { requestNumber kind caseNumber organizationCode changedFields reason receivedAt completedAt } }`,
      ),
    ).personalDataRequests.filter((row) => row.caseNumber === filed.number);
    expect(records.map((row) => row.kind).sort()).toEqual([
      'ACCESS',
      'CORRECTION',
      'DELETION',
      'DELETION',
    ]);
    expect(JSON.stringify(records)).not.toMatch(/sri|Abunjani/i);
    // DINKES's admin-opd sees its own agency's requests; another agency's code is refused.
    const own = ok(
      await gql<{ personalDataRequests: { caseNumber: string }[] }>(
        'admin-opd',
        '{ personalDataRequests { caseNumber } }',
      ),
    ).personalDataRequests;
    expect(own.some((row) => row.caseNumber === filed.number)).toBe(true);
    expect(
      errorCodes(
        await gql('admin-opd', '{ personalDataRequests(organizationCode: "DPUPR") { id } }'),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(null, '{ personalDataRequests { id } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('refuses unknown codes and malformed requests with typed Indonesian errors', async () => {
    const unknown = await request({ trackingCode: 'ADU-0000-0000-0000', kind: 'ACCESS' });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toContain('Kode pelacakan');
    const filed = await fileComplaint();
    const noCorrection = await request({ trackingCode: filed.trackingCode, kind: 'CORRECTION' });
    expect(errorCodes(noCorrection)).toEqual(['BAD_USER_INPUT']);
    expect(noCorrection.errors?.[0]?.message).toContain('Pembetulan');
    const badEmail = await request({
      trackingCode: filed.trackingCode,
      kind: 'CORRECTION',
      correction: { email: 'bukan-surel' },
    });
    expect(errorCodes(badEmail)).toEqual(['BAD_USER_INPUT']);
    const stray = await request({
      trackingCode: filed.trackingCode,
      kind: 'ACCESS',
      correction: { name: 'Orang Lain' },
    });
    expect(errorCodes(stray)).toEqual(['BAD_USER_INPUT']);
    // Nothing was changed by the refusals.
    const access = ok(
      await request({ trackingCode: filed.trackingCode, kind: 'ACCESS' }),
    ).requestComplaintPersonalData;
    expect(access.data.email).toBe('sri@contoh.id');
  });
});

const BREACH_FIELDS = `id number title status notificationDueAt notificationOverdue
  subjectsNotifiedAt authorityNotifiedAt dataCategories affectedSubjects revision recordedBy`;

interface Breach {
  id: string;
  number: string;
  status: string;
  notificationDueAt: string;
  notificationOverdue: boolean;
  revision: number;
  recordedBy: string;
}

describe('personal-data breach records', () => {
  it('records a breach with its 72-hour deadline and closes it only after the notices', async () => {
    const discoveredAt = new Date(Date.now() - 80 * 3_600_000).toISOString();
    const recorded = ok(
      await gql<{ recordDataBreach: Breach }>(
        'super-admin',
        `mutation R($input: DataBreachInput!) { recordDataBreach(input: $input) { ${BREACH_FIELDS} } }`,
        {
          input: {
            title: 'Ekspor pengaduan terkirim ke alamat surel yang salah',
            description: 'Berkas rekap berisi nama dan telepon pelapor terkirim ke pihak luar.',
            discoveredAt,
            dataCategories: ['nama', 'nomor telepon', 'nama'],
            affectedSubjects: 37,
            affectedSystems: ['pengaduan'],
          },
        },
      ),
    ).recordDataBreach;
    expect(recorded.number).toMatch(/^IPD-\d{4}-\d{3}$/);
    expect(recorded.status).toBe('OPEN');
    expect(recorded.recordedBy).toBe('super-admin');
    expect(Date.parse(recorded.notificationDueAt) - Date.parse(discoveredAt)).toBe(72 * 3_600_000);
    // Discovered 80 hours ago and nobody told yet: overdue.
    expect(recorded.notificationOverdue).toBe(true);

    const UPDATE = `mutation U($id: ID!, $revision: Int!, $input: DataBreachUpdateInput!) {
      updateDataBreach(id: $id, revision: $revision, input: $input) { ${BREACH_FIELDS} } }`;
    const early = await gql('super-admin', UPDATE, {
      id: recorded.id,
      revision: 0,
      input: { status: 'CLOSED' },
    });
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors?.[0]?.message).toContain('Pasal 46');
    const notified = ok(
      await gql<{ updateDataBreach: Breach }>('super-admin', UPDATE, {
        id: recorded.id,
        revision: 0,
        input: {
          subjectsNotifiedAt: new Date().toISOString(),
          authorityNotifiedAt: new Date().toISOString(),
          measures: 'Penerima diminta menghapus berkas; ekspor kini hanya lewat tautan bertoken.',
        },
      }),
    ).updateDataBreach;
    expect(notified.notificationOverdue).toBe(false);
    expect(notified.revision).toBe(1);
    const stale = await gql('super-admin', UPDATE, {
      id: recorded.id,
      revision: 0,
      input: { status: 'CLOSED' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const closed = ok(
      await gql<{ updateDataBreach: Breach }>('super-admin', UPDATE, {
        id: recorded.id,
        revision: 1,
        input: { status: 'CLOSED' },
      }),
    ).updateDataBreach;
    expect(closed.status).toBe('CLOSED');

    const listed = ok(
      await gql<{ dataBreaches: { id: string }[] }>(
        'pimpinan',
        '{ dataBreaches(status: CLOSED) { id } }',
      ),
    ).dataBreaches;
    expect(listed.map((row) => row.id)).toContain(recorded.id);
  });

  it('refuses bad input and callers other than super-admin (pimpinan reads)', async () => {
    const RECORD = `mutation R($input: DataBreachInput!) { recordDataBreach(input: $input) { id } }`;
    const future = await gql('super-admin', RECORD, {
      input: {
        title: 'x',
        description: 'y',
        discoveredAt: new Date(Date.now() + 86_400_000).toISOString(),
        dataCategories: ['nama'],
      },
    });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const noCategory = await gql('super-admin', RECORD, {
      input: { title: 'x', description: 'y', discoveredAt: 'kemarin', dataCategories: [] },
    });
    expect(errorCodes(noCategory)).toEqual(['BAD_USER_INPUT']);
    const input = {
      title: 'Uji',
      description: 'Uji',
      discoveredAt: new Date().toISOString(),
      dataCategories: ['nama'],
    };
    expect(errorCodes(await gql('admin-opd', RECORD, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('pimpinan', RECORD, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(null, RECORD, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql('admin-opd', '{ dataBreaches { id } }'))).toEqual(['FORBIDDEN']);
  });
});

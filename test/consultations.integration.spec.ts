// SI-KIMR and public complaints through the gateway (issue 8, "done when"): the consultation,
// work item and ICT complaint flows end to end with their return/reopen loops and the right roles,
// every other role refused; due dates across a national holiday and a paused clock; a citizen's
// anonymous complaint tracked, answered and rated by code while another code reveals nothing; the
// monthly recap's numbers against the cases in the database. Real Keycloak tokens, FerretDB, NATS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeClaims,
  errorCodes,
  eventually,
  getUserToken,
  graphqlRequest,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { SYSTEM_PRINCIPAL } from '@sipadu/workflow';
import { startApiStack, type ApiStack } from './support/api-stack.js';

const DATABASE = 'sipadu_consultations_platform_test';
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

const CASE_FIELDS = `id number status statusLabel revision points onTime
  history { transition from to note actor { id name roles } }
  clock { step paused dueDate overdue remainingWorkingDays }
  actions { name label }`;

interface CaseView {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  revision: number;
  points: number;
  onTime: boolean | null;
  history: { transition: string; from: string; to: string; note: string | null }[];
  clock: { step: string | null; paused: boolean; dueDate: string | null; overdue: boolean };
  actions: { name: string; label: string }[];
}

async function userId(username: string): Promise<string> {
  return String(decodeClaims(await token(username)).sub);
}

/** Runs a case mutation and returns the case (fails the test on errors). */
async function act(
  username: string,
  mutation: string,
  args: string,
  variables: Record<string, unknown>,
): Promise<CaseView> {
  const response = await gql<Record<string, CaseView>>(
    username,
    `mutation M(${args}) { ${mutation} { ${CASE_FIELDS} } }`,
    variables,
  );
  return ok(response)[mutation.split('(')[0] as string] as CaseView;
}

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
  // The staff directory learns the demo users from identity's start-up mirror events.
  await eventually(
    'staf SI-KIMR dikenal layanan konsultasi',
    async () => (await stack.consultations.services.staff.withRole('petugas-konsultasi')).length,
    60_000,
  );
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('consultation (DOMAIN.md §6)', () => {
  it('runs submit → route → draft → return → redraft → approve → deliver → acknowledge', async () => {
    const officerId = await userId('petugas-konsultasi');
    const submitted = (
      ok(
        await gql<{ submitConsultation: CaseView }>(
          'unit-kerja',
          `mutation S($input: SubmitConsultationInput!) { submitConsultation(input: $input) { ${CASE_FIELDS} } }`,
          {
            input: {
              topic: 'Pengendalian kualitas pekerjaan jalan',
              detail: 'Mohon arahan tata cara uji mutu beton untuk paket pemeliharaan jalan 2026.',
            },
          },
        ),
      ) as { submitConsultation: CaseView }
    ).submitConsultation;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.number).toMatch(/^KNS-\d{4}-\d{5}$/);
    expect(submitted.clock.dueDate).not.toBeNull();

    // Only super-admin routes; the unit, the officer and the kasubdit are refused.
    for (const username of ['unit-kerja', 'petugas-konsultasi', 'kasubdit', 'pimpinan']) {
      const refused = await gql(
        username,
        `mutation { routeConsultation(id: "${submitted.id}", officerId: "${officerId}", revision: ${submitted.revision}) { id } }`,
      );
      expect(errorCodes(refused), username).toContain('FORBIDDEN');
    }
    let current = await act(
      'super-admin',
      'routeConsultation(id: $id, officerId: $officer, revision: $revision)',
      '$id: ID!, $officer: ID!, $revision: Int!',
      { id: submitted.id, officer: officerId, revision: submitted.revision },
    );
    expect(current.status).toBe('DRAFTING');

    // A stale revision is a CONFLICT, not a silent overwrite.
    const stale = await gql(
      'petugas-konsultasi',
      `mutation { draftConsultationAnswer(id: "${current.id}", answer: "Jawaban yang cukup panjang.", revision: ${submitted.revision}) { id } }`,
    );
    expect(errorCodes(stale)).toContain('CONFLICT');

    const draft = 'Uji mutu beton mengikuti SNI 2847:2019; sampel silinder diambil setiap 5 m³.';
    const draftArgs = {
      answer: draft,
    };
    current = await act(
      'petugas-konsultasi',
      'draftConsultationAnswer(id: $id, answer: $answer, revision: $revision)',
      '$id: ID!, $answer: String!, $revision: Int!',
      { id: current.id, revision: current.revision, ...draftArgs },
    );
    expect(current.status).toBe('IN_REVIEW');
    // The unit does not read a draft the kasubdit has not approved.
    const unitView = ok(
      await gql<{ consultation: { answer: string | null } }>(
        'unit-kerja',
        `{ consultation(id: "${current.id}") { answer } }`,
      ),
    );
    expect(unitView.consultation.answer).toBeNull();

    // Returning needs a note; then the loop goes back to drafting.
    const noNote = await gql(
      'kasubdit',
      `mutation { reviewConsultationAnswer(id: "${current.id}", decision: RETURN, revision: ${current.revision}) { id } }`,
    );
    expect(errorCodes(noNote)).toContain('BAD_USER_INPUT');
    current = await act(
      'kasubdit',
      'reviewConsultationAnswer(id: $id, decision: RETURN, note: $note, revision: $revision)',
      '$id: ID!, $note: String, $revision: Int!',
      { id: current.id, note: 'Lengkapi dengan jadwal pengujian.', revision: current.revision },
    );
    expect(current.status).toBe('DRAFTING');
    current = await act(
      'petugas-konsultasi',
      'draftConsultationAnswer(id: $id, answer: $answer, revision: $revision)',
      '$id: ID!, $answer: String!, $revision: Int!',
      {
        id: current.id,
        answer: `${draft} Pengujian dijadwalkan minggu ke-2.`,
        revision: current.revision,
      },
    );
    current = await act(
      'kasubdit',
      'reviewConsultationAnswer(id: $id, decision: APPROVE, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: current.id, revision: current.revision },
    );
    expect(current.status).toBe('APPROVED');
    current = await act(
      'petugas-konsultasi',
      'deliverConsultationAnswer(id: $id, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: current.id, revision: current.revision },
    );
    expect(current.status).toBe('DELIVERED');
    expect(current.clock.paused).toBe(true);
    // Someone else's consultation cannot be acknowledged by the officer.
    const notTheUnit = await gql(
      'petugas-konsultasi',
      `mutation { acknowledgeConsultation(id: "${current.id}", revision: ${current.revision}) { id } }`,
    );
    expect(errorCodes(notTheUnit)).toContain('FORBIDDEN');
    current = await act(
      'unit-kerja',
      'acknowledgeConsultation(id: $id, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: current.id, revision: current.revision },
    );
    expect(current.status).toBe('ACKNOWLEDGED');
    expect(current.points).toBeGreaterThan(0);
    expect(current.history.map((entry) => entry.transition)).toEqual([
      'route',
      'submitDraft',
      'return',
      'submitDraft',
      'approve',
      'deliver',
      'acknowledge',
    ]);
    expect(current.history[2]?.note).toBe('Lengkapi dengan jadwal pengujian.');

    // Outsiders read nothing: the ICT officer and another agency's admin get no case.
    for (const username of ['petugas-tik', 'admin-opd']) {
      const outsider = await gql(username, `{ consultation(id: "${current.id}") { id } }`);
      const data = outsider.data as { consultation: unknown } | undefined;
      expect(data?.consultation ?? null, username).toBeNull();
    }

    // The officer hears about the acknowledgement (notifications from the service's events).
    await eventually('notifikasi konfirmasi sampai ke petugas', async () => {
      const inbox = ok(
        await gql<{ notifications: { edges: { node: { title: string; link: string } }[] } }>(
          'petugas-konsultasi',
          `{ notifications(first: 50) { edges { node { title link } } } }`,
        ),
      );
      return inbox.notifications.edges.some(
        (edge) => edge.node.link?.includes(current.id) && edge.node.title === 'Konsultasi selesai',
      );
    });
  });

  it('puts the due date after a Friday before a national holiday and stops a paused clock', async () => {
    const { engine, staff } = stack.consultations.services;
    const unit = await staff.get(await userId('unit-kerja'));
    const officer = await staff.get(await userId('petugas-konsultasi'));
    expect(unit && officer).toBeTruthy();
    const principal = {
      kind: 'user' as const,
      id: unit!.id,
      name: unit!.name,
      organizationCode: unit!.organizationCode,
      roles: ['unit-kerja' as const],
    };
    // Friday 29 May 2026, 15:00 WIB; Monday 1 June is Hari Lahir Pancasila.
    const friday = new Date('2026-05-29T15:00:00+07:00');
    const created = await engine.create({
      flow: 'CONSULTATION',
      principal,
      title: 'Konsultasi menjelang libur nasional',
      organizationCode: unit!.organizationCode!,
      organizationName: null,
      requester: {
        id: unit!.id,
        name: unit!.name,
        organizationCode: unit!.organizationCode,
        roles: unit!.roles,
      },
      fields: {
        consultation: {
          topic: 'Konsultasi menjelang libur nasional',
          detail: 'Detail konsultasi untuk uji kalender kerja.',
          answer: null,
          returnNote: null,
          returnCount: 0,
        },
      },
      now: friday,
    });
    // One working day: Monday is a holiday, so the step is due at the end of Tuesday 2 June.
    const clock = engine.clock(created, friday);
    expect(clock.dueDate).toBe('2026-06-02');
    expect(clock.dueAt).toBe(new Date('2026-06-03T00:00:00+07:00').toISOString());

    // Routed on Tuesday 2 June 09:00: drafting (2 working days) is due end of Thursday 4 June.
    const superAdmin = {
      ...SYSTEM_PRINCIPAL,
      kind: 'user' as const,
      id: 'super-admin-test',
      name: 'Super Admin',
      organizationCode: 'DISKOMINFO',
      roles: ['super-admin' as const],
    };
    const routed = await engine.transition({
      flow: 'CONSULTATION',
      id: created._id,
      revision: created.revision,
      transition: 'route',
      principal: superAdmin,
      data: { assigneeId: officer!.id },
      set: () => ({
        assigneeId: officer!.id,
        assignee: {
          id: officer!.id,
          name: officer!.name,
          organizationCode: officer!.organizationCode,
          roles: officer!.roles,
        },
        handlerOrganizationCode: officer!.organizationCode,
      }),
      now: new Date('2026-06-02T09:00:00+07:00'),
    });
    expect(engine.clock(routed, new Date('2026-06-02T10:00:00+07:00')).dueDate).toBe('2026-06-04');

    // The officer asks the unit for information on Wednesday 3 June; the unit answers on
    // Tuesday 9 June. The clock stood still in between, so drafting now ends Thursday 11 June.
    const officerPrincipal = {
      kind: 'user' as const,
      id: officer!.id,
      name: officer!.name,
      organizationCode: officer!.organizationCode,
      roles: ['petugas-konsultasi' as const],
    };
    const paused = await engine.transition({
      flow: 'CONSULTATION',
      id: created._id,
      revision: routed.revision,
      transition: 'requestInformation',
      principal: officerPrincipal,
      note: 'Mohon lampirkan gambar kerja.',
      now: new Date('2026-06-03T10:00:00+07:00'),
    });
    const whilePaused = engine.clock(paused, new Date('2026-06-08T10:00:00+07:00'));
    expect(whilePaused.paused).toBe(true);
    expect(whilePaused.overdue).toBe(false);
    const resumed = await engine.transition({
      flow: 'CONSULTATION',
      id: created._id,
      revision: paused.revision,
      transition: 'provideInformation',
      principal,
      note: 'Gambar kerja terlampir.',
      now: new Date('2026-06-09T08:00:00+07:00'),
    });
    // Tuesday 2 June counted nothing (started that day), Wednesday 3 June was touched by the
    // pause; Wednesday 10 and Thursday 11 June are the two working days after resuming.
    const after = engine.clock(resumed, new Date('2026-06-09T09:00:00+07:00'));
    expect(after.paused).toBe(false);
    expect(after.dueDate).toBe('2026-06-11');
  });
});

describe('work items and ICT complaints', () => {
  it('offers each router only the staff it may pick', async () => {
    const staff = (username: string, args: string) =>
      gql<{ assignableStaff: { id: string; roles: string[]; organizationCode: string | null }[] }>(
        username,
        `{ assignableStaff(${args}) { id roles organizationCode } }`,
      );
    const officers = ok(await staff('super-admin', 'flow: CONSULTATION')).assignableStaff;
    expect(officers.map((member) => member.id)).toContain(await userId('petugas-konsultasi'));
    expect(officers.every((member) => member.roles.includes('petugas-konsultasi'))).toBe(true);
    const colleagues = ok(await staff('pemberi-tugas', 'flow: WORK_ITEM')).assignableStaff;
    expect(colleagues.length).toBeGreaterThan(0);
    expect(colleagues.every((member) => member.organizationCode === 'DPUPR')).toBe(true);
    expect(
      errorCodes(await staff('pemberi-tugas', 'flow: WORK_ITEM, organizationCode: "DINKES"')),
    ).toContain('FORBIDDEN');
    expect(errorCodes(await staff('pengelola-tik', 'flow: CONSULTATION'))).toContain('FORBIDDEN');
    expect(errorCodes(await staff('unit-kerja', 'flow: ICT_COMPLAINT'))).toContain('FORBIDDEN');
  });

  it('runs a work item with a return and refuses other roles', async () => {
    const officerId = await userId('petugas-konsultasi');
    const created = ok(
      await gql<{ createWorkItem: CaseView }>(
        'pemberi-tugas',
        `mutation C($input: CreateWorkItemInput!) { createWorkItem(input: $input) { ${CASE_FIELDS} } }`,
        {
          input: {
            title: 'Rekap pengaduan semester',
            description: 'Susun rekap pengaduan semester I untuk rapat pimpinan.',
            assigneeId: officerId,
          },
        },
      ),
    ).createWorkItem;
    expect(created.status).toBe('ASSIGNED');
    // An outsider does not even see the item; the assigner sees it but only the assignee accepts.
    const outsider = await gql(
      'unit-kerja',
      `mutation { acceptWorkItem(id: "${created.id}", revision: ${created.revision}) { id } }`,
    );
    expect(errorCodes(outsider)).toContain('NOT_FOUND');
    const assigner = await gql(
      'pemberi-tugas',
      `mutation { acceptWorkItem(id: "${created.id}", revision: ${created.revision}) { id } }`,
    );
    expect(errorCodes(assigner)).toContain('FORBIDDEN');
    let current = await act(
      'petugas-konsultasi',
      'acceptWorkItem(id: $id, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: created.id, revision: created.revision },
    );
    current = await act(
      'petugas-konsultasi',
      'submitWorkResult(id: $id, result: $result, revision: $revision)',
      '$id: ID!, $result: String!, $revision: Int!',
      { id: current.id, result: 'Rekap terlampir dalam bentuk tabel.', revision: current.revision },
    );
    expect(current.status).toBe('IN_VERIFICATION');
    const notVerifier = await gql(
      'pemberi-tugas',
      `mutation { verifyWorkItem(id: "${current.id}", decision: APPROVE, revision: ${current.revision}) { id } }`,
    );
    expect(errorCodes(notVerifier)).toContain('FORBIDDEN');
    current = await act(
      'super-admin',
      'verifyWorkItem(id: $id, decision: RETURN, note: $note, revision: $revision)',
      '$id: ID!, $note: String, $revision: Int!',
      { id: current.id, note: 'Tambahkan grafik per bulan.', revision: current.revision },
    );
    expect(current.status).toBe('IN_PROGRESS');
    current = await act(
      'petugas-konsultasi',
      'submitWorkResult(id: $id, result: $result, revision: $revision)',
      '$id: ID!, $result: String!, $revision: Int!',
      { id: current.id, result: 'Rekap dengan grafik per bulan.', revision: current.revision },
    );
    current = await act(
      'super-admin',
      'verifyWorkItem(id: $id, decision: APPROVE, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: current.id, revision: current.revision },
    );
    expect(current.status).toBe('COMPLETED');
    expect(current.points).toBeGreaterThan(0);
  });

  it('runs an ICT complaint with a reopen loop (Lampiran 2 fields)', async () => {
    const officerId = await userId('petugas-tik');
    const filed = ok(
      await gql<{ fileIctComplaint: CaseView & { unit: string; problem: string } }>(
        'unit-kerja',
        `mutation F($input: FileIctComplaintInput!) { fileIctComplaint(input: $input) { ${CASE_FIELDS} unit problem } }`,
        {
          input: {
            unit: 'Balai Pemeliharaan Jalan',
            problem: 'Printer jaringan lantai 2 tidak bisa mencetak.',
            handlingTried: 'Printer sudah dinyalakan ulang.',
          },
        },
      ),
    ).fileIctComplaint;
    expect(filed.status).toBe('FILED');
    expect(filed.unit).toBe('Balai Pemeliharaan Jalan');
    const notManager = await gql(
      'petugas-tik',
      `mutation { routeIctComplaint(id: "${filed.id}", officerId: "${officerId}", revision: ${filed.revision}) { id } }`,
    );
    expect(errorCodes(notManager)).toContain('FORBIDDEN');
    let current = await act(
      'pengelola-tik',
      'routeIctComplaint(id: $id, officerId: $officer, revision: $revision)',
      '$id: ID!, $officer: ID!, $revision: Int!',
      { id: filed.id, officer: officerId, revision: filed.revision },
    );
    current = await act(
      'petugas-tik',
      'resolveIctComplaint(id: $id, handling: $handling, revision: $revision)',
      '$id: ID!, $handling: String!, $revision: Int!',
      { id: current.id, handling: 'Driver printer dipasang ulang.', revision: current.revision },
    );
    expect(current.status).toBe('AWAITING_CONFIRMATION');
    current = await act(
      'unit-kerja',
      'confirmIctResolution(id: $id, solved: false, note: $note, revision: $revision)',
      '$id: ID!, $note: String, $revision: Int!',
      { id: current.id, note: 'Masih gagal mencetak dari laptop.', revision: current.revision },
    );
    expect(current.status).toBe('HANDLING');
    current = await act(
      'petugas-tik',
      'resolveIctComplaint(id: $id, handling: $handling, revision: $revision)',
      '$id: ID!, $handling: String!, $revision: Int!',
      { id: current.id, handling: 'Antrean cetak dibersihkan.', revision: current.revision },
    );
    current = await act(
      'unit-kerja',
      'confirmIctResolution(id: $id, solved: true, revision: $revision)',
      '$id: ID!, $revision: Int!',
      { id: current.id, revision: current.revision },
    );
    expect(current.status).toBe('SOLVED');
    current = await act(
      'petugas-tik',
      'documentIctResult(id: $id, followUp: $followUp, revision: $revision)',
      '$id: ID!, $followUp: String!, $revision: Int!',
      {
        id: current.id,
        followUp: 'Driver diperbarui, antrean dibersihkan.',
        revision: current.revision,
      },
    );
    expect(current.status).toBe('REPORTED');
    expect(current.history.filter((entry) => entry.transition === 'reopen')).toHaveLength(1);
  });
});

describe('public complaint (Perwali 64 §17(4)e)', () => {
  const TRACK_FIELDS = `number status statusLabel answer canReply canRate rating
    timeline { status label } messages { author text }`;

  it('lets a citizen file anonymously, track, read the answer and rate; another code reveals nothing', async () => {
    const categories = ok(
      await gql<{ complaintCategories: { code: string; defaultOrganizationCode: string }[] }>(
        null,
        `{ complaintCategories { code defaultOrganizationCode } }`,
      ),
    ).complaintCategories;
    expect(categories.length).toBeGreaterThan(0);
    const filed = ok(
      await gql<{ filePublicComplaint: { trackingCode: string; number: string; status: string } }>(
        null,
        `mutation F($input: FilePublicComplaintInput!) { filePublicComplaint(input: $input) { trackingCode number status duplicate } }`,
        {
          input: {
            title: 'Antrean puskesmas terlalu lama',
            description:
              'Saya menunggu lebih dari tiga jam di Puskesmas Kota Baru tanpa kepastian.',
            categoryCode: categories[0]!.code,
            organizationCode: 'DINKES',
            anonymous: true,
            submissionId: randomUUID(),
          },
        },
      ),
    ).filePublicComplaint;
    expect(filed.trackingCode).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(filed.status).toBe('SUBMITTED');

    const track = async (code: string) =>
      ok(
        await gql<{ trackPublicComplaint: Record<string, unknown> | null }>(
          null,
          `query T($code: String!) { trackPublicComplaint(trackingCode: $code) { ${TRACK_FIELDS} } }`,
          { code },
        ),
      ).trackPublicComplaint;
    expect((await track(filed.trackingCode))?.number).toBe(filed.number);
    expect(await track('ADU-0000-0000-0000')).toBeNull();
    expect(await track('bukan kode')).toBeNull();

    // The handler is DINKES's admin-opd; the list is scoped to its organization.
    const list = ok(
      await gql<{
        publicComplaints: { edges: { node: { id: string; number: string; contact: unknown } }[] };
      }>(
        'admin-opd',
        `{ publicComplaints(first: 20) { edges { node { id number contact { name } } } } }`,
      ),
    ).publicComplaints;
    const handled = list.edges.find((edge) => edge.node.number === filed.number);
    expect(handled).toBeTruthy();
    expect(handled!.node.contact).toBeNull();
    const id = handled!.node.id;
    const read = async () =>
      ok(
        await gql<{ publicComplaint: { revision: number; status: string } }>(
          'admin-opd',
          `{ publicComplaint(id: "${id}") { revision status } }`,
        ),
      ).publicComplaint;

    // Another agency's handler and a consultation officer are refused.
    const other = await gql(
      'petugas-konsultasi',
      `mutation { verifyPublicComplaint(id: "${id}", decision: ACCEPT, revision: 0) { id } }`,
    );
    expect(errorCodes(other)).toContain('FORBIDDEN');

    let current = await read();
    ok(
      await gql(
        'admin-opd',
        `mutation { verifyPublicComplaint(id: "${id}", decision: ACCEPT, revision: ${current.revision}) { id } }`,
      ),
    );
    current = await read();
    ok(
      await gql(
        'admin-opd',
        `mutation A($answer: String!) { answerPublicComplaint(id: "${id}", answer: $answer, revision: ${current.revision}) { id } }`,
        { answer: 'Kami menambah dua petugas pendaftaran mulai Senin depan.' },
      ),
    );
    const answered = await track(filed.trackingCode);
    expect(answered?.status).toBe('ANSWERED');
    expect(answered?.answer).toContain('dua petugas');
    expect(answered?.canRate).toBe(true);

    const rated = ok(
      await gql<{ ratePublicComplaint: { status: string; rating: number } }>(
        null,
        `mutation R($code: String!) { ratePublicComplaint(trackingCode: $code, rating: 4, comment: "Terima kasih") { status rating } }`,
        { code: filed.trackingCode },
      ),
    ).ratePublicComplaint;
    expect(rated).toEqual({ status: 'CLOSED', rating: 4 });
    const wrongCode = await gql(
      null,
      `mutation { ratePublicComplaint(trackingCode: "ADU-0000-0000-0000", rating: 1) { status } }`,
    );
    expect(errorCodes(wrongCode).length).toBeGreaterThan(0);
  });

  it('serves the complaint categories over Open311 GeoReport v2', async () => {
    const response = await fetch(`${stack.gatewayOrigin}/open311/v2/services.json`);
    expect(response.status).toBe(200);
    const services = (await response.json()) as { service_code: string; service_name: string }[];
    expect(services.length).toBeGreaterThan(0);
    expect(services[0]).toHaveProperty('service_code');
    const missing = await fetch(`${stack.gatewayOrigin}/open311/v2/requests/ADU-1900-00001.json`);
    expect(missing.status).toBe(404);
  });
});

describe('monthly recap', () => {
  it("matches the cases in the database and is refused to roles that don't lead a flow", async () => {
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    const recap = ok(
      await gql<{
        monthlyRecap: {
          received: number;
          completed: number;
          openAtEnd: number;
          points: number;
          receivedCaseNumbers: string[];
        };
      }>(
        'direktur',
        `{ monthlyRecap(flow: CONSULTATION, month: "${month}") { received completed openAtEnd points receivedCaseNumbers } }`,
      ),
    ).monthlyRecap;
    const cases = stack.consultations.connection.collection('cases');
    const start = new Date(`${month}-01T00:00:00+07:00`);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const nextMonth =
      monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
    const end = new Date(`${nextMonth}-01T00:00:00+07:00`);
    const inMonth = { $gte: start, $lt: end };
    const received = await cases.countDocuments({ flow: 'CONSULTATION', createdAt: inMonth });
    const completed = await cases
      .find({ flow: 'CONSULTATION', closedAt: inMonth })
      .project<{ points: number }>({ points: 1 })
      .toArray();
    const open = await cases.countDocuments({
      flow: 'CONSULTATION',
      createdAt: { $lt: end },
      $or: [{ closedAt: null }, { closedAt: { $gte: end } }],
    });
    expect(recap.received).toBe(received);
    expect(recap.receivedCaseNumbers).toHaveLength(received);
    expect(recap.completed).toBe(completed.length);
    expect(recap.points).toBe(completed.reduce((sum, row) => sum + row.points, 0));
    expect(recap.openAtEnd).toBe(open);
    expect(recap.completed).toBeGreaterThan(0);

    const refused = await gql(
      'unit-kerja',
      `{ monthlyRecap(flow: CONSULTATION, month: "${month}") { received } }`,
    );
    expect(errorCodes(refused)).toContain('FORBIDDEN');
  });
});

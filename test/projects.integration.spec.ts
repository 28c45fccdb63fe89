// SIPOPI through the gateway (issue 6, "done when"): the eight steps of the Keputusan Wali Kota
// Jambi 21/2021 from the proposal to the signed agreement, the first disbursement and a progress
// report with a geotagged photo, including one revision loop with the lender; who sees which
// project; the leaders' portfolio and map; the demo seed. Real Keycloak tokens, FerretDB, NATS;
// the projects, documents and notifications services talk through events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  decodeClaims,
  errorCodes,
  getUserToken,
  graphqlRequest,
  keycloakUrl,
  tusUpload,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { seedDemoProjects } from '../scripts/seed-demo-projects.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { findSubKegiatan, loanProjectInput, pdfWithText } from './support/fixtures.js';
import { jpegWithGps } from './support/photo-fixture.js';

const DATABASE = 'sipadu_projects_platform_test';
const TEMPLATE_CODE = 'PTSMI-PENCAIRAN-UANG-MUKA';
const ADVANCE_GROUP = 'Pencairan uang muka';
let stack: ApiStack;

const tokens = new Map<string, string>();
/** A user's token, renewed a minute before it expires (the whole file runs for minutes). */
async function token(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached && Number(decodeClaims(cached).exp) * 1000 - Date.now() > 60_000) return cached;
  const fresh = await getUserToken(username);
  tokens.set(username, fresh);
  return fresh;
}

async function gql<T = Record<string, unknown>>(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(stack.gatewayUrl, query, { variables, token: await token(username) });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

async function upload(
  username: string,
  bytes: Uint8Array,
  filename: string,
  purpose: 'document' | 'photo' = 'document',
): Promise<string> {
  const result = await tusUpload({
    origin: stack.gatewayOrigin,
    token: await token(username),
    bytes,
    filename,
    purpose,
  });
  expect(result.status, result.message ?? '').toBe(204);
  return result.fileId as string;
}

/** Today and this month in UTC (never later than the service's Asia/Jakarta calendar). */
const today = () => new Date().toISOString().slice(0, 10);
const thisMonth = () => today().slice(0, 7);

interface Action {
  name: string;
  blockedReason: string | null;
}

async function actions(username: string, projectId: string): Promise<Action[]> {
  const data = ok(
    await gql<{ loanProject: { availableActions: Action[] } }>(
      username,
      `query ($id: ID!) { loanProject(id: $id) { availableActions { name blockedReason } } }`,
      { id: projectId },
    ),
  );
  return data.loanProject.availableActions;
}

const TRANSITION = `mutation ($id: ID!, $t: String!, $note: String) {
  transitionLoanProject(id: $id, transition: $t, note: $note) {
    stage history { transition from to note actor { organizationCode } }
  }
}`;

/** Takes a stage transition once the service offers it unblocked (guards read event data). */
async function transition(username: string, projectId: string, name: string, note?: string) {
  await eventually(
    `${name} available to ${username}`,
    async () =>
      (await actions(username, projectId)).some((a) => a.name === name && !a.blockedReason),
    45_000,
  );
  return ok(
    await gql<{
      transitionLoanProject: {
        stage: string;
        history: {
          transition: string;
          from: string;
          to: string;
          note: string | null;
          actor: { organizationCode: string };
        }[];
      };
    }>(username, TRANSITION, { id: projectId, t: name, note: note ?? null }),
  ).transitionLoanProject;
}

interface Summary {
  total: number;
  approved: number;
  submitted: number;
  revisionRequested: number;
  outstanding: number;
}

/**
 * Waits until the project's requirement counts, which the projects service keeps from documents
 * events, show `done`: the last requirement event has then been applied to the project too.
 */
async function summary(projectId: string, label: string, done: (s: Summary) => boolean) {
  return eventually(`requirement summary: ${label}`, async () => {
    const data = ok(
      await gql<{ loanProject: { requirementSummary: Summary } }>(
        'bpkad',
        `query ($id: ID!) { loanProject(id: $id) {
          requirementSummary { total approved submitted revisionRequested outstanding }
        } }`,
        { id: projectId },
      ),
    );
    return done(data.loanProject.requirementSummary) ? data.loanProject.requirementSummary : null;
  });
}

function refusal(response: GraphQLResponse<unknown>): {
  code: string | undefined;
  message: string;
} {
  expect(response.errors, 'expected a refusal').toBeDefined();
  return {
    code: response.errors?.[0]?.extensions?.code,
    message: response.errors?.[0]?.message ?? '',
  };
}

interface RequirementView {
  id: string;
  title: string;
  status: string;
}

/** The project that walks the whole story, shared by the steps below. */
const story = {
  id: '',
  code: '',
  amount: 42_500_000_000,
  requirements: [] as RequirementView[],
  planningCode: '',
};
const requirement = (title: string) => {
  const found = story.requirements.find((r) => r.title === title);
  if (!found) throw new Error(`no requirement "${title}"`);
  return found;
};

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
  // The directory of the notifications service learns users from their first signed-in call.
  for (const user of ['bpkad', 'pelaksana', 'pelaksana-rsud', 'pemberi-pinjaman', 'pimpinan']) {
    ok(await gql(user, `{ unreadNotificationCount }`));
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the SIPOPI demo seed', () => {
  it('tells the story through the gateway once; a second run creates nothing', async () => {
    const lines: string[] = [];
    const first = await seedDemoProjects({
      gatewayUrl: stack.gatewayUrl,
      keycloakUrl: keycloakUrl(),
      log: (line) => lines.push(line),
    });
    expect(first.skipped).toBe(false);
    expect(Object.fromEntries(first.created.map((p) => [p.key, p.stage]))).toEqual({
      'lingkar-barat': 'IMPLEMENTATION',
      'drainase-telanaipura': 'VERIFICATION',
      'rawat-inap-rsud': 'DOCUMENT_SUBMISSION',
      'sultan-thaha': 'DRAFT',
    });
    expect(new Set(first.created.map((p) => p.fiscalYear))).toEqual(new Set([2025, 2026]));
    for (const project of first.created) {
      expect(lines.some((line) => line.includes(project.code))).toBe(true);
    }

    const road = first.created.find((p) => p.key === 'lingkar-barat')!;
    const { loanProject } = ok(
      await gql<{
        loanProject: {
          amount: number;
          agreement: { sealed: boolean } | null;
          disbursementSummary: { disbursedAmount: number };
          disbursements: { status: string }[];
          progressReports: { status: string; media: { locationSource: string }[] }[];
          planningCodes: { code: string }[];
          requirements: { status: string }[];
        };
      }>(
        'pimpinan',
        `query ($id: ID!) { loanProject(id: $id) {
          amount agreement { sealed } disbursementSummary { disbursedAmount }
          disbursements { status } planningCodes { code }
          progressReports { status media { locationSource } }
          requirements { status }
        } }`,
        { id: road.id },
      ),
    );
    expect(loanProject.agreement?.sealed).toBe(true);
    expect(loanProject.disbursements.map((t) => t.status)).toEqual([
      'DISBURSED',
      'PLANNED',
      'PLANNED',
      'PLANNED',
    ]);
    expect(loanProject.disbursementSummary.disbursedAmount).toBe(16_950_000_000);
    expect(loanProject.progressReports).toHaveLength(2);
    for (const report of loanProject.progressReports) {
      expect(report.status).toBe('ACCEPTED');
      expect(report.media.map((m) => m.locationSource)).toEqual(['EXIF', 'EXIF']);
    }
    expect(loanProject.planningCodes[0]?.code).toMatch(/^1\.03\.10\./);
    const drainage = first.created.find((p) => p.key === 'drainase-telanaipura')!;
    const drainageRequirements = ok(
      await gql<{ loanProject: { requirements: { status: string }[] } }>(
        'pelaksana',
        `query ($id: ID!) { loanProject(id: $id) { requirements { status } } }`,
        { id: drainage.id },
      ),
    ).loanProject.requirements.map((r) => r.status);
    expect(drainageRequirements).toContain('REVISION_REQUESTED');

    const second = await seedDemoProjects({
      gatewayUrl: stack.gatewayUrl,
      keycloakUrl: keycloakUrl(),
      log: () => undefined,
    });
    expect(second).toEqual({ skipped: true, created: [] });
    const count = ok(
      await gql<{ loanProjects: { totalCount: number } }>(
        'bpkad',
        `{ loanProjects { totalCount } }`,
      ),
    );
    expect(count.loanProjects.totalCount).toBe(4);
  }, 400_000);
});

describe('from the proposal to the first disbursement and a progress report (seed steps 1–9)', () => {
  it('1. BPKAD records the proposal citing a real sub-kegiatan (DRAFT)', async () => {
    story.planningCode = (await findSubKegiatan(stack.gatewayUrl, '1.03.10', /jalan/i)).code;
    const { createLoanProject } = ok(
      await gql<{
        createLoanProject: {
          id: string;
          code: string;
          stage: string;
          organizationName: string;
          lenderName: string;
          planningCodes: { code: string; name: string }[];
          locations: { latitude: number; administrativeArea: string }[];
          createdBy: { organizationCode: string };
        };
      }>(
        'bpkad',
        `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) {
          id code stage organizationName lenderName planningCodes { code name }
          locations { latitude administrativeArea } createdBy { organizationCode }
        } }`,
        { input: loanProjectInput(story.planningCode, { amount: story.amount }) },
      ),
    );
    expect(createLoanProject).toMatchObject({
      stage: 'DRAFT',
      organizationName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      lenderName: 'PT Sarana Multi Infrastruktur (Persero)',
      createdBy: { organizationCode: 'BPKAD' },
    });
    expect(createLoanProject.code).toMatch(/^PIN-2026-\d{3}$/);
    expect(createLoanProject.planningCodes[0]?.code).toBe(story.planningCode);
    expect(createLoanProject.planningCodes[0]?.name).toBeTruthy();
    story.id = createLoanProject.id;
    story.code = createLoanProject.code;
  });

  it('a proposal citing a sub-kegiatan missing from the nomenclature is refused clearly', async () => {
    const refused = await gql(
      'bpkad',
      `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id } }`,
      { input: loanProjectInput('1.03.99.2.01.0001', { name: 'Kode fiktif' }) },
    );
    const { code, message } = refusal(refused);
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toContain('1.03.99.2.01.0001');
    expect(message).toMatch(/tidak ada|tidak ditemukan|tidak dikenal/i);
  });

  it('2–3. BPKAD submits the proposal and enters the lender checklist; federation resolves it', async () => {
    const proposed = await transition('bpkad', story.id, 'submitProposal', 'Usulan DPUPR');
    expect(proposed.stage).toBe('DATA_PREPARATION');

    const early = refusal(
      await gql('bpkad', TRANSITION, { id: story.id, t: 'openDocumentSubmission' }),
    );
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/persyaratan dokumen proyek belum dibuat/);

    const { requirementTemplates } = ok(
      await gql<{ requirementTemplates: { id: string; code: string }[] }>(
        'bpkad',
        `{ requirementTemplates { id code } }`,
      ),
    );
    const template = requirementTemplates.find((t) => t.code === TEMPLATE_CODE);
    const applied = ok(
      await gql<{ createRequirementsFromTemplate: RequirementView[] }>(
        'bpkad',
        `mutation ($input: ApplyTemplateInput!) {
          createRequirementsFromTemplate(input: $input) { id title status }
        }`,
        {
          input: {
            templateId: template?.id,
            subject: { type: 'LoanProject', id: story.id },
            uploaderOrganizationCode: 'DPUPR',
            reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
            dueDate: '2026-12-31',
          },
        },
      ),
    ).createRequirementsFromTemplate;
    expect(applied.length).toBeGreaterThanOrEqual(3);
    story.requirements = applied;

    // LoanProject.requirements comes from the documents service through the gateway.
    const federated = ok(
      await gql<{ loanProject: { code: string; requirements: RequirementView[] } }>(
        'pelaksana',
        `query ($id: ID!) { loanProject(id: $id) { code requirements { id title status } } }`,
        { id: story.id },
      ),
    ).loanProject;
    expect(federated.code).toBe(story.code);
    expect(federated.requirements.map((r) => r.title).sort()).toEqual(
      applied.map((r) => r.title).sort(),
    );
    expect(federated.requirements.map((r) => r.title)).toContain('SPTJM Kepala Daerah');

    const counted = await summary(story.id, 'list applied', (s) => s.total === applied.length);
    expect(counted.outstanding).toBe(applied.length);
    const opened = await transition('bpkad', story.id, 'openDocumentSubmission');
    expect(opened.stage).toBe('DOCUMENT_SUBMISSION');
  });

  it('4. the agency uploads every document; the stage waits until all are handed in', async () => {
    const notYet = refusal(
      await gql('bpkad', TRANSITION, { id: story.id, t: 'startVerification' }),
    );
    expect(notYet.code).toBe('CONFLICT');
    expect(notYet.message).toMatch(/belum diajukan/);

    for (const item of story.requirements) {
      const fileId = await upload('pelaksana', await pdfWithText(item.title), `${item.title}.pdf`);
      ok(
        await gql(
          'pelaksana',
          `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
          { id: item.id, file: fileId },
        ),
      );
    }
    const n = story.requirements.length;
    await summary(story.id, 'all handed in', (s) => s.submitted === n);
    const verifying = await transition('bpkad', story.id, 'startVerification');
    expect(verifying.stage).toBe('VERIFICATION');

    // The lender cannot approve the loan while documents are still open.
    const premature = refusal(
      await gql('pemberi-pinjaman', TRANSITION, { id: story.id, t: 'approve' }),
    );
    expect(premature.code).toBe('CONFLICT');
    expect(premature.message).toMatch(
      new RegExp(`masih ada ${story.requirements.length} persyaratan dokumen yang belum disetujui`),
    );
  });

  it('5–7. BPKAD forwards, the lender sends one back with a message in its thread, the agency resubmits, the lender approves', async () => {
    for (const item of story.requirements) {
      ok(
        await gql('bpkad', `mutation ($id: ID!) { forwardRequirement(id: $id) { id } }`, {
          id: item.id,
        }),
      );
    }
    const sptjm = requirement('SPTJM Kepala Daerah');
    for (const item of story.requirements) {
      if (item.id === sptjm.id) continue;
      ok(
        await gql(
          'pemberi-pinjaman',
          `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { id } }`,
          { id: item.id },
        ),
      );
    }
    const reason = 'Tanggal SPTJM mendahului Perda APBD dan belum bermeterai.';
    ok(
      await gql(
        'pemberi-pinjaman',
        `mutation ($id: ID!, $m: String!) { reviewRequirement(id: $id, decision: REQUEST_REVISION, message: $m) { id } }`,
        { id: sptjm.id, m: reason },
      ),
    );
    const threadText = 'Mohon SPTJM diperbaiki sesuai format surat PT SMI, lalu unggah ulang.';
    await eventually('lender posts in the requirement thread', async () => {
      const posted = await gql(
        'pemberi-pinjaman',
        `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`,
        { input: { subject: { type: 'DocumentRequirement', id: sptjm.id }, text: threadText } },
      );
      return !posted.errors;
    });

    // The executing agency sees the revision, its reason and the message on the project page.
    const seen = await eventually('revision and thread message visible to DPUPR', async () => {
      const data = ok(
        await gql<{
          loanProject: {
            requirements: {
              id: string;
              status: string;
              history: { note: string | null }[];
              thread: { messages: { edges: { node: { text: string } }[] } } | null;
            }[];
          };
        }>(
          'pelaksana',
          `query ($id: ID!) { loanProject(id: $id) { requirements {
            id status history { note } thread { messages { edges { node { text } } } }
          } } }`,
          { id: story.id },
        ),
      );
      const item = data.loanProject.requirements.find((r) => r.id === sptjm.id);
      return item?.thread?.messages.edges.some((edge) => edge.node.text === threadText)
        ? item
        : null;
    });
    expect(seen.status).toBe('REVISION_REQUESTED');
    expect(seen.history.map((h) => h.note)).toContain(reason);

    const blocked = await eventually('approve blocked on the open requirement', async () => {
      const approve = (await actions('pemberi-pinjaman', story.id)).find(
        (a) => a.name === 'approve',
      );
      return approve?.blockedReason?.includes('masih ada 1 persyaratan') ? approve : null;
    });
    expect(blocked.blockedReason).toMatch(/belum disetujui atau dikecualikan/);

    const fileId = await upload(
      'pelaksana',
      await pdfWithText('SPTJM Kepala Daerah (perbaikan, bermeterai)'),
      'SPTJM Kepala Daerah (perbaikan).pdf',
    );
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file, note: "Diperbaiki") { id } }`,
        { id: sptjm.id, file: fileId },
      ),
    );
    ok(
      await gql('bpkad', `mutation ($id: ID!) { forwardRequirement(id: $id) { id } }`, {
        id: sptjm.id,
      }),
    );
    const approvedRequirement = ok(
      await gql<{ reviewRequirement: { status: string; document: { versions: unknown[] } } }>(
        'pemberi-pinjaman',
        `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { status document { versions { number } } } }`,
        { id: sptjm.id },
      ),
    ).reviewRequirement;
    expect(approvedRequirement.status).toBe('APPROVED');
    expect(approvedRequirement.document.versions).toHaveLength(2);

    const all = story.requirements.length;
    const settled = await summary(story.id, 'all approved', (s) => s.approved === all);
    expect(settled.outstanding).toBe(0);
    const approved = await transition(
      'pemberi-pinjaman',
      story.id,
      'approve',
      'Persyaratan lengkap dan disetujui',
    );
    expect(approved.stage).toBe('APPROVED');
    expect(approved.history.at(-1)).toMatchObject({
      transition: 'approve',
      from: 'VERIFICATION',
      to: 'APPROVED',
      note: 'Persyaratan lengkap dan disetujui',
      actor: { organizationCode: 'PTSMI' },
    });
  });

  it('LoanProject.thread resolves through the gateway for the parties of the project', async () => {
    const thread = await eventually('project thread registered', async () => {
      const data = ok(
        await gql<{
          loanProject: { thread: { id: string; participantOrganizationCodes: string[] } | null };
        }>(
          'pelaksana',
          `query ($id: ID!) { loanProject(id: $id) { thread { id participantOrganizationCodes } } }`,
          { id: story.id },
        ),
      );
      return data.loanProject.thread;
    });
    expect(thread.id).toBe(`LoanProject:${story.id}`);
    expect([...thread.participantOrganizationCodes].sort()).toEqual(['BPKAD', 'DPUPR', 'PTSMI']);
    const text = 'Persyaratan lengkap; jadwal penandatanganan perjanjian menyusul.';
    ok(
      await gql(
        'pemberi-pinjaman',
        `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`,
        { input: { threadId: thread.id, text } },
      ),
    );
    const messages = ok(
      await gql<{ loanProject: { thread: { messages: { edges: { node: { text: string } }[] } } } }>(
        'bpkad',
        `query ($id: ID!) { loanProject(id: $id) { thread { messages { edges { node { text } } } } } }`,
        { id: story.id },
      ),
    ).loanProject.thread.messages.edges.map((edge) => edge.node.text);
    expect(messages).toContain(text);
  });

  it('8. AGREEMENT_SIGNED needs the agreement recorded as a sealed document version', async () => {
    const unrecorded = refusal(
      await gql('bpkad', TRANSITION, { id: story.id, t: 'signAgreement' }),
    );
    expect(unrecorded.code).toBe('CONFLICT');
    expect(unrecorded.message).toMatch(/perjanjian pinjaman belum dicatat/);

    const fileId = await upload(
      'bpkad',
      await pdfWithText(`Perjanjian Pinjaman Daerah ${story.code}`),
      'Perjanjian Pinjaman.pdf',
    );
    const { createDocument } = ok(
      await gql<{ createDocument: { id: string } }>(
        'bpkad',
        `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
        {
          input: {
            title: `Perjanjian Pinjaman Daerah ${story.code}`,
            subject: { type: 'LoanProject', id: story.id },
            fileId,
            relatedOrganizationCodes: ['DPUPR', 'PTSMI'],
          },
        },
      ),
    );
    const agreement = {
      documentId: createDocument.id,
      number: 'PERJ-77/SMI/2026',
      signedOn: today(),
    };
    const SET_AGREEMENT = `mutation ($id: ID!, $input: LoanAgreementInput!) {
      setLoanAgreement(projectId: $id, input: $input) { agreement { documentId number sealed } }
    }`;
    // Once the projects service knows the document, an unsealed one is refused with the reason.
    const unsealed = await eventually('unsealed agreement refused for being unsealed', async () => {
      const response = await gql('bpkad', SET_AGREEMENT, { id: story.id, input: agreement });
      return response.errors?.[0]?.message.includes('belum disegel') ? refusal(response) : null;
    });
    expect(unsealed.code).toBe('BAD_USER_INPUT');
    const stillRefused = refusal(
      await gql('bpkad', TRANSITION, { id: story.id, t: 'signAgreement' }),
    );
    expect(stillRefused.message).toMatch(/perjanjian pinjaman belum dicatat/);

    ok(
      await gql(
        'bpkad',
        `mutation ($id: ID!) { signDocumentVersion(documentId: $id, version: 1, reason: "Perjanjian pinjaman") { id } }`,
        { id: createDocument.id },
      ),
    );
    const recorded = await eventually('sealed agreement recorded', async () => {
      const response = await gql<{
        setLoanAgreement: { agreement: { documentId: string; sealed: boolean } };
      }>('bpkad', SET_AGREEMENT, { id: story.id, input: agreement });
      return response.data?.setLoanAgreement.agreement;
    });
    expect(recorded).toMatchObject({ documentId: createDocument.id, sealed: true });

    const signed = await transition(
      'bpkad',
      story.id,
      'signAgreement',
      'Perjanjian ditandatangani',
    );
    expect(signed.stage).toBe('AGREEMENT_SIGNED');

    // LoanProject.documents (documents service) lists the agreement for BPKAD and for the
    // parties it was shared with: the executing agency and the lender.
    for (const reader of ['bpkad', 'pelaksana', 'pemberi-pinjaman'] as const) {
      const documents = ok(
        await gql<{ loanProject: { documents: { id: string }[] } }>(
          reader,
          `query ($id: ID!) { loanProject(id: $id) { documents { id } } }`,
          { id: story.id },
        ),
      ).loanProject.documents.map((d) => d.id);
      expect(documents, reader).toContain(createDocument.id);
    }
  });

  it('8. the first tranche: requested by BPKAD, approved and disbursed by the lender', async () => {
    const plan = ok(
      await gql<{
        saveDisbursementPlan: {
          disbursements: { id: string; sequence: number; plannedAmount: number; status: string }[];
        };
      }>(
        'bpkad',
        `mutation ($id: ID!, $tranches: [DisbursementTrancheInput!]!) {
          saveDisbursementPlan(projectId: $id, tranches: $tranches) {
            disbursements { id sequence plannedAmount status }
          }
        }`,
        {
          id: story.id,
          tranches: [
            {
              name: 'Uang muka',
              plannedShare: 20,
              plannedDate: today(),
              minPhysicalProgress: 0,
              requirementGroup: ADVANCE_GROUP,
            },
            {
              name: 'Termin I',
              plannedShare: 30,
              plannedDate: '2027-03-31',
              minPhysicalProgress: 30,
              requirementGroup: 'Termin I',
            },
            {
              name: 'Termin II',
              plannedShare: 30,
              plannedDate: '2027-09-30',
              minPhysicalProgress: 60,
              requirementGroup: 'Termin II',
            },
            {
              name: 'Termin III',
              plannedShare: 20,
              plannedDate: '2028-03-31',
              minPhysicalProgress: 100,
              requirementGroup: 'Termin III',
            },
          ],
        },
      ),
    ).saveDisbursementPlan.disbursements.sort((a, b) => a.sequence - b.sequence);
    expect(plan.map((t) => t.plannedAmount)).toEqual([
      8_500_000_000, 12_750_000_000, 12_750_000_000, 8_500_000_000,
    ]);
    const advance = plan[0]!;
    const TRANCHE = `mutation ($p: ID!, $t: ID!, $tr: String!, $amount: Float, $on: String) {
      transitionDisbursement(projectId: $p, trancheId: $t, transition: $tr, disbursedAmount: $amount, disbursedOn: $on) {
        stage disbursements { id status disbursedAmount disbursedOn }
        disbursementSummary { disbursedAmount remainingAmount disbursedShare }
      }
    }`;
    ok(await gql('bpkad', TRANCHE, { p: story.id, t: advance.id, tr: 'request' }));
    const foreign = refusal(
      await gql('pelaksana', TRANCHE, { p: story.id, t: advance.id, tr: 'approve' }),
    );
    expect(foreign.code).toBe('FORBIDDEN');
    ok(await gql('pemberi-pinjaman', TRANCHE, { p: story.id, t: advance.id, tr: 'approve' }));
    const disbursed = ok(
      await gql<{
        transitionDisbursement: {
          stage: string;
          disbursements: { id: string; status: string; disbursedAmount: number | null }[];
          disbursementSummary: {
            disbursedAmount: number;
            remainingAmount: number;
            disbursedShare: number;
          };
        };
      }>('pemberi-pinjaman', TRANCHE, {
        p: story.id,
        t: advance.id,
        tr: 'disburse',
        amount: advance.plannedAmount,
        on: today(),
      }),
    ).transitionDisbursement;
    expect(disbursed.disbursements.find((t) => t.id === advance.id)).toMatchObject({
      status: 'DISBURSED',
      disbursedAmount: 8_500_000_000,
    });
    expect(disbursed.disbursementSummary).toEqual({
      disbursedAmount: 8_500_000_000,
      remainingAmount: 34_000_000_000,
      disbursedShare: 20,
    });
    const stage = await eventually('stage DISBURSEMENT after the first payment', async () => {
      const data = ok(
        await gql<{ loanProject: { stage: string } }>(
          'bpkad',
          `query ($id: ID!) { loanProject(id: $id) { stage } }`,
          { id: story.id },
        ),
      );
      return data.loanProject.stage === 'DISBURSEMENT' ? data.loanProject.stage : null;
    });
    expect(stage).toBe('DISBURSEMENT');
  });

  it('9. a progress report with a GPS-tagged photo places it from EXIF; BPKAD accepts it', async () => {
    const started = await transition('pelaksana', story.id, 'startImplementation', 'SPMK terbit');
    expect(started.stage).toBe('IMPLEMENTATION');
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $points: [ProgressPlanPointInput!]!) { saveProgressPlan(projectId: $id, points: $points) { id } }`,
        {
          id: story.id,
          points: [{ period: thisMonth(), physicalPercent: 5, financialPercent: 20 }],
        },
      ),
    );
    const where = { latitude: -1.61874, longitude: 103.59207 };
    const photo = await jpegWithGps({
      ...where,
      takenAt: new Date(),
      caption: 'Galian badan jalan STA 0+300',
    });
    const fileId = await upload('pelaksana', photo, 'IMG_0001.jpg', 'photo');
    // The documents service reads the EXIF; the projects service learns it from its event.
    const capture = await eventually('EXIF position read by the documents service', async () => {
      const data = ok(
        await gql<{
          storedFile: { capture: { latitude: number; longitude: number } | null } | null;
        }>(
          'pelaksana',
          `query ($id: ID!) { storedFile(id: $id) { capture { latitude longitude } } }`,
          {
            id: fileId,
          },
        ),
      );
      return data.storedFile?.capture;
    });
    expect(capture.latitude).toBeCloseTo(where.latitude, 5);
    expect(capture.longitude).toBeCloseTo(where.longitude, 5);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const { submitProgressReport: report } = ok(
      await gql<{
        submitProgressReport: {
          id: string;
          status: string;
          media: {
            fileId: string;
            kind: string;
            latitude: number | null;
            longitude: number | null;
            capturedAt: string | null;
            locationSource: string;
            file: { contentType: string } | null;
          }[];
        };
      }>(
        'pelaksana',
        `mutation ($id: ID!, $input: ProgressReportInput!) { submitProgressReport(projectId: $id, input: $input) {
          id status media { fileId kind latitude longitude capturedAt locationSource file { contentType } }
        } }`,
        {
          id: story.id,
          input: {
            period: thisMonth(),
            physicalPercent: 4.5,
            financialPercent: 20,
            narrative: 'Mobilisasi alat berat dan galian badan jalan STA 0+000 s.d. 0+400.',
            problems: 'Utilitas PDAM di STA 0+250 perlu dipindahkan.',
            media: [{ fileId, kind: 'PHOTO', caption: 'Galian badan jalan STA 0+300' }],
          },
        },
      ),
    );
    expect(report.status).toBe('SUBMITTED');
    expect(report.media).toHaveLength(1);
    expect(report.media[0]).toMatchObject({ fileId, kind: 'PHOTO', locationSource: 'EXIF' });
    expect(report.media[0]!.latitude).toBeCloseTo(where.latitude, 5);
    expect(report.media[0]!.longitude).toBeCloseTo(where.longitude, 5);
    expect(report.media[0]!.capturedAt).toBeTruthy();
    expect(report.media[0]!.file).toEqual({ contentType: 'image/jpeg' });

    const reviewed = ok(
      await gql<{ reviewProgressReport: { status: string; reviewNote: string | null } }>(
        'bpkad',
        `mutation ($p: ID!, $r: ID!) { reviewProgressReport(projectId: $p, reportId: $r, decision: ACCEPT, note: "Sesuai") { status reviewNote } }`,
        { p: story.id, r: report.id },
      ),
    ).reviewProgressReport;
    expect(reviewed).toEqual({ status: 'ACCEPTED', reviewNote: 'Sesuai' });
    const progress = ok(
      await gql<{
        loanProject: { physicalProgress: number; progressReports: { status: string }[] };
      }>(
        'pimpinan',
        `query ($id: ID!) { loanProject(id: $id) { physicalProgress progressReports { status } } }`,
        { id: story.id },
      ),
    ).loanProject;
    expect(progress.physicalProgress).toBe(4.5);
    expect(progress.progressReports.map((r) => r.status)).toEqual(['ACCEPTED']);
  });
});

describe('who sees which project', () => {
  const LIST = `query ($filter: LoanProjectFilter) { loanProjects(filter: $filter, first: 100) {
    totalCount edges { node { id organizationCode lenderOrganizationCode } }
  } }`;
  type List = {
    loanProjects: {
      totalCount: number;
      edges: { node: { id: string; organizationCode: string; lenderOrganizationCode: string } }[];
    };
  };

  it("RSUD's pelaksana cannot read Dinas PUPR's draft nor find it in the list", async () => {
    const { createLoanProject: draft } = ok(
      await gql<{ createLoanProject: { id: string; stage: string } }>(
        'bpkad',
        `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id stage } }`,
        {
          input: loanProjectInput(story.planningCode, { name: 'Rekonstruksi Jalan Gatot Subroto' }),
        },
      ),
    );
    expect(draft.stage).toBe('DRAFT');
    const read = await gql(
      'pelaksana-rsud',
      `query ($id: ID!) { loanProject(id: $id) { id name } }`,
      { id: draft.id },
    );
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    const list = ok(await gql<List>('pelaksana-rsud', LIST)).loanProjects;
    expect(list.edges.map((e) => e.node.id)).not.toContain(draft.id);
    expect(list.edges.every((e) => e.node.organizationCode === 'RSUD')).toBe(true);
    // Dinas PUPR's own pelaksana does read it.
    ok(
      await gql('pelaksana', `query ($id: ID!) { loanProject(id: $id) { id } }`, { id: draft.id }),
    );
  });

  it('the lender does not see a project another lender finances', async () => {
    // A second lender, registered as an organization of kind LENDER (identity → projects events).
    ok(
      await gql(
        'super-admin',
        `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { code } }`,
        { input: { code: 'BANKJAMBI', name: 'PT Bank Pembangunan Daerah Jambi', kind: 'LENDER' } },
      ),
    );
    const other = await eventually('project financed by Bank Jambi', async () => {
      const response = await gql<{ createLoanProject: { id: string; lenderName: string } }>(
        'bpkad',
        `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { id lenderName } }`,
        {
          input: loanProjectInput(story.planningCode, {
            name: 'Penataan Kawasan Tepian Batanghari',
            lenderOrganizationCode: 'BANKJAMBI',
          }),
        },
      );
      return response.data?.createLoanProject;
    });
    expect(other.lenderName).toBe('PT Bank Pembangunan Daerah Jambi');

    const lenderList = ok(await gql<List>('pemberi-pinjaman', LIST)).loanProjects;
    const ids = lenderList.edges.map((e) => e.node.id);
    expect(ids).toContain(story.id);
    expect(ids).not.toContain(other.id);
    expect(lenderList.edges.every((e) => e.node.lenderOrganizationCode === 'PTSMI')).toBe(true);
    const read = await gql('pemberi-pinjaman', `query ($id: ID!) { loanProject(id: $id) { id } }`, {
      id: other.id,
    });
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    // Asking for the other lender's projects by filter gives nothing either.
    const filtered = ok(
      await gql<List>('pemberi-pinjaman', LIST, {
        filter: { lenderOrganizationCode: 'BANKJAMBI' },
      }),
    ).loanProjects;
    expect(filtered.totalCount).toBe(0);
    const map = ok(
      await gql<{ loanProjectMap: { projectId: string }[] }>(
        'pemberi-pinjaman',
        `{ loanProjectMap { projectId } }`,
      ),
    ).loanProjectMap.map((point) => point.projectId);
    expect(map).not.toContain(other.id);
    // BPKAD sees both.
    const all = ok(await gql<List>('bpkad', LIST)).loanProjects.edges.map((e) => e.node.id);
    expect(all).toEqual(expect.arrayContaining([story.id, other.id]));
  });

  it('pimpinan follows the project in the portfolio and on the map, read-only', async () => {
    const { loanPortfolio } = ok(
      await gql<{
        loanPortfolio: {
          totals: { projectCount: number; loanAmount: number; disbursedAmount: number };
          byYear: { fiscalYear: number; totals: { projectCount: number } }[];
          byStage: { stage: string; count: number }[];
        };
      }>(
        'pimpinan',
        `query { loanPortfolio(fiscalYear: 2026) {
          totals { projectCount loanAmount disbursedAmount }
          byYear { fiscalYear totals { projectCount } }
          byStage { stage count }
        } }`,
      ),
    );
    expect(loanPortfolio.totals.projectCount).toBeGreaterThanOrEqual(1);
    expect(loanPortfolio.totals.loanAmount).toBeGreaterThanOrEqual(story.amount);
    expect(loanPortfolio.totals.disbursedAmount).toBeGreaterThanOrEqual(8_500_000_000);
    expect(
      loanPortfolio.byStage.find((s) => s.stage === 'IMPLEMENTATION')?.count,
    ).toBeGreaterThanOrEqual(1);
    expect(loanPortfolio.byYear.map((y) => y.fiscalYear)).toContain(2026);

    const { loanProjectMap } = ok(
      await gql<{
        loanProjectMap: {
          projectId: string;
          stage: string;
          location: { latitude: number; longitude: number };
        }[];
      }>('pimpinan', `{ loanProjectMap { projectId stage location { latitude longitude } } }`),
    );
    const point = loanProjectMap.find((p) => p.projectId === story.id);
    expect(point).toMatchObject({
      stage: 'IMPLEMENTATION',
      location: { latitude: -1.6187, longitude: 103.5921 },
    });

    const edit = await gql(
      'pimpinan',
      `mutation ($id: ID!) { transitionLoanProject(id: $id, transition: "cancel", note: "uji") { id } }`,
      { id: story.id },
    );
    expect(errorCodes(edit)).toEqual(['FORBIDDEN']);
  });
});

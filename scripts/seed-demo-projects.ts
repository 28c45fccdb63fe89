// SIPOPI demo data (issue 6, item 11): the story of the Keputusan Wali Kota Jambi 21/2021 told
// through the gateway API by the demo users, so every service (projects, documents, notifications)
// holds what it would after real use. Kota Jambi, BPKAD and PT SMI across fiscal years 2025 and
// 2026: a road project taken from the proposal through the lender's checklist (with one revision
// loop), the sealed agreement, the first disbursement and two progress reports with geotagged
// photos; a drainage project in verification with a document sent back; an RSUD building still
// collecting documents; a draft. Runs once: it does nothing when BPKAD already sees projects.
//
//   npx tsx scripts/seed-demo-projects.ts   (against a running `npm start`)
import { pathToFileURL } from 'node:url';
import { DemoApi, DemoApiError, waitFor } from './lib/demo-projects/demo-api.js';
import { demoPdf, jpegWithGps } from './lib/demo-projects/media.js';
import {
  DEMO_PROJECTS,
  REQUIREMENT_CONTENT,
  type DemoProject,
} from './lib/demo-projects/projects.data.js';

export interface SeedDemoProjectsOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** Keycloak base URL (dev realm `sipadu`, client `sipadu-test`). */
  keycloakUrl: string;
  log?: (line: string) => void;
}

export interface SeededProject {
  key: DemoProject['key'];
  id: string;
  code: string;
  name: string;
  fiscalYear: number;
  stage: string;
}

export interface SeedDemoProjectsResult {
  /** True when BPKAD already saw projects and nothing was created. */
  skipped: boolean;
  created: SeededProject[];
}

const UANG_MUKA_TEMPLATE = 'PTSMI-PENCAIRAN-UANG-MUKA';
const TERMIN_TEMPLATE = 'PTSMI-PENCAIRAN-TERMIN';
/** How long to wait for what one service learns from another's events. */
const EVENT_WAIT_MS = 45_000;

const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat('id-ID').format(amount)}`;

interface Requirement {
  id: string;
  title: string;
}

interface ProjectRef {
  id: string;
  code: string;
  stage: string;
}

const PROJECT_REF = 'id code stage';

interface Summary {
  total: number;
  approved: number;
  submitted: number;
  revisionRequested: number;
}

/** The demo story, step by step, as the users who take each step. */
class DemoStory {
  private readonly planningCodes = new Map<string, string>();
  private templates: { id: string; code: string }[] | null = null;

  constructor(
    readonly api: DemoApi,
    private readonly log: (line: string) => void,
  ) {}

  async projectCount(): Promise<number> {
    const data = await this.api.gql<{ loanProjects: { totalCount: number } }>(
      'bpkad',
      `{ loanProjects(first: 1) { totalCount } }`,
    );
    return data.loanProjects.totalCount;
  }

  /** A sub-kegiatan of the active nomenclature under `prefix`, preferring names that match. */
  async planningCode(spec: DemoProject['planningCode']): Promise<string> {
    const cached = this.planningCodes.get(spec.prefix + spec.prefer.source);
    if (cached) return cached;
    const query = `query ($search: String) {
      planningCodes(level: SUB_KEGIATAN, search: $search, first: 200) { code name }
    }`;
    const candidates: { code: string; name: string }[] = [];
    for (const search of [spec.prefix, spec.keyword]) {
      const data = await this.api.gql<{ planningCodes: { code: string; name: string }[] }>(
        'bpkad',
        query,
        { search },
      );
      candidates.push(...data.planningCodes.filter((c) => c.code.startsWith(`${spec.prefix}.`)));
      if (candidates.length) break;
    }
    const chosen = candidates.find((c) => spec.prefer.test(c.name)) ?? candidates[0];
    if (!chosen) {
      throw new Error(`tidak ada sub kegiatan ${spec.prefix}.* pada nomenklatur aktif`);
    }
    this.planningCodes.set(spec.prefix + spec.prefer.source, chosen.code);
    return chosen.code;
  }

  async templateId(code: string): Promise<string> {
    this.templates ??= (
      await this.api.gql<{ requirementTemplates: { id: string; code: string }[] }>(
        'bpkad',
        `{ requirementTemplates { id code } }`,
      )
    ).requirementTemplates;
    const template = this.templates.find((t) => t.code === code);
    if (!template) throw new Error(`templat persyaratan ${code} tidak ditemukan`);
    return template.id;
  }

  /** Step 1: BPKAD records the proposal (DRAFT). */
  async create(project: DemoProject): Promise<ProjectRef> {
    const planningCode = await this.planningCode(project.planningCode);
    const input = {
      fiscalYear: project.fiscalYear,
      name: project.name,
      description: project.description,
      borrowingReason: project.borrowingReason,
      organizationCode: project.organizationCode,
      lenderOrganizationCode: project.lenderOrganizationCode,
      amount: project.amount,
      tenorMonths: project.tenorMonths,
      consultant: project.consultant,
      planningCodes: [planningCode],
      locations: project.locations,
    };
    // Organizations reach the projects service as identity events: right after a fresh start
    // the executing agency or the lender may not be known there yet.
    const deadline = Date.now() + EVENT_WAIT_MS;
    for (;;) {
      try {
        const data = await this.api.gql<{ createLoanProject: ProjectRef }>(
          'bpkad',
          `mutation ($input: LoanProjectInput!) { createLoanProject(input: $input) { ${PROJECT_REF} } }`,
          { input },
        );
        return data.createLoanProject;
      } catch (error) {
        const unknownOrganization =
          error instanceof DemoApiError &&
          error.codes.includes('BAD_USER_INPUT') &&
          /organisasi|pemberi pinjaman|tidak dikenal/i.test(error.message);
        if (!unknownOrganization || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * A stage transition once the projects service offers it unblocked (its guards read
   * requirement states and seals that arrive as events), then taken.
   */
  async transition(
    user: string,
    projectId: string,
    name: string,
    note?: string,
  ): Promise<ProjectRef> {
    let seen = 'belum terbaca';
    await waitFor(
      `tindakan ${name}`,
      async () => {
        const data = await this.api.gql<{
          loanProject: {
            stage: string;
            availableActions: { name: string; blockedReason: string | null }[];
          };
        }>(
          user,
          `query ($id: ID!) { loanProject(id: $id) { stage availableActions { name blockedReason } } }`,
          { id: projectId },
        );
        const { stage, availableActions } = data.loanProject;
        const action = availableActions.find((a) => a.name === name);
        seen = action
          ? `tahap ${stage}, ${action.blockedReason ?? 'tersedia'}`
          : `tahap ${stage}, tidak tersedia bagi ${user} (ada: ${availableActions.map((a) => a.name).join(', ') || '-'})`;
        return action && !action.blockedReason;
      },
      { timeoutMs: EVENT_WAIT_MS },
    ).catch((error: unknown) => {
      throw new Error(`${name}: ${seen} (${error instanceof Error ? error.message : ''})`);
    });
    const data = await this.api.gql<{ transitionLoanProject: ProjectRef }>(
      user,
      `mutation ($id: ID!, $t: String!, $note: String) {
        transitionLoanProject(id: $id, transition: $t, note: $note) { ${PROJECT_REF} }
      }`,
      { id: projectId, t: name, note: note ?? null },
    );
    return data.transitionLoanProject;
  }

  /**
   * Waits until the project's requirement counts (kept by the projects service from documents
   * events) show what was just done. Each event rewrites the project's summary; a stage change
   * taken while such a write is still in flight can be lost on FerretDB, so the story moves on
   * only once the projection has caught up.
   */
  async settle(
    projectId: string,
    label: string,
    done: (summary: Summary) => boolean,
  ): Promise<void> {
    await waitFor(
      `ringkasan persyaratan: ${label}`,
      async () => {
        const data = await this.api.gql<{ loanProject: { requirementSummary: Summary } }>(
          'bpkad',
          `query ($id: ID!) { loanProject(id: $id) { requirementSummary { total approved submitted revisionRequested } } }`,
          { id: projectId },
        );
        return done(data.loanProject.requirementSummary);
      },
      { timeoutMs: EVENT_WAIT_MS },
    );
  }

  /** Step 3: BPKAD enters the lender's checklist from its template. */
  async applyTemplate(
    projectId: string,
    templateCode: string,
    uploaderOrganizationCode: string,
    options: { dueDate: string; group?: string },
  ): Promise<Requirement[]> {
    const data = await this.api.gql<{ createRequirementsFromTemplate: Requirement[] }>(
      'bpkad',
      `mutation ($input: ApplyTemplateInput!) { createRequirementsFromTemplate(input: $input) { id title } }`,
      {
        input: {
          templateId: await this.templateId(templateCode),
          subject: { type: 'LoanProject', id: projectId },
          uploaderOrganizationCode,
          reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
          dueDate: options.dueDate,
          ...(options.group ? { group: options.group } : {}),
        },
      },
    );
    return data.createRequirementsFromTemplate;
  }

  /** Step 4: the executing agency uploads a PDF as the requirement's next version. */
  async submit(
    user: string,
    requirement: Requirement,
    project: DemoProject,
    options: { version?: number; note?: string; extra?: string[] } = {},
  ): Promise<void> {
    const version = options.version ?? 1;
    const bytes = await demoPdf(requirement.title, [
      `Kegiatan: ${project.name} (TA ${project.fiscalYear})`,
      ...(REQUIREMENT_CONTENT[requirement.title] ?? []),
      ...(options.extra ?? []),
      `Versi ${version}`,
    ]);
    const suffix = version > 1 ? ` (perbaikan ${version - 1})` : '';
    const fileId = await this.api.upload(user, bytes, `${requirement.title}${suffix}.pdf`);
    await this.api.gql(
      user,
      `mutation ($id: ID!, $file: ID!, $note: String) {
        submitRequirementVersion(requirementId: $id, fileId: $file, note: $note) { id }
      }`,
      { id: requirement.id, file: fileId, note: options.note ?? null },
    );
  }

  /** Step 5: BPKAD forwards a checked document to the lender. */
  async forward(
    requirementId: string,
    note = 'Sudah diperiksa BPKAD, diteruskan ke PT SMI',
  ): Promise<void> {
    await this.api.gql(
      'bpkad',
      `mutation ($id: ID!, $note: String) { forwardRequirement(id: $id, note: $note) { id } }`,
      { id: requirementId, note },
    );
  }

  /** Steps 6–7: the lender approves or asks for a revision (with its message). */
  async review(
    requirementId: string,
    decision: 'APPROVE' | 'REQUEST_REVISION',
    message?: string,
  ): Promise<void> {
    await this.api.gql(
      'pemberi-pinjaman',
      `mutation ($id: ID!, $d: ReviewDecision!, $m: String) {
        reviewRequirement(id: $id, decision: $d, message: $m) { id }
      }`,
      { id: requirementId, d: decision, m: message ?? null },
    );
  }

  /** A message in the correspondence of a requirement or of the project. */
  async post(user: string, subject: { type: string; id: string }, text: string): Promise<void> {
    await waitFor(
      `korespondensi ${subject.type}`,
      async () => {
        await this.api.gql(
          user,
          `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`,
          { input: { subject, text } },
        );
        return true;
      },
      { timeoutMs: EVENT_WAIT_MS },
    );
  }

  /** Step 8: BPKAD stores the signed agreement, seals it and records it on the project. */
  async recordAgreement(
    project: DemoProject,
    projectId: string,
    agreement: { number: string; signedOn: string },
  ): Promise<void> {
    const title = `Perjanjian Pinjaman Daerah ${agreement.number}`;
    const bytes = await demoPdf(title, [
      'Antara Pemerintah Kota Jambi dan PT Sarana Multi Infrastruktur (Persero)',
      `Kegiatan: ${project.name}`,
      `Jumlah pinjaman: ${rupiah(project.amount)}; tenor ${project.tenorMonths} bulan`,
      `Ditandatangani di Jambi pada ${agreement.signedOn}`,
    ]);
    const fileId = await this.api.upload('bpkad', bytes, `${title.replace(/\//g, '-')}.pdf`);
    const { createDocument } = await this.api.gql<{ createDocument: { id: string } }>(
      'bpkad',
      `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      {
        input: {
          title,
          subject: { type: 'LoanProject', id: projectId },
          fileId,
          note: 'Naskah perjanjian yang telah ditandatangani para pihak',
          // The executing agency and the lender read the agreement too.
          relatedOrganizationCodes: [project.organizationCode, 'PTSMI'],
        },
      },
    );
    await this.api.gql(
      'bpkad',
      `mutation ($id: ID!) { signDocumentVersion(documentId: $id, version: 1, reason: "Perjanjian pinjaman daerah yang sah") { id } }`,
      { id: createDocument.id },
    );
    // The projects service learns of the document and its seal from the documents service.
    await waitFor(
      'dokumen perjanjian dikenal layanan proyek',
      async () => {
        await this.api.gql(
          'bpkad',
          `mutation ($id: ID!, $input: LoanAgreementInput!) { setLoanAgreement(projectId: $id, input: $input) { id } }`,
          { id: projectId, input: { documentId: createDocument.id, ...agreement } },
        );
        return true;
      },
      { timeoutMs: EVENT_WAIT_MS },
    );
  }

  async disbursementPlan(
    projectId: string,
    tranches: {
      name: string;
      plannedShare: number;
      plannedDate: string;
      minPhysicalProgress: number;
      requirementGroup: string | null;
    }[],
  ): Promise<{ id: string; sequence: number; plannedAmount: number }[]> {
    const data = await this.api.gql<{
      saveDisbursementPlan: {
        disbursements: { id: string; sequence: number; plannedAmount: number }[];
      };
    }>(
      'bpkad',
      `mutation ($id: ID!, $tranches: [DisbursementTrancheInput!]!) {
        saveDisbursementPlan(projectId: $id, tranches: $tranches) { disbursements { id sequence plannedAmount } }
      }`,
      { id: projectId, tranches },
    );
    return [...data.saveDisbursementPlan.disbursements].sort((a, b) => a.sequence - b.sequence);
  }

  async tranche(
    user: string,
    projectId: string,
    trancheId: string,
    transition: string,
    extra: { note?: string; disbursedAmount?: number; disbursedOn?: string } = {},
  ): Promise<void> {
    await this.api.gql(
      user,
      `mutation ($p: ID!, $t: ID!, $tr: String!, $note: String, $amount: Float, $on: String) {
        transitionDisbursement(projectId: $p, trancheId: $t, transition: $tr, note: $note,
          disbursedAmount: $amount, disbursedOn: $on) { id }
      }`,
      {
        p: projectId,
        t: trancheId,
        tr: transition,
        note: extra.note ?? null,
        amount: extra.disbursedAmount ?? null,
        on: extra.disbursedOn ?? null,
      },
    );
  }

  /** Step 9: a monthly progress report with geotagged site photos, accepted by BPKAD. */
  async progressReport(
    projectId: string,
    report: {
      period: string;
      physicalPercent: number;
      financialPercent: number;
      narrative: string;
      problems: string | null;
      photos: { latitude: number; longitude: number; takenAt: string; caption: string }[];
      reviewNote: string;
    },
  ): Promise<void> {
    const media = [];
    for (const [index, photo] of report.photos.entries()) {
      const bytes = await jpegWithGps({ ...photo, takenAt: new Date(photo.takenAt) });
      const fileId = await this.api.upload(
        'pelaksana',
        bytes,
        `IMG_${report.period.replace('-', '')}_${String(index + 1).padStart(2, '0')}.jpg`,
        'photo',
      );
      media.push({ fileId, kind: 'PHOTO', caption: photo.caption });
    }
    // The position comes from the photos' EXIF, which reaches the projects service as an event.
    for (const { fileId } of media) {
      await waitFor(
        'lokasi foto dari EXIF',
        async () => {
          const data = await this.api.gql<{
            storedFile: { capture: { latitude: number | null } | null } | null;
          }>('pelaksana', `query ($id: ID!) { storedFile(id: $id) { capture { latitude } } }`, {
            id: fileId,
          });
          return data.storedFile?.capture?.latitude != null;
        },
        { timeoutMs: 15_000 },
      ).catch(() => this.log(`peringatan: lokasi EXIF foto ${fileId} belum terbaca`));
    }
    // The documents service answers from its own record; its event reaches projects just after.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const { submitProgressReport } = await this.api.gql<{ submitProgressReport: { id: string } }>(
      'pelaksana',
      `mutation ($id: ID!, $input: ProgressReportInput!) { submitProgressReport(projectId: $id, input: $input) { id } }`,
      {
        id: projectId,
        input: {
          period: report.period,
          physicalPercent: report.physicalPercent,
          financialPercent: report.financialPercent,
          narrative: report.narrative,
          problems: report.problems,
          media,
        },
      },
    );
    await this.api.gql(
      'bpkad',
      `mutation ($p: ID!, $r: ID!, $note: String) {
        reviewProgressReport(projectId: $p, reportId: $r, decision: ACCEPT, note: $note) { id }
      }`,
      { p: projectId, r: submitProgressReport.id, note: report.reviewNote },
    );
  }
}

const byTitle = (requirements: Requirement[], title: string): Requirement => {
  const found = requirements.find((r) => r.title === title);
  if (!found) throw new Error(`persyaratan "${title}" tidak ada pada templat`);
  return found;
};

/** Monthly plan: an S-curve (smoothstep) of physical progress, finance following the advance. */
function sCurvePlan(start: string, months: number, advanceShare: number) {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, index) => {
    const t = (index + 1) / months;
    const physical = Math.round(100 * (3 * t * t - 2 * t * t * t) * 10) / 10;
    const date = new Date(Date.UTC(year, month - 1 + index, 1));
    return {
      period: date.toISOString().slice(0, 7),
      physicalPercent: physical,
      financialPercent: Math.max(advanceShare, Math.round(physical * 0.95 * 10) / 10),
    };
  });
}

// --- the four projects -----------------------------------------------------------------------------

async function lingkarBarat(story: DemoStory, project: DemoProject): Promise<ProjectRef> {
  const { api } = story;
  const { id } = await story.create(project);
  await story.transition(
    'bpkad',
    id,
    'submitProposal',
    'Usulan Dinas PUPR sesuai RPJMD; dikoordinasikan dengan PT SMI',
  );
  const requirements = await story.applyTemplate(id, UANG_MUKA_TEMPLATE, 'DPUPR', {
    dueDate: '2025-08-29',
  });
  const all = requirements.length;
  await story.settle(id, 'daftar dibuat', (r) => r.total === all);
  await story.transition(
    'bpkad',
    id,
    'openDocumentSubmission',
    'Daftar persyaratan PT SMI dimasukkan',
  );
  for (const requirement of requirements) {
    await story.submit(project.uploader, requirement, project);
  }
  await story.settle(id, 'semua diajukan', (r) => r.submitted === all);
  await story.transition('bpkad', id, 'startVerification', 'Seluruh dokumen sudah diunggah DPUPR');
  for (const requirement of requirements) await story.forward(requirement.id);

  // The revision loop (seed step 6): the lender finds the SPTJM dated before the APBD regulation.
  const sptjm = byTitle(requirements, 'SPTJM Kepala Daerah');
  for (const requirement of requirements) {
    if (requirement.id !== sptjm.id) await story.review(requirement.id, 'APPROVE');
  }
  const revision =
    'Tanggal SPTJM mendahului penetapan Perda APBD 2025 dan belum bermeterai; mohon diperbaiki.';
  await story.review(sptjm.id, 'REQUEST_REVISION', revision);
  const requirementThread = { type: 'DocumentRequirement', id: sptjm.id };
  await story.post(
    'pemberi-pinjaman',
    requirementThread,
    `${revision} Format mengikuti lampiran surat PT SMI tentang syarat pencairan.`,
  );
  await story.post(
    project.uploader,
    requirementThread,
    'Baik, SPTJM sudah diperbaiki dengan tanggal setelah penetapan Perda APBD dan bermeterai.',
  );
  await story.submit(project.uploader, sptjm, project, {
    version: 2,
    note: 'SPTJM diperbaiki: tanggal disesuaikan, bermeterai',
    extra: ['Tanggal disesuaikan setelah penetapan Perda APBD 2025, bermeterai.'],
  });
  await story.forward(sptjm.id, 'Perbaikan sudah diperiksa BPKAD');
  await story.review(sptjm.id, 'APPROVE');
  await story.post(
    'pemberi-pinjaman',
    { type: 'LoanProject', id },
    'Persyaratan dokumen pencairan uang muka telah lengkap dan disetujui PT SMI.',
  );
  await story.settle(id, 'semua disetujui', (r) => r.approved === all);
  await story.transition(
    'pemberi-pinjaman',
    id,
    'approve',
    'Persyaratan lengkap; pinjaman disetujui',
  );

  await story.recordAgreement(project, id, {
    number: 'PERJ-118/SMI/DPIK/0925',
    signedOn: '2025-09-18',
  });
  await story.transition(
    'bpkad',
    id,
    'signAgreement',
    'Perjanjian pinjaman ditandatangani Wali Kota Jambi dan Direksi PT SMI',
  );

  const tranches = await story.disbursementPlan(id, [
    {
      name: 'Uang muka',
      plannedShare: 20,
      plannedDate: '2025-10-15',
      minPhysicalProgress: 0,
      requirementGroup: 'Pencairan uang muka',
    },
    {
      name: 'Termin I',
      plannedShare: 30,
      plannedDate: '2026-05-29',
      minPhysicalProgress: 30,
      requirementGroup: 'Termin I',
    },
    {
      name: 'Termin II',
      plannedShare: 30,
      plannedDate: '2027-01-29',
      minPhysicalProgress: 60,
      requirementGroup: 'Termin II',
    },
    {
      name: 'Termin III',
      plannedShare: 20,
      plannedDate: '2027-09-30',
      minPhysicalProgress: 100,
      requirementGroup: 'Termin III',
    },
  ]);
  const termin = await story.applyTemplate(id, TERMIN_TEMPLATE, 'DPUPR', {
    dueDate: '2026-05-15',
    group: 'Termin I',
  });
  await story.settle(id, 'daftar termin I dibuat', (r) => r.total === all + termin.length);
  const advance = tranches[0]!;
  await story.tranche('bpkad', id, advance.id, 'request', {
    note: 'Pengajuan pencairan uang muka 20%',
  });
  await story.tranche('pemberi-pinjaman', id, advance.id, 'approve', {
    note: 'Syarat pencairan uang muka terpenuhi',
  });
  await story.tranche('pemberi-pinjaman', id, advance.id, 'disburse', {
    disbursedAmount: advance.plannedAmount,
    disbursedOn: '2025-10-14',
    note: 'Ditransfer ke Rekening Kas Umum Daerah Kota Jambi',
  });
  // The first disbursement moves the project to DISBURSEMENT; work starts.
  await story.transition(
    project.uploader,
    id,
    'startImplementation',
    'SPMK diterbitkan; penyedia jasa mulai bekerja',
  );
  await api.gql(
    'pelaksana',
    `mutation ($id: ID!, $points: [ProgressPlanPointInput!]!) { saveProgressPlan(projectId: $id, points: $points) { id } }`,
    { id, points: sCurvePlan('2025-11', 24, 20) },
  );
  await story.progressReport(id, {
    period: '2026-09',
    physicalPercent: 34.8,
    financialPercent: 33.1,
    narrative:
      'Pekerjaan lapis pondasi agregat kelas A STA 0+000 s.d. 2+400 selesai; pengaspalan AC-BC ' +
      'lajur kiri STA 0+000 s.d. 1+200; saluran samping beton 1.150 m.',
    problems: 'Pembebasan lahan di STA 3+100 (4 bidang) belum tuntas; curah hujan tinggi.',
    photos: [
      {
        latitude: -1.63311,
        longitude: 103.57046,
        takenAt: '2026-09-25T02:40:00Z',
        caption: 'Pengaspalan AC-BC STA 0+600',
      },
      {
        latitude: -1.62607,
        longitude: 103.57189,
        takenAt: '2026-09-25T03:15:00Z',
        caption: 'Saluran samping beton STA 1+400',
      },
    ],
    reviewNote: 'Diterima; mohon percepatan pembebasan lahan STA 3+100',
  });
  await story.progressReport(id, {
    period: '2026-10',
    physicalPercent: 38.9,
    financialPercent: 36.4,
    narrative:
      'Pengaspalan AC-BC lajur kiri sampai STA 2+400; lapis pondasi STA 2+400 s.d. 3+000; ' +
      'pemasangan tiang PJU 18 titik.',
    problems:
      'Pembebasan lahan STA 3+100 masih proses appraisal; pekerjaan dialihkan ke STA 4+000.',
    photos: [
      {
        latitude: -1.61998,
        longitude: 103.57316,
        takenAt: '2026-10-28T01:55:00Z',
        caption: 'Pengaspalan lajur kiri STA 2+200',
      },
      {
        latitude: -1.61342,
        longitude: 103.57522,
        takenAt: '2026-10-28T03:05:00Z',
        caption: 'Tiang PJU STA 3+000',
      },
    ],
    reviewNote: 'Diterima; realisasi fisik masih di bawah rencana',
  });
  return current(story, id);
}

async function drainaseTelanaipura(story: DemoStory, project: DemoProject): Promise<ProjectRef> {
  const { id } = await story.create(project);
  await story.transition('bpkad', id, 'submitProposal', 'Usulan Dinas PUPR bidang sumber daya air');
  const requirements = await story.applyTemplate(id, UANG_MUKA_TEMPLATE, 'DPUPR', {
    dueDate: '2026-12-15',
  });
  await story.settle(id, 'daftar dibuat', (r) => r.total === requirements.length);
  await story.transition('bpkad', id, 'openDocumentSubmission');
  for (const requirement of requirements)
    await story.submit(project.uploader, requirement, project);
  await story.settle(id, 'semua diajukan', (r) => r.submitted === requirements.length);
  await story.transition('bpkad', id, 'startVerification', 'Dokumen lengkap diunggah');
  for (const requirement of requirements) await story.forward(requirement.id);
  for (const title of [
    'Berita Acara Mutual Check 0% (MC-0)',
    'SPTJM Kepala Daerah',
    'Kontrak Pekerjaan Konstruksi',
  ]) {
    await story.review(byTitle(requirements, title).id, 'APPROVE');
  }
  const guarantee = byTitle(requirements, 'Jaminan Uang Muka');
  const message =
    'Masa berlaku jaminan uang muka berakhir sebelum jadwal pelunasan uang muka; mohon diperpanjang.';
  await story.review(guarantee.id, 'REQUEST_REVISION', message);
  await story.post('pemberi-pinjaman', { type: 'DocumentRequirement', id: guarantee.id }, message);
  return current(story, id);
}

async function rawatInapRsud(story: DemoStory, project: DemoProject): Promise<ProjectRef> {
  const { id } = await story.create(project);
  await story.transition('bpkad', id, 'submitProposal', 'Usulan RSUD H. Abdul Manap');
  const requirements = await story.applyTemplate(id, UANG_MUKA_TEMPLATE, 'RSUD', {
    dueDate: '2027-01-29',
  });
  await story.settle(id, 'daftar dibuat', (r) => r.total === requirements.length);
  await story.transition('bpkad', id, 'openDocumentSubmission');
  for (const title of ['Kontrak Pekerjaan Konstruksi', 'Rencana Penggunaan Uang Muka']) {
    await story.submit(project.uploader, byTitle(requirements, title), project);
  }
  return current(story, id);
}

async function sultanThaha(story: DemoStory, project: DemoProject): Promise<ProjectRef> {
  return story.create(project);
}

async function current(story: DemoStory, id: string): Promise<ProjectRef> {
  const data = await story.api.gql<{ loanProject: ProjectRef }>(
    'bpkad',
    `query ($id: ID!) { loanProject(id: $id) { ${PROJECT_REF} } }`,
    { id },
  );
  return data.loanProject;
}

const STORIES: Record<
  DemoProject['key'],
  (story: DemoStory, p: DemoProject) => Promise<ProjectRef>
> = {
  'lingkar-barat': lingkarBarat,
  'drainase-telanaipura': drainaseTelanaipura,
  'rawat-inap-rsud': rawatInapRsud,
  'sultan-thaha': sultanThaha,
};

/**
 * Tells the SIPOPI demo story through the gateway as the demo users. Does nothing when BPKAD
 * already sees loan projects (a second run, or a database with real data).
 */
export async function seedDemoProjects(
  options: SeedDemoProjectsOptions,
): Promise<SeedDemoProjectsResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const story = new DemoStory(new DemoApi(options), log);
  const existing = await story.projectCount();
  if (existing > 0) {
    log(`data demo proyek pinjaman dilewati: sudah ada ${existing} proyek`);
    return { skipped: true, created: [] };
  }
  const created: SeededProject[] = [];
  for (const project of DEMO_PROJECTS) {
    const ref = await STORIES[project.key](story, project);
    created.push({
      key: project.key,
      id: ref.id,
      code: ref.code,
      name: project.name,
      fiscalYear: project.fiscalYear,
      stage: ref.stage,
    });
    log(
      `${ref.code} ${project.name} (TA ${project.fiscalYear}, ${project.organizationCode}, ` +
        `${rupiah(project.amount)}): tahap ${ref.stage}`,
    );
  }
  const { loanPortfolio } = await story.api.gql<{
    loanPortfolio: {
      totals: { projectCount: number; loanAmount: number; disbursedAmount: number };
    };
  }>('pimpinan', `{ loanPortfolio { totals { projectCount loanAmount disbursedAmount } } }`);
  log(
    `portofolio pimpinan: ${loanPortfolio.totals.projectCount} proyek, pinjaman ` +
      `${rupiah(loanPortfolio.totals.loanAmount)}, dicairkan ${rupiah(loanPortfolio.totals.disbursedAmount)}`,
  );
  return { skipped: false, created };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await seedDemoProjects({
    gatewayUrl: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
    keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://localhost:8080',
    log: (line) => console.log(`[demo-proyek] ${line}`),
  });
}

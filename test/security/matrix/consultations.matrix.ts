// The consultations service (DOMAIN.md §6–7): SI-KIMR consultations, internal work items and ICT
// complaints, public complaints, the working calendar, performance, recaps and statistics. SI-KIMR
// cases are read and moved by relation (requester, assignee, handling organization), so an allowed
// cell gets a case its caller really takes part in, in the caller's organization, and an `other`
// cell a case of another organization the caller has nothing to do with. Where no dev user holds
// the needed role in an organization (a unit-kerja of RSUD, a pemberi-tugas of DINKES…), a stand-in
// employee of that organization opens the case through the service itself.
import { randomUUID } from 'node:crypto';
import type { Role } from '@sipadu/service-kit';
import { decodeClaims, eventually } from '@sipadu/test-kit';
import type { WorkflowPrincipal } from '@sipadu/workflow';
import type { ApiStack } from '../../support/api-stack.js';
import { callAs, dataAs, organizationOf, tokenFor } from './matrix-support.js';
import type { CellContext, OperationEntry, ServiceMatrix } from './matrix.types.js';

const CONSULTATION_STAFF: readonly Role[] = [
  'unit-kerja',
  'super-admin',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pimpinan',
];
/** The assigner, super-admin (verifies), direktur, pimpinan and whoever may be assigned work. */
const WORK_ITEM_STAFF: readonly Role[] = [
  'pemberi-tugas',
  'super-admin',
  'direktur',
  'pimpinan',
  'petugas-konsultasi',
  'petugas-tik',
  'unit-kerja',
  'kasubdit',
  'pelaksana',
  'admin-opd',
];
/** Every employee may report an ICT problem (the lender and citizens are no employees). */
const ICT_STAFF: readonly Role[] = [
  'unit-kerja',
  'pengelola-tik',
  'petugas-tik',
  'super-admin',
  'pimpinan',
  'admin-opd',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pemberi-tugas',
  'pelaksana',
  'bpkad',
  'evaluator',
];
const LEADERS: readonly Role[] = ['super-admin', 'pimpinan'];
/** ICT is run centrally (Diskominfo): pengelola-tik reads and routes every agency's complaints. */
const ICT_ACROSS: readonly Role[] = [...LEADERS, 'pengelola-tik'];
const COMPLAINT_HANDLERS: readonly Role[] = ['admin-opd', 'super-admin'];
const COMPLAINT_READERS: readonly Role[] = [...COMPLAINT_HANDLERS, 'pimpinan'];
const RECAP_READERS: readonly Role[] = ['direktur', 'pengelola-tik', 'super-admin', 'pimpinan'];
/** pimpinan reads recaps but does not publish them. */
const RECAP_PUBLISHERS: readonly Role[] = ['direktur', 'pengelola-tik', 'super-admin'];

type Services = ApiStack['consultations']['services'];
let services: Services | null = null;

function service(): Services {
  if (!services) throw new Error('prepare() matriks konsultasi belum dijalankan');
  return services;
}

/** Each fixture once per run (the runner's stack lives for the whole file). */
const fixtures = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  let made = fixtures.get(key) as Promise<T> | undefined;
  if (!made) {
    made = make();
    fixtures.set(key, made);
  }
  return made;
}

const userId = async (username: string) => String(decodeClaims(await tokenFor(username)).sub);

function orgOf(username: string): string {
  const organization = organizationOf(username);
  if (!organization) throw new Error(`${username} tidak punya organisasi`);
  return organization;
}

/** A stand-in employee holding `role` in `organizationCode`, for the service's own methods. */
const standIn = (role: Role, organizationCode: string): WorkflowPrincipal => ({
  kind: 'user',
  id: randomUUID(),
  name: `Pegawai Uji ${role} ${organizationCode}`,
  organizationCode,
  roles: [role],
});

/** Whether the table lets the cell's caller act (so a mutation consumes its case). */
function takesPart(allow: readonly Role[], across: readonly Role[], cell: CellContext): boolean {
  if (cell.caller === 'anonymous' || !allow.includes(cell.caller)) return false;
  return cell.target !== 'other' || across.includes(cell.caller);
}

interface CaseRef {
  id: string;
  revision: number;
}

const pick = ({ id, revision }: CaseRef): CaseRef => ({ id, revision });

/** One workflow step through the gateway as `username`; `extra` maps argument → [type, value]. */
async function step(
  username: string,
  field: string,
  ref: CaseRef,
  extra: Record<string, [string, unknown]> = {},
): Promise<CaseRef> {
  const names = Object.keys(extra);
  const declared = ['$id: ID!', '$revision: Int!', ...names.map((n) => `$${n}: ${extra[n]?.[0]}`)];
  const passed = ['id: $id', 'revision: $revision', ...names.map((n) => `${n}: $${n}`)];
  const data = await dataAs<Record<string, CaseRef>>(
    username,
    `mutation (${declared.join(', ')}) { ${field}(${passed.join(', ')}) { id revision } }`,
    { ...ref, ...Object.fromEntries(names.map((n) => [n, extra[n]?.[1]])) },
  );
  return pick(data[field] as CaseRef);
}

// --- Consultations: a DPUPR unit asks, the DPUPR officer and kasubdit handle it --------------

type ConsultationStage =
  'SUBMITTED' | 'DRAFTING' | 'WAITING_FOR_REQUESTER' | 'IN_REVIEW' | 'APPROVED' | 'DELIVERED';

async function submitConsultation(organizationCode: string): Promise<CaseRef> {
  const input = {
    topic: `Konsultasi matriks ${organizationCode}`,
    detail: 'Mohon arahan tata cara uji mutu beton untuk paket pemeliharaan jalan.',
  };
  if (organizationCode === 'DPUPR') {
    const data = await dataAs<{ submitConsultation: CaseRef }>(
      'unit-kerja',
      `mutation ($input: SubmitConsultationInput!) { submitConsultation(input: $input) { id revision } }`,
      { input },
    );
    return pick(data.submitConsultation);
  }
  return pick(await service().consultations.submit(standIn('unit-kerja', organizationCode), input));
}

/** A consultation of `organizationCode`; beyond SUBMITTED only DPUPR's (its officer handles it). */
async function consultationAt(
  organizationCode: string,
  stage: ConsultationStage,
): Promise<CaseRef> {
  let ref = await submitConsultation(organizationCode);
  if (stage === 'SUBMITTED') return ref;
  if (organizationCode !== 'DPUPR') throw new Error(`konsultasi ${stage} hanya untuk DPUPR`);
  ref = await step('super-admin', 'routeConsultation', ref, {
    officerId: ['ID!', await userId('petugas-konsultasi')],
  });
  if (stage === 'DRAFTING') return ref;
  if (stage === 'WAITING_FOR_REQUESTER') {
    return step('petugas-konsultasi', 'requestConsultationInformation', ref, {
      note: ['String!', 'Mohon lampirkan spesifikasi teknis paket pekerjaan.'],
    });
  }
  ref = await step('petugas-konsultasi', 'draftConsultationAnswer', ref, {
    answer: ['String!', 'Uji mutu beton mengikuti SNI 2847:2019 dengan benda uji per 5 m³.'],
  });
  if (stage === 'IN_REVIEW') return ref;
  ref = await step('kasubdit', 'reviewConsultationAnswer', ref, {
    decision: ['CaseReviewDecision!', 'APPROVE'],
  });
  if (stage === 'APPROVED') return ref;
  return step('petugas-konsultasi', 'deliverConsultationAnswer', ref);
}

/**
 * The consultation a read points at: DPUPR's is routed to the DPUPR officer (its unit, officer,
 * kasubdit and direktur take part); the others' wait for routing (nobody of DPUPR takes part).
 */
const consultationOf = (organizationCode: string) =>
  once(`consultation:${organizationCode}`, () =>
    consultationAt(organizationCode, organizationCode === 'DPUPR' ? 'DRAFTING' : 'SUBMITTED'),
  );

// --- Work items: assigned within one organization ------------------------------------------

type WorkItemStage = 'ASSIGNED' | 'IN_PROGRESS' | 'IN_VERIFICATION';

/** A default assignee of another organization's work item (no relation to the caller). */
const bystander = (organizationCode: string) =>
  organizationCode === 'RSUD' ? 'pelaksana-rsud' : 'pelaksana';

/**
 * A work item assigned to the dev user `assignee` in its organization: DPUPR's pemberi-tugas
 * assigns through the gateway, a stand-in assigner elsewhere (and for the pemberi-tugas itself,
 * who may not assign to itself).
 */
async function workItemFor(assignee: string, stage: WorkItemStage): Promise<CaseRef> {
  const organizationCode = orgOf(assignee);
  const input = {
    title: `Pekerjaan matriks untuk ${assignee}`,
    description: 'Menyusun laporan inventaris perangkat kerja bulan ini.',
    assigneeId: await userId(assignee),
  };
  let ref: CaseRef;
  if (organizationCode === 'DPUPR' && assignee !== 'pemberi-tugas') {
    const data = await dataAs<{ createWorkItem: CaseRef }>(
      'pemberi-tugas',
      `mutation ($input: CreateWorkItemInput!) { createWorkItem(input: $input) { id revision } }`,
      { input },
    );
    ref = pick(data.createWorkItem);
  } else {
    ref = pick(await service().workItems.create(standIn('pemberi-tugas', organizationCode), input));
  }
  if (stage === 'ASSIGNED') return ref;
  ref = await step(assignee, 'acceptWorkItem', ref);
  if (stage === 'IN_PROGRESS') return ref;
  return step(assignee, 'submitWorkResult', ref, {
    result: ['String!', 'Laporan inventaris selesai disusun dan diunggah.'],
  });
}

// --- ICT complaints: any employee reports, Diskominfo's ICT staff handle -------------------

type IctStage = 'FILED' | 'HANDLING' | 'AWAITING_CONFIRMATION' | 'SOLVED';

/** An ICT complaint reported by the dev user `complainant`, taken to `stage`. */
async function ictComplaintBy(complainant: string, stage: IctStage): Promise<CaseRef> {
  const data = await dataAs<{ fileIctComplaint: CaseRef }>(
    complainant,
    `mutation ($input: FileIctComplaintInput!) { fileIctComplaint(input: $input) { id revision } }`,
    {
      input: {
        unit: `Unit ${complainant}`,
        problem: 'Printer jaringan lantai 2 tidak terdeteksi.',
      },
    },
  );
  let ref = pick(data.fileIctComplaint);
  if (stage === 'FILED') return ref;
  ref = await step('pengelola-tik', 'routeIctComplaint', ref, {
    officerId: ['ID!', await userId('petugas-tik')],
  });
  if (stage === 'HANDLING') return ref;
  ref = await step('petugas-tik', 'resolveIctComplaint', ref, {
    handling: ['String!', 'Driver printer dipasang ulang dan antrean cetak dibersihkan.'],
  });
  if (stage === 'AWAITING_CONFIRMATION') return ref;
  return step(complainant, 'confirmIctResolution', ref, { solved: ['Boolean!', true] });
}

/** The default complainant of another organization's ICT complaint. */
const ictBystander = (organizationCode: string) =>
  organizationCode === 'RSUD' ? 'pelaksana-rsud' : 'unit-kerja';

// --- Public complaints: citizens file to an agency, its admin-opd handles ------------------

type ComplaintStage = 'SUBMITTED' | 'IN_FOLLOW_UP' | 'ANSWERED';

interface ComplaintRef extends CaseRef {
  trackingCode: string;
}

/** An anonymous citizen's complaint to `organizationCode`, moved on by super-admin. */
async function complaintTo(organizationCode: string, stage: ComplaintStage): Promise<ComplaintRef> {
  const filed = await callAs<{ filePublicComplaint: { trackingCode: string; number: string } }>(
    null,
    `mutation ($input: FilePublicComplaintInput!) { filePublicComplaint(input: $input) { trackingCode number } }`,
    {
      input: {
        title: `Pengaduan matriks ${organizationCode}`,
        description: 'Antrean layanan tidak bergerak selama dua jam tanpa penjelasan petugas.',
        categoryCode: 'KESEHATAN',
        organizationCode,
        anonymous: true,
        submissionId: randomUUID(),
      },
    },
  );
  const complaint = filed.data?.filePublicComplaint;
  if (!complaint) throw new Error(`pengaduan gagal: ${JSON.stringify(filed.errors)}`);
  const found = await dataAs<{ publicComplaints: { edges: { node: CaseRef }[] } }>(
    'super-admin',
    `query ($search: String) { publicComplaints(search: $search, first: 1) { edges { node { id revision } } } }`,
    { search: complaint.number },
  );
  const node = found.publicComplaints.edges[0]?.node;
  if (!node) throw new Error(`pengaduan ${complaint.number} tidak ditemukan`);
  let ref = pick(node);
  if (stage !== 'SUBMITTED') {
    ref = await step('super-admin', 'verifyPublicComplaint', ref, {
      decision: ['ComplaintVerification!', 'ACCEPT'],
    });
  }
  if (stage === 'ANSWERED') {
    ref = await step('super-admin', 'answerPublicComplaint', ref, {
      answer: ['String!', 'Petugas loket tambahan sudah ditempatkan mulai pekan ini.'],
    });
  }
  return { ...ref, trackingCode: complaint.trackingCode };
}

// --- Entries ---------------------------------------------------------------------------------

/**
 * A workflow step on one case: an allowed cell acts on a fresh case (the step consumes it), a
 * refused one on a case of the target organization (own: DPUPR's, refused by role anyway) in the
 * same state, shared by the operation's refused cells, which must leave it unchanged.
 */
function caseStep(options: {
  operation: `Mutation.${string}`;
  document: string;
  allow: readonly Role[];
  across?: readonly Role[];
  /** The case for an allowed cell. */
  fresh(cell: CellContext): Promise<CaseRef>;
  /** The case of `organizationCode` a refused cell points at. */
  refused(organizationCode: string): Promise<CaseRef>;
  extra?(cell: CellContext, ref: CaseRef): Record<string, unknown>;
}): OperationEntry {
  const across = options.across ?? [];
  return {
    operation: options.operation,
    document: options.document,
    allow: options.allow,
    organization: { across },
    async variables(cell) {
      const ref = takesPart(options.allow, across, cell)
        ? await options.fresh(cell)
        : await once(
            `${options.operation}:${cell.target === 'other' ? cell.organization : 'DPUPR'}`,
            () => options.refused(cell.target === 'other' ? cell.organization : 'DPUPR'),
          );
      return { id: ref.id, revision: ref.revision, ...options.extra?.(cell, ref) };
    },
  };
}

/**
 * Fresh cases for every role of `roles` (each in its own organization), made together (three at a
 * time) on the first cell that needs one, instead of one after the other per cell.
 */
function perCaller(
  key: string,
  roles: readonly Role[],
  make: (username: string) => Promise<CaseRef>,
): (cell: CellContext) => Promise<CaseRef> {
  return async (cell) => {
    const made = await once(key, async () => {
      const refs = new Map<string, CaseRef>();
      const queue = [...roles];
      // A few at a time: the gateway gives a subgraph only so long to answer.
      const worker = async () => {
        for (let role = queue.shift(); role; role = queue.shift()) refs.set(role, await make(role));
      };
      await Promise.all([worker(), worker(), worker()]);
      return refs;
    });
    const ref = made.get(caller(cell));
    if (!ref) throw new Error(`${key}: tidak ada kasus untuk ${cell.caller}`);
    return ref;
  };
}

/** Read by id: the service answers null for a case the caller may not read. */
const hiddenWhenNull = (field: string) => (data: Record<string, unknown>) => data[field] === null;

/** The organizations taking part in each node of a connection `field`. */
const nodesOf =
  (field: string, parts: (node: Record<string, unknown>) => (string | null)[]) =>
  (data: Record<string, unknown>) =>
    ((data[field] as { edges: { node: Record<string, unknown> }[] } | null)?.edges ?? []).map(
      (edge) => parts(edge.node),
    );

const caller = (cell: CellContext) => (cell.caller === 'anonymous' ? 'publik' : cell.caller);

/**
 * The organization whose record a read points at: the target's, except for an own cell refused
 * by role, which points at DPUPR's (not every organization can own such a record, e.g. PT SMI).
 */
const readTarget = (cell: CellContext, allow: readonly Role[]) =>
  cell.target === 'own' && !allow.includes(caller(cell) as Role) ? 'DPUPR' : cell.organization;

/** The flow whose recap each reader receives (pengelola-tik: ICT complaints). */
const recapFlow = (cell: CellContext) =>
  cell.caller === 'pengelola-tik' ? 'ICT_COMPLAINT' : 'CONSULTATION';

/** The public complaint a read points at, one per target agency. */
const complaintOf = (organizationCode: string) =>
  once(`complaint:${organizationCode}`, () => complaintTo(organizationCode, 'SUBMITTED'));

/** Who the routing and assignment cells name (ids of dev users, known after prepare). */
const routingTargets = { consultation: '', ict: '', workItem: '' };

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const ENDED_MONTH = '2026-10';

const entries: OperationEntry[] = [
  // --- Konsultasi ---
  {
    operation: 'Query.consultations',
    document: `query { consultations(first: 100) { edges { node { organizationCode handlerOrganizationCode } } } }`,
    allow: CONSULTATION_STAFF,
    visible: nodesOf('consultations', (node) => [
      node.organizationCode as string,
      node.handlerOrganizationCode as string | null,
    ]),
    visibleAcross: LEADERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.consultation',
    document: `query ($id: ID!) { consultation(id: $id) { id } }`,
    allow: CONSULTATION_STAFF,
    organization: { across: LEADERS },
    hidden: hiddenWhenNull('consultation'),
    variables: async (cell) => ({
      id: (await consultationOf(readTarget(cell, CONSULTATION_STAFF))).id,
    }),
  },
  {
    operation: 'Mutation.submitConsultation',
    document: `mutation ($input: SubmitConsultationInput!) { submitConsultation(input: $input) { id } }`,
    allow: ['unit-kerja'],
    variables: () => ({
      input: {
        topic: 'Konsultasi matriks otorisasi',
        detail: 'Mohon arahan penyusunan rencana anggaran biaya pemeliharaan rutin.',
      },
    }),
  },
  caseStep({
    operation: 'Mutation.routeConsultation',
    document: `mutation ($id: ID!, $officerId: ID!, $revision: Int!) { routeConsultation(id: $id, officerId: $officerId, revision: $revision) { id } }`,
    allow: ['super-admin'],
    across: ['super-admin'],
    fresh: (cell) => submitConsultation(cell.organization),
    refused: (organizationCode) => submitConsultation(organizationCode),
    extra: () => ({ officerId: routingTargets.consultation }),
  }),
  caseStep({
    operation: 'Mutation.requestConsultationInformation',
    document: `mutation ($id: ID!, $revision: Int!) { requestConsultationInformation(id: $id, note: "Mohon data pendukung.", revision: $revision) { id } }`,
    allow: ['petugas-konsultasi'],
    fresh: () => consultationAt('DPUPR', 'DRAFTING'),
    refused: (organizationCode) => consultationOf(organizationCode),
  }),
  caseStep({
    operation: 'Mutation.provideConsultationInformation',
    document: `mutation ($id: ID!, $revision: Int!) { provideConsultationInformation(id: $id, note: "Spesifikasi terlampir.", revision: $revision) { id } }`,
    allow: ['unit-kerja'],
    fresh: () => consultationAt('DPUPR', 'WAITING_FOR_REQUESTER'),
    refused: (organizationCode) =>
      organizationCode === 'DPUPR'
        ? consultationAt('DPUPR', 'WAITING_FOR_REQUESTER')
        : consultationOf(organizationCode),
  }),
  caseStep({
    operation: 'Mutation.draftConsultationAnswer',
    document: `mutation ($id: ID!, $revision: Int!) { draftConsultationAnswer(id: $id, answer: "Jawaban matriks yang cukup panjang.", revision: $revision) { id } }`,
    allow: ['petugas-konsultasi'],
    fresh: () => consultationAt('DPUPR', 'DRAFTING'),
    refused: (organizationCode) => consultationOf(organizationCode),
  }),
  caseStep({
    operation: 'Mutation.reviewConsultationAnswer',
    document: `mutation ($id: ID!, $revision: Int!) { reviewConsultationAnswer(id: $id, decision: APPROVE, revision: $revision) { id } }`,
    allow: ['kasubdit'],
    fresh: () => consultationAt('DPUPR', 'IN_REVIEW'),
    refused: (organizationCode) =>
      organizationCode === 'DPUPR'
        ? consultationAt('DPUPR', 'IN_REVIEW')
        : consultationOf(organizationCode),
  }),
  caseStep({
    operation: 'Mutation.deliverConsultationAnswer',
    document: `mutation ($id: ID!, $revision: Int!) { deliverConsultationAnswer(id: $id, revision: $revision) { id } }`,
    allow: ['petugas-konsultasi'],
    fresh: () => consultationAt('DPUPR', 'APPROVED'),
    refused: (organizationCode) =>
      organizationCode === 'DPUPR'
        ? consultationAt('DPUPR', 'APPROVED')
        : consultationOf(organizationCode),
  }),
  caseStep({
    operation: 'Mutation.acknowledgeConsultation',
    document: `mutation ($id: ID!, $revision: Int!) { acknowledgeConsultation(id: $id, revision: $revision) { id } }`,
    allow: ['unit-kerja'],
    fresh: () => consultationAt('DPUPR', 'DELIVERED'),
    refused: (organizationCode) =>
      organizationCode === 'DPUPR'
        ? consultationAt('DPUPR', 'DELIVERED')
        : consultationOf(organizationCode),
  }),

  // --- Pekerjaan internal ---
  {
    operation: 'Query.workItems',
    document: `query { workItems(first: 100) { edges { node { organizationCode } } } }`,
    allow: WORK_ITEM_STAFF,
    visible: nodesOf('workItems', (node) => [node.organizationCode as string]),
    visibleAcross: LEADERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.workItem',
    document: `query ($id: ID!) { workItem(id: $id) { id } }`,
    allow: WORK_ITEM_STAFF,
    organization: { across: LEADERS },
    hidden: hiddenWhenNull('workItem'),
    variables: async (cell) => {
      // Own: the work assigned to the caller (the assigner's own item for pemberi-tugas).
      const assignee =
        cell.target === 'own' && WORK_ITEM_STAFF.includes(caller(cell) as Role)
          ? cell.caller === 'pemberi-tugas'
            ? 'pelaksana'
            : caller(cell)
          : bystander(cell.organization);
      return { id: (await once(`work:${assignee}`, () => workItemFor(assignee, 'ASSIGNED'))).id };
    },
  },
  {
    operation: 'Mutation.createWorkItem',
    document: `mutation ($input: CreateWorkItemInput!) { createWorkItem(input: $input) { id } }`,
    allow: ['pemberi-tugas'],
    variables: () => ({
      input: {
        title: 'Pekerjaan matriks otorisasi',
        description: 'Memeriksa kelengkapan arsip kontrak tahun berjalan.',
        assigneeId: routingTargets.workItem,
      },
    }),
  },
  caseStep({
    operation: 'Mutation.acceptWorkItem',
    document: `mutation ($id: ID!, $revision: Int!) { acceptWorkItem(id: $id, revision: $revision) { id } }`,
    allow: WORK_ITEM_STAFF,
    fresh: perCaller('accept', WORK_ITEM_STAFF, (assignee) => workItemFor(assignee, 'ASSIGNED')),
    refused: (organizationCode) => workItemFor(bystander(organizationCode), 'ASSIGNED'),
  }),
  caseStep({
    operation: 'Mutation.submitWorkResult',
    document: `mutation ($id: ID!, $revision: Int!) { submitWorkResult(id: $id, result: "Hasil pekerjaan matriks sudah lengkap.", revision: $revision) { id } }`,
    allow: WORK_ITEM_STAFF,
    fresh: perCaller('submit', WORK_ITEM_STAFF, (assignee) => workItemFor(assignee, 'IN_PROGRESS')),
    refused: (organizationCode) => workItemFor(bystander(organizationCode), 'IN_PROGRESS'),
  }),
  caseStep({
    operation: 'Mutation.verifyWorkItem',
    document: `mutation ($id: ID!, $revision: Int!) { verifyWorkItem(id: $id, decision: APPROVE, revision: $revision) { id } }`,
    allow: ['super-admin'],
    across: ['super-admin'],
    // Own: Diskominfo's work (petugas-tik); other: DPUPR's.
    fresh: (cell) =>
      workItemFor(
        cell.target === 'own' ? 'petugas-tik' : bystander(cell.organization),
        'IN_VERIFICATION',
      ),
    refused: (organizationCode) => workItemFor(bystander(organizationCode), 'IN_VERIFICATION'),
  }),
  caseStep({
    operation: 'Mutation.cancelWorkItem',
    document: `mutation ($id: ID!, $revision: Int!) { cancelWorkItem(id: $id, note: "Tidak diperlukan lagi.", revision: $revision) { id } }`,
    allow: ['pemberi-tugas'],
    fresh: () => workItemFor('pelaksana', 'ASSIGNED'),
    refused: (organizationCode) => workItemFor(bystander(organizationCode), 'ASSIGNED'),
  }),

  // --- Pengaduan TIK ---
  {
    operation: 'Query.ictComplaints',
    document: `query { ictComplaints(first: 100) { edges { node { organizationCode officer { organizationCode } } } } }`,
    allow: ICT_STAFF,
    visible: nodesOf('ictComplaints', (node) => [
      node.organizationCode as string,
      (node.officer as { organizationCode: string | null } | null)?.organizationCode ?? null,
    ]),
    visibleAcross: ICT_ACROSS,
    variables: () => ({}),
  },
  {
    operation: 'Query.ictComplaint',
    document: `query ($id: ID!) { ictComplaint(id: $id) { id } }`,
    allow: ICT_STAFF,
    organization: { across: ICT_ACROSS },
    hidden: hiddenWhenNull('ictComplaint'),
    variables: async (cell) => {
      // Own: the caller's own report (petugas-tik: one routed to it); other: a stranger's.
      const ref =
        cell.target === 'own' && ICT_STAFF.includes(caller(cell) as Role)
          ? cell.caller === 'petugas-tik'
            ? await once('ict:handled', () => ictComplaintBy('pengelola-tik', 'HANDLING'))
            : await once(`ict:${caller(cell)}`, () => ictComplaintBy(caller(cell), 'FILED'))
          : await once(`ict:${ictBystander(cell.organization)}`, () =>
              ictComplaintBy(ictBystander(cell.organization), 'FILED'),
            );
      return { id: ref.id };
    },
  },
  {
    operation: 'Mutation.fileIctComplaint',
    document: `mutation ($input: FileIctComplaintInput!) { fileIctComplaint(input: $input) { id } }`,
    allow: ICT_STAFF,
    variables: () => ({
      input: { unit: 'Sekretariat', problem: 'Koneksi internet ruang rapat terputus-putus.' },
    }),
  },
  caseStep({
    operation: 'Mutation.routeIctComplaint',
    document: `mutation ($id: ID!, $officerId: ID!, $revision: Int!) { routeIctComplaint(id: $id, officerId: $officerId, revision: $revision) { id } }`,
    allow: ['pengelola-tik'],
    across: ['pengelola-tik'],
    fresh: (cell) =>
      ictComplaintBy(
        cell.target === 'own' ? 'super-admin' : ictBystander(cell.organization),
        'FILED',
      ),
    refused: (organizationCode) => ictComplaintBy(ictBystander(organizationCode), 'FILED'),
    extra: () => ({ officerId: routingTargets.ict }),
  }),
  caseStep({
    operation: 'Mutation.resolveIctComplaint',
    document: `mutation ($id: ID!, $revision: Int!) { resolveIctComplaint(id: $id, handling: "Kabel jaringan diganti.", revision: $revision) { id } }`,
    allow: ['petugas-tik'],
    fresh: () => ictComplaintBy('pengelola-tik', 'HANDLING'),
    // Not routed: the only ICT officer takes no part in it.
    refused: (organizationCode) => ictComplaintBy(ictBystander(organizationCode), 'FILED'),
  }),
  caseStep({
    operation: 'Mutation.confirmIctResolution',
    document: `mutation ($id: ID!, $revision: Int!) { confirmIctResolution(id: $id, solved: true, revision: $revision) { id } }`,
    allow: ICT_STAFF,
    fresh: perCaller('confirm', ICT_STAFF, (complainant) =>
      ictComplaintBy(complainant, 'AWAITING_CONFIRMATION'),
    ),
    // Awaiting confirmation: the readers across agencies meet the complainant check itself.
    refused: (organizationCode) =>
      ictComplaintBy(ictBystander(organizationCode), 'AWAITING_CONFIRMATION'),
  }),
  caseStep({
    operation: 'Mutation.documentIctResult',
    document: `mutation ($id: ID!, $revision: Int!) { documentIctResult(id: $id, followUp: "Dilaporkan ke pengelola TIK.", revision: $revision) { id } }`,
    allow: ['petugas-tik'],
    fresh: () => ictComplaintBy('pengelola-tik', 'SOLVED'),
    refused: (organizationCode) => ictComplaintBy(ictBystander(organizationCode), 'FILED'),
  }),

  // --- Pengaduan masyarakat ---
  {
    operation: 'Query.publicComplaints',
    document: `query ($organizationCode: String) { publicComplaints(organizationCode: $organizationCode, first: 100) { edges { node { organizationCode } } } }`,
    allow: COMPLAINT_READERS,
    organization: { across: LEADERS },
    visible: nodesOf('publicComplaints', (node) => [node.organizationCode as string]),
    variables: (cell) => ({ organizationCode: cell.organization }),
  },
  {
    operation: 'Query.publicComplaint',
    document: `query ($id: ID!) { publicComplaint(id: $id) { id } }`,
    allow: COMPLAINT_READERS,
    organization: { across: LEADERS },
    hidden: hiddenWhenNull('publicComplaint'),
    variables: async (cell) => ({
      id: (await complaintOf(readTarget(cell, COMPLAINT_READERS))).id,
    }),
  },
  {
    operation: 'Query.trackPublicComplaint',
    document: `query ($code: String!) { trackPublicComplaint(trackingCode: $code) { number } }`,
    allow: 'public',
    variables: async () => ({ code: (await complaintOf('DPUPR')).trackingCode }),
  },
  {
    operation: 'Query.complaintCategories',
    document: `query { complaintCategories { code } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.complaintServiceOptions',
    document: `query { complaintServiceOptions(organizationCode: "DPUPR") { id } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Query.complaintOrganizations',
    document: `query { complaintOrganizations { code } }`,
    allow: 'public',
    variables: () => ({}),
  },
  {
    operation: 'Mutation.filePublicComplaint',
    document: `mutation ($input: FilePublicComplaintInput!) { filePublicComplaint(input: $input) { number } }`,
    allow: 'public',
    variables: () => ({
      input: {
        title: 'Pengaduan matriks otorisasi',
        description: 'Lampu penerangan jalan di depan puskesmas padam sepekan.',
        categoryCode: 'KESEHATAN',
        anonymous: true,
        submissionId: randomUUID(),
      },
    }),
  },
  {
    operation: 'Mutation.replyToPublicComplaint',
    document: `mutation ($code: String!) { replyToPublicComplaint(trackingCode: $code, message: "Jawaban belum menjawab keluhan saya.") { number } }`,
    allow: 'public',
    // Whoever holds the code acts for the citizen, signed in or not. One answered complaint: the
    // first cell replies, the others find it already in follow-up (CONFLICT, not a refusal).
    variables: async () => ({
      code: (await once('reply', () => complaintTo('DPUPR', 'ANSWERED'))).trackingCode,
    }),
  },
  {
    operation: 'Mutation.ratePublicComplaint',
    document: `mutation ($code: String!) { ratePublicComplaint(trackingCode: $code, rating: 4) { number } }`,
    allow: 'public',
    variables: async () => ({
      code: (await once('rate', () => complaintTo('DPUPR', 'ANSWERED'))).trackingCode,
    }),
  },
  // UU 27/2022: the tracking code proves the data subject; ACCESS changes nothing.
  {
    operation: 'Mutation.requestComplaintPersonalData',
    document: `mutation ($code: String!) { requestComplaintPersonalData(input: { trackingCode: $code, kind: ACCESS }) { requestNumber } }`,
    allow: 'public',
    variables: async () => ({ code: (await complaintOf('DPUPR')).trackingCode }),
  },
  {
    operation: 'Query.personalDataRequests',
    document: `query ($organizationCode: String) { personalDataRequests(organizationCode: $organizationCode) { organizationCode } }`,
    allow: COMPLAINT_READERS,
    organization: { across: LEADERS },
    visible: (data) =>
      ((data.personalDataRequests as { organizationCode: string }[] | null) ?? []).map(
        (request) => [request.organizationCode],
      ),
    variables: (cell) => ({ organizationCode: cell.organization }),
  },
  caseStep({
    operation: 'Mutation.verifyPublicComplaint',
    document: `mutation ($id: ID!, $revision: Int!) { verifyPublicComplaint(id: $id, decision: ACCEPT, revision: $revision) { id } }`,
    allow: COMPLAINT_HANDLERS,
    across: ['super-admin'],
    fresh: (cell) => complaintTo(cell.organization, 'SUBMITTED'),
    refused: (organizationCode) => complaintTo(organizationCode, 'SUBMITTED'),
  }),
  caseStep({
    operation: 'Mutation.reroutePublicComplaint',
    document: `mutation ($id: ID!, $organizationCode: String!, $revision: Int!) { reroutePublicComplaint(id: $id, organizationCode: $organizationCode, note: "Bukan kewenangan organisasi ini.", revision: $revision) { id } }`,
    allow: ['super-admin'],
    across: ['super-admin'],
    fresh: (cell) => complaintTo(cell.organization, 'SUBMITTED'),
    refused: (organizationCode) => complaintTo(organizationCode, 'SUBMITTED'),
    extra: (cell) => ({ organizationCode: cell.organization === 'DINKES' ? 'DPUPR' : 'DINKES' }),
  }),
  caseStep({
    operation: 'Mutation.answerPublicComplaint',
    document: `mutation ($id: ID!, $revision: Int!) { answerPublicComplaint(id: $id, answer: "Pengaduan sudah ditindaklanjuti petugas.", revision: $revision) { id } }`,
    allow: COMPLAINT_HANDLERS,
    across: ['super-admin'],
    fresh: (cell) => complaintTo(cell.organization, 'IN_FOLLOW_UP'),
    refused: (organizationCode) => complaintTo(organizationCode, 'IN_FOLLOW_UP'),
  }),

  // --- Petugas, kalender, kinerja, rekap, statistik ---
  {
    operation: 'Query.assignableStaff',
    document: `query ($flow: CaseFlow!, $organizationCode: String) { assignableStaff(flow: $flow, organizationCode: $organizationCode) { id } }`,
    allow: ['super-admin', 'pengelola-tik', 'pemberi-tugas'],
    // pemberi-tugas assigns only within its organization; ICT officers serve every agency.
    organization: { across: ['super-admin', 'pengelola-tik'] },
    variables: (cell) => ({
      flow: cell.caller === 'pengelola-tik' ? 'ICT_COMPLAINT' : 'WORK_ITEM',
      organizationCode: cell.organization,
    }),
  },
  {
    operation: 'Query.workingCalendar',
    document: `query { workingCalendar(year: 2026) { year } }`,
    allow: 'signed-in',
    variables: () => ({}),
  },
  {
    operation: 'Query.performancePoints',
    document: `query { performancePoints(period: "2026") { period } }`,
    // direktur and kasubdit: their organization's consultations and work items only.
    allow: [...RECAP_READERS, 'kasubdit'],
    variables: () => ({}),
  },
  {
    operation: 'Query.monthlyRecap',
    document: `query ($flow: CaseFlow!) { monthlyRecap(flow: $flow, month: "${ENDED_MONTH}") { month } }`,
    allow: RECAP_READERS,
    variables: (cell) => ({ flow: recapFlow(cell) }),
  },
  {
    operation: 'Query.publishedRecaps',
    document: `query { publishedRecaps { id } }`,
    allow: RECAP_READERS,
    variables: () => ({}),
  },
  {
    operation: 'Query.monthlyRecapFile',
    document: `query ($flow: CaseFlow!) { monthlyRecapFile(flow: $flow, month: "${ENDED_MONTH}", format: XLSX) { size } }`,
    allow: RECAP_READERS,
    variables: (cell) => ({ flow: recapFlow(cell) }),
  },
  {
    operation: 'Mutation.publishMonthlyRecap',
    document: `mutation ($flow: CaseFlow!) { publishMonthlyRecap(flow: $flow, month: "${ENDED_MONTH}") { id } }`,
    allow: RECAP_PUBLISHERS,
    variables: (cell) => ({ flow: recapFlow(cell) }),
  },
  {
    operation: 'Query.complaintStatistics',
    document: `query ($from: String!, $to: String!) { complaintStatistics(from: $from, to: $to) { from } }`,
    allow: 'public',
    variables: () => PERIOD,
  },
  {
    operation: 'Query.serviceTimeStatistics',
    document: `query ($from: String!, $to: String!) { serviceTimeStatistics(from: $from, to: $to) { flow } }`,
    allow: LEADERS,
    variables: () => PERIOD,
  },
  {
    operation: 'Query.statisticRecords',
    document: `query ($organizationCode: String!, $from: String!, $to: String!) { statisticRecords(flow: PUBLIC_COMPLAINT, organizationCode: $organizationCode, from: $from, to: $to) { id } }`,
    allow: LEADERS,
    organization: { across: LEADERS },
    variables: (cell) => ({ ...PERIOD, organizationCode: cell.organization }),
  },
  {
    operation: 'Mutation.importHolidays',
    document: `mutation { importHolidays(year: 2090, csv: "2090-01-02;libur-nasional;Libur uji matriks") { imported } }`,
    allow: ['super-admin'],
    variables: () => ({}),
  },
];

/** Dev users the cases are assigned to or reported by: the service must know them as staff. */
const STAFF = [
  'unit-kerja',
  'petugas-konsultasi',
  'kasubdit',
  'direktur',
  'pemberi-tugas',
  'pelaksana',
  'pelaksana-rsud',
  'petugas-tik',
  'super-admin',
  'pimpinan',
  'admin-opd',
];

export const consultationsMatrix: ServiceMatrix = {
  service: 'consultations',
  async prepare(stack) {
    services = stack.consultations.services;
    fixtures.clear();
    const directory = services.staff;
    // The staff directory learns the dev users from identity's start-up events.
    const ids = await Promise.all(STAFF.map(userId));
    await eventually(
      'pegawai dev dikenal layanan konsultasi',
      async () => {
        const known = await directory.many(ids);
        return ids.every((id) => known.get(id)?.organizationCode);
      },
      60_000,
    );
    routingTargets.consultation = await userId('petugas-konsultasi');
    routingTargets.ict = await userId('petugas-tik');
    routingTargets.workItem = await userId('unit-kerja');
    // The records the reads point at, in every organization a cell targets.
    await Promise.all([
      ...['DPUPR', 'RSUD', 'DISKOMINFO', 'SETDA'].map(consultationOf),
      ...['DPUPR', 'RSUD', 'DINKES', 'DISKOMINFO', 'SETDA'].map(complaintOf),
    ]);
  },
  entries,
};

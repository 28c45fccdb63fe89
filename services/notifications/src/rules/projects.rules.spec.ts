import {
  createEvent,
  eventSchemas,
  type EventDataInput,
  type EventEnvelope,
  type EventType,
} from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_RULES, SUBJECT_TRACKERS } from './index.js';
import type { NotificationRule } from './rule.js';
import { subjectDocumentsLink } from './text.js';

const project = {
  id: 'p-7',
  code: 'PIN-2025-001',
  name: 'Peningkatan Jalan Lingkar Barat Kota Jambi',
  fiscalYear: 2025,
  organizationCode: 'DPUPR',
  lenderOrganizationCode: 'PTSMI',
  managerOrganizationCode: 'BPKAD',
  stage: 'VERIFICATION',
};
const TITLE = 'PIN-2025-001 — Peningkatan Jalan Lingkar Barat Kota Jambi';
const PARTIES = [
  { kind: 'organization', code: 'DPUPR' },
  { kind: 'organization', code: 'BPKAD' },
  { kind: 'organization', code: 'PTSMI' },
];
const bpkadActor = {
  kind: 'user' as const,
  id: 'u-sari',
  name: 'Sari Wulandari',
  organization: 'BPKAD',
  roles: ['bpkad'],
};
const lenderActor = {
  kind: 'user' as const,
  id: 'u-rina',
  name: 'Rina',
  organization: 'PTSMI',
  roles: ['pemberi-pinjaman'],
};

function event<T extends EventType>(type: T, data: EventDataInput<T>): EventEnvelope<T> {
  return createEvent(type, data, {
    actor: { type: 'user', id: 'u-sari', org: 'BPKAD' },
    subject: { type: 'loanProject', id: project.id },
    org: 'DPUPR',
  });
}

const rulesOf = (type: EventType) => NOTIFICATION_RULES.filter((rule) => rule.on === type);
const rule = (id: string): NotificationRule => NOTIFICATION_RULES.find((entry) => entry.id === id)!;

/** Recipients and content of one rule for one event, as the engine would use them. */
function outcome(id: string, envelope: EventEnvelope) {
  const entry = rule(id);
  expect(entry, id).toBeDefined();
  expect(entry.on).toBe(envelope.type);
  return { recipients: entry.recipients(envelope), ...entry.content(envelope) };
}

const transition = {
  at: '2025-08-14T02:30:00.000Z',
  note: null,
};

const tranche = (
  type:
    | 'projects.tranche.requested'
    | 'projects.tranche.approved'
    | 'projects.tranche.rejected'
    | 'projects.tranche.disbursed',
  name: string,
  extra: Partial<EventDataInput<'projects.tranche.requested'>> = {},
) =>
  event(type, {
    workflow: 'disbursement-tranche',
    subjectId: 't-1',
    transition: name,
    from: 'PLANNED',
    to: 'REQUESTED',
    actor: bpkadActor,
    ...transition,
    project,
    tranche: {
      id: 't-1',
      sequence: 1,
      name: 'Uang muka',
      plannedAmount: 2_500_000_000,
      disbursedAmount: null,
      disbursedOn: null,
    },
    ...extra,
  });

const submitted = (behindPlan: boolean) =>
  event('projects.progress.submitted', {
    project,
    reportId: 'r-1',
    period: '2025-08',
    physicalPercent: 42.5,
    financialPercent: 30,
    plannedPhysicalPercent: behindPlan ? 60 : 40,
    behindPlan,
    submittedBy: { id: 'u-budi', name: 'Budi Santoso', organizationCode: 'DPUPR' },
  });

describe('projects rules', () => {
  it('cover every projects event type', () => {
    const types = Object.keys(eventSchemas).filter((type) => type.startsWith('projects.'));
    expect(types.length).toBeGreaterThan(10);
    for (const type of types) {
      expect(rulesOf(type as EventType).length, type).toBeGreaterThan(0);
    }
  });

  it('tell the executing organization of a new project', () => {
    expect(
      outcome(
        'project-created',
        event('projects.project.created', {
          project: { ...project, stage: 'DRAFT' },
          amount: 12_500_000_000,
        }),
      ),
    ).toEqual({
      recipients: [{ kind: 'organization', code: 'DPUPR' }],
      category: 'PROYEK',
      title: 'Usulan proyek pinjaman baru',
      body: `Proyek ${TITLE} (tahun anggaran 2025, Rp12.500.000.000) dicatat untuk organisasi Anda dengan pemberi pinjaman PTSMI.`,
      link: '/proyek/p-7',
      subject: { type: 'LoanProject', id: 'p-7' },
      threadId: null,
    });
  });

  it('tell the three parties of changed loan terms only, not of everyday edits', () => {
    const terms = event('projects.project.updated', {
      project,
      fields: ['description', 'amount', 'lenderOrganizationCode'],
    });
    const edit = event('projects.project.updated', {
      project,
      fields: ['description', 'locations', 'planningCodes'],
    });
    const entry = rule('project-terms-changed');
    expect(entry.when?.(edit)).toBe(false);
    expect(entry.when?.(terms)).toBe(true);
    expect(outcome('project-terms-changed', terms)).toMatchObject({
      recipients: PARTIES,
      title: 'Data pokok proyek pinjaman diubah',
      body: `Pada proyek ${TITLE} diubah: jumlah pinjaman, pemberi pinjaman.`,
      link: '/proyek/p-7',
    });
  });

  it('tell the three parties of a stage change, with its note and the tab to act on', () => {
    const changed = event('projects.project.stageChanged', {
      workflow: 'loan-project',
      subjectId: project.id,
      transition: 'startVerification',
      from: 'DOCUMENT_SUBMISSION',
      to: 'VERIFICATION',
      actor: bpkadActor,
      at: transition.at,
      note: 'Semua dokumen lengkap',
      project,
    });
    expect(outcome('project-stage-changed', changed)).toEqual({
      recipients: PARTIES,
      category: 'PROYEK',
      title: 'Tahap proyek: Verifikasi',
      body: `Proyek ${TITLE} berpindah dari tahap Pengajuan Dokumen ke Verifikasi oleh Sari Wulandari (BPKAD). Catatan: "Semua dokumen lengkap" Dokumen persyaratan menunggu verifikasi pemberi pinjaman.`,
      link: '/proyek/p-7?tab=dokumen',
      subject: { type: 'LoanProject', id: 'p-7' },
      threadId: null,
    });
    const approved = event('projects.project.stageChanged', {
      workflow: 'loan-project',
      subjectId: project.id,
      transition: 'approve',
      from: 'VERIFICATION',
      to: 'APPROVED',
      actor: lenderActor,
      at: transition.at,
      note: null,
      project: { ...project, stage: 'APPROVED' },
    });
    expect(outcome('project-stage-changed', approved)).toMatchObject({
      title: 'Pinjaman proyek disetujui',
      body: `Proyek ${TITLE} berpindah dari tahap Verifikasi ke Disetujui oleh Rina (PTSMI). Perjanjian pinjaman yang ditandatangani dapat dicatat.`,
    });
    // A stage the service takes itself (first disbursement) names no person.
    const automatic = event('projects.project.stageChanged', {
      workflow: 'loan-project',
      subjectId: project.id,
      transition: 'startDisbursement',
      from: 'AGREEMENT_SIGNED',
      to: 'DISBURSEMENT',
      actor: { kind: 'system', id: 'projects', name: null, organization: null, roles: [] },
      at: transition.at,
      note: null,
      project,
    });
    expect(outcome('project-stage-changed', automatic)).toMatchObject({
      title: 'Tahap proyek: Pencairan',
      body: `Proyek ${TITLE} berpindah dari tahap Perjanjian Ditandatangani ke Pencairan oleh Sistem.`,
      link: '/proyek/p-7?tab=pencairan',
    });
  });

  it('tell the executing organization and the lender of a recorded agreement', () => {
    expect(
      outcome(
        'project-agreement-recorded',
        event('projects.agreement.recorded', {
          project,
          documentId: 'd-1',
          number: 'PERJ-123/PTSMI/2025',
          signedOn: '2025-09-01',
        }),
      ),
    ).toMatchObject({
      recipients: [
        { kind: 'organization', code: 'DPUPR' },
        { kind: 'organization', code: 'PTSMI' },
      ],
      title: 'Perjanjian pinjaman dicatat',
      body: `Perjanjian pinjaman nomor PERJ-123/PTSMI/2025 tanggal 1 September 2025 dicatat untuk proyek ${TITLE}.`,
      link: '/proyek/p-7',
    });
  });

  it('send a tranche request to the lender and its outcome to BPKAD and the agency', () => {
    expect(
      outcome('tranche-requested', tranche('projects.tranche.requested', 'request')),
    ).toMatchObject({
      recipients: [{ kind: 'organization', code: 'PTSMI' }],
      title: 'Pengajuan pencairan termin',
      body: `Sari Wulandari (BPKAD) mengajukan pencairan termin 1 "Uang muka" sebesar Rp2.500.000.000 untuk proyek ${TITLE} dan menunggu persetujuan Anda.`,
      link: '/proyek/p-7?tab=pencairan',
    });
    const bpkadAndAgency = [
      { kind: 'organization', code: 'BPKAD' },
      { kind: 'organization', code: 'DPUPR' },
    ];
    expect(
      outcome(
        'tranche-approved',
        tranche('projects.tranche.approved', 'approve', { actor: lenderActor }),
      ),
    ).toMatchObject({
      recipients: bpkadAndAgency,
      title: 'Pencairan termin disetujui',
      body: `Pencairan termin 1 "Uang muka" sebesar Rp2.500.000.000 untuk proyek ${TITLE} disetujui oleh Rina (PTSMI).`,
    });
    expect(
      outcome(
        'tranche-rejected',
        tranche('projects.tranche.rejected', 'reject', {
          actor: lenderActor,
          note: 'MC-0 belum disetujui',
        }),
      ),
    ).toMatchObject({
      recipients: bpkadAndAgency,
      title: 'Pengajuan pencairan termin ditolak',
      body: `Rina (PTSMI) menolak pengajuan pencairan termin 1 "Uang muka" untuk proyek ${TITLE}. Catatan: "MC-0 belum disetujui"`,
    });
    expect(
      outcome(
        'tranche-disbursed',
        tranche('projects.tranche.disbursed', 'disburse', {
          actor: lenderActor,
          tranche: {
            id: 't-1',
            sequence: 1,
            name: 'Uang muka',
            plannedAmount: 2_500_000_000,
            disbursedAmount: 2_400_000_000,
            disbursedOn: '2025-10-03',
          },
        }),
      ),
    ).toMatchObject({
      recipients: bpkadAndAgency,
      title: 'Termin pinjaman dicairkan',
      body: `Rp2.400.000.000 untuk termin 1 "Uang muka" proyek ${TITLE} telah dicairkan pada 3 Oktober 2025.`,
      link: '/proyek/p-7?tab=pencairan',
    });
  });

  it('send a progress report to BPKAD, and warn the leaders when it is behind plan', () => {
    expect(outcome('progress-submitted', submitted(false))).toEqual({
      recipients: [{ kind: 'organization', code: 'BPKAD' }],
      category: 'PROYEK',
      title: 'Laporan kemajuan Agustus 2025 menunggu pemeriksaan',
      body: `Budi Santoso (DPUPR) melaporkan kemajuan fisik 42,5% dan keuangan 30% untuk proyek ${TITLE}.`,
      link: '/proyek/p-7?tab=progres',
      subject: { type: 'LoanProject', id: 'p-7' },
      threadId: null,
    });
    expect(rule('progress-behind-plan').when?.(submitted(false))).toBe(false);
    expect(outcome('progress-submitted', submitted(true)).body).toBe(
      `Budi Santoso (DPUPR) melaporkan kemajuan fisik 42,5% dan keuangan 30% untuk proyek ${TITLE}. Terlambat dari rencana fisik 60%.`,
    );
    expect(rule('progress-behind-plan').when?.(submitted(true))).toBe(true);
    expect(outcome('progress-behind-plan', submitted(true))).toMatchObject({
      recipients: [{ kind: 'role', role: 'pimpinan' }],
      title: 'Proyek pinjaman terlambat dari rencana',
      body: `Proyek ${TITLE} (DPUPR) baru mencapai kemajuan fisik 42,5% dari rencana 60% pada periode Agustus 2025.`,
      link: '/proyek/p-7?tab=progres',
    });
  });

  it('tell the submitter how the report was reviewed', () => {
    const reviewed = (decision: 'ACCEPT' | 'REQUEST_REVISION', note: string | null) =>
      event('projects.progress.reviewed', {
        project,
        reportId: 'r-1',
        period: '2025-08',
        decision,
        note,
        reviewedBy: { id: 'u-sari', name: 'Sari Wulandari', organizationCode: 'BPKAD' },
        submittedById: 'u-budi',
      });
    expect(outcome('progress-reviewed', reviewed('ACCEPT', null))).toMatchObject({
      recipients: [{ kind: 'user', id: 'u-budi' }],
      title: 'Laporan kemajuan diterima',
      body: `Laporan kemajuan Agustus 2025 untuk proyek ${TITLE} diterima BPKAD.`,
    });
    expect(
      outcome('progress-reviewed', reviewed('REQUEST_REVISION', 'Foto lokasi STA 2+100 kabur')),
    ).toMatchObject({
      recipients: [{ kind: 'user', id: 'u-budi' }],
      title: 'Laporan kemajuan perlu diperbaiki',
      body: `BPKAD meminta perbaikan laporan kemajuan Agustus 2025 untuk proyek ${TITLE}. Catatan: "Foto lokasi STA 2+100 kabur" Ajukan laporan yang sudah diperbaiki.`,
      link: '/proyek/p-7?tab=progres',
    });
  });

  it('tell the other planning-code managers of an import that changed codes', () => {
    const imported = (accepted: number, rejected: number) =>
      event('projects.planningCodes.imported', {
        importId: 'i-1',
        versionId: 'kepmendagri-050-5889-2021',
        kind: 'NOMENCLATURE',
        accepted,
        rejected,
      });
    expect(rule('planning-codes-imported').when?.(imported(0, 4))).toBe(false);
    expect(outcome('planning-codes-imported', imported(120, 3))).toEqual({
      recipients: [
        { kind: 'role', role: 'bpkad' },
        { kind: 'role', role: 'super-admin' },
      ],
      category: 'PROYEK',
      title: 'Impor kode perencanaan',
      body: '120 kode perencanaan diimpor ke versi kepmendagri-050-5889-2021, 3 baris ditolak.',
      link: '/kode-perencanaan',
      subject: { type: 'PlanningCodeVersion', id: 'kepmendagri-050-5889-2021' },
      threadId: null,
    });
  });
});

describe('loan project subjects', () => {
  it('make the executing organization, the lender and BPKAD the parties of its thread', () => {
    for (const type of ['projects.project.created', 'projects.project.updated'] as const) {
      const tracker = SUBJECT_TRACKERS.find((entry) => entry.on === type)!;
      const envelope =
        type === 'projects.project.created'
          ? event(type, { project, amount: 1 })
          : event(type, { project, fields: ['lenderOrganizationCode'] });
      expect(tracker.facts(envelope)).toEqual({
        subject: { type: 'LoanProject', id: 'p-7' },
        title: `Proyek ${TITLE}`,
        link: '/proyek/p-7?tab=korespondensi',
        organizationCodes: ['DPUPR', 'PTSMI', 'BPKAD'],
        userIds: [],
      });
    }
  });

  it('send requirement notifications of a project to its "Dokumen Persyaratan" tab', () => {
    expect(subjectDocumentsLink({ type: 'LoanProject', id: 'p 7' })).toBe(
      '/proyek/p%207?tab=dokumen',
    );
    expect(subjectDocumentsLink({ type: 'Consultation', id: 'c-1' })).toBe(
      '/dokumen/subjek/Consultation/c-1',
    );
  });
});

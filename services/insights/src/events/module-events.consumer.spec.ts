import {
  createEvent,
  type AnyEventEnvelope,
  type EventDataInput,
  type EventType,
} from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import { MODULE_EVENT_SUBJECTS, outcomeOf, type EventNames } from './module-events.consumer.js';

const names: EventNames = {
  organization: (code) => ({ DINKES: 'Dinas Kesehatan', DPUPR: 'Dinas PUPR' })[code] ?? code,
  project: (id) => (id === 'p-1' ? { code: 'PIN-2026-001', name: 'Jalan Lingkar Barat' } : null),
};

function event<T extends EventType>(type: T, data: EventDataInput<T>): AnyEventEnvelope {
  return createEvent(type, data, {
    actor: { type: 'user', id: 'u-1', org: 'DPUPR' },
    subject: { type: 'x', id: 'x-1' },
    org: 'DPUPR',
    occurredAt: '2026-07-20T03:00:00.000Z',
  }) as AnyEventEnvelope;
}

const project = {
  id: 'p-1',
  code: 'PIN-2026-001',
  name: 'Jalan Lingkar Barat',
  fiscalYear: 2026,
  organizationCode: 'DPUPR',
  lenderOrganizationCode: 'PTSMI',
  managerOrganizationCode: 'BPKAD',
  stage: 'IMPLEMENTATION',
};
const actor = { kind: 'user' as const, id: 'u-1', name: 'Budi', organization: 'DPUPR', roles: [] };
const transition = {
  subjectId: 'r-1',
  transition: 'approve',
  from: 'UNDER_REVIEW',
  to: 'APPROVED',
  actor,
  at: '2026-07-20T03:00:00.000Z',
  note: null,
};
const requirement = (subject: { type: string; id: string }) => ({
  title: 'SPTJM Kepala Daerah',
  subject,
  group: null,
  uploaderOrganizationCode: 'DPUPR',
  reviewerOrganizationCodes: ['BPKAD'],
  requesterOrganizationCode: 'BPKAD',
  currentReviewerOrganizationCode: null,
  documentId: 'd-1',
  documentVersion: 1,
  dueDate: null,
});
const caseFacts = {
  id: 'c-31',
  flow: 'PUBLIC_COMPLAINT' as const,
  number: 'ADU-2026-00031',
  title: 'Keluhan atas nama Siti Aminah',
  organizationCode: 'DINKES',
  handlerOrganizationCode: null,
  requesterId: null,
  assigneeId: null,
  assigneeName: null,
  status: 'DITERIMA',
  statusLabel: 'Diterima',
  dueAt: null,
  dueDate: null,
  attachmentFileIds: [],
  link: '/pengaduan/c-31',
};

describe('activity of module events', () => {
  it('tells of a progress report against its plan and raises the behind-plan alert', () => {
    const outcome = outcomeOf(
      event('projects.progress.submitted', {
        project,
        reportId: 'rep-1',
        period: '2026-07',
        physicalPercent: 40,
        financialPercent: 35,
        plannedPhysicalPercent: 55,
        behindPlan: true,
        submittedBy: { id: 'u-1', name: 'Budi', organizationCode: 'DPUPR' },
      }),
      names,
    );
    expect(outcome.activity).toMatchObject({
      module: 'SIPOPI',
      title:
        'Laporan kemajuan «Jalan Lingkar Barat» (PIN-2026-001) Juli 2026: fisik 40% (rencana 55%)',
      organizationCode: 'DPUPR',
      href: '/proyek/p-1?tab=progres',
      occurredAt: new Date('2026-07-20T03:00:00.000Z'),
    });
    expect(outcome.alert?.id).toBe('PROJECT_BEHIND_PLAN:p-1:2026-07');
  });

  it('names the stage, the tranche and the review of a project', () => {
    expect(
      outcomeOf(
        event('projects.project.stageChanged', {
          ...transition,
          workflow: 'loan-project',
          subjectId: 'p-1',
          from: 'APPROVED',
          to: 'AGREEMENT_SIGNED',
          project,
        }),
        names,
      ).activity?.title,
    ).toBe('Proyek «Jalan Lingkar Barat» (PIN-2026-001) memasuki tahap Perjanjian Ditandatangani');
    expect(
      outcomeOf(
        event('projects.tranche.disbursed', {
          ...transition,
          workflow: 'disbursement-tranche',
          project,
          tranche: {
            id: 't-2',
            sequence: 2,
            name: 'Termin 2',
            plannedAmount: 2_000_000_000,
            disbursedAmount: 1_950_000_000,
            disbursedOn: '2026-07-19',
          },
        }),
        names,
      ).activity,
    ).toMatchObject({
      title: 'Termin 2 proyek «Jalan Lingkar Barat» (PIN-2026-001) dicairkan: Rp1.950.000.000',
      href: '/proyek/p-1?tab=pencairan',
    });
  });

  it('names the loan project of an approved requirement', () => {
    const approved = (subject: { type: string; id: string }) =>
      outcomeOf(
        event('documents.requirement.approved', {
          ...transition,
          workflow: 'document-requirement',
          requirement: requirement(subject),
        }),
        names,
      ).activity;
    expect(approved({ type: 'LoanProject', id: 'p-1' })).toMatchObject({
      module: 'DOKUMEN',
      title: 'Persyaratan «SPTJM Kepala Daerah» proyek PIN-2026-001 disetujui',
      organizationCode: 'DPUPR',
      href: '/proyek/p-1?tab=dokumen',
    });
    expect(approved({ type: 'LoanProject', id: 'p-unknown' })?.title).toBe(
      'Persyaratan «SPTJM Kepala Daerah» proyek pinjaman disetujui',
    );
    expect(approved({ type: 'Meeting', id: 'm-1' })).toMatchObject({
      title: 'Persyaratan «SPTJM Kepala Daerah» disetujui',
      href: '/dokumen/subjek/Meeting/m-1',
    });
  });

  it('tells of a new public complaint by number and agency, never the complainant', () => {
    const outcome = outcomeOf(
      event('consultations.case.transitioned', {
        ...transition,
        workflow: 'public-complaint',
        subjectId: 'c-31',
        transition: 'create',
        from: 'BARU',
        to: 'DITERIMA',
        actor: { kind: 'public', id: 'anon', name: null, organization: null, roles: [] },
        case: caseFacts,
        pointsAwarded: 0,
      }),
      names,
    );
    expect(outcome.activity).toMatchObject({
      module: 'PENGADUAN',
      title: 'Pengaduan baru ADU-2026-00031 untuk Dinas Kesehatan',
      href: '/pengaduan/c-31',
    });
    expect(JSON.stringify(outcome)).not.toContain('Siti');
    expect(outcome.alert).toBeNull();
  });

  it('raises the overdue alert of a public complaint, not of a consultation', () => {
    const overdue = (flow: 'PUBLIC_COMPLAINT' | 'CONSULTATION') =>
      outcomeOf(
        event('consultations.case.overdue', {
          case: {
            ...caseFacts,
            flow,
            number: flow === 'CONSULTATION' ? 'KNS-2026-00004' : caseFacts.number,
          },
          step: 'DIVERIFIKASI',
          stepLabel: 'Tindak lanjut',
          dueAt: '2026-07-14T16:59:59.000+07:00',
          dueDate: '2026-07-14',
        }),
        names,
      );
    expect(overdue('PUBLIC_COMPLAINT').alert?.id).toBe('COMPLAINT_OVERDUE:c-31:DIVERIFIKASI');
    const consultation = overdue('CONSULTATION');
    expect(consultation.alert).toBeNull();
    expect(consultation.activity).toMatchObject({
      module: 'SI-KIMR',
      title:
        'Konsultasi KNS-2026-00004 (Dinas Kesehatan) melewati waktu layanan pada langkah «Tindak lanjut»',
    });
  });

  it('folds a service’s survey answers of one hour into one line and checks the IKM grade', () => {
    const answer = (submittedAt: string) =>
      outcomeOf(
        event('surveys.response.submitted', {
          responseId: crypto.randomUUID(),
          serviceId: 'svc-ktp',
          serviceName: 'Penerbitan KTP Elektronik',
          organizationCode: 'DUKCAPIL',
          questionnaireVersion: '1',
          scores: [3, 3, 3, 3, 3, 3, 3, 3, 3],
          profile: { gender: null, ageGroup: null, education: null, occupation: null },
          suggestion: null,
          channel: 'ONLINE',
          submittedAt,
        }),
        names,
      );
    const first = answer('2026-07-20T03:05:00.000Z');
    const second = answer('2026-07-20T03:55:00.000Z');
    expect(first.activity).toMatchObject({
      id: 'SURVEY:svc-ktp:2026-07-20T03',
      module: 'SIPUTRI',
      title: 'Tanggapan survei kepuasan baru untuk layanan «Penerbitan KTP Elektronik»',
      href: '/hasil-survei/DUKCAPIL',
    });
    expect(second.activity?.id).toBe(first.activity?.id);
    expect(first.ikmCheck).toEqual({
      organizationCode: 'DUKCAPIL',
      answeredAt: new Date('2026-07-20T03:05:00.000Z'),
    });
  });

  it('only clears the cache for events that show nothing', () => {
    const outcome = outcomeOf(
      event('identity.organization.profileUpdated', {
        organizationCode: 'DINKES',
        fields: ['latitude'],
      }),
      names,
    );
    expect(outcome).toEqual({ activity: null, alert: null, ikmCheck: null });
  });

  it('consume only the events the dashboard uses', () => {
    expect(MODULE_EVENT_SUBJECTS.surveys).toEqual([
      'sipadu.surveys.response.submitted',
      'sipadu.surveys.standard.published',
    ]);
    expect(MODULE_EVENT_SUBJECTS.documents).toEqual(['sipadu.documents.requirement.>']);
  });
});

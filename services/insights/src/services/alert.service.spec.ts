import type { EventData } from '@sipadu/events';
import { describe, expect, it } from 'vitest';
import {
  alertKey,
  complaintOverdueAlert,
  ikmGradeFellAlert,
  projectBehindPlanAlert,
} from './alert.service.js';
import type { OrganizationSatisfaction } from './owner-client.js';
import { parsePeriod } from './period.js';

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

const progress = (
  physicalPercent: number,
  plannedPhysicalPercent: number | null,
  behindPlan: boolean,
): EventData<'projects.progress.submitted'> => ({
  project,
  reportId: 'r-1',
  period: '2026-07',
  physicalPercent,
  financialPercent: 30,
  plannedPhysicalPercent,
  behindPlan,
  submittedBy: { id: 'u-1', name: 'Budi', organizationCode: 'DPUPR' },
});

const caseFacts = {
  id: 'c-31',
  flow: 'PUBLIC_COMPLAINT' as const,
  number: 'ADU-2026-00031',
  title: 'Keluhan pelayanan puskesmas oleh Ibu Siti',
  organizationCode: 'DINKES',
  handlerOrganizationCode: null,
  requesterId: null,
  assigneeId: null,
  assigneeName: null,
  status: 'DIVERIFIKASI',
  statusLabel: 'Diverifikasi',
  dueAt: null,
  dueDate: null,
  attachmentFileIds: [],
  link: '/pengaduan/c-31',
};

const overdue = (flow: typeof caseFacts.flow | 'CONSULTATION') =>
  ({
    case: { ...caseFacts, flow },
    step: 'DIVERIFIKASI',
    stepLabel: 'Tindak lanjut instansi',
    dueAt: '2026-07-14T16:59:59.000+07:00',
    dueDate: '2026-07-14',
  }) as EventData<'consultations.case.overdue'>;

const index = (grade: string | null, respondents: number, ikmConverted: number | null = null) =>
  ({
    organizationCode: 'DUKCAPIL',
    organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
    ikm: null,
    ikmConverted,
    grade,
    performance: null,
    respondents,
    sampleAdequate: null,
  }) satisfies OrganizationSatisfaction;

describe('alert keys', () => {
  it('name one cause each, so the same cause raises one alert', () => {
    expect(alertKey.projectBehindPlan('p-1', '2026-07')).toBe('PROJECT_BEHIND_PLAN:p-1:2026-07');
    expect(alertKey.complaintOverdue('c-31', 'DIVERIFIKASI')).toBe(
      'COMPLAINT_OVERDUE:c-31:DIVERIFIKASI',
    );
    expect(alertKey.ikmGradeFell('DUKCAPIL', '2026-Q3')).toBe('IKM_GRADE_FELL:DUKCAPIL:2026-Q3');
  });
});

describe('project behind plan', () => {
  it('is raised only for a report behind plan, severe from 20 points', () => {
    expect(projectBehindPlanAlert(progress(60, 55, false))).toBeNull();
    expect(projectBehindPlanAlert(progress(40, 55, true))).toEqual({
      id: 'PROJECT_BEHIND_PLAN:p-1:2026-07',
      kind: 'PROJECT_BEHIND_PLAN',
      severity: 'SEDANG',
      title: 'Proyek PIN-2026-001 di bawah rencana fisik',
      detail:
        'Laporan kemajuan Juli 2026 proyek «Jalan Lingkar Barat»: fisik 40% dari rencana 55% (selisih 15 poin).',
      organizationCode: 'DPUPR',
      reference: 'PIN-2026-001',
      href: '/proyek/p-1?tab=progres',
    });
    expect(projectBehindPlanAlert(progress(30.5, 55, true))).toMatchObject({
      severity: 'TINGGI',
      detail: expect.stringContaining('fisik 30,5% dari rencana 55% (selisih 24,5 poin)'),
    });
    expect(projectBehindPlanAlert(progress(30, null, true))?.detail).toContain(
      'fisik 30% di bawah rencana.',
    );
  });
});

describe('complaint overdue', () => {
  it('is raised for public complaints only, without the complaint’s words', () => {
    expect(complaintOverdueAlert(overdue('CONSULTATION'), 'Dinas Kesehatan')).toBeNull();
    const alert = complaintOverdueAlert(overdue('PUBLIC_COMPLAINT'), 'Dinas Kesehatan');
    expect(alert).toEqual({
      id: 'COMPLAINT_OVERDUE:c-31:DIVERIFIKASI',
      kind: 'COMPLAINT_OVERDUE',
      severity: 'TINGGI',
      title: 'Pengaduan ADU-2026-00031 melewati waktu layanan',
      detail:
        'Pengaduan masyarakat ADU-2026-00031 untuk Dinas Kesehatan belum selesai pada langkah «Tindak lanjut instansi» yang berbatas 14 Juli 2026.',
      organizationCode: 'DINKES',
      reference: 'ADU-2026-00031',
      href: '/pengaduan/c-31',
    });
    expect(JSON.stringify(alert)).not.toContain('Siti');
  });
});

describe('IKM grade fell', () => {
  const q3 = parsePeriod('2026-Q3');
  const q2 = parsePeriod('2026-Q2');

  it('is raised when the grade letter fell between quarters with respondents', () => {
    expect(
      ikmGradeFellAlert(
        { period: q3, index: index('C', 42, 70.1) },
        { period: q2, index: index('B', 60, 80.25) },
      ),
    ).toEqual({
      id: 'IKM_GRADE_FELL:DUKCAPIL:2026-Q3',
      kind: 'IKM_GRADE_FELL',
      severity: 'SEDANG',
      title: 'IKM Dinas Kependudukan dan Pencatatan Sipil turun ke mutu C',
      detail:
        'IKM Triwulan III 2026 70,10 (mutu C, 42 responden), turun dari mutu B 80,25 pada Triwulan II 2026.',
      organizationCode: 'DUKCAPIL',
      reference: '2026-Q3',
      href: '/hasil-survei/DUKCAPIL?tahun=2026&periode=Q3',
    });
    expect(
      ikmGradeFellAlert({ period: q3, index: index('D', 5) }, { period: q2, index: index('B', 9) })
        ?.severity,
    ).toBe('TINGGI');
  });

  it('stays quiet when the grade held or rose, or a quarter had no respondents', () => {
    const fell = (
      now: OrganizationSatisfaction | undefined,
      before: OrganizationSatisfaction | undefined,
    ) => ikmGradeFellAlert({ period: q3, index: now }, { period: q2, index: before });
    expect(fell(index('B', 10), index('B', 10))).toBeNull();
    expect(fell(index('A', 10), index('B', 10))).toBeNull();
    expect(fell(index('C', 10), index('B', 0))).toBeNull();
    expect(fell(index('C', 0), index('B', 10))).toBeNull();
    expect(fell(index(null, 0), index('B', 10))).toBeNull();
    expect(fell(undefined, index('B', 10))).toBeNull();
  });
});

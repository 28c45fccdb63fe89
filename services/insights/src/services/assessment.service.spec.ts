import type { Principal, Role } from '@sipadu/service-kit';
import { describe, expect, it } from 'vitest';
import type { ScoringMethodRecord } from '../models/scoring-method.model.js';
import { DEFAULT_METHOD } from '../scoring/default-method.js';
import { AssessmentService, projectRecord } from './assessment.service.js';
import {
  OwnerUnavailableError,
  type ComplaintStatisticRow,
  type LoanProjectSummary,
  type OwnerClient,
} from './owner-client.js';
import type { ScoringMethodService } from './scoring-method.service.js';

// The assessment over stand-in owners: which organizations, the weighted totals and ranks, a
// module that does not answer, the drill-down records and who sees what.

const { version, ...method } = DEFAULT_METHOD;
const record: ScoringMethodRecord = {
  _id: version,
  ...method,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  publishedBy: null,
  publishedById: null,
};
const scoringMethods = { currentRecord: async () => record } as unknown as ScoringMethodService;

const row = (code: string, over: Partial<ComplaintStatisticRow>): ComplaintStatisticRow => ({
  organizationCode: code,
  organizationName: code,
  received: 0,
  rejected: 0,
  answered: 0,
  answeredOnTime: 0,
  closed: 0,
  rated: 0,
  ratingSum: 0,
  averageRating: null,
  open: 0,
  overdue: 0,
  ...over,
});

const project = (id: string, behindPlan: boolean): LoanProjectSummary => ({
  id,
  code: `PIN-2026-${id}`,
  name: `Proyek ${id}`,
  fiscalYear: 2026,
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR',
  lenderOrganizationCode: 'PTSMI',
  lenderName: 'PT SMI',
  stage: 'IMPLEMENTATION',
  stageLabel: 'Pelaksanaan',
  amount: 1_000_000,
  physicalProgress: behindPlan ? 20 : 50,
  financialProgress: 10,
  behindPlan,
  progressPlan: [{ period: '2026-01', physicalPercent: 45 }],
});

function owners(down: Array<'surveys' | 'projects'> = []): OwnerClient {
  const unavailable = (module: 'surveys' | 'projects') => {
    if (down.includes(module)) throw new OwnerUnavailableError(module);
  };
  return {
    organizations: async () => [
      { code: 'DPUPR', name: 'Dinas PUPR', kind: 'DINAS', latitude: null, longitude: null },
      { code: 'RSUD', name: 'RSUD Abdul Manap', kind: 'RSUD', latitude: null, longitude: null },
      {
        code: 'INSPEKTORAT',
        name: 'Inspektorat',
        kind: 'INSPEKTORAT',
        latitude: null,
        longitude: null,
      },
      { code: 'PTSMI', name: 'PT SMI', kind: 'LENDER', latitude: null, longitude: null },
    ],
    organizationSatisfaction: async () => {
      unavailable('surveys');
      return [
        {
          organizationCode: 'DPUPR',
          organizationName: 'Dinas PUPR',
          ikm: 3.1,
          ikmConverted: 77.5,
          grade: 'B',
          performance: 'Baik',
          respondents: 40,
          sampleAdequate: true,
        },
        {
          organizationCode: 'RSUD',
          organizationName: 'RSUD',
          ikm: 3.7,
          ikmConverted: 92.5,
          grade: 'A',
          performance: 'Sangat Baik',
          respondents: 80,
          sampleAdequate: true,
        },
      ];
    },
    complaintStatistics: async (from: string, to: string) => ({
      from,
      to,
      total: row('', {}),
      organizations: [
        row('DPUPR', { received: 4, answeredOnTime: 2, closed: 2, rated: 0 }),
        row('RSUD', {
          received: 2,
          answeredOnTime: 2,
          closed: 2,
          rated: 2,
          ratingSum: 10,
          averageRating: 5,
        }),
      ],
      months: [],
    }),
    serviceTimeStatistics: async () => [
      {
        flow: 'CONSULTATION' as const,
        organizationCode: 'DPUPR',
        organizationName: 'Dinas PUPR',
        received: 2,
        completed: 2,
        completedOnTime: 1,
        open: 0,
        overdue: 0,
      },
    ],
    loanProjects: async () => {
      unavailable('projects');
      return [project('001', true), project('002', false)];
    },
    publishedServices: async () => [
      {
        id: 'svc-1',
        name: 'Izin Bangunan',
        category: 'Perizinan',
        organizationCode: 'DPUPR',
        organizationName: 'Dinas PUPR',
        version: 1,
        publishedAt: null,
        onlineServiceUrl: null,
      },
    ],
    serviceSatisfaction: async (ids: string[]) =>
      ids.map((serviceId) => ({
        serviceId,
        ikm: 2.5,
        ikmConverted: 62.5,
        grade: 'D',
        performance: 'Tidak Baik',
        respondents: 5,
      })),
    statisticRecords: async (flow: string) =>
      flow === 'PUBLIC_COMPLAINT'
        ? [
            {
              id: 'case-1',
              flow: 'PUBLIC_COMPLAINT' as const,
              number: 'ADU-2026-00001',
              title: 'Jalan rusak',
              status: 'DIJAWAB',
              statusLabel: 'Dijawab',
              receivedAt: '2026-02-01T00:00:00Z',
              completedAt: null,
              onTime: false,
              overdue: false,
              rating: null,
            },
          ]
        : [],
  } as unknown as OwnerClient;
}

const user = (role: Role, organizationCode: string | null): Principal => ({
  kind: 'user',
  id: role,
  username: role,
  name: role,
  email: null,
  organizationCode,
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: 0,
});
const client = (scopes: string[]): Principal => ({
  ...user('publik', null),
  kind: 'client',
  roles: [],
  scopes,
});

const service = (down: Array<'surveys' | 'projects'> = []) =>
  new AssessmentService({ owners: owners(down), scoringMethods, timeZone: 'Asia/Jakarta' });

describe('performance assessment', () => {
  it('ranks the Pemda organizations by the weighted total of the components with data', async () => {
    const list = await service().list('2026');
    expect(list.period.label).toBe('Tahun 2026');
    expect(list.method.version).toBe(1);
    expect(list.items.map((i) => [i.organizationCode, i.score, i.grade, i.rank])).toEqual([
      // RSUD: IKM (92,5−25)/75 = 90; complaints 100 → (90×35 + 100×30) ÷ 65 = 94,62.
      ['RSUD', 94.62, 'A', 1],
      // DPUPR: IKM 70; complaints (50×50 + 50×25) ÷ 75 = 50; time 50; projects 50.
      // (70×35 + 50×30 + 50×20 + 50×15) ÷ 100 = 57.
      ['DPUPR', 57, 'D', 2],
      ['INSPEKTORAT', null, null, null],
    ]);
    const inspektorat = list.items[2]!;
    expect(inspektorat.components.every((c) => c.score === null)).toBe(true);
  });

  it('shows but neither grades nor ranks a score built on too little of the method', async () => {
    const strict = { currentRecord: async () => ({ ...record, minimumCoverage: 70 }) };
    const list = await new AssessmentService({
      owners: owners(),
      scoringMethods: strict as unknown as ScoringMethodService,
      timeZone: 'Asia/Jakarta',
    }).list('2026');
    expect(
      list.items.map((i) => [
        i.organizationCode,
        i.score,
        i.coverage,
        i.grade,
        i.gradeLabel,
        i.rank,
      ]),
    ).toEqual([
      ['DPUPR', 57, 100, 'D', 'Tidak Baik', 1],
      // IKM and complaints carry 35 + 30 of the 100 weight points: below the 70 asked for.
      ['RSUD', 94.62, 65, null, 'Data belum cukup', null],
      ['INSPEKTORAT', null, 0, null, null, null],
    ]);
  });

  it('leaves a module that does not answer unscored, never zero', async () => {
    const list = await service(['surveys']).list('2026');
    const dpupr = list.items.find((i) => i.organizationCode === 'DPUPR')!;
    const satisfaction = dpupr.components.find((c) => c.key === 'SATISFACTION')!;
    expect(satisfaction.score).toBeNull();
    expect(satisfaction.explanation).toContain('tidak menjawab');
    // (50×30 + 50×20 + 50×15) ÷ 65
    expect(dpupr.score).toBe(50);
  });

  it('drills down to the records behind each component', async () => {
    const dpupr = (await service().one('DPUPR', '2026'))!;
    const records = (key: string) => dpupr.components.find((c) => c.key === key)!.records;
    expect(records('SATISFACTION')).toEqual([
      expect.objectContaining({
        kind: 'SERVICE_IKM',
        id: 'svc-1',
        negative: true,
        href: '/layanan/svc-1',
      }),
    ]);
    expect(records('COMPLAINT_HANDLING')).toEqual([
      expect.objectContaining({
        kind: 'PUBLIC_COMPLAINT',
        reference: 'ADU-2026-00001',
        negative: true,
        href: '/pengaduan/case-1',
      }),
    ]);
    expect(records('LOAN_PROJECT_DELAY').map((r) => [r.reference, r.negative, r.href])).toEqual([
      ['PIN-2026-001', true, '/proyek/001'],
      ['PIN-2026-002', false, '/proyek/002'],
    ]);
    expect(dpupr.rank).toBe(2);
    expect(await service().one('PTSMI', '2026')).toBeNull();
  });

  it('shows admin-opd only its organization, leaders and statistik partners all', async () => {
    const own = await service().listFor(user('admin-opd', 'DPUPR'), '2026');
    expect(own.items.map((i) => [i.organizationCode, i.rank])).toEqual([['DPUPR', 2]]);
    expect((await service().listFor(user('pimpinan', 'SETDA'), '2026')).items).toHaveLength(3);
    expect((await service().listFor(client(['sipadu:statistik']), '2026')).items).toHaveLength(3);
    await expect(service().listFor(user('publik', null), '2026')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(service().listFor(null, '2026')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(service().listFor(user('pimpinan', null), '2026-Q9')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('lets others read one organization only when it is theirs', async () => {
    await expect(
      service().oneFor(user('admin-opd', 'RSUD'), 'DPUPR', '2026'),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(
      await service().oneFor(user('evaluator', 'INSPEKTORAT'), 'DPUPR', '2026'),
    ).not.toBeNull();
    const partner = await service().oneFor(client(['sipadu:statistik']), 'DPUPR', '2026');
    expect(partner?.components.every((c) => c.records.length === 0)).toBe(true);
  });

  it('describes a project against the plan of the current month', () => {
    const line = projectRecord(
      project('001', true),
      'Asia/Jakarta',
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(line.detail).toBe('Pelaksanaan; fisik 20% dari rencana 45% — terlambat dari rencana');
  });
});

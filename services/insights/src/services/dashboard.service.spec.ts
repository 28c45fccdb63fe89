import type { Principal, Role } from '@sipadu/service-kit';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { PerformanceAssessment } from '../generated/graphql.js';
import type { ActivityService } from './activity.service.js';
import type { AlertService } from './alert.service.js';
import type { AssessmentService } from './assessment.service.js';
import { DashboardService, overdueCounts, trendMonths } from './dashboard.service.js';
import {
  OwnerUnavailableError,
  type LoanPortfolio,
  type OwnerClient,
  type OwnerModule,
  type ServiceTimeStatistic,
} from './owner-client.js';
import { parsePeriod } from './period.js';

const TZ = 'Asia/Jakarta';
/** 20 July 2026, 10.00 WIB. */
const NOW = new Date('2026-07-20T03:00:00.000Z');

const user = (role: Role): Principal => ({
  kind: 'user',
  id: `u-${role}`,
  username: role,
  name: role,
  email: null,
  organizationCode: 'SETDA',
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: 0,
});

const portfolio: LoanPortfolio = {
  fiscalYear: null,
  totals: {
    projectCount: 3,
    loanAmount: 300_000_000_000,
    approvedAmount: 200_000_000_000,
    disbursedAmount: 90_000_000_000,
    physicalRealisation: 40,
    financialRealisation: 30,
    behindPlanCount: 1,
  },
  byYear: [],
  byStage: [{ stage: 'IMPLEMENTATION', label: 'Pelaksanaan', count: 2, amount: 1 }],
  byOrganization: [],
  behindPlan: [
    {
      id: 'p-1',
      code: 'PIN-2026-001',
      name: 'Jalan Lingkar Barat',
      fiscalYear: 2026,
      organizationCode: 'DPUPR',
      organizationName: 'Dinas PUPR',
      lenderOrganizationCode: 'PTSMI',
      lenderName: 'PT SMI',
      stage: 'IMPLEMENTATION',
      stageLabel: 'Pelaksanaan',
      amount: 100,
      physicalProgress: 40,
      financialProgress: 30,
      behindPlan: true,
      progressPlan: [
        { period: '2026-06', physicalPercent: 50 },
        { period: '2026-07', physicalPercent: 55 },
        { period: '2026-08', physicalPercent: 70 },
      ],
    },
  ],
};

const serviceTimes: ServiceTimeStatistic[] = [
  {
    flow: 'PUBLIC_COMPLAINT',
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    received: 9,
    completed: 4,
    completedOnTime: 3,
    open: 5,
    overdue: 2,
  },
  {
    flow: 'CONSULTATION',
    organizationCode: 'DINKES',
    organizationName: 'Dinas Kesehatan',
    received: 3,
    completed: 1,
    completedOnTime: 1,
    open: 2,
    overdue: 1,
  },
  {
    flow: 'PUBLIC_COMPLAINT',
    organizationCode: 'DPUPR',
    organizationName: 'Dinas PUPR',
    received: 4,
    completed: 4,
    completedOnTime: 4,
    open: 0,
    overdue: 0,
  },
];

const ranking = [
  { organizationCode: 'DINKES', organizationName: 'Dinas Kesehatan', score: 81.5, grade: 'A' },
] as PerformanceAssessment[];

function service(down: readonly OwnerModule[] = []) {
  const calls: string[] = [];
  const answer = <T>(module: OwnerModule, value: T) => {
    calls.push(module);
    return down.includes(module)
      ? Promise.reject(new OwnerUnavailableError(module))
      : Promise.resolve(value);
  };
  const owners = {
    loanPortfolio: () => answer('projects', portfolio),
    organizations: () =>
      answer('identity', [
        {
          code: 'DINKES',
          name: 'Dinas Kesehatan',
          kind: 'OPD',
          latitude: -1.61,
          longitude: 103.61,
        },
        { code: 'DPUPR', name: 'Dinas PUPR', kind: 'OPD', latitude: null, longitude: null },
      ]),
    organizationSatisfaction: () =>
      answer('surveys', [
        {
          organizationCode: 'DINKES',
          organizationName: 'Dinas Kesehatan',
          ikm: 3.3,
          ikmConverted: 82.5,
          grade: 'B',
          performance: 'Baik',
          respondents: 40,
          sampleAdequate: true,
        },
      ]),
    complaintStatistics: (from: string, to: string) =>
      answer('consultations', {
        from,
        to,
        months: [{ month: '2026-07', received: 5, answered: 3, answeredOnTime: 2 }],
      }),
    serviceTimeStatistics: (from: string, to: string) => {
      calls.push(`serviceTime ${from} ${to}`);
      return answer('consultations', serviceTimes);
    },
    statisticRecords: (flow: string) =>
      answer(
        'consultations',
        flow === 'PUBLIC_COMPLAINT'
          ? [
              { number: 'ADU-2026-00009', overdue: true },
              { number: 'ADU-2026-00002', overdue: true },
              { number: 'ADU-2026-00003', overdue: false },
            ]
          : [{ number: 'KNS-2026-00001', overdue: true }],
      ),
  } as unknown as OwnerClient;
  const dashboard = new DashboardService({
    owners,
    assessments: {
      list: async () => ({ items: ranking }),
    } as unknown as AssessmentService,
    alerts: { list: async () => [] } as unknown as AlertService,
    activity: { latest: async () => [] } as unknown as ActivityService,
    timeZone: TZ,
    pemdaName: 'Pemerintah Kota Jambi',
  });
  return { dashboard, calls };
}

describe('leaders’ dashboard', () => {
  it('shows the current year from every module, joined for the map', async () => {
    const { dashboard, calls } = service();
    const result = await dashboard.get(null, user('pimpinan'), NOW);
    expect(result.period).toEqual(parsePeriod('2026'));
    expect(result.unavailable).toEqual([]);
    expect(result.portfolio).toMatchObject({
      projects: 3,
      totalAmount: 300_000_000_000,
      disbursedAmount: 90_000_000_000,
      behindPlan: 1,
      byStage: [{ key: 'IMPLEMENTATION', label: 'Pelaksanaan', count: 2 }],
      behindPlanProjects: [
        {
          kind: 'LOAN_PROJECT',
          id: 'p-1',
          reference: 'PIN-2026-001',
          title: 'Jalan Lingkar Barat',
          detail: 'Dinas PUPR: fisik 40% (rencana 55%)',
          negative: true,
          href: '/proyek/p-1?tab=progres',
        },
      ],
    });
    expect(result.map).toEqual([
      {
        organizationCode: 'DINKES',
        organizationName: 'Dinas Kesehatan',
        latitude: -1.61,
        longitude: 103.61,
        ikm: 82.5,
        ikmGrade: 'B',
        score: 81.5,
        grade: 'A',
      },
    ]);
    // Twelve months up to this month (the year's later months have not begun).
    expect(result.complaintTrend.map((point) => point.month)).toEqual(
      trendMonths(parsePeriod('2026'), NOW, TZ),
    );
    expect(result.complaintTrend.at(-1)).toEqual({
      month: '2026-07',
      received: 5,
      answered: 3,
      answeredOnTime: 2,
    });
    expect(result.overdueByOrganization).toEqual([
      {
        organizationCode: 'DINKES',
        organizationName: 'Dinas Kesehatan',
        count: 3,
        references: ['ADU-2026-00002', 'ADU-2026-00009', 'KNS-2026-00001'],
      },
    ]);
    expect(result.generatedAt).toBe(NOW.toISOString());
    // Open cases of the last years: the consultations service answers ranges under three years.
    expect(calls).toContain('serviceTime 2024-01-01 2026-07-20');
  });

  it('names modules that did not answer and leaves their sections empty', async () => {
    const { dashboard } = service(['consultations', 'surveys', 'projects']);
    const result = await dashboard.get('2026-Q2', user('super-admin'), NOW);
    expect(result.unavailable).toEqual(['consultations', 'projects', 'surveys']);
    expect(result.complaintTrend).toEqual([]);
    expect(result.overdueByOrganization).toEqual([]);
    expect(result.portfolio.behindPlanProjects).toEqual([]);
    expect(result.map[0]).toMatchObject({ ikm: null, ikmGrade: null, score: 81.5 });
  });

  it('is for leaders only', async () => {
    const { dashboard } = service();
    await expect(dashboard.get(null, user('admin-opd'), NOW)).rejects.toSatisfy(
      (error: GraphQLError) => error.extensions.code === 'FORBIDDEN',
    );
    await expect(dashboard.get('2026-X1', user('pimpinan'), NOW)).rejects.toSatisfy(
      (error: GraphQLError) => error.extensions.code === 'BAD_USER_INPUT',
    );
  });
});

describe('dashboard figures', () => {
  it('end the complaint trend at the period or this month, whichever is first', () => {
    expect(trendMonths(parsePeriod('2025-Q3'), NOW, TZ)).toEqual([
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
    ]);
    expect(trendMonths(parsePeriod('2026'), NOW, TZ).at(-1)).toBe('2026-07');
  });

  it('sum overdue cases over the flows per organization', () => {
    expect(overdueCounts(serviceTimes).map((row) => [row.organizationCode, row.count])).toEqual([
      ['DINKES', 3],
    ]);
  });
});

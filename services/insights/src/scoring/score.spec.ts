import { describe, expect, it } from 'vitest';
import type {
  ComplaintStatisticRow,
  LoanProjectSummary,
  ServiceTimeStatistic,
} from '../services/owner-client.js';
import { DEFAULT_METHOD, storedComponent, type StoredComponent } from './default-method.js';
import {
  assessedProjects,
  complaintHandlingComponent,
  coverageOf,
  gradeOf,
  loanProjectDelayComponent,
  ranks,
  satisfactionComponent,
  serviceTimeComponent,
  totalScore,
  unavailableComponent,
} from './score.js';

const component = (key: StoredComponent['key']) =>
  DEFAULT_METHOD.components.find((c) => c.key === key)!;

const complaints = (row: Partial<ComplaintStatisticRow>): ComplaintStatisticRow => ({
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR',
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
  ...row,
});

const serviceTime = (
  flow: ServiceTimeStatistic['flow'],
  completed: number,
  completedOnTime: number,
): ServiceTimeStatistic => ({
  flow,
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR',
  received: completed,
  completed,
  completedOnTime,
  open: 0,
  overdue: 0,
});

const project = (over: Partial<LoanProjectSummary>): LoanProjectSummary => ({
  id: 'p',
  code: 'PIN-2026-001',
  name: 'Jalan',
  fiscalYear: 2026,
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR',
  lenderOrganizationCode: 'PTSMI',
  lenderName: 'PT SMI',
  stage: 'IMPLEMENTATION',
  stageLabel: 'Pelaksanaan',
  amount: 1,
  physicalProgress: 10,
  financialProgress: 10,
  behindPlan: false,
  progressPlan: [],
  ...over,
});

describe('default method', () => {
  it('weighs 35/30/20/15 with the PermenPANRB 14/2017 bands', () => {
    expect(DEFAULT_METHOD.components.map((c) => [c.key, c.weight])).toEqual([
      ['SATISFACTION', 35],
      ['COMPLAINT_HANDLING', 30],
      ['SERVICE_TIME', 20],
      ['LOAN_PROJECT_DELAY', 15],
    ]);
    expect(DEFAULT_METHOD.grades.map((g) => [g.grade, g.minScore])).toEqual([
      ['A', 88.31],
      ['B', 76.61],
      ['C', 65],
      ['D', 0],
    ]);
  });
});

describe('component scores', () => {
  it('maps the converted IKM linearly from the floor', () => {
    const satisfaction = component('SATISFACTION');
    const index = {
      organizationCode: 'DPUPR',
      organizationName: 'Dinas PUPR',
      ikm: 3.3,
      ikmConverted: 82.5,
      grade: 'B',
      performance: 'Baik',
      respondents: 120,
      sampleAdequate: true,
    };
    const result = satisfactionComponent(satisfaction, index, 'Tahun 2026');
    expect(result.score).toBe(76.67); // (82,5 − 25) ÷ 75 × 100
    expect(result.explanation).toContain('82,5');
    expect(result.measures.find((m) => m.key === 'respondents')?.value).toBe(120);
    expect(satisfactionComponent(satisfaction, { ...index, ikmConverted: 25 }, '').score).toBe(0);
    expect(satisfactionComponent(satisfaction, { ...index, ikmConverted: 100 }, '').score).toBe(
      100,
    );
    const floor50 = storedComponent('SATISFACTION', 35, { ikmFloor: 50 });
    expect(satisfactionComponent(floor50, { ...index, ikmConverted: 40 }, '').score).toBe(0);
    expect(satisfactionComponent(floor50, { ...index, ikmConverted: 75 }, '').score).toBe(50);
    expect(satisfactionComponent(satisfaction, null, 'Tahun 2026').score).toBeNull();
    expect(
      satisfactionComponent(satisfaction, { ...index, ikm: null, ikmConverted: null }, '').score,
    ).toBeNull();
  });

  it('weighs on-time answers, closed share and the citizens rating', () => {
    const handling = component('COMPLAINT_HANDLING');
    // 8/10 on time = 80; 6/10 closed = 60; rating 4 → 75. (80×50 + 60×25 + 75×25) ÷ 100 = 73,75.
    const row = complaints({
      received: 10,
      answered: 9,
      answeredOnTime: 8,
      closed: 6,
      rated: 4,
      ratingSum: 16,
      averageRating: 4,
    });
    const result = complaintHandlingComponent(handling, row, 'Tahun 2026');
    expect(result.score).toBe(73.75);
    expect(result.explanation).toContain('8/10');
    // Without ratings the rating's weight drops out: (80×50 + 60×25) ÷ 75 = 73,33.
    expect(
      complaintHandlingComponent(
        handling,
        { ...row, rated: 0, ratingSum: 0, averageRating: null },
        '',
      ).score,
    ).toBe(73.33);
    expect(complaintHandlingComponent(handling, complaints({}), 'Tahun 2026').score).toBeNull();
    expect(complaintHandlingComponent(handling, null, 'Tahun 2026').score).toBeNull();
  });

  it('counts completed cases of the responsible organization, work items optional', () => {
    const serviceTimeComponentOf = component('SERVICE_TIME');
    const rows = [
      serviceTime('CONSULTATION', 4, 3),
      serviceTime('ICT_COMPLAINT', 2, 2),
      serviceTime('WORK_ITEM', 4, 1),
      serviceTime('PUBLIC_COMPLAINT', 10, 0),
    ];
    expect(serviceTimeComponent(serviceTimeComponentOf, rows, '').score).toBe(60); // 6/10
    const withoutWork = storedComponent('SERVICE_TIME', 20, { includeWorkItems: 0 });
    expect(serviceTimeComponent(withoutWork, rows, '').score).toBe(83.33); // 5/6
    expect(serviceTimeComponent(serviceTimeComponentOf, [], '').score).toBeNull();
  });

  it('scores loan projects under execution by the share not behind plan', () => {
    const projects = [
      project({ id: 'a', behindPlan: true }),
      project({ id: 'b' }),
      project({ id: 'c' }),
      project({ id: 'd', stage: 'COMPLETED' }),
      project({ id: 'e', stage: 'DRAFT', behindPlan: true }),
      project({ id: 'f', fiscalYear: 2027, behindPlan: true }),
      project({ id: 'g', organizationCode: 'RSUD', behindPlan: true }),
    ];
    const assessed = assessedProjects(projects, 'DPUPR', 2026);
    expect(assessed.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(loanProjectDelayComponent(assessed).score).toBe(75);
    expect(loanProjectDelayComponent([]).score).toBeNull();
  });

  it('says an unavailable module instead of scoring zero', () => {
    const result = unavailableComponent('SIPUTRI (survei kepuasan)');
    expect(result.score).toBeNull();
    expect(result.explanation).toContain('tidak menjawab');
  });
});

describe('total, grade and rank', () => {
  it('divides by the weights of the components with data only', () => {
    expect(
      totalScore([
        { score: 80, weight: 35 },
        { score: 60, weight: 30 },
        { score: null, weight: 20 },
        { score: 100, weight: 15 },
      ]),
    ).toBe(76.25); // (2800 + 1800 + 1500) ÷ 80
    expect(totalScore([{ score: null, weight: 50 }])).toBeNull();
    expect(totalScore([{ score: 90, weight: 0 }])).toBeNull();
  });

  it('measures the share of the weight that has data', () => {
    const components = [
      { score: 80, weight: 35 },
      { score: null, weight: 30 },
      { score: 40, weight: 20 },
      { score: null, weight: 15 },
    ];
    expect(coverageOf(components)).toBe(55);
    expect(coverageOf([{ score: null, weight: 100 }])).toBe(0);
    expect(coverageOf([])).toBe(0);
  });

  it('grades from the highest band down', () => {
    const grades = DEFAULT_METHOD.grades;
    expect(gradeOf(88.31, grades)?.grade).toBe('A');
    expect(gradeOf(88.3, grades)?.grade).toBe('B');
    expect(gradeOf(76.61, grades)?.label).toBe('Baik');
    expect(gradeOf(65, grades)?.grade).toBe('C');
    expect(gradeOf(0, grades)?.label).toBe('Tidak Baik');
    expect(gradeOf(null, grades)).toBeNull();
  });

  it('ranks ties equally and leaves unscored ones out', () => {
    expect(ranks([70, null, 90, 70, 50])).toEqual([2, null, 1, 2, 4]);
  });
});

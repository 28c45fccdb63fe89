import { inflateSync } from 'node:zlib';
import { PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '@sipadu/reports';
import type { Principal, Role } from '@sipadu/service-kit';
import ExcelJS from 'exceljs';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  GRADE_COLORS,
  elementNrrChart,
  formatDecimal,
  gradeColor,
  organizationIkmChart,
} from './element-chart.js';
import type { RecommendationView } from './recommendation.service.js';
import { indexOf } from './satisfaction-index.js';
import { SurveyReportService, rankOrganizations } from './survey-report.service.js';
import type { PeriodView, SatisfactionIndexView, SurveyElementView } from './types.js';

const NAMES = [
  'Persyaratan',
  'Sistem, Mekanisme, dan Prosedur',
  'Waktu Penyelesaian',
  'Biaya/Tarif',
  'Produk Spesifikasi Jenis Pelayanan',
  'Kompetensi Pelaksana',
  'Perilaku Pelaksana',
  'Penanganan Pengaduan, Saran dan Masukan',
  'Sarana dan Prasarana',
];
const ELEMENTS: SurveyElementView[] = NAMES.map((name, i) => ({
  code: `U${i + 1}`,
  order: i + 1,
  name,
  question: `Bagaimana pendapat Saudara tentang ${name.toLowerCase()}?`,
  labels: ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'],
}));

const period: PeriodView = {
  key: '2026-Q1',
  granularity: 'QUARTER',
  year: 2026,
  semester: null,
  quarter: 1,
  month: null,
  label: 'Triwulan I 2026',
};

/** An index view from per-element totals over `answers` respondents (null totals: none). */
function indexView(
  scope: SatisfactionIndexView['scope'],
  scopeId: string | null,
  scopeName: string,
  totals: number[] | null,
  answers: number,
  population: number | null = null,
): SatisfactionIndexView {
  const scores = ELEMENTS.map((element, i) => ({
    total: totals ? totals[i]! : 0,
    answers: totals ? answers : 0,
    element,
  }));
  const result = indexOf(scores);
  const minimumSample = population === null ? null : 80;
  return {
    scope,
    scopeId,
    scopeName,
    period,
    respondents: totals ? answers : 0,
    elements: scores.map((score, i) => ({
      element: score.element,
      total: score.total,
      answers: score.answers,
      nrr: result.nrrs[i] ?? null,
      weightedNrr: result.nrrs[i] == null ? null : result.nrrs[i]! / 9,
      distribution: [0, 0, 0, 0],
    })),
    ikm: result.ikm,
    ikmConverted: result.ikmConverted,
    grade: result.grade,
    performance: result.performance,
    population,
    minimumSample,
    sampleShortfall: minimumSample === null ? null : Math.max(0, minimumSample - answers),
    sampleAdequate: minimumSample === null ? null : answers >= minimumSample,
    profile: { gender: [], ageGroup: [], education: [], occupation: [] },
  };
}

// 100 respondents: NRR 3.20, 2.85, 2.40, 3.90, 3.10, 3.30, 3.45, 2.70, 3.00.
const dukcapil = indexView(
  'ORGANIZATION',
  'DISDUKCAPIL',
  'Dinas Kependudukan dan Pencatatan Sipil',
  [320, 285, 240, 390, 310, 330, 345, 270, 300],
  100,
  100,
);
const rsud = indexView(
  'ORGANIZATION',
  'RSUD',
  'RSUD Kayuagung',
  [140, 150, 130, 155, 150, 152, 158, 140, 150],
  40,
  1000,
);
const dpmptsp = indexView('ORGANIZATION', 'DPMPTSP', 'DPMPTSP', null, 0);
const pemda = indexView(
  'PEMDA',
  null,
  'Pemerintah Kabupaten Ogan Komering Ilir',
  [460, 435, 370, 545, 460, 482, 503, 410, 450],
  140,
  1100,
);

function user(roles: Role[], organizationCode: string | null, name: string | null = null) {
  return {
    kind: 'user',
    id: `${roles[0]}-${organizationCode}`,
    username: `${roles[0]}-${organizationCode}`.toLowerCase(),
    name,
    email: null,
    organizationCode,
    roles,
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: 0,
  } satisfies Principal;
}

const evaluator = user(['evaluator'], 'INSPEKTORAT', 'Rahmat Evaluator');
const adminDukcapil = user(['admin-opd'], 'DISDUKCAPIL');
const adminRsud = user(['admin-opd'], 'RSUD');
const pimpinan = user(['pimpinan'], 'SETDA');

const recommendation: RecommendationView = {
  id: 'r-1',
  organizationCode: 'DISDUKCAPIL',
  organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
  period,
  element: ELEMENTS[2]!,
  elementNrr: 2.4,
  ikmConverted: dukcapil.ikmConverted,
  grade: dukcapil.grade,
  text: 'Percepat penerbitan KTP-el dengan menambah petugas perekaman pada hari Senin.',
  priority: 'HIGH',
  dueDate: '2026-06-30',
  status: 'IN_PROGRESS',
  followUpPlan: 'Menambah dua petugas perekaman dan membuka loket sore.',
  progressPercent: 40,
  followUps: [
    {
      action: 'PLAN',
      fromStatus: 'OPEN',
      toStatus: 'PLANNED',
      plan: 'Menambah dua petugas perekaman dan membuka loket sore.',
      progressPercent: null,
      note: null,
      actor: { id: 'a', name: 'Sari', organizationCode: 'DISDUKCAPIL' },
      at: '2026-04-10T03:00:00.000Z',
    },
    {
      action: 'PROGRESS',
      fromStatus: 'PLANNED',
      toStatus: 'IN_PROGRESS',
      plan: null,
      progressPercent: 40,
      note: 'Satu petugas sudah ditempatkan.',
      actor: { id: 'a', name: 'Sari', organizationCode: 'DISDUKCAPIL' },
      at: '2026-05-02T03:00:00.000Z',
    },
  ],
  createdBy: { id: 'evaluator-INSPEKTORAT', name: 'Rahmat Evaluator', organizationCode: null },
  createdAt: '2026-04-05T02:00:00.000Z',
  updatedAt: '2026-05-02T03:00:00.000Z',
  availableActions: [],
};

const views = new Map([
  ['DISDUKCAPIL', dukcapil],
  ['RSUD', rsud],
  ['DPMPTSP', dpmptsp],
]);

const reports = new SurveyReportService({
  index: {
    index: async (scope, id) => (scope === 'PEMDA' ? pemda : views.get(id ?? '')!),
    // The index knows only the organizations with respondents; DPMPTSP comes from the directory.
    organizations: async () => [dukcapil, rsud],
  },
  recommendations: {
    timeZone: 'Asia/Jakarta',
    forReport: async (organizationCode) =>
      organizationCode === 'DISDUKCAPIL' ? [recommendation] : [],
  },
  organizations: {
    exists: async (code) => views.has(code),
    list: async () =>
      [...views.values()].map((view) => ({
        code: view.scopeId!,
        name: view.scopeName,
        kind: 'DINAS',
      })),
  },
  questionnaire: {
    current: async () => ({ version: '2017.1', elements: ELEMENTS, profileFields: [] }),
  },
});

const bars = (svg: string) =>
  Object.values(GRADE_COLORS).reduce(
    (sum, color) => sum + (svg.match(new RegExp(`<path[^>]*fill="${color}"`, 'g'))?.length ?? 0),
    0,
  );

/** Fills in a grade colour among the PDF's (deflated) content streams: the chart's bars. */
function gradeFills(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  const content = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
    .map((match) => {
      try {
        return inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('\n');
  return Object.values(GRADE_COLORS).reduce((sum, hex) => {
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).join(' ');
    return sum + content.split(`${rgb} scn`).length - 1;
  }, 0);
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: GraphQLError) => error.extensions?.code,
  );

describe('element chart (ECharts SVG on the server)', () => {
  it('draws one bar per element with its NRR to 2 decimals', () => {
    const svg = elementNrrChart(
      dukcapil.elements.map((score) => ({
        code: score.element.code,
        name: score.element.name,
        nrr: score.nrr,
      })),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(bars(svg)).toBe(9);
    for (const label of ['3,20', '2,85', '2,40', '3,90', '3,10', '3,30', '3,45', '2,70', '3,00']) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain('U9 Sarana dan Prasarana');
    // Colours follow the grade of NRR × 25: 3.90 → 97.5 (A), 2.40 → 60 (D).
    expect(gradeColor(97.5)).toBe(GRADE_COLORS.A);
    expect(gradeColor(60)).toBe(GRADE_COLORS.D);
    expect(gradeColor(88.305)).toBe(GRADE_COLORS.A);
    expect(gradeColor(88.30499)).toBe(GRADE_COLORS.B);
    expect(formatDecimal(3.255)).toBe('3,26');
  });

  it('draws the organizations with the Pemda line and no bar without respondents', () => {
    const svg = organizationIkmChart(
      rankOrganizations([dukcapil, rsud, dpmptsp]).map((line) => ({
        name: line.organization,
        ikmConverted: line.view.ikmConverted,
      })),
      { pemda: pemda.ikmConverted },
    );
    expect(bars(svg)).toBe(2);
    expect(svg).toContain(`Pemda ${formatDecimal(pemda.ikmConverted!)}`);
    expect(svg).toContain('RSUD Kayuagung');
  });
});

describe('recommendation report (PDF)', () => {
  it('prints an organization’s recommendations with the chart for its admin-opd and the evaluator', async () => {
    const file = await reports.recommendationReport(adminDukcapil, 'DISDUKCAPIL', {
      year: 2026,
      quarter: 1,
    });
    expect(file.filename).toBe('rekomendasi-skm-disdukcapil-2026-Q1.pdf');
    expect(file.contentType).toBe(PDF_CONTENT_TYPE);
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.size).toBe(pdf.length);
    // The chart is drawn into it as vectors: nine bars filled in grade colours.
    expect(gradeFills(pdf)).toBe(9);
    expect(await codeOf(reports.recommendationReport(evaluator, 'DISDUKCAPIL', period))).toBe('OK');
  });

  it('is refused to another organization’s admin-opd and for unknown organizations', async () => {
    expect(await codeOf(reports.recommendationReport(adminRsud, 'DISDUKCAPIL', period))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(reports.recommendationReport(null, 'DISDUKCAPIL', period))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await codeOf(reports.recommendationReport(evaluator, 'DINASX', period))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('satisfaction report for the head of region', () => {
  it('ranks the organizations, those without respondents last', () => {
    expect(
      rankOrganizations([dpmptsp, rsud, dukcapil]).map((line) => [line.rank, line.organization]),
    ).toEqual([
      [1, 'RSUD Kayuagung'],
      [2, 'Dinas Kependudukan dan Pencatatan Sipil'],
      [null, 'DPMPTSP'],
    ]);
  });

  it('exports every organization and the Pemda total to Excel', async () => {
    const file = await reports.satisfactionReport(pimpinan, period, 'XLSX');
    expect(file.filename).toBe('laporan-skm-2026-Q1.xlsx');
    expect(file.contentType).toBe(XLSX_CONTENT_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('IKM Organisasi')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      'Peringkat',
      'Kode',
      'Organisasi',
      'Responden',
      'Populasi',
      'Sampel Minimum',
      'Sampel Memadai',
      ...ELEMENTS.map((element) => `NRR ${element.code}`),
      'IKM (1–4)',
      'IKM Konversi',
      'Mutu',
      'Kinerja',
    ]);
    expect(sheet.rowCount).toBe(5);
    // RSUD: 40 respondents, NRRs 3.5, 3.75, 3.25, 3.875, 3.75, 3.8, 3.95, 3.5, 3.75 (sum 33.125):
    // IKM 3.6806, converted 92.01.
    expect(row(2).slice(0, 7)).toEqual([1, 'RSUD', 'RSUD Kayuagung', 40, 1000, 80, 'Tidak']);
    expect(row(2).slice(7, 16)).toEqual([3.5, 3.75, 3.25, 3.88, 3.75, 3.8, 3.95, 3.5, 3.75]);
    expect(row(2).slice(16)).toEqual([3.68, 92.01, 'A', 'Sangat Baik']);
    // DISDUKCAPIL: NRRs sum to 27.9, IKM 3.10, converted 77.50 (B).
    expect(row(3).slice(0, 7)).toEqual([
      2,
      'DISDUKCAPIL',
      'Dinas Kependudukan dan Pencatatan Sipil',
      100,
      100,
      80,
      'Ya',
    ]);
    expect(row(3).slice(16)).toEqual([3.1, 77.5, 'B', 'Baik']);
    expect(row(4).slice(1, 4)).toEqual(['DPMPTSP', 'DPMPTSP', 0]);
    expect(row(5).slice(1, 4)).toEqual(['PEMDA', 'Pemerintah Kabupaten Ogan Komering Ilir', 140]);
    expect(sheet.getRow(5).font?.bold).toBe(true);
  });

  it('prints the same as a PDF with the organizations chart', async () => {
    const file = await reports.satisfactionReport(evaluator, period, 'PDF');
    expect(file.filename).toBe('laporan-skm-2026-Q1.pdf');
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Two organizations with respondents: two bars.
    expect(gradeFills(pdf)).toBe(2);
  });

  it('is only for evaluator, pimpinan and super-admin', async () => {
    expect(await codeOf(reports.satisfactionReport(adminDukcapil, period, 'PDF'))).toBe(
      'FORBIDDEN',
    );
  });
});

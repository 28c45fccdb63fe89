import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  PDF_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  generatedFile,
  renderPdf,
  type GeneratedFile,
} from '@sipadu/reports';
import { notFound, type Principal } from '@sipadu/service-kit';
import { access } from '../access.js';
import {
  recommendationStatusLabel,
  type FollowUpAction,
} from '../workflows/recommendation.workflow.js';
import { elementNrrChart, formatDecimal, organizationIkmChart } from './element-chart.js';
import { parsePeriod } from './period.js';
import type { RecommendationView } from './recommendation.service.js';
import { gradeOf, round2 } from './satisfaction-index.js';
import type {
  IndexScope,
  PeriodInput,
  PeriodView,
  QuestionnaireView,
  SatisfactionIndexView,
} from './types.js';

/** A generated file as GraphQL returns it (SurveyReportFile). */
export type SurveyReportFile = GeneratedFile;

export type SurveyReportFormat = 'PDF' | 'XLSX';

export interface SurveyReportServiceOptions {
  index: {
    index(scope: IndexScope, id: string | null, period: PeriodView): Promise<SatisfactionIndexView>;
    organizations(period: PeriodView): Promise<SatisfactionIndexView[]>;
  };
  recommendations: {
    readonly timeZone: string;
    forReport(
      organizationCode: string,
      periodKey: string,
      principal: Principal,
    ): Promise<RecommendationView[]>;
  };
  organizations: {
    exists(code: string): Promise<boolean>;
    list(): Promise<{ code: string; name: string; kind: string }[]>;
  };
  questionnaire: { current(): Promise<QuestionnaireView> };
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

const PRIORITY_LABELS: Record<RecommendationView['priority'], string> = {
  HIGH: 'Tinggi',
  MEDIUM: 'Sedang',
  LOW: 'Rendah',
};

const ACTION_LABELS: Record<FollowUpAction, string> = {
  PLAN: 'Rencana tindak lanjut',
  PROGRESS: 'Laporan kemajuan',
  COMPLETE: 'Dinyatakan selesai',
  VERIFY: 'Diverifikasi evaluator',
  REOPEN: 'Dibuka kembali',
};

const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const dash = '–';
const num = (value: number | null | undefined) => (value == null ? dash : formatDecimal(value));
const count = (value: number | null | undefined) => (value == null ? dash : integer.format(value));

/** `2026-12-01` → `1 Desember 2026`. */
function calendarDate(isoDate: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The local date of an instant in the Pemda's zone, e.g. `30 November 2026`. */
function localLongDate(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

function printedAt(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "Memadai", "Belum memadai (kurang 12 responden)" or "Populasi belum dicatat". */
function adequacyText(view: SatisfactionIndexView): string {
  if (view.sampleAdequate === null || view.minimumSample === null) return 'Populasi belum dicatat';
  if (view.sampleAdequate) return 'Memadai';
  return `Belum memadai (kurang ${count(view.sampleShortfall)} responden)`;
}

const adequacyShort = (view: SatisfactionIndexView) =>
  view.sampleAdequate === null ? dash : view.sampleAdequate ? 'Ya' : 'Tidak';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 14, bold: true, alignment: 'center' },
  subtitle: { fontSize: 10, alignment: 'center', color: '#333333' },
  section: { fontSize: 11, bold: true, margin: [0, 14, 0, 6] },
  tableHeader: { bold: true, fillColor: '#e8eef5' },
  muted: { color: '#555555' },
};

const header = (labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, style: 'tableHeader' }));
const right = (text: string): TableCell => ({ text, alignment: 'right' });
const center = (text: string): TableCell => ({ text, alignment: 'center' });

function footer(timeZone: string, generatedAt: Date, margin: number) {
  return (page: number, pages: number): Content => ({
    columns: [
      { text: `Dicetak dari SIPADU, ${printedAt(generatedAt, timeZone)}`, fontSize: 7 },
      { text: `Halaman ${page} dari ${pages}`, alignment: 'right', fontSize: 7 },
    ],
    margin: [margin, 10, margin, 0],
  });
}

/**
 * Two signature columns: who acknowledges on the left ("Mengetahui,"), who signs on the right
 * under the place and date. Names left empty get a dotted line to sign over.
 */
function signatures(
  place: string,
  generatedAt: Date,
  timeZone: string,
  left: { role: string; name: string | null },
  rightSide: { role: string; name: string | null },
): Content {
  const block = (lead: string, role: string, name: string | null): Content => ({
    stack: [
      { text: lead },
      { text: role, margin: [0, 0, 0, 48] },
      { text: name ?? '(.................................................)', bold: true },
      { text: 'NIP. .........................................' },
    ],
    alignment: 'center',
  });
  const dated = [place, localLongDate(generatedAt, timeZone)].filter(Boolean).join(', ');
  return {
    columns: [
      block('Mengetahui,', left.role, left.name),
      block(dated, rightSide.role, rightSide.name),
    ],
    columnGap: 24,
    margin: [0, 24, 0, 0],
    unbreakable: true,
  };
}

function summaryTable(view: SatisfactionIndexView): Content {
  const rows: [string, string][] = [
    ['IKM (skala 1–4)', num(view.ikm)],
    ['Nilai konversi IKM (IKM × 25)', num(view.ikmConverted)],
    ['Mutu pelayanan', view.grade ?? dash],
    ['Kinerja unit pelayanan', view.performance ?? dash],
    ['Jumlah responden', count(view.respondents)],
    ['Populasi yang dilayani', count(view.population)],
    ['Sampel minimum (Krejcie & Morgan)', count(view.minimumSample)],
    ['Kecukupan sampel', adequacyText(view)],
  ];
  return {
    table: {
      widths: [200, '*'],
      body: rows.map(([label, value]) => [label, { text: value, bold: true }]),
    },
    layout: 'lightHorizontalLines',
  };
}

function elementTable(view: SatisfactionIndexView): Content {
  return {
    table: {
      headerRows: 1,
      widths: [28, '*', 50, 40, 50, 50, 32],
      body: [
        header(['Kode', 'Unsur', 'Jawaban', 'NRR', 'NRR tertimbang', 'Konversi', 'Mutu']),
        ...view.elements.map((score): TableCell[] => [
          score.element.code,
          score.element.name,
          right(count(score.answers)),
          right(num(score.nrr)),
          right(num(score.weightedNrr)),
          right(num(score.nrr === null ? null : score.nrr * 25)),
          center(score.nrr === null ? dash : gradeOf(score.nrr * 25).grade),
        ]),
        [
          { text: 'IKM', bold: true, colSpan: 3 },
          {},
          {},
          right(num(view.ikm)),
          right(num(view.ikm)),
          right(num(view.ikmConverted)),
          center(view.grade ?? dash),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

function recommendationBlock(
  recommendation: RecommendationView,
  position: number,
  timeZone: string,
): Content {
  const rows: [string, string][] = [
    ['Unsur', `${recommendation.element.code} ${recommendation.element.name}`],
    ['NRR unsur saat ditulis', num(recommendation.elementNrr)],
    ['Prioritas', PRIORITY_LABELS[recommendation.priority]],
    ['Tenggat', recommendation.dueDate ? calendarDate(recommendation.dueDate) : dash],
    ['Status', recommendationStatusLabel(recommendation.status)],
    ['Rencana tindak lanjut', recommendation.followUpPlan ?? 'Belum dicatat'],
    ['Kemajuan', `${recommendation.progressPercent}%`],
  ];
  const history = recommendation.followUps.map((entry) => {
    const details = [
      entry.plan,
      entry.progressPercent === null ? null : `${entry.progressPercent}%`,
      entry.note ? `Catatan: ${entry.note}` : null,
    ].filter(Boolean);
    const who = entry.actor.name ?? entry.actor.organizationCode ?? '';
    return `${localLongDate(entry.at, timeZone)} — ${ACTION_LABELS[entry.action]}${who ? ` oleh ${who}` : ''}${details.length > 0 ? `: ${details.join('; ')}` : ''}`;
  });
  return {
    stack: [
      {
        text: `${position}. ${recommendation.element.code} ${recommendation.element.name}`,
        bold: true,
        margin: [0, 8, 0, 3],
      },
      { text: recommendation.text, margin: [0, 0, 0, 4] },
      {
        table: { widths: [120, '*'], body: rows.map(([label, value]) => [label, value]) },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
      ...(history.length > 0
        ? [
            { text: 'Riwayat tindak lanjut', bold: true, fontSize: 8, margin: [0, 4, 0, 2] },
            { ul: history, fontSize: 8 },
          ]
        : []),
    ] as Content[],
  };
}

/** The recommendations of one organization for one period as an A4 portrait document. */
export function recommendationDocument(input: {
  view: SatisfactionIndexView;
  organizationCode: string;
  recommendations: readonly RecommendationView[];
  generatedAt: Date;
  timeZone: string;
  pemdaName?: string | null;
}): TDocumentDefinitions {
  const { view, recommendations, generatedAt, timeZone } = input;
  const chart = elementNrrChart(
    view.elements.map((score) => ({
      code: score.element.code,
      name: score.element.name,
      nrr: score.nrr,
    })),
  );
  const evaluators = [
    ...new Set(recommendations.map((r) => r.createdBy.name).filter((name) => name)),
  ] as string[];
  const title = 'Rekomendasi Hasil Survei Kepuasan Masyarakat';
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 44],
    info: { title: `${title} - ${view.scopeName} - ${view.period.label}`, creator: 'SIPADU' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: STYLES,
    footer: footer(timeZone, generatedAt, 40),
    content: [
      { text: title.toUpperCase(), style: 'title' },
      { text: `${view.scopeName} (${input.organizationCode})`, style: 'subtitle', bold: true },
      { text: `Periode ${view.period.label}`, style: 'subtitle', margin: [0, 0, 0, 6] },
      { text: 'Ringkasan Indeks Kepuasan Masyarakat', style: 'section' },
      summaryTable(view),
      { text: 'Nilai Rata-rata per Unsur (NRR)', style: 'section' },
      { svg: chart, width: 515 },
      { text: ' ', fontSize: 4 },
      elementTable(view),
      { text: 'Rekomendasi dan Tindak Lanjut', style: 'section', pageBreak: 'before' },
      ...(recommendations.length === 0
        ? [{ text: 'Belum ada rekomendasi untuk periode ini.', italics: true } as Content]
        : recommendations.map((r, i) => recommendationBlock(r, i + 1, timeZone))),
      signatures(
        input.pemdaName ?? '',
        generatedAt,
        timeZone,
        { role: `Kepala ${view.scopeName}`, name: null },
        { role: 'Evaluator', name: evaluators.length === 1 ? evaluators[0]! : null },
      ),
    ],
  };
}

/** One line of the all-organizations table (workbook and PDF). */
export interface SatisfactionLine {
  rank: number | null;
  organizationCode: string | null;
  organization: string;
  view: SatisfactionIndexView;
}

/** Highest converted IKM first, organizations without respondents last (unranked), by name. */
export function rankOrganizations(views: readonly SatisfactionIndexView[]): SatisfactionLine[] {
  const sorted = [...views].sort((a, b) => {
    if (a.ikmConverted === null || b.ikmConverted === null) {
      if (a.ikmConverted !== b.ikmConverted) return a.ikmConverted === null ? 1 : -1;
      return a.scopeName.localeCompare(b.scopeName, 'id');
    }
    return b.ikmConverted - a.ikmConverted || a.scopeName.localeCompare(b.scopeName, 'id');
  });
  return sorted.map((view, index) => ({
    rank: view.ikmConverted === null ? null : index + 1,
    organizationCode: view.scopeId,
    organization: view.scopeName,
    view,
  }));
}

/** The all-organizations report for the head of region as an A4 landscape document. */
export function satisfactionDocument(input: {
  lines: readonly SatisfactionLine[];
  pemda: SatisfactionIndexView;
  period: PeriodView;
  elementCodes: readonly string[];
  generatedAt: Date;
  timeZone: string;
}): TDocumentDefinitions {
  const { lines, pemda, period, generatedAt, timeZone } = input;
  const chart = organizationIkmChart(
    lines.map((line) => ({ name: line.organization, ikmConverted: line.view.ikmConverted })),
    { pemda: pemda.ikmConverted },
  );
  const adequate = lines.filter((line) => line.view.sampleAdequate === true).length;
  const surveyed = lines.filter((line) => line.view.respondents > 0).length;
  const nrrCells = (view: SatisfactionIndexView): TableCell[] =>
    input.elementCodes.map((code) =>
      right(num(view.elements.find((score) => score.element.code === code)?.nrr ?? null)),
    );
  const row = (line: SatisfactionLine | null, view: SatisfactionIndexView): TableCell[] => [
    line ? center(line.rank === null ? dash : String(line.rank)) : '',
    line ? line.organization : { text: `Pemda: ${view.scopeName}`, bold: true },
    right(count(view.respondents)),
    right(count(view.minimumSample)),
    center(adequacyShort(view)),
    ...nrrCells(view),
    right(num(view.ikm)),
    right(num(view.ikmConverted)),
    center(view.grade ?? dash),
    view.performance ?? dash,
  ];
  const title = 'Laporan Survei Kepuasan Masyarakat';
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 36, 30, 40],
    info: { title: `${title} - ${period.label}`, creator: 'SIPADU' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: STYLES,
    footer: footer(timeZone, generatedAt, 30),
    content: [
      { text: title.toUpperCase(), style: 'title' },
      { text: pemda.scopeName, style: 'subtitle', bold: true },
      { text: `Periode ${period.label}`, style: 'subtitle' },
      {
        text: 'Laporan berkala kepada Kepala Daerah',
        style: 'subtitle',
        italics: true,
        margin: [0, 0, 0, 6],
      },
      { text: 'Ringkasan Pemerintah Daerah', style: 'section' },
      {
        columns: [
          { width: 360, stack: [summaryTable(pemda)] },
          {
            width: '*',
            margin: [20, 0, 0, 0],
            table: {
              widths: [200, '*'],
              body: [
                ['Organisasi dinilai', { text: count(lines.length), bold: true }],
                ['Organisasi dengan responden', { text: count(surveyed), bold: true }],
                ['Organisasi dengan sampel memadai', { text: count(adequate), bold: true }],
              ],
            },
            layout: 'lightHorizontalLines',
          },
        ],
      },
      { text: 'Nilai Konversi IKM per Organisasi', style: 'section', pageBreak: 'before' },
      { svg: chart, width: 760 },
      { text: 'IKM per Organisasi', style: 'section', pageBreak: 'before' },
      {
        table: {
          headerRows: 1,
          widths: [16, '*', 40, 30, 32, ...input.elementCodes.map(() => 22), 22, 30, 22, 50],
          body: [
            header([
              'No',
              'Organisasi',
              'Responden',
              'Sampel min.',
              'Memadai',
              ...input.elementCodes,
              'IKM',
              'Konversi',
              'Mutu',
              'Kinerja',
            ]),
            ...lines.map((line) => row(line, line.view)),
            row(null, pemda).map((cell) =>
              typeof cell === 'string'
                ? { text: cell, bold: true }
                : { ...(cell as object), bold: true },
            ) as TableCell[],
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 7,
      },
      {
        text: 'NRR: nilai rata-rata unsur (1–4). IKM: rata-rata sembilan NRR dengan bobot 1/9; konversi = IKM × 25. Mutu A 88,31–100,00 (Sangat Baik), B 76,61–88,30 (Baik), C 65,00–76,60 (Kurang Baik), D 25,00–64,99 (Tidak Baik). Sampel minimum menurut Krejcie & Morgan dari populasi yang dilayani.',
        style: 'muted',
        fontSize: 7,
        margin: [0, 6, 0, 0],
      },
      signatures(
        placeOf(pemda.scopeName),
        generatedAt,
        timeZone,
        { role: 'Kepala Daerah', name: null },
        { role: 'Pengelola Survei Kepuasan Masyarakat', name: null },
      ),
    ],
  };
}

/** The all-organizations workbook: sheet "IKM Organisasi" (one row each, the Pemda last). */
export async function satisfactionWorkbook(input: {
  lines: readonly SatisfactionLine[];
  pemda: SatisfactionIndexView;
  period: PeriodView;
  elementCodes: readonly string[];
  generatedAt: Date;
}): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIPADU';
  workbook.created = input.generatedAt;
  workbook.title = `Laporan Survei Kepuasan Masyarakat — ${input.period.label}`;
  const sheet = workbook.addWorksheet('IKM Organisasi', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
  });
  const decimalFormat = '0.00';
  sheet.columns = [
    { header: 'Peringkat', key: 'rank', width: 10 },
    { header: 'Kode', key: 'code', width: 14 },
    { header: 'Organisasi', key: 'organization', width: 44 },
    { header: 'Responden', key: 'respondents', width: 11 },
    { header: 'Populasi', key: 'population', width: 11 },
    { header: 'Sampel Minimum', key: 'minimumSample', width: 15 },
    { header: 'Sampel Memadai', key: 'adequate', width: 15 },
    ...input.elementCodes.map((code) => ({
      header: `NRR ${code}`,
      key: code,
      width: 9,
      style: { numFmt: decimalFormat },
    })),
    { header: 'IKM (1–4)', key: 'ikm', width: 10, style: { numFmt: decimalFormat } },
    { header: 'IKM Konversi', key: 'converted', width: 13, style: { numFmt: decimalFormat } },
    { header: 'Mutu', key: 'grade', width: 7 },
    { header: 'Kinerja', key: 'performance', width: 14 },
  ];
  const values = (view: SatisfactionIndexView) => ({
    respondents: view.respondents,
    population: view.population,
    minimumSample: view.minimumSample,
    adequate: adequacyShort(view),
    ...Object.fromEntries(
      input.elementCodes.map((code) => {
        const score = view.elements.find((s) => s.element.code === code)?.nrr ?? null;
        return [code, score === null ? null : round2(score)];
      }),
    ),
    ikm: view.ikm === null ? null : round2(view.ikm),
    converted: view.ikmConverted === null ? null : round2(view.ikmConverted),
    grade: view.grade,
    performance: view.performance,
  });
  for (const line of input.lines) {
    sheet.addRow({
      rank: line.rank,
      code: line.organizationCode,
      organization: line.organization,
      ...values(line.view),
    });
  }
  const total = sheet.addRow({
    rank: null,
    code: 'PEMDA',
    organization: input.pemda.scopeName,
    ...values(input.pemda),
  });
  total.font = { bold: true };
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: sheet.columns.length },
  };

  const notes = workbook.addWorksheet('Keterangan');
  notes.columns = [
    { header: 'Keterangan', key: 'label', width: 34 },
    { header: '', key: 'value', width: 80 },
  ];
  for (const [label, value] of [
    ['Laporan', 'Survei Kepuasan Masyarakat (PermenPANRB 14/2017) untuk Kepala Daerah'],
    ['Pemerintah daerah', input.pemda.scopeName],
    ['Periode', input.period.label],
    ['Dicetak', input.generatedAt.toISOString()],
    ['NRR', 'Nilai rata-rata unsur, skala 1–4'],
    ['IKM', 'Rata-rata sembilan NRR (bobot 1/9); konversi = IKM × 25'],
    [
      'Mutu dan kinerja',
      'A 88,31–100,00 Sangat Baik; B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik',
    ],
    ['Sampel minimum', 'Krejcie & Morgan (1970) dari populasi yang dilayani pada periode'],
  ]) {
    notes.addRow({ label, value });
  }
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The printed SKM reports (DOMAIN.md §5, issue 7 item 5): an organization's recommendations with
 * the per-element chart (PDF), and the all-organizations report for the head of region (PDF or
 * Excel).
 */
export class SurveyReportService {
  constructor(private readonly deps: SurveyReportServiceOptions) {}

  private get timeZone() {
    return this.deps.recommendations.timeZone;
  }

  async recommendationReport(
    principal: Principal | null,
    organizationCode: string,
    periodInput: PeriodInput,
  ): Promise<SurveyReportFile> {
    const code = organizationCode.trim();
    const caller = access.require(principal, 'Query.recommendationReport', {
      organizationCode: code,
    });
    const period = parsePeriod(periodInput);
    if (!(await this.deps.organizations.exists(code))) {
      throw notFound(`Organisasi ${code} tidak dikenal.`);
    }
    const [view, recommendations, pemda] = await Promise.all([
      this.deps.index.index('ORGANIZATION', code, period),
      this.deps.recommendations.forReport(code, period.key, caller),
      this.deps.index.index('PEMDA', null, period),
    ]);
    const generatedAt = new Date();
    const buffer = await renderPdf(
      recommendationDocument({
        view,
        organizationCode: code,
        recommendations,
        generatedAt,
        timeZone: this.timeZone,
        pemdaName: placeOf(pemda.scopeName),
      }),
    );
    return generatedFile(
      buffer,
      `rekomendasi-skm-${slug(code)}-${period.key}.pdf`,
      PDF_CONTENT_TYPE,
    );
  }

  async satisfactionReport(
    principal: Principal | null,
    periodInput: PeriodInput,
    format: SurveyReportFormat,
  ): Promise<SurveyReportFile> {
    access.require(principal, 'Query.satisfactionReport');
    const period = parsePeriod(periodInput);
    const [lines, pemda, questionnaire] = await Promise.all([
      this.organizationLines(period),
      this.deps.index.index('PEMDA', null, period),
      this.deps.questionnaire.current(),
    ]);
    const elementCodes = [...questionnaire.elements]
      .sort((a, b) => a.order - b.order)
      .map((element) => element.code);
    const generatedAt = new Date();
    const base = `laporan-skm-${period.key}`;
    if (format === 'XLSX') {
      const buffer = await satisfactionWorkbook({
        lines,
        pemda,
        period,
        elementCodes,
        generatedAt,
      });
      return generatedFile(buffer, `${base}.xlsx`, XLSX_CONTENT_TYPE);
    }
    const buffer = await renderPdf(
      satisfactionDocument({
        lines,
        pemda,
        period,
        elementCodes,
        generatedAt,
        timeZone: this.timeZone,
      }),
    );
    return generatedFile(buffer, `${base}.pdf`, PDF_CONTENT_TYPE);
  }

  /** Every Pemda agency, with the ones the index has no figures for added with theirs. */
  private async organizationLines(period: PeriodView): Promise<SatisfactionLine[]> {
    const [ranked, known] = await Promise.all([
      this.deps.index.organizations(period),
      this.deps.organizations.list(),
    ]);
    const present = new Set(ranked.map((view) => view.scopeId));
    const missing = await Promise.all(
      known
        .filter((organization) => !present.has(organization.code))
        .map((organization) => this.deps.index.index('ORGANIZATION', organization.code, period)),
    );
    return rankOrganizations([...ranked, ...missing]);
  }
}

/** The place line of a signature from the Pemda's name: "Kabupaten Ogan Komering Ilir". */
function placeOf(pemdaName: string): string {
  return pemdaName.replace(/^Pemerintah\s+/i, '').trim();
}

import {
  CHART_FONT as FONT,
  CHART_TEXT_COLOR as TEXT,
  PDF_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  generatedFile,
  renderChartSvg,
  renderPdf,
  type GeneratedFile,
} from '@sipadu/reports';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { OfficerPerformance, UnitPerformance } from '../generated/graphql.js';
import type { CaseFlow } from '../models/case.model.js';
import type { RecapData, RecapWeek } from '../models/published-recap.model.js';
import { LOOP_LABELS } from './recap-rules.js';

// The printed monthly recap (SOP SI-KIMR: "rekapitulasi bulanan … kepada Direktur"): an A4 PDF
// with the summary, the weekly volume chart, the officer and unit tables, the case numbers and
// the signature blocks; and the same figures as an Excel workbook.

export type RecapFormat = 'PDF' | 'XLSX';

/** Who composes the recap and who acknowledges it, per flow (the SOP's actors). */
const SIGNERS: Readonly<Record<CaseFlow, { composer: string; acknowledger: string }>> = {
  CONSULTATION: { composer: 'Pengelola Super Admin', acknowledger: 'Direktur' },
  WORK_ITEM: { composer: 'Pengelola Super Admin', acknowledger: 'Direktur' },
  ICT_COMPLAINT: { composer: 'Pengelola TIK', acknowledger: 'Direktur' },
  PUBLIC_COMPLAINT: { composer: 'Pengelola Pengaduan', acknowledger: 'Pimpinan Daerah' },
};

const SYSTEMS: Readonly<Record<CaseFlow, string>> = {
  CONSULTATION: 'SI-KIMR — Konsultasi Unit Kerja',
  WORK_ITEM: 'SI-KIMR — Pekerjaan Internal (Workspace)',
  ICT_COMPLAINT: 'SI-KIMR — Pengelolaan Pengaduan TIK',
  PUBLIC_COMPLAINT: 'Pengelolaan Pengaduan Masyarakat',
};

const dash = '–';
const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat('id-ID', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const days = (value: number | null | undefined) => (value == null ? dash : decimal.format(value));
const share = (value: number | null | undefined) => (value == null ? dash : percent.format(value));

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `rekap-pengaduan-tik-2026-05.pdf`. */
export const recapFilename = (recap: RecapData, format: RecapFormat) =>
  `rekap-${slug(recap.flowLabel)}-${recap.month}.${format === 'PDF' ? 'pdf' : 'xlsx'}`;

function localDateTime(date: Date, timeZone: string, withTime: boolean): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

/** Label, text, value and Excel format of each summary line (PDF table, Ringkasan sheet). */
function summaryLines(recap: RecapData): [string, string, number | null, string?][] {
  return [
    ['Kasus masuk', integer.format(recap.received), recap.received],
    ['Kasus selesai', integer.format(recap.completed), recap.completed],
    ['Selesai tepat waktu', integer.format(recap.completedOnTime), recap.completedOnTime],
    ['Bagian selesai tepat waktu', share(recap.onTimeShare), recap.onTimeShare ?? null, '0.0%'],
    [
      'Rata-rata waktu penanganan (hari kerja)',
      days(recap.averageHandlingDays),
      recap.averageHandlingDays ?? null,
      '0.00',
    ],
    ['Masih terbuka pada akhir bulan', integer.format(recap.openAtEnd), recap.openAtEnd],
    ['Terbuka dan melewati batas waktu', integer.format(recap.overdueAtEnd), recap.overdueAtEnd],
    [LOOP_LABELS[recap.flow], integer.format(recap.loops), recap.loops],
    ['Poin kinerja diberikan', integer.format(recap.points), recap.points],
  ];
}

// ---------------------------------------------------------------------------------------------
// Chart
// ---------------------------------------------------------------------------------------------

/**
 * Received and completed cases per stretch of the month as grouped bars, rendered on the server
 * by ECharts to an SVG document (no DOM) that pdfmake draws as vector graphics.
 */
export function weeklyVolumeChart(weeks: readonly RecapWeek[], width = 520, height = 210): string {
  const label = { show: true, position: 'top' as const, fontSize: 10, color: TEXT };
  return renderChartSvg(
    {
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 10 } },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: weeks.map((week) => week.label),
        axisLabel: { fontSize: 10 },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { fontSize: 10 },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      series: [
        {
          name: 'Kasus masuk',
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: '#1c7ed6' },
          label,
          data: weeks.map((week) => week.received),
        },
        {
          name: 'Kasus selesai',
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: '#2f9e44' },
          label,
          data: weeks.map((week) => week.completed),
        },
      ],
    },
    { width, height },
  );
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const STYLES: TDocumentDefinitions['styles'] = {
  agency: { fontSize: 12, bold: true, alignment: 'center' },
  system: { fontSize: 9, alignment: 'center', color: '#333333' },
  title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 10, 0, 2] },
  subtitle: { fontSize: 9, alignment: 'center', color: '#333333' },
  section: { fontSize: 11, bold: true, margin: [0, 14, 0, 6] },
  tableHeader: { bold: true, fillColor: '#e8eef5' },
  muted: { color: '#555555' },
};

const header = (labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, style: 'tableHeader' }));
const right = (text: string): TableCell => ({ text, alignment: 'right' });

const figureCells = (line: OfficerPerformance | UnitPerformance): TableCell[] => [
  right(integer.format(line.completed)),
  right(integer.format(line.onTime)),
  right(share(line.onTimeShare)),
  right(days(line.averageHandlingDays)),
  right(integer.format(line.open)),
  right(integer.format(line.points)),
];
const FIGURE_HEADERS = ['Selesai', 'Tepat waktu', '% tepat', 'Rata-rata hari', 'Terbuka', 'Poin'];
const FIGURE_WIDTHS = [38, 42, 40, 44, 38, 30];

function lineTable(
  lines: readonly (OfficerPerformance | UnitPerformance)[],
  first: string[],
  cells: (line: OfficerPerformance | UnitPerformance) => TableCell[],
  firstWidths: (number | string)[],
  empty: string,
): Content {
  if (lines.length === 0) return { text: empty, italics: true, style: 'muted' };
  return {
    table: {
      headerRows: 1,
      widths: [16, ...firstWidths, ...FIGURE_WIDTHS],
      body: [
        header(['No', ...first, ...FIGURE_HEADERS]),
        ...lines.map((line, index): TableCell[] => [
          String(index + 1),
          ...cells(line),
          ...figureCells(line),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

function caseNumbers(title: string, numbers: readonly string[]): Content {
  return {
    stack: [
      { text: `${title} (${integer.format(numbers.length)})`, bold: true, margin: [0, 6, 0, 2] },
      { text: numbers.length ? numbers.join(', ') : dash, fontSize: 8 },
    ],
    // Short lists stay with their heading; long ones break across pages.
    unbreakable: numbers.length <= 60,
  };
}

function signatures(flow: CaseFlow, printedOn: string): Content {
  const { composer, acknowledger } = SIGNERS[flow];
  const block = (lines: string[]): Content => ({
    stack: [
      ...lines.map((text, index) => ({
        text,
        ...(index === lines.length - 1 ? { margin: [0, 0, 0, 48] } : {}),
      })),
      { text: '(.................................................)', bold: true },
      { text: 'NIP. .........................................' },
    ] as Content[],
    alignment: 'center',
  });
  return {
    columns: [
      block([' ', 'Mengetahui,', acknowledger]),
      block([printedOn, 'Disusun oleh,', composer]),
    ],
    columnGap: 24,
    margin: [0, 24, 0, 0],
    unbreakable: true,
  };
}

/** The recap as an A4 portrait document. `printedAt`: when it was published (or computed). */
export function recapDocument(
  recap: RecapData,
  printedAt: Date,
  timeZone: string,
): TDocumentDefinitions {
  const title = `Rekapitulasi Bulanan ${recap.flowLabel} — ${recap.monthLabel}`;
  const handlers = [
    ...new Set(recap.byOfficer.flatMap((line) => line.officer.organizationName ?? [])),
  ];
  const margin = 40;
  return {
    pageSize: 'A4',
    pageMargins: [margin, margin, margin, 44],
    info: { title, creator: 'SIPADU' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: STYLES,
    footer: (page: number, pages: number): Content => ({
      columns: [
        {
          text: `Dicetak dari SIPADU, ${localDateTime(printedAt, timeZone, true)}`,
          fontSize: 7,
        },
        { text: `Halaman ${page} dari ${pages}`, alignment: 'right', fontSize: 7 },
      ],
      margin: [margin, 10, margin, 0],
    }),
    content: [
      { text: 'PEMERINTAH DAERAH', style: 'agency' },
      { text: 'Sistem Informasi Pemerintahan Daerah Terpadu (SIPADU)', style: 'system' },
      { text: SYSTEMS[recap.flow], style: 'system' },
      ...(handlers.length > 0 ? [{ text: handlers.join(' · '), style: 'system' } as Content] : []),
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 1 }],
        margin: [0, 2, 0, 0],
      },
      { text: title, style: 'title' },
      {
        text: `Dihitung ${localDateTime(new Date(recap.generatedAt), timeZone, true)} dari data kasus SIPADU`,
        style: 'subtitle',
      },
      { text: 'Ringkasan', style: 'section' },
      {
        table: {
          widths: [240, '*'],
          body: summaryLines(recap).map(([label, value]) => [label, { text: value, bold: true }]),
        },
        layout: 'lightHorizontalLines',
      },
      { text: 'Kasus Masuk dan Selesai per Pekan', style: 'section' },
      { svg: weeklyVolumeChart(recap.weeks), width: 515 },
      { text: 'Kinerja per Petugas', style: 'section' },
      lineTable(
        recap.byOfficer,
        ['Petugas', 'Organisasi'],
        (line) => {
          const officer = (line as OfficerPerformance).officer;
          return [officer.name, officer.organizationName ?? officer.organizationCode ?? dash];
        },
        ['*', 90],
        'Tidak ada petugas dengan kasus selesai atau terbuka pada bulan ini.',
      ),
      { text: 'Kinerja per Unit', style: 'section' },
      lineTable(
        recap.byUnit,
        ['Unit / organisasi'],
        (line) => {
          const unit = line as UnitPerformance;
          return [unit.organizationName ?? unit.organizationCode];
        },
        ['*'],
        'Tidak ada unit dengan kasus selesai atau terbuka pada bulan ini.',
      ),
      { text: 'Nomor Kasus', style: 'section' },
      caseNumbers('Masuk pada bulan ini', recap.receivedCaseNumbers),
      caseNumbers('Selesai pada bulan ini', recap.completedCaseNumbers),
      caseNumbers('Masih terbuka pada akhir bulan', recap.openCaseNumbers),
      {
        text:
          'Keterangan: batas waktu dihitung dalam hari kerja menurut kalender Pemda (Sabtu, Minggu, ' +
          'libur nasional dan cuti bersama tidak dihitung); waktu menunggu pihak pengaju tidak ' +
          'dihitung. Tepat waktu: tidak ada langkah yang melewati batasnya. Kasus yang dibatalkan ' +
          'atau ditolak tidak dihitung sebagai selesai.',
        style: 'muted',
        fontSize: 7,
        margin: [0, 10, 0, 0],
      },
      signatures(recap.flow, localDateTime(printedAt, timeZone, false)),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------

/** Sheets Ringkasan, Petugas, Unit and Kasus. */
export async function recapWorkbook(recap: RecapData, printedAt: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIPADU';
  workbook.created = printedAt;
  workbook.title = `Rekapitulasi Bulanan ${recap.flowLabel} — ${recap.monthLabel}`;

  const summary = workbook.addWorksheet('Ringkasan');
  summary.columns = [
    { header: 'Keterangan', key: 'label', width: 44 },
    { header: 'Nilai', key: 'value', width: 24 },
  ];
  summary.addRow({ label: 'Alur', value: recap.flowLabel });
  summary.addRow({ label: 'Bulan', value: recap.monthLabel });
  for (const [label, , value, numFmt] of summaryLines(recap)) {
    const row = summary.addRow({ label, value });
    if (numFmt) row.getCell('value').numFmt = numFmt;
  }
  summary.addRow({ label: 'Dihitung', value: recap.generatedAt });

  const figureColumns = [
    { header: 'Selesai', key: 'completed', width: 10 },
    { header: 'Tepat Waktu', key: 'onTime', width: 12 },
    { header: 'Bagian Tepat Waktu', key: 'onTimeShare', width: 18, style: { numFmt: '0.0%' } },
    {
      header: 'Rata-rata Hari Kerja',
      key: 'averageHandlingDays',
      width: 18,
      style: { numFmt: '0.00' },
    },
    { header: 'Terbuka Akhir Bulan', key: 'open', width: 18 },
    { header: 'Poin', key: 'points', width: 8 },
  ];
  const figureValues = (line: OfficerPerformance | UnitPerformance) => ({
    completed: line.completed,
    onTime: line.onTime,
    onTimeShare: line.onTimeShare ?? null,
    averageHandlingDays: line.averageHandlingDays ?? null,
    open: line.open,
    points: line.points,
  });

  const officers = workbook.addWorksheet('Petugas', { views: [{ state: 'frozen', ySplit: 1 }] });
  officers.columns = [
    { header: 'Petugas', key: 'name', width: 32 },
    { header: 'Organisasi', key: 'organization', width: 36 },
    ...figureColumns,
  ];
  for (const line of recap.byOfficer) {
    officers.addRow({
      name: line.officer.name,
      organization: line.officer.organizationName ?? line.officer.organizationCode,
      ...figureValues(line),
    });
  }

  const units = workbook.addWorksheet('Unit', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = [
    { header: 'Kode', key: 'code', width: 16 },
    { header: 'Unit / Organisasi', key: 'name', width: 44 },
    ...figureColumns,
  ];
  for (const line of recap.byUnit) {
    units.addRow({
      code: line.organizationCode,
      name: line.organizationName,
      ...figureValues(line),
    });
  }

  const cases = workbook.addWorksheet('Kasus', { views: [{ state: 'frozen', ySplit: 1 }] });
  cases.columns = [
    { header: 'Nomor', key: 'number', width: 20 },
    { header: 'Masuk Bulan Ini', key: 'received', width: 16 },
    { header: 'Selesai Bulan Ini', key: 'completed', width: 16 },
    { header: 'Terbuka Akhir Bulan', key: 'open', width: 20 },
  ];
  const received = new Set(recap.receivedCaseNumbers);
  const completed = new Set(recap.completedCaseNumbers);
  const open = new Set(recap.openCaseNumbers);
  const mark = (set: Set<string>, number: string) => (set.has(number) ? 'Ya' : '');
  for (const number of [...new Set([...received, ...completed, ...open])].sort()) {
    cases.addRow({
      number,
      received: mark(received, number),
      completed: mark(completed, number),
      open: mark(open, number),
    });
  }

  for (const sheet of [summary, officers, units, cases]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The recap as a file of the asked format. */
export async function recapFile(
  recap: RecapData,
  format: RecapFormat,
  printedAt: Date,
  timeZone: string,
): Promise<GeneratedFile> {
  const filename = recapFilename(recap, format);
  if (format === 'XLSX') {
    return generatedFile(await recapWorkbook(recap, printedAt), filename, XLSX_CONTENT_TYPE);
  }
  return generatedFile(
    await renderPdf(recapDocument(recap, printedAt, timeZone)),
    filename,
    PDF_CONTENT_TYPE,
  );
}

import type {
  Content,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import {
  PDF_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  generatedFile,
  renderPdf,
  type GeneratedFile,
} from '@sipadu/reports';
import { APPROVED_STAGES, stageLabel } from '../workflows/loan-project.workflow.js';
import type { PortfolioRow, PortfolioTotalsView, PortfolioView } from './portfolio.service.js';

/** An exported file as GraphQL returns it (`ExportedFile`). */
export type ExportedFile = GeneratedFile;

export interface ExportMeta {
  generatedAt: Date;
  /** IANA zone of the Pemda, for the printed date and the file name. */
  timeZone: string;
}

/** Excel number format of whole rupiah. */
export const RUPIAH_FORMAT = '"Rp"#,##0';
const PERCENT_FORMAT = '0.00';

/** One line of the project table, shared by the workbook and the PDF. */
export interface PortfolioExportLine {
  code: string;
  fiscalYear: number;
  name: string;
  organization: string;
  lender: string;
  stage: string;
  amount: number;
  approved: number;
  disbursed: number;
  remaining: number;
  physical: number;
  financial: number;
  behindPlan: boolean;
}

/** Approved = the loan amount once the lender approved (APPROVED and later), as in the totals. */
export function exportLine(row: PortfolioRow): PortfolioExportLine {
  const disbursed = row.disbursedAmount ?? 0;
  return {
    code: row.code,
    fiscalYear: row.fiscalYear,
    name: row.name,
    organization: row.organizationName || row.organizationCode,
    lender: row.lenderName || row.lenderOrganizationCode,
    stage: stageLabel(row.state),
    amount: row.amount,
    approved: APPROVED_STAGES.includes(row.state) ? row.amount : 0,
    disbursed,
    remaining: row.state === 'CANCELLED' ? 0 : row.amount - disbursed,
    physical: row.physicalProgress ?? 0,
    financial: row.financialProgress ?? 0,
    behindPlan: Boolean(row.behindPlan) && row.state !== 'CANCELLED',
  };
}

const dateParts = (date: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day') };
};

/** `portofolio-pinjaman-2026-20261130.xlsx`, or `…-semua-…` without a year. */
export function exportFilename(
  fiscalYear: number | null,
  meta: ExportMeta,
  extension: 'xlsx' | 'pdf',
): string {
  const { y, m, d } = dateParts(meta.generatedAt, meta.timeZone);
  return `portofolio-pinjaman-${fiscalYear ?? 'semua'}-${y}${m}${d}.${extension}`;
}

const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** 1234567 → "Rp1.234.567". */
export const formatRupiah = (value: number) => `Rp${rupiah.format(value)}`;
const percentFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const formatPercent = (value: number) => `${percentFormat.format(value)}%`;

function printedDate(meta: ExportMeta): string {
  return new Intl.DateTimeFormat('id-ID', {
    timeZone: meta.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(meta.generatedAt);
}

const scopeTitle = (fiscalYear: number | null) =>
  fiscalYear === null ? 'Semua tahun anggaran' : `Tahun anggaran ${fiscalYear}`;

// ---------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------

/** Workbook with the sheets "Portofolio" (one row per project) and "Per Tahun". */
export async function portfolioXlsx(view: PortfolioView, meta: ExportMeta): Promise<ExportedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIPADU';
  workbook.created = meta.generatedAt;
  workbook.title = `Portofolio Pinjaman Daerah — ${scopeTitle(view.fiscalYear)}`;

  const projects = workbook.addWorksheet('Portofolio', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  projects.columns = [
    { header: 'Kode', key: 'code', width: 14 },
    { header: 'Tahun', key: 'fiscalYear', width: 8 },
    { header: 'Nama Proyek', key: 'name', width: 48 },
    { header: 'Pelaksana', key: 'organization', width: 28 },
    { header: 'Pemberi Pinjaman', key: 'lender', width: 24 },
    { header: 'Tahap', key: 'stage', width: 24 },
    { header: 'Jumlah Pinjaman', key: 'amount', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Disetujui', key: 'approved', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Dicairkan', key: 'disbursed', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Sisa', key: 'remaining', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Fisik (%)', key: 'physical', width: 10, style: { numFmt: PERCENT_FORMAT } },
    { header: 'Keuangan (%)', key: 'financial', width: 12, style: { numFmt: PERCENT_FORMAT } },
    { header: 'Terlambat', key: 'behindPlan', width: 10 },
  ];
  const lines = view.rows.map(exportLine);
  for (const line of lines) {
    projects.addRow({ ...line, behindPlan: line.behindPlan ? 'Ya' : 'Tidak' });
  }
  const sum = (pick: (line: PortfolioExportLine) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const totalRow = projects.addRow({
    code: 'Jumlah',
    name: `${lines.length} proyek`,
    amount: view.totals.loanAmount,
    approved: view.totals.approvedAmount,
    disbursed: view.totals.disbursedAmount,
    remaining: sum((line) => line.remaining),
    physical: view.totals.physicalRealisation,
    financial: view.totals.financialRealisation,
    behindPlan: String(view.totals.behindPlanCount),
  });
  totalRow.font = { bold: true };
  projects.getRow(1).font = { bold: true };
  projects.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 13 } };

  const years = workbook.addWorksheet('Per Tahun', { views: [{ state: 'frozen', ySplit: 1 }] });
  years.columns = [
    { header: 'Tahun', key: 'fiscalYear', width: 8 },
    { header: 'Jumlah Proyek', key: 'projectCount', width: 14 },
    { header: 'Nilai Pinjaman', key: 'loanAmount', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Disetujui', key: 'approvedAmount', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    { header: 'Dicairkan', key: 'disbursedAmount', width: 22, style: { numFmt: RUPIAH_FORMAT } },
    {
      header: 'Realisasi Fisik (%)',
      key: 'physicalRealisation',
      width: 18,
      style: { numFmt: PERCENT_FORMAT },
    },
    {
      header: 'Realisasi Keuangan (%)',
      key: 'financialRealisation',
      width: 20,
      style: { numFmt: PERCENT_FORMAT },
    },
    { header: 'Proyek Terlambat', key: 'behindPlanCount', width: 16 },
  ];
  for (const year of view.byYear) years.addRow({ fiscalYear: year.fiscalYear, ...year.totals });
  years.getRow(1).font = { bold: true };

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return generatedFile(buffer, exportFilename(view.fiscalYear, meta, 'xlsx'), XLSX_CONTENT_TYPE);
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

/** Rules under the header and between rows, no vertical lines, 3 pt cell padding. */
const COMPACT_LAYOUT: CustomTableLayout = {
  hLineWidth: (row, node) =>
    row === 0 || row === node.table.body.length ? 0 : row === 1 ? 1 : 0.5,
  vLineWidth: () => 0,
  hLineColor: (row) => (row === 1 ? '#333333' : '#bbbbbb'),
  paddingLeft: (column) => (column === 0 ? 0 : 3),
  paddingRight: (column, node) => (column === (node.table.body[0]?.length ?? 0) - 1 ? 0 : 3),
};

const header = (labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, style: 'tableHeader' }));
const right = (text: string): TableCell => ({ text, alignment: 'right' });

function totalsTable(totals: PortfolioTotalsView): Content {
  const rows: [string, string][] = [
    ['Jumlah proyek', String(totals.projectCount)],
    ['Nilai pinjaman', formatRupiah(totals.loanAmount)],
    ['Disetujui pemberi pinjaman', formatRupiah(totals.approvedAmount)],
    ['Dicairkan', formatRupiah(totals.disbursedAmount)],
    ['Realisasi fisik (rata-rata tertimbang)', formatPercent(totals.physicalRealisation)],
    ['Realisasi keuangan (rata-rata tertimbang)', formatPercent(totals.financialRealisation)],
    ['Proyek terlambat dari rencana', String(totals.behindPlanCount)],
  ];
  return {
    table: {
      widths: [220, 160],
      body: rows.map(([label, value]) => [label, right(value)]),
    },
    layout: 'lightHorizontalLines',
  };
}

/** The portfolio as an A4 landscape PDF: title, date, totals, per-year and project tables. */
export function portfolioDocument(view: PortfolioView, meta: ExportMeta): TDocumentDefinitions {
  const lines = view.rows.map(exportLine);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 36, 30, 36],
    info: {
      title: `Portofolio Pinjaman Daerah - ${scopeTitle(view.fiscalYear)}`,
      creator: 'SIPADU',
    },
    defaultStyle: { font: 'Helvetica', fontSize: 8 },
    styles: {
      title: { fontSize: 15, bold: true },
      subtitle: { fontSize: 10, color: '#444444' },
      section: { fontSize: 11, bold: true, margin: [0, 14, 0, 6] },
      tableHeader: { bold: true, fillColor: '#e8eef5' },
    },
    footer: (page: number, pages: number) => ({
      text: `Halaman ${page} dari ${pages}`,
      alignment: 'right',
      fontSize: 7,
      margin: [30, 10, 30, 0],
    }),
    content: [
      { text: 'Portofolio Pinjaman Daerah', style: 'title' },
      { text: scopeTitle(view.fiscalYear), style: 'subtitle' },
      { text: `Dicetak ${printedDate(meta)}`, style: 'subtitle', margin: [0, 0, 0, 4] },
      { text: 'Ringkasan', style: 'section' },
      totalsTable(view.totals),
      { text: 'Per Tahun Anggaran', style: 'section' },
      {
        table: {
          headerRows: 1,
          widths: [40, 50, 100, 100, 100, 70, 80, 60],
          body: [
            header([
              'Tahun',
              'Proyek',
              'Nilai Pinjaman',
              'Disetujui',
              'Dicairkan',
              'Fisik',
              'Keuangan',
              'Terlambat',
            ]),
            ...view.byYear.map(({ fiscalYear, totals }): TableCell[] => [
              String(fiscalYear),
              right(String(totals.projectCount)),
              right(formatRupiah(totals.loanAmount)),
              right(formatRupiah(totals.approvedAmount)),
              right(formatRupiah(totals.disbursedAmount)),
              right(formatPercent(totals.physicalRealisation)),
              right(formatPercent(totals.financialRealisation)),
              right(String(totals.behindPlanCount)),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        text: 'Daftar Proyek',
        style: 'section',
        pageBreak: lines.length > 12 ? 'before' : undefined,
      },
      {
        table: {
          headerRows: 1,
          // A4 landscape leaves 782 pt: 72 pt of padding, 580 fixed, about 130 for the name.
          widths: [50, 22, '*', 64, 52, 52, 60, 60, 60, 60, 28, 36, 36],
          body: [
            header([
              'Kode',
              'Tahun',
              'Nama Proyek',
              'Pelaksana',
              'Pemberi Pinjaman',
              'Tahap',
              'Jumlah (Rp)',
              'Disetujui (Rp)',
              'Dicairkan (Rp)',
              'Sisa (Rp)',
              'Fisik',
              'Keuangan',
              'Terlambat',
            ]),
            ...lines.map((line): TableCell[] => [
              line.code,
              String(line.fiscalYear),
              line.name,
              line.organization,
              line.lender,
              line.stage,
              right(rupiah.format(line.amount)),
              right(rupiah.format(line.approved)),
              right(rupiah.format(line.disbursed)),
              right(rupiah.format(line.remaining)),
              right(formatPercent(line.physical)),
              right(formatPercent(line.financial)),
              line.behindPlan ? { text: 'Ya', bold: true, color: '#b00020' } : 'Tidak',
            ]),
            ...(lines.length === 0
              ? [
                  [
                    { text: 'Belum ada proyek.', colSpan: 13, italics: true },
                    ...Array.from({ length: 12 }, () => ({})),
                  ] as TableCell[],
                ]
              : []),
          ],
        },
        layout: COMPACT_LAYOUT,
        fontSize: 7,
      },
    ],
  };
}

export async function portfolioPdf(view: PortfolioView, meta: ExportMeta): Promise<ExportedFile> {
  const buffer = await renderPdf(portfolioDocument(view, meta));
  return generatedFile(buffer, exportFilename(view.fiscalYear, meta, 'pdf'), PDF_CONTENT_TYPE);
}

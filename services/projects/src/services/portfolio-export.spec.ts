import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportFilename,
  exportLine,
  formatRupiah,
  portfolioDocument,
  portfolioPdf,
  portfolioXlsx,
  RUPIAH_FORMAT,
} from './portfolio-export.js';
import { aggregatePortfolio, type PortfolioRow } from './portfolio.service.js';

const rows: PortfolioRow[] = [
  {
    _id: 'p1',
    code: 'PIN-2025-001',
    fiscalYear: 2025,
    name: 'Peningkatan Jalan Lingkar Barat',
    organizationCode: 'DPUPR',
    organizationName: 'Dinas PUPR',
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT SMI',
    state: 'IMPLEMENTATION',
    amount: 60_000_000_000,
    approvedAmount: 0,
    disbursedAmount: 18_000_000_000,
    physicalProgress: 40,
    financialProgress: 30,
    behindPlan: true,
  },
  {
    _id: 'p2',
    code: 'PIN-2026-001',
    fiscalYear: 2026,
    name: 'Gedung Rawat Inap RSUD',
    organizationCode: 'RSUD',
    organizationName: 'RSUD',
    lenderOrganizationCode: 'PTSMI',
    lenderName: 'PT SMI',
    state: 'VERIFICATION',
    amount: 25_000_000_000,
    approvedAmount: 0,
    disbursedAmount: 0,
    physicalProgress: 0,
    financialProgress: 0,
    behindPlan: false,
  },
];
const meta = { generatedAt: new Date('2026-03-14T18:00:00Z'), timeZone: 'Asia/Jakarta' };

describe('export lines', () => {
  it('counts the loan as approved from the lender approval on, and the rest as remaining', () => {
    expect(exportLine(rows[0] as PortfolioRow)).toMatchObject({
      stage: 'Pelaksanaan',
      approved: 60_000_000_000,
      disbursed: 18_000_000_000,
      remaining: 42_000_000_000,
      behindPlan: true,
    });
    expect(exportLine(rows[1] as PortfolioRow).approved).toBe(0);
    expect(formatRupiah(1_234_567)).toBe('Rp1.234.567');
    // 01:00 on 15 March in Jakarta.
    expect(exportFilename(null, meta, 'pdf')).toBe('portofolio-pinjaman-semua-20260315.pdf');
  });
});

describe('portfolioXlsx', () => {
  it('writes the sheets Portofolio and Per Tahun with rupiah formats', async () => {
    const file = await portfolioXlsx(aggregatePortfolio(rows, null), meta);
    expect(file.filename).toBe('portofolio-pinjaman-semua-20260315.xlsx');
    expect(file.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bytes = Buffer.from(file.base64, 'base64');
    expect(file.size).toBe(bytes.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Portofolio', 'Per Tahun']);
    const sheet = workbook.getWorksheet('Portofolio');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Kode');
    expect(sheet?.getRow(1).getCell(13).value).toBe('Terlambat');
    // Newest year first.
    expect(sheet?.getRow(2).getCell(1).value).toBe('PIN-2026-001');
    const road = sheet?.getRow(3);
    expect(road?.getCell(1).value).toBe('PIN-2025-001');
    expect(road?.getCell(7).value).toBe(60_000_000_000);
    expect(road?.getCell(7).numFmt).toBe(RUPIAH_FORMAT);
    expect(road?.getCell(10).value).toBe(42_000_000_000);
    expect(road?.getCell(13).value).toBe('Ya');
    expect(sheet?.getRow(4).getCell(1).value).toBe('Jumlah');
    expect(sheet?.getRow(4).getCell(7).value).toBe(85_000_000_000);

    const years = workbook.getWorksheet('Per Tahun');
    expect(years?.getRow(2).values).toEqual([
      undefined,
      2025,
      1,
      60_000_000_000,
      60_000_000_000,
      18_000_000_000,
      40,
      30,
      1,
    ]);
    expect(years?.rowCount).toBe(3);
  });
});

describe('portfolioPdf', () => {
  it('lays out an A4 landscape document with the three tables', () => {
    const doc = portfolioDocument(aggregatePortfolio(rows, 2025), meta);
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('landscape');
    expect(JSON.stringify(doc.content)).toContain('Tahun anggaran 2025');
    expect(JSON.stringify(doc.content)).toContain('Rp60.000.000.000');
  });

  it('renders a PDF with the standard Helvetica font', async () => {
    const file = await portfolioPdf(aggregatePortfolio(rows, 2025), meta);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.size).toBe(bytes.length);
    expect(file.contentType).toBe('application/pdf');
    expect(file.filename).toBe('portofolio-pinjaman-2025-20260315.pdf');
    expect(bytes.toString('latin1')).toContain('/BaseFont /Helvetica');
  });
});

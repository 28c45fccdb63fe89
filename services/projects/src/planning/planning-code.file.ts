// Import files as tables of text cells: CSV (parsed here) and XLSX (first worksheet, via exceljs).
import { badInput } from '@sipadu/service-kit';
import { csvTable, type TableRow } from './planning-code.parser.js';

export type ImportFileFormat = 'CSV' | 'XLSX';

/** Largest accepted file (decoded bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, index) => bytes[index] === byte);

/** Decodes the base64 content of an import (a `data:…;base64,` prefix is tolerated). */
export function decodeBase64(content: string): Buffer {
  const compact = content.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw badInput('Isi berkas bukan base64 yang sah.');
  }
  if (Math.floor((compact.length * 3) / 4) > MAX_IMPORT_BYTES + 2) {
    throw badInput('Berkas melebihi batas 10 MB.');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) throw badInput('Berkas melebihi batas 10 MB.');
  if (bytes.length === 0) throw badInput('Berkas kosong.');
  return bytes;
}

/** Text of one cell as shown in Excel (formula results, rich text and numbers as formatted). */
function cellText(cell: { text?: string | null }): string {
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

async function xlsxTable(bytes: Buffer): Promise<TableRow[]> {
  if (!isZip(bytes)) throw badInput('Berkas bukan XLSX yang sah (bukan arsip Office Open XML).');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared parameter type predates Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badInput(
      'Berkas XLSX tidak dapat dibaca; simpan ulang dari Excel/LibreOffice lalu coba lagi.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('Berkas XLSX tidak memuat lembar kerja.');
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      cells.push(cellText(row.getCell(column)));
    }
    table.push({ row: rowNumber, cells });
  });
  return table;
}

/** The rows of an import file; BAD_USER_INPUT when the bytes are not of the declared format. */
export async function readImportTable(
  format: ImportFileFormat,
  bytes: Buffer,
): Promise<TableRow[]> {
  if (format === 'XLSX') return xlsxTable(bytes);
  if (isZip(bytes)) {
    throw badInput('Berkas ini tampaknya XLSX, bukan CSV; pilih format XLSX lalu coba lagi.');
  }
  return csvTable(bytes);
}

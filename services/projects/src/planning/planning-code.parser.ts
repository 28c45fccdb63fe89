// Pure parsing and validation of Permendagri 90/2019 codes and of the import files that carry them
// (no I/O: the service feeds it the file's rows and the codes already stored in the target version).
import { badInput } from '@sipadu/service-kit';

export type PlanningCodeKind = 'NOMENCLATURE' | 'ACCOUNT';

export type PlanningCodeLevel =
  | 'URUSAN'
  | 'BIDANG_URUSAN'
  | 'PROGRAM'
  | 'KEGIATAN'
  | 'SUB_KEGIATAN'
  | 'AKUN'
  | 'KELOMPOK'
  | 'JENIS'
  | 'OBJEK'
  | 'RINCIAN_OBJEK'
  | 'SUB_RINCIAN_OBJEK';

export type ImportRejectionReason =
  'MALFORMED_CODE' | 'MISSING_PARENT' | 'DUPLICATE' | 'MISSING_NAME' | 'WRONG_KIND';

interface LevelSpec {
  level: PlanningCodeLevel;
  kind: PlanningCodeKind;
  /** 1 = urusan/akun … 5 = sub kegiatan, 6 = sub rincian objek. */
  depth: number;
  /** Dot-separated segments, e.g. 5 for a kegiatan (U.BB.PP.L.KK). */
  segments: number;
  pattern: RegExp;
  /** Segments dropped to reach the parent (a kegiatan drops `L.KK`). */
  parentDrop: number;
  label: string;
  format: string;
}

const nonZero = (segment: string) => /[1-9]/.test(segment);

/**
 * Nomenclature (urusan → sub kegiatan) and account codes (akun → sub rincian objek). Sub kegiatan
 * suffixes have 2 digits in the 2019 attachment and 4 digits after the Kepmendagri updates.
 */
const LEVELS: readonly LevelSpec[] = [
  {
    level: 'URUSAN',
    kind: 'NOMENCLATURE',
    depth: 1,
    segments: 1,
    pattern: /^[1-8]$/,
    parentDrop: 0,
    label: 'Urusan',
    format: 'U',
  },
  {
    level: 'BIDANG_URUSAN',
    kind: 'NOMENCLATURE',
    depth: 2,
    segments: 2,
    pattern: /^[1-8]\.\d{2}$/,
    parentDrop: 1,
    label: 'Bidang Urusan',
    format: 'U.BB',
  },
  {
    level: 'PROGRAM',
    kind: 'NOMENCLATURE',
    depth: 3,
    segments: 3,
    pattern: /^[1-8]\.\d{2}\.\d{2}$/,
    parentDrop: 1,
    label: 'Program',
    format: 'U.BB.PP',
  },
  {
    level: 'KEGIATAN',
    kind: 'NOMENCLATURE',
    depth: 4,
    segments: 5,
    pattern: /^[1-8]\.\d{2}\.\d{2}\.[12]\.\d{2}$/,
    parentDrop: 2,
    label: 'Kegiatan',
    format: 'U.BB.PP.L.KK',
  },
  {
    level: 'SUB_KEGIATAN',
    kind: 'NOMENCLATURE',
    depth: 5,
    segments: 6,
    pattern: /^[1-8]\.\d{2}\.\d{2}\.[12]\.\d{2}\.(?:\d{2}|\d{4})$/,
    parentDrop: 1,
    label: 'Sub Kegiatan',
    format: 'U.BB.PP.L.KK.SS atau U.BB.PP.L.KK.SSSS',
  },
  {
    level: 'AKUN',
    kind: 'ACCOUNT',
    depth: 1,
    segments: 1,
    pattern: /^[1-9]$/,
    parentDrop: 0,
    label: 'Akun',
    format: 'A',
  },
  {
    level: 'KELOMPOK',
    kind: 'ACCOUNT',
    depth: 2,
    segments: 2,
    pattern: /^[1-9]\.[1-9]$/,
    parentDrop: 1,
    label: 'Kelompok',
    format: 'A.K',
  },
  {
    level: 'JENIS',
    kind: 'ACCOUNT',
    depth: 3,
    segments: 3,
    pattern: /^[1-9]\.[1-9]\.\d{2}$/,
    parentDrop: 1,
    label: 'Jenis',
    format: 'A.K.JJ',
  },
  {
    level: 'OBJEK',
    kind: 'ACCOUNT',
    depth: 4,
    segments: 4,
    pattern: /^[1-9]\.[1-9]\.\d{2}\.\d{2}$/,
    parentDrop: 1,
    label: 'Objek',
    format: 'A.K.JJ.OO',
  },
  {
    level: 'RINCIAN_OBJEK',
    kind: 'ACCOUNT',
    depth: 5,
    segments: 5,
    pattern: /^[1-9]\.[1-9]\.\d{2}\.\d{2}\.\d{2}$/,
    parentDrop: 1,
    label: 'Rincian Objek',
    format: 'A.K.JJ.OO.RR',
  },
  {
    level: 'SUB_RINCIAN_OBJEK',
    kind: 'ACCOUNT',
    depth: 6,
    segments: 6,
    pattern: /^[1-9]\.[1-9]\.\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
    parentDrop: 1,
    label: 'Sub Rincian Objek',
    format: 'A.K.JJ.OO.RR.SSSS',
  },
];

const SPEC_BY_LEVEL = new Map(LEVELS.map((spec) => [spec.level, spec]));

/** Indonesian label of each level, e.g. 'Sub Kegiatan', 'Rincian Objek'. */
export const LEVEL_LABELS: Readonly<Record<PlanningCodeLevel, string>> = Object.fromEntries(
  LEVELS.map((spec) => [spec.level, spec.label]),
) as Record<PlanningCodeLevel, string>;

export const KIND_LABELS: Readonly<Record<PlanningCodeKind, string>> = {
  NOMENCLATURE: 'kode nomenklatur',
  ACCOUNT: 'kode rekening',
};

export interface CodeInfo {
  code: string;
  kind: PlanningCodeKind;
  level: PlanningCodeLevel;
  depth: number;
  parentCode: string | null;
}

/** Codes are written without spaces (`1 . 02` and `1.02 ` become `1.02`). */
export function normalizeCode(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** Names lose outer and repeated inner whitespace (including non-breaking spaces). */
export function normalizeName(raw: string): string {
  return raw.replace(/[\s\u00a0]+/g, ' ').trim();
}

function specOf(code: string, kind?: PlanningCodeKind): LevelSpec | undefined {
  return LEVELS.find(
    (spec) =>
      (!kind || spec.kind === kind) && spec.pattern.test(code) && code.split('.').every(nonZero),
  );
}

/** The parent of a well-formed code: minus its last segment (a kegiatan minus `L.KK`). */
function parentOf(code: string, spec: LevelSpec): string | null {
  if (spec.parentDrop === 0) return null;
  return code.split('.').slice(0, -spec.parentDrop).join('.');
}

/** Level, depth and parent of a code of the given kind, or null when it is not one. */
export function describeCode(kind: PlanningCodeKind, raw: string): CodeInfo | null {
  const code = normalizeCode(raw);
  const spec = specOf(code, kind);
  if (!spec) return null;
  return { code, kind, level: spec.level, depth: spec.depth, parentCode: parentOf(code, spec) };
}

/** Every ancestor of a well-formed code, from the urusan/akun down to its parent. */
export function ancestorCodes(kind: PlanningCodeKind, code: string): string[] {
  const chain: string[] = [];
  let current = describeCode(kind, code);
  while (current?.parentCode) {
    chain.unshift(current.parentCode);
    current = describeCode(kind, current.parentCode);
  }
  return chain;
}

export type CodeCheck =
  | { ok: true; info: CodeInfo }
  | { ok: false; reason: 'MALFORMED_CODE' | 'WRONG_KIND'; message: string };

/** The level a malformed code was probably meant to be, from its number of segments. */
function intendedLevel(kind: PlanningCodeKind, code: string): LevelSpec | undefined {
  const segments = code.split('.').length;
  return LEVELS.find((spec) => spec.kind === kind && spec.segments === segments);
}

function formatsOf(kind: PlanningCodeKind): string {
  return LEVELS.filter((spec) => spec.kind === kind)
    .map((spec) => spec.format.replace(' atau ', '/'))
    .join(', ');
}

/** Checks one code against the kind being imported; the message has no row prefix. */
export function checkCode(kind: PlanningCodeKind, raw: string): CodeCheck {
  const code = normalizeCode(raw);
  const info = describeCode(kind, code);
  if (info) return { ok: true, info };
  const other: PlanningCodeKind = kind === 'NOMENCLATURE' ? 'ACCOUNT' : 'NOMENCLATURE';
  const foreign = specOf(code, other);
  // A single digit is both an urusan and an akun: never call it the wrong kind.
  if (foreign && foreign.depth > 1) {
    return {
      ok: false,
      reason: 'WRONG_KIND',
      message:
        `kode '${code}' adalah ${KIND_LABELS[other]} (${foreign.label.toLowerCase()}), ` +
        `bukan ${KIND_LABELS[kind]}`,
    };
  }
  const intended = intendedLevel(kind, code);
  return {
    ok: false,
    reason: 'MALFORMED_CODE',
    message: intended
      ? `kode '${code}' tidak sesuai format ${intended.label.toLowerCase()} (${intended.format})`
      : `kode '${code}' tidak sesuai format ${KIND_LABELS[kind]} (${formatsOf(kind)})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation of the rows of one import file

/** One data row of an import file: its row number in the file (header = row 1). */
export interface SourceRow {
  row: number;
  code: string;
  name: string;
}

export interface AcceptedRow extends CodeInfo {
  row: number;
  name: string;
  /** Already stored in the target version under the same name (an idempotent re-import). */
  unchanged: boolean;
}

export interface RowRejection {
  row: number;
  code: string | null;
  reason: ImportRejectionReason;
  message: string;
}

export interface RowValidation {
  accepted: AcceptedRow[];
  /** Sorted by row number. */
  rejections: RowRejection[];
}

/**
 * Validates the rows of one file against the target version. `existing` maps the codes of that
 * version (at least every code of the file and their parents) to their names.
 *
 * - a code that does not parse as the imported kind: MALFORMED_CODE, or WRONG_KIND when it is a
 *   well-formed code of the other kind;
 * - an empty name: MISSING_NAME;
 * - the same code twice in the file: DUPLICATE (the first valid row wins);
 * - a code already in the version under another name: DUPLICATE (renaming is a new version's
 *   job; the same name is an idempotent update);
 * - a parent neither accepted from this file nor in the version: MISSING_PARENT. Rows are checked
 *   by depth, so a file lists its codes in any order; a rejected parent rejects its children.
 */
export function validateRows(
  kind: PlanningCodeKind,
  rows: readonly SourceRow[],
  existing: ReadonlyMap<string, string>,
): RowValidation {
  const rejections: RowRejection[] = [];
  const reject = (row: number, code: string | null, reason: ImportRejectionReason, text: string) =>
    rejections.push({ row, code, reason, message: `Baris ${row}: ${text}` });

  const firstRow = new Map<string, number>();
  const candidates: AcceptedRow[] = [];
  for (const source of rows) {
    const code = normalizeCode(source.code);
    const name = normalizeName(source.name);
    if (!code) {
      reject(source.row, null, 'MALFORMED_CODE', `kode kosong (nama '${name}')`);
      continue;
    }
    const checked = checkCode(kind, code);
    if (!checked.ok) {
      reject(source.row, code, checked.reason, checked.message);
      continue;
    }
    if (!name) {
      reject(source.row, code, 'MISSING_NAME', `nama untuk kode '${code}' kosong`);
      continue;
    }
    const earlier = firstRow.get(code);
    if (earlier !== undefined) {
      reject(source.row, code, 'DUPLICATE', `kode '${code}' sudah ada pada baris ${earlier}`);
      continue;
    }
    firstRow.set(code, source.row);
    const stored = existing.get(code);
    if (stored !== undefined && normalizeName(stored) !== name) {
      reject(
        source.row,
        code,
        'DUPLICATE',
        `kode '${code}' sudah ada pada versi tujuan dengan nama lain ('${stored}')`,
      );
      continue;
    }
    candidates.push({ ...checked.info, row: source.row, name, unchanged: stored !== undefined });
  }

  // Parents first: a stable sort by depth keeps the file's order within a level.
  const byDepth = [...candidates].sort((a, b) => a.depth - b.depth);
  const acceptedCodes = new Set<string>();
  const accepted: AcceptedRow[] = [];
  for (const candidate of byDepth) {
    const parent = candidate.parentCode;
    if (parent && !acceptedCodes.has(parent) && !existing.has(parent)) {
      const parentSpec = specOf(parent, kind);
      const parentLabel = parentSpec ? ` (${parentSpec.label.toLowerCase()})` : '';
      reject(
        candidate.row,
        candidate.code,
        'MISSING_PARENT',
        `induk '${parent}'${parentLabel} dari kode '${candidate.code}' tidak ada pada berkas ` +
          `maupun pada versi tujuan`,
      );
      continue;
    }
    acceptedCodes.add(candidate.code);
    accepted.push(candidate);
  }
  accepted.sort((a, b) => a.row - b.row);
  rejections.sort((a, b) => a.row - b.row);
  return { accepted, rejections };
}

/** Every code whose stored state the validation needs: the file's codes and their parents. */
export function codesToLookUp(kind: PlanningCodeKind, rows: readonly SourceRow[]): string[] {
  const codes = new Set<string>();
  for (const source of rows) {
    const info = describeCode(kind, source.code);
    if (!info) continue;
    codes.add(info.code);
    if (info.parentCode) codes.add(info.parentCode);
  }
  return [...codes];
}

// ---------------------------------------------------------------------------------------------
// Files: text decoding, CSV, header detection

/** One row of a file as read: its row number (1-based, header included) and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
}

/** UTF-8 (with or without BOM); UTF-16 with BOM; otherwise Windows-1252 (older Excel CSVs). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** `;`, `,` or tab: whichever occurs most often (outside quotes) in the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF or CR
 * end a record. Each record is one row (so a quoted line break does not shift row numbers).
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

export function csvTable(bytes: Uint8Array): TableRow[] {
  return parseCsv(decodeText(bytes)).map((cells, index) => ({ row: index + 1, cells }));
}

const CODE_HEADERS = new Set(['kode', 'code', 'koderekening', 'nomorkode', 'kodeakun']);
const NAME_HEADERS = new Set([
  'nama',
  'name',
  'nomenklatur',
  'uraian',
  'namarekening',
  'uraianrekening',
]);

const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, '');
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

export interface FileRows {
  rows: SourceRow[];
  /** Data rows that are not blank (the header excluded). */
  totalRows: number;
}

/** Upper bound on data rows per file (the whole 2021 nomenclature has well under this). */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * The data rows of a table whose first non-blank row is the header with a code column (`kode`,
 * `code`, `kode rekening`) and a name column (`nama`, `name`, `nomenklatur`, `uraian`).
 */
export function rowsFromTable(table: readonly TableRow[]): FileRows {
  const headerIndex = table.findIndex((row) => !isBlank(row.cells));
  const header = table[headerIndex];
  if (!header) throw badInput('Berkas kosong: tidak ada baris judul maupun data.');
  const keys = header.cells.map(headerKey);
  const codeColumn = keys.findIndex((key) => CODE_HEADERS.has(key));
  const nameColumn = keys.findIndex((key) => NAME_HEADERS.has(key));
  if (codeColumn < 0 || nameColumn < 0) {
    throw badInput(
      `Baris judul (baris ${header.row}) harus memuat kolom 'kode' dan 'nama' ` +
        `(atau 'nomenklatur'/'uraian'); terbaca: ${header.cells.map((c) => `'${c.trim()}'`).join(', ')}.`,
    );
  }
  const rows: SourceRow[] = [];
  for (const line of table.slice(headerIndex + 1)) {
    const code = line.cells[codeColumn] ?? '';
    const name = line.cells[nameColumn] ?? '';
    if (isBlank([code, name])) continue;
    rows.push({ row: line.row, code, name });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badInput(
      `Berkas memuat ${rows.length} baris data; paling banyak ${MAX_IMPORT_ROWS} baris per impor.`,
    );
  }
  return { rows, totalRows: rows.length };
}

/** Label of a level (exported for resolvers and messages). */
export function levelLabel(level: PlanningCodeLevel): string {
  return SPEC_BY_LEVEL.get(level)!.label;
}

import { isDuplicateKey } from '@sipadu/events';
import { badInput, type Logger, type Principal } from '@sipadu/service-kit';
import {
  createWorkingCalendar,
  INDONESIA_HOLIDAYS_2026,
  type WorkingCalendar,
} from '@sipadu/workflow';
import type { Connection } from 'mongoose';
import { access } from '../access.js';
import type {
  HolidayImportError,
  HolidayImportResult,
  WorkingCalendarYear,
} from '../generated/graphql.js';
import {
  holidayYearModel,
  type HolidayKind,
  type HolidayRecord,
  type HolidayYearModel,
  type HolidayYearRecord,
} from '../models/holiday-year.model.js';

export type WorkingCalendarYearView = WorkingCalendarYear;
export type HolidayImportResultView = HolidayImportResult;

/** How long a replica trusts its cached holidays before reading them again (imports elsewhere). */
const REFRESH_MS = 60_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** A year has a few dozen holidays; anything far larger is not a holiday list. */
const MAX_LINES = 400;
const KINDS: readonly HolidayKind[] = ['libur-nasional', 'cuti-bersama'];
const DEFAULT_YEARS: Readonly<Record<number, readonly HolidayRecord[]>> = {
  2026: INDONESIA_HOLIDAYS_2026.filter((h): h is HolidayRecord =>
    KINDS.includes(h.kind as HolidayKind),
  ),
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `31/12/2026` or `31-12-2026`, as spreadsheets in id-ID export dates. */
const LOCAL_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

function calendarDate(value: string): string | null {
  let y: string, m: string, d: string;
  const iso = ISO_DATE.exec(value);
  const local = LOCAL_DATE.exec(value);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (local) [, d, m, y] = local as unknown as [string, string, string, string];
  else return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
    ? date
    : null;
}

const unquote = (field: string) => {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"').trim()
    : trimmed;
};

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput(`Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`, { fields: ['year'] });
  }
}

/**
 * Reads a holiday CSV `tanggal;jenis;keterangan` (header optional, `;` or `,` between fields)
 * and checks every row: a date of `year` (YYYY-MM-DD, or DD/MM/YYYY), a known kind, a name, no
 * date twice. Row errors come back with their line numbers; BAD_USER_INPUT only when the text
 * holds no row at all (or far too many).
 */
export function parseHolidayCsv(
  year: number,
  csv: string,
): { holidays: HolidayRecord[]; errors: HolidayImportError[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows = lines
    .map((text, index) => ({ text: text.trim(), line: index + 1 }))
    .filter((row) => row.text !== '');
  const first = rows[0];
  const delimiter = first?.text.includes(';') ? ';' : ',';
  if (first && /^"?tanggal"?\s*[;,]/i.test(first.text)) rows.shift();
  if (rows.length === 0) {
    throw badInput('Berkas CSV tidak berisi baris hari libur (format: tanggal;jenis;keterangan).', {
      fields: ['csv'],
    });
  }
  if (rows.length > MAX_LINES) {
    throw badInput(`Berkas CSV terlalu panjang: maksimal ${MAX_LINES} baris hari libur.`, {
      fields: ['csv'],
    });
  }

  const holidays: HolidayRecord[] = [];
  const errors: HolidayImportError[] = [];
  const seen = new Map<string, number>();
  for (const { text, line } of rows) {
    const [rawDate = '', rawKind = '', ...rest] = text.split(delimiter);
    // The name is the last column: a delimiter inside it belongs to the name.
    const name = unquote(rest.join(delimiter));
    const fail = (message: string) => errors.push({ line, message });
    if (rest.length === 0) {
      fail('Baris harus berisi tiga kolom: tanggal;jenis;keterangan.');
      continue;
    }
    const date = calendarDate(unquote(rawDate));
    const kind = unquote(rawKind).toLowerCase().replace(/\s+/g, '-');
    if (!date) fail(`Tanggal "${unquote(rawDate)}" tidak valid: gunakan format YYYY-MM-DD.`);
    else if (!date.startsWith(`${year}-`)) fail(`Tanggal ${date} tidak berada pada tahun ${year}.`);
    if (!KINDS.includes(kind as HolidayKind)) {
      fail(`Jenis "${unquote(rawKind)}" tidak dikenal: gunakan libur-nasional atau cuti-bersama.`);
    }
    if (!name) fail('Keterangan (nama hari libur) wajib diisi.');
    if (date) {
      const earlier = seen.get(date);
      if (earlier !== undefined) fail(`Tanggal ${date} sudah tercantum pada baris ${earlier}.`);
      else seen.set(date, line);
    }
    if (date && name) holidays.push({ date, name, kind: kind as HolidayKind });
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, errors };
}

/**
 * The Pemda's working-day calendar: weekends plus the holidays and cuti bersama stored per year
 * in `holiday_years` (2026 ships with the SKB list; later years are imported by super-admin).
 * Every replica keeps the calendar cached for the synchronous clock computations and reads the
 * years again at most every minute, so an import on another replica is seen soon.
 */
export class CalendarService {
  readonly model: HolidayYearModel;
  readonly timeZone: string;
  private readonly logger: Logger;
  private years = new Map<number, HolidayYearRecord>();
  private cached: WorkingCalendar;
  private loadedAt: number;
  private loading: Promise<void> | null = null;

  constructor(options: { connection: Connection; timeZone: string; logger: Logger }) {
    this.model = holidayYearModel(options.connection);
    this.timeZone = options.timeZone;
    this.logger = options.logger;
    // Until init() has read the database: the shipped lists.
    this.cached = createWorkingCalendar({
      timeZone: this.timeZone,
      holidays: Object.values(DEFAULT_YEARS).flat(),
    });
    this.loadedAt = Date.now();
  }

  async init(): Promise<void> {
    for (const [year, holidays] of Object.entries(DEFAULT_YEARS)) {
      const shipped: HolidayYearRecord = {
        _id: Number(year),
        holidays: [...holidays],
        source: 'bawaan',
        importedAt: null,
        importedBy: null,
      };
      // Only when absent: an imported list of that year wins (and replicas start together).
      await this.model.create(shipped).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
    }
    await this.load();
  }

  /** The current calendar (cached; a read older than a minute is refreshed in the background). */
  calendar(): WorkingCalendar {
    if (Date.now() - this.loadedAt > REFRESH_MS) void this.refresh();
    return this.cached;
  }

  /** One year's holidays and working days (GraphQL WorkingCalendarYear). */
  async year(year: number): Promise<WorkingCalendarYearView> {
    assertYear(year);
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.refresh();
    return this.view(year);
  }

  /**
   * Replaces a year's holidays with the rows of a CSV when every row is valid; otherwise stores
   * nothing and returns the rows' errors (super-admin).
   */
  async importCsv(
    principal: Principal | null,
    year: number,
    csv: string,
  ): Promise<HolidayImportResultView> {
    const caller = access.require(principal, 'Mutation.importHolidays');
    assertYear(year);
    const { holidays, errors } = parseHolidayCsv(year, csv);
    if (errors.length > 0) return { year, imported: 0, errors, calendar: await this.year(year) };
    const record: HolidayYearRecord = {
      _id: year,
      holidays,
      source: 'impor',
      importedAt: new Date(),
      importedBy: { id: caller.id, name: caller.name ?? caller.username },
    };
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.model.replaceOne({ _id: year }, record, { upsert: true }).exec();
        break;
      } catch (error) {
        // Two first imports of a year race on its _id; the second one simply replaces.
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
    this.logger.info({ year, holidays: holidays.length, by: caller.id }, 'hari libur diimpor');
    await this.load();
    return { year, imported: holidays.length, errors: [], calendar: this.view(year) };
  }

  private refresh(): Promise<void> {
    this.loadedAt = Date.now();
    this.loading ??= this.load()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'kalender hari libur tidak dapat dimuat ulang');
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.model.find().lean<HolidayYearRecord[]>().exec();
    this.years = new Map(rows.map((row) => [row._id, row]));
    this.cached = createWorkingCalendar({
      timeZone: this.timeZone,
      holidays: rows.flatMap((row) => row.holidays),
    });
    this.loadedAt = Date.now();
  }

  private view(year: number): WorkingCalendarYearView {
    const record = this.years.get(year);
    const calendar = this.cached;
    let workingDays = 0;
    for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = calendar.nextDate(date)) {
      if (calendar.isWorkingDay(date)) workingDays += 1;
    }
    return {
      year,
      timeZone: this.timeZone,
      holidays: (record?.holidays ?? [])
        .map(({ date, name, kind }) => ({ date, name, kind }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      workingDays,
      source: this.sourceLabel(record),
    };
  }

  private sourceLabel(record: HolidayYearRecord | undefined): string {
    if (!record) return 'Belum diimpor: hanya Sabtu dan Minggu yang dihitung libur';
    if (record.source === 'bawaan' || !record.importedAt) {
      return 'Data bawaan (SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB)';
    }
    const at = new Intl.DateTimeFormat('id-ID', {
      dateStyle: 'long',
      timeZone: this.timeZone,
    }).format(record.importedAt);
    const by = record.importedBy?.name ?? record.importedBy?.id;
    return by ? `Impor ${at} oleh ${by}` : `Impor ${at}`;
  }
}

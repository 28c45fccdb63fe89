import { MONTH_NAMES, MONTH_SHORT_NAMES } from '@sipadu/reports';
import { badInput } from '@sipadu/service-kit';
import { stepClock, type IsoDate, type Workflow, type WorkingCalendar } from '@sipadu/workflow';
import type { CaseFlow, CaseRecord } from '../models/case.model.js';

// The counting rules shared by the performance report, the monthly recaps and their scheduler:
// what completes a case, which transitions are loops, and the periods in the Pemda's zone.

export const FLOW_LABELS: Readonly<Record<CaseFlow, string>> = {
  CONSULTATION: 'Konsultasi',
  WORK_ITEM: 'Pekerjaan Internal',
  ICT_COMPLAINT: 'Pengaduan TIK',
  PUBLIC_COMPLAINT: 'Pengaduan Masyarakat',
};

/** Transitions that send a case back a step (the loops of the SOP and of SP4N-LAPOR!). */
export const LOOP_TRANSITIONS: Readonly<Record<CaseFlow, readonly string[]>> = {
  CONSULTATION: ['return'],
  WORK_ITEM: ['return'],
  ICT_COMPLAINT: ['reopen'],
  PUBLIC_COMPLAINT: ['reply'],
};

export const LOOP_LABELS: Readonly<Record<CaseFlow, string>> = {
  CONSULTATION: 'Jawaban dikembalikan kasubdit',
  WORK_ITEM: 'Hasil dikembalikan untuk perbaikan',
  ICT_COMPLAINT: 'Dibuka kembali oleh pelapor',
  PUBLIC_COMPLAINT: 'Ditanggapi kembali oleh warga',
};

/**
 * Final states that end a case without completing it: a cancelled work item and a rejected
 * public complaint count neither as completed nor for points or on-time figures (they were not
 * handled to the end); they only leave the open backlog.
 */
export const UNCOMPLETED_FINAL_STATES: ReadonlySet<string> = new Set(['CANCELLED', 'REJECTED']);

/** A closed case that reached a completing final state. */
export const isCompleted = (record: Pick<CaseRecord, 'closedAt' | 'state'>) =>
  record.closedAt != null && !UNCOMPLETED_FINAL_STATES.has(record.state);

/** A month (`YYYY-MM`) or a year (`YYYY`) as the instants it spans in the Pemda's zone. */
export interface PeriodWindow {
  key: string;
  /** "Mei 2026" or "Tahun 2026". */
  label: string;
  start: Date;
  /** Exclusive. */
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad = (value: number) => String(value).padStart(2, '0');

function parseMonth(month: string): [number, number] | null {
  const match = MONTH.exec(month.trim());
  if (!match) return null;
  const year = Number(match[1]);
  return year < MIN_YEAR || year > MAX_YEAR ? null : [year, Number(match[2])];
}

/** `2026-05` → `Mei 2026`. */
export function monthLabel(month: string): string {
  const [year, index] = parseMonth(month) ?? [0, 0];
  return `${MONTH_NAMES[index - 1] ?? ''} ${year}`;
}

export function nextMonth(month: string): string {
  const [year, index] = parseMonth(month) ?? [0, 0];
  return index === 12 ? `${year + 1}-01` : `${year}-${pad(index + 1)}`;
}

export function previousMonth(month: string): string {
  const [year, index] = parseMonth(month) ?? [0, 0];
  return index === 1 ? `${year - 1}-12` : `${year}-${pad(index - 1)}`;
}

/** The month (`YYYY-MM`) a local date lies in. */
export const monthOf = (date: IsoDate) => date.slice(0, 7);

/** A `YYYY-MM` month in the Pemda's zone; BAD_USER_INPUT names the field otherwise. */
export function monthWindow(
  calendar: WorkingCalendar,
  month: string,
  field = 'month',
): PeriodWindow {
  if (!parseMonth(month)) {
    throw badInput(
      `${field} harus berformat YYYY-MM (tahun ${MIN_YEAR}–${MAX_YEAR}), mis. 2026-05.`,
      {
        fields: [field],
      },
    );
  }
  const key = month.trim();
  return {
    key,
    label: monthLabel(key),
    start: calendar.startOf(`${key}-01`),
    end: calendar.startOf(`${nextMonth(key)}-01`),
  };
}

/** A month (`YYYY-MM`) or a whole year (`YYYY`) in the Pemda's zone. */
export function periodWindow(
  calendar: WorkingCalendar,
  period: string,
  field = 'period',
): PeriodWindow {
  const year = YEAR.exec(period.trim());
  if (!year) return monthWindow(calendar, period, field);
  const value = Number(year[1]);
  if (value < MIN_YEAR || value > MAX_YEAR) {
    throw badInput(`${field} harus berformat YYYY-MM atau YYYY (tahun ${MIN_YEAR}–${MAX_YEAR}).`, {
      fields: [field],
    });
  }
  return {
    key: String(value),
    label: `Tahun ${value}`,
    start: calendar.startOf(`${value}-01-01`),
    end: calendar.startOf(`${value + 1}-01-01`),
  };
}

/** The first working day of a month (weekends, holidays and cuti bersama skipped). */
export function firstWorkingDay(calendar: WorkingCalendar, month: string): IsoDate {
  let date = `${month}-01`;
  while (!calendar.isWorkingDay(date)) date = calendar.nextDate(date);
  return date;
}

/**
 * The month whose recap is due at `now`: the previous month, from the first working day of this
 * month once the local time has reached `hour` (and on any later day, so a platform that was down
 * on that day catches up; the scheduler skips months already published); otherwise null.
 */
export function dueRecapMonth(calendar: WorkingCalendar, now: Date, hour = 7): string | null {
  const today = calendar.dateOf(now);
  const first = firstWorkingDay(calendar, monthOf(today));
  if (today < first) return null;
  const sinceMidnight = now.getTime() - calendar.startOf(today).getTime();
  if (today === first && sinceMidnight < hour * 3_600_000) return null;
  return previousMonth(monthOf(today));
}

/** A stretch of days of a month for the volume chart: 1–7, 8–14, 15–21, 22–28, 29–end. */
export interface MonthWeek {
  label: string;
  start: Date;
  end: Date;
}

export function monthWeeks(calendar: WorkingCalendar, month: string): MonthWeek[] {
  const window = monthWindow(calendar, month);
  const lastDay = Number(calendar.dateOf(new Date(window.end.getTime() - 1)).slice(8, 10));
  const short = MONTH_SHORT_NAMES[Number(month.slice(5, 7)) - 1] ?? '';
  const weeks: MonthWeek[] = [];
  for (let first = 1; first <= lastDay; first += 7) {
    const last = Math.min(first + 6, lastDay);
    weeks.push({
      label: first === last ? `${first} ${short}` : `${first}–${last} ${short}`,
      start: calendar.startOf(`${month}-${pad(first)}`),
      end: last === lastDay ? window.end : calendar.startOf(`${month}-${pad(last + 1)}`),
    });
  }
  return weeks;
}

/** Part of a whole as a share 0–1 to four decimals; null without a whole. */
export const shareOf = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** Filed before `instant` and not closed by then. */
export const isOpenAt = (record: Pick<CaseRecord, 'createdAt' | 'closedAt'>, instant: Date) =>
  record.createdAt < instant && (record.closedAt == null || record.closedAt >= instant);

/** Mongo filter of the cases that may count in a period: filed before its end, open at its start. */
export const activeInWindow = (window: Pick<PeriodWindow, 'start' | 'end'>) => ({
  createdAt: { $lt: window.end },
  $or: [{ closedAt: null }, { closedAt: { $gte: window.start } }],
});

/**
 * Whether the case's step had passed its due time at `instant`: its clock replayed from the
 * history recorded before then, in the state it was in then (a step paused before its due time
 * is not overdue; one paused after it stays overdue, as the case page's clock shows it).
 */
export function isOverdueAt(
  workflow: Workflow,
  calendar: WorkingCalendar,
  record: Pick<CaseRecord, 'state' | 'createdAt' | 'history'>,
  instant: Date,
): boolean {
  const history = record.history
    .map((entry) => ({ ...entry, at: new Date(entry.at) }))
    .filter((entry) => entry.at < instant);
  const state = history.at(-1)?.to ?? record.history[0]?.from ?? record.state;
  return stepClock(
    workflow,
    calendar,
    { state, createdAt: new Date(record.createdAt), history },
    instant,
  ).overdue;
}

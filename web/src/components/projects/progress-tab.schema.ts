import { BFF_FILES_PATH } from '@/documents/file-proxy';

/** A month period as the service stores it: YYYY-MM. */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Indonesia's bounding box, as the projects service checks it. */
export const INDONESIA = { minLat: -11.5, maxLat: 6.5, minLng: 94, maxLng: 141.5 } as const;

export type MediaKindName = 'PHOTO' | 'VIDEO';

/** Position and capture time the documents service read from a photo's EXIF data. */
export interface ExifCapture {
  latitude: number | null;
  longitude: number | null;
  takenAt: string | null;
}

/** One uploaded photo or video of a report being written. */
export interface MediaEntry {
  fileId: string;
  name: string;
  kind: MediaKindName;
  caption: string;
  /** Typed by the reporter; empty uses the photo's EXIF position (if any). */
  latitude: number | '';
  longitude: number | '';
  exif: ExifCapture | null;
}

export interface ReportValues {
  period: string;
  physicalPercent: number | '';
  financialPercent: number | '';
  narrative: string;
  problems: string;
  media: MediaEntry[];
}

export interface ReportMessages {
  required: string;
  period: string;
  percent: string;
  tooLong: string;
  /** Only one of latitude and longitude given. */
  bothCoordinates: string;
  outside: string;
}

export type ReportErrors = Partial<
  Record<'period' | 'physicalPercent' | 'financialPercent' | 'narrative' | 'problems', string>
> & { media?: Record<string, string> };

function isPercent(value: number | ''): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Why a coordinate pair cannot be used, or null (both empty is fine: no manual position). */
export function coordinatesProblem(
  latitude: number | '',
  longitude: number | '',
  messages: Pick<ReportMessages, 'bothCoordinates' | 'outside'>,
): string | null {
  if (latitude === '' && longitude === '') return null;
  if (latitude === '' || longitude === '') return messages.bothCoordinates;
  const inside =
    latitude >= INDONESIA.minLat &&
    latitude <= INDONESIA.maxLat &&
    longitude >= INDONESIA.minLng &&
    longitude <= INDONESIA.maxLng;
  return inside ? null : messages.outside;
}

/** Checks a progress report before it is sent; the service checks again. */
export function validateReport(values: ReportValues, messages: ReportMessages): ReportErrors {
  const errors: ReportErrors = {};
  if (!values.period) errors.period = messages.required;
  else if (!PERIOD.test(values.period)) errors.period = messages.period;
  if (values.physicalPercent === '') errors.physicalPercent = messages.required;
  else if (!isPercent(values.physicalPercent)) errors.physicalPercent = messages.percent;
  if (values.financialPercent === '') errors.financialPercent = messages.required;
  else if (!isPercent(values.financialPercent)) errors.financialPercent = messages.percent;
  if (!values.narrative.trim()) errors.narrative = messages.required;
  else if (values.narrative.length > 5000) errors.narrative = messages.tooLong;
  if (values.problems.length > 5000) errors.problems = messages.tooLong;
  const media: Record<string, string> = {};
  for (const entry of values.media) {
    const problem = coordinatesProblem(entry.latitude, entry.longitude, messages);
    if (problem) media[entry.fileId] = problem;
  }
  if (Object.keys(media).length > 0) errors.media = media;
  return errors;
}

export function hasReportErrors(errors: ReportErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The report as `submitProgressReport` takes it; manual positions only when typed. */
export function toReportInput(values: ReportValues) {
  return {
    period: values.period,
    physicalPercent: typeof values.physicalPercent === 'number' ? values.physicalPercent : 0,
    financialPercent: typeof values.financialPercent === 'number' ? values.financialPercent : 0,
    narrative: values.narrative.trim(),
    problems: values.problems.trim() || null,
    media: values.media.map((entry) => {
      const manual = entry.latitude !== '' && entry.longitude !== '';
      return {
        fileId: entry.fileId,
        kind: entry.kind,
        caption: entry.caption.trim() || null,
        latitude: manual ? (entry.latitude as number) : null,
        longitude: manual ? (entry.longitude as number) : null,
      };
    }),
  };
}

/** One row of the monthly plan editor. */
export interface PlanRow {
  key: string;
  period: string;
  physicalPercent: number | '';
  financialPercent: number | '';
}

export interface PlanMessages {
  period: string;
  duplicate: string;
  percent: string;
  /** A cumulative plan never goes down from one month to the next. */
  decreasing: string;
  empty: string;
}

export interface PlanErrors {
  rows: Record<string, Partial<Record<'period' | 'physicalPercent' | 'financialPercent', string>>>;
  plan: string | null;
}

/** Checks the monthly S-curve plan: valid unique months, 0–100 %, never decreasing. */
export function validatePlan(rows: readonly PlanRow[], messages: PlanMessages): PlanErrors {
  const errors: PlanErrors = { rows: {}, plan: null };
  const seen = new Set<string>();
  const add = (
    key: string,
    field: 'period' | 'physicalPercent' | 'financialPercent',
    text: string,
  ) => {
    errors.rows[key] = { ...errors.rows[key], [field]: errors.rows[key]?.[field] ?? text };
  };
  for (const row of rows) {
    if (!PERIOD.test(row.period)) add(row.key, 'period', messages.period);
    else if (seen.has(row.period)) add(row.key, 'period', messages.duplicate);
    seen.add(row.period);
    if (!isPercent(row.physicalPercent)) add(row.key, 'physicalPercent', messages.percent);
    if (!isPercent(row.financialPercent)) add(row.key, 'financialPercent', messages.percent);
  }
  const sorted = [...rows].filter((row) => PERIOD.test(row.period)).sort(byPeriod);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1];
    const row = sorted[index];
    if (!previous || !row) continue;
    for (const field of ['physicalPercent', 'financialPercent'] as const) {
      const before = previous[field];
      const now = row[field];
      if (typeof before === 'number' && typeof now === 'number' && now < before) {
        add(row.key, field, messages.decreasing);
      }
    }
  }
  if (rows.length === 0) errors.plan = messages.empty;
  return errors;
}

export function hasPlanRowErrors(errors: PlanErrors): boolean {
  return errors.plan !== null || Object.keys(errors.rows).length > 0;
}

function byPeriod(a: { period: string }, b: { period: string }): number {
  return a.period.localeCompare(b.period);
}

/** The plan as `saveProgressPlan` takes it, in month order. */
export function toPlanPoints(rows: readonly PlanRow[]) {
  return [...rows].sort(byPeriod).map((row) => ({
    period: row.period,
    physicalPercent: typeof row.physicalPercent === 'number' ? row.physicalPercent : 0,
    financialPercent: typeof row.financialPercent === 'number' ? row.financialPercent : 0,
  }));
}

/** The month after a period ('2026-12' → '2027-01'); '' for anything else. */
export function nextPeriod(period: string): string {
  if (!PERIOD.test(period)) return '';
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The current month in the Pemda's calendar as YYYY-MM. */
export function currentPeriod(timeZone = 'Asia/Jakarta', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(
    now,
  );
}

/**
 * A gateway file path (`/files/<id>`, `/files/<id>/thumbnail`) as the browser reaches it through
 * the file BFF (`/api/files/…`), which adds the user's token on the server.
 */
export function browserFilePath(gatewayPath: string): string {
  return gatewayPath.startsWith('/files/')
    ? `${BFF_FILES_PATH}${gatewayPath.slice('/files'.length)}`
    : gatewayPath;
}

// The arithmetic of the Indeks Kepuasan Masyarakat (PermenPANRB 14/2017, DOMAIN.md §5), kept pure:
// no database, no rounding of what is returned (the portal rounds for display).
import type { ServiceGrade } from './types.js';

/**
 * Weight of each of the nine elements. The regulation prints it as 0.111; the index uses the exact
 * 1/9 (0.111 × 9 = 0.999 would make a perfect service score 99.9, not 100).
 */
export const ELEMENT_WEIGHT = 1 / 9;
export const CONVERSION_FACTOR = 25;

/** Krejcie & Morgan (1970) constants: χ² for 1 degree of freedom at 95 %, P = 0.5, d = 0.05. */
export const CHI_SQUARE = 3.841;
export const PROPORTION = 0.5;
export const MARGIN_OF_ERROR = 0.05;

/** Nilai rata-rata per unsur: sum of the scores / number of answers; null without answers. */
export function nrr(total: number, answers: number): number | null {
  return answers > 0 ? total / answers : null;
}

/**
 * IKM on the 1–4 scale: the mean of the nine NRRs, i.e. Σ NRR × 1/9 (divided by 9, which is the
 * same weight without the rounding error of multiplying by a rounded 1/9). Null when any element
 * has no answer.
 */
export function ikmOf(nrrs: readonly (number | null)[]): number | null {
  if (nrrs.length === 0 || nrrs.some((value) => value === null)) return null;
  const sum = (nrrs as number[]).reduce((acc, value) => acc + value, 0);
  return sum / nrrs.length;
}

/** IKM unit pelayanan on the 25–100 scale: IKM × 25. */
export function converted(ikm: number): number {
  return ikm * CONVERSION_FACTOR;
}

/**
 * Rounds to 2 decimals, half up, without binary noise: 88.305 is stored as 88.30499999…, and
 * `Math.round(x * 100)` would give 88.30; reading x × 100 to 12 significant digits first gives the
 * decimal value people compute by hand (8830.5 → 8831).
 */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

export interface GradeResult {
  grade: ServiceGrade;
  performance: string;
}

/**
 * Mutu and kinerja of a converted IKM. The regulation's intervals are written with 2 decimals
 * (88.31–100.00 A, 76.61–88.30 B, 65.00–76.60 C, 25.00–64.99 D) and leave gaps between them (what
 * is 88.305?), so the decision is taken on the value rounded to 2 decimals: the gaps close and a
 * reader who sees "88,31" on the page also sees grade A.
 */
export function gradeOf(convertedValue: number): GradeResult {
  const value = round2(convertedValue);
  if (value >= 88.31) return { grade: 'A', performance: 'Sangat Baik' };
  if (value >= 76.61) return { grade: 'B', performance: 'Baik' };
  if (value >= 65) return { grade: 'C', performance: 'Kurang Baik' };
  return { grade: 'D', performance: 'Tidak Baik' };
}

/**
 * Minimum sample for a population N (Krejcie & Morgan 1970):
 * s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), rounded up (a minimum: never below the formula).
 * N = 0 → 0; never above N. The 1970 printed table rounds to the nearest instead, so at a few
 * sizes it shows one less (N = 50: 44.34 → table 44, here 45).
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const n = Math.floor(population);
  const pq = PROPORTION * (1 - PROPORTION);
  const s = (CHI_SQUARE * n * pq) / (MARGIN_OF_ERROR * MARGIN_OF_ERROR * (n - 1) + CHI_SQUARE * pq);
  // The tolerance keeps an exact integer computed as 80.0000000001 from becoming 81.
  return Math.min(n, Math.ceil(s - 1e-9));
}

export interface SampleAdequacy {
  population: number | null;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
}

/** Respondents against the Krejcie & Morgan minimum; all null when no population is recorded. */
export function sampleAdequacy(respondents: number, population: number | null): SampleAdequacy {
  if (population === null)
    return { population: null, minimumSample: null, sampleShortfall: null, sampleAdequate: null };
  const minimumSample = krejcieMorgan(population);
  return {
    population,
    minimumSample,
    sampleShortfall: Math.max(0, minimumSample - respondents),
    sampleAdequate: respondents >= minimumSample,
  };
}

export interface ElementTotals {
  total: number;
  answers: number;
}

export interface IndexResult {
  nrrs: (number | null)[];
  ikm: number | null;
  ikmConverted: number | null;
  grade: ServiceGrade | null;
  performance: string | null;
}

/** Everything the index derives from the per-element sums and answer counts. */
export function indexOf(elements: readonly ElementTotals[]): IndexResult {
  const nrrs = elements.map((element) => nrr(element.total, element.answers));
  const ikm = ikmOf(nrrs);
  if (ikm === null) return { nrrs, ikm: null, ikmConverted: null, grade: null, performance: null };
  const ikmConverted = converted(ikm);
  return { nrrs, ikm, ikmConverted, ...gradeOf(ikmConverted) };
}

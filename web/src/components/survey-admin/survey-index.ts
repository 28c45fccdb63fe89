/** Filled grade badges (white text, each at least 4.5:1 on white). */
export const GRADE_COLORS: Record<'A' | 'B' | 'C' | 'D', string> = {
  A: '#1b5e20',
  B: '#1864ab',
  C: '#a33a00',
  D: '#c92a2a',
};

/** Colours of the answers 1–4 in the distribution charts (poor → good), 4.5:1 on white. */
export const ANSWER_COLORS = ['#c92a2a', '#a33a00', '#1864ab', '#1b5e20'] as const;

/** NRR at or below this (1–4 scale) is weak: its converted value is under 76.61, grade C or D. */
export const WEAK_NRR = 3.0644;

export interface ElementLike {
  element: { code: string; order: number; name: string };
  nrr: number | null;
  answers: number;
  distribution: readonly number[];
}

/** A score with two decimals in the locale ("3,25"); "—" when there is none. */
export function formatScore(value: number | null | undefined, locale = 'id-ID'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A whole count in the locale ("1.234"). */
export function formatCount(value: number | null | undefined, locale = 'id-ID'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/**
 * The weakest elements: those with answers, lowest NRR first (ties in element order), at most
 * `count` of them — what an evaluator should look at first.
 */
export function weakestElements<T extends ElementLike>(elements: readonly T[], count = 3): T[] {
  return elements
    .filter((element) => typeof element.nrr === 'number' && element.answers > 0)
    .sort((a, b) => (a.nrr ?? 0) - (b.nrr ?? 0) || a.element.order - b.element.order)
    .slice(0, count);
}

/** Whether an element's NRR is weak (converted below grade B). */
export function isWeak(nrr: number | null | undefined): boolean {
  return typeof nrr === 'number' && nrr < WEAK_NRR;
}

/**
 * The distribution of answers per element as four series (answers 1, 2, 3, 4), each value the
 * share of that element's answers in percent (0 when the element has none), for stacked bars.
 */
export function distributionShares(elements: readonly ElementLike[]): number[][] {
  return [0, 1, 2, 3].map((answer) =>
    elements.map((element) => {
      const total = element.distribution.reduce((sum, value) => sum + value, 0);
      const value = element.distribution[answer] ?? 0;
      return total > 0 ? Math.round((value / total) * 1000) / 10 : 0;
    }),
  );
}

/** Respondents against the minimum sample, as words for a KPI card. */
export function sampleStatus(index: {
  respondents: number;
  minimumSample: number | null;
  sampleShortfall: number | null;
  sampleAdequate: boolean | null;
}): 'unknown' | 'adequate' | 'short' {
  if (index.minimumSample === null || index.sampleAdequate === null) return 'unknown';
  return index.sampleAdequate ? 'adequate' : 'short';
}

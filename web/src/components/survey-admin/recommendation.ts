export type FollowUpActionValue = 'PLAN' | 'PROGRESS' | 'COMPLETE' | 'VERIFY' | 'REOPEN';
export type RecommendationStatusValue =
  'OPEN' | 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'VERIFIED';
export type PriorityValue = 'HIGH' | 'MEDIUM' | 'LOW';

export const RECOMMENDATION_STATUSES: readonly RecommendationStatusValue[] = [
  'OPEN',
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'VERIFIED',
];
export const PRIORITIES: readonly PriorityValue[] = ['HIGH', 'MEDIUM', 'LOW'];
/** The order the action buttons appear in. */
export const FOLLOW_UP_ACTIONS: readonly FollowUpActionValue[] = [
  'PLAN',
  'PROGRESS',
  'COMPLETE',
  'VERIFY',
  'REOPEN',
];

/** Filled status badges (white text, at least 4.5:1 on white). */
export const RECOMMENDATION_STATUS_COLORS: Record<RecommendationStatusValue, string> = {
  OPEN: '#c92a2a',
  PLANNED: '#1864ab',
  IN_PROGRESS: '#5f3dc4',
  COMPLETED: '#a33a00',
  VERIFIED: '#1b5e20',
};

export const PRIORITY_COLORS: Record<PriorityValue, string> = {
  HIGH: '#c92a2a',
  MEDIUM: '#a33a00',
  LOW: '#495057',
};

export function isRecommendationStatus(value: unknown): value is RecommendationStatusValue {
  return RECOMMENDATION_STATUSES.some((status) => status === value);
}

export const MAX_PLAN = 5000;
export const MAX_NOTE = 2000;
export const MAX_RECOMMENDATION = 5000;

export interface FollowUpValues {
  plan: string;
  progressPercent: number | string;
  note: string;
}

export interface FollowUpInputValue {
  recommendationId: string;
  action: FollowUpActionValue;
  plan?: string;
  progressPercent?: number;
  note?: string;
}

export type FollowUpErrors = Partial<Record<keyof FollowUpValues, string>>;

/** The message keys (under `surveyAdmin.followUp.validation`) of each check. */
type Check = 'planRequired' | 'percentRange' | 'noteRequired' | 'tooLong';

/**
 * One follow-up step as the service expects it: PLAN needs the plan; PROGRESS a whole percent
 * 0–100; REOPEN a note saying why; COMPLETE and VERIFY an optional note.
 */
export function followUpInput(
  recommendationId: string,
  action: FollowUpActionValue,
  values: FollowUpValues,
  t: (key: Check) => string,
): { input: FollowUpInputValue } | { errors: FollowUpErrors } {
  const errors: FollowUpErrors = {};
  const plan = values.plan.trim();
  const note = values.note.trim();
  const input: FollowUpInputValue = { recommendationId, action };
  if (note.length > MAX_NOTE) errors.note = t('tooLong');
  if (action === 'PLAN') {
    if (!plan) errors.plan = t('planRequired');
    else if (plan.length > MAX_PLAN) errors.plan = t('tooLong');
    else input.plan = plan;
  }
  if (action === 'PROGRESS') {
    const text = String(values.progressPercent).trim();
    const percent = text === '' ? Number.NaN : Number(text);
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      errors.progressPercent = t('percentRange');
    } else input.progressPercent = percent;
  }
  if (action === 'REOPEN' && !note) errors.note = t('noteRequired');
  if (note && !errors.note) input.note = note;
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

/** Where a recommendation lives in the portal. */
export function recommendationHref(id: string): string {
  return `/rekomendasi/${encodeURIComponent(id)}`;
}

/** A progress value for a progress bar: 0–100, whole. */
export function clampPercent(value: number | null | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(100, Math.round(value)));
}

export interface RecommendationFormValues {
  elementCode: string;
  text: string;
  priority: PriorityValue;
  /** YYYY-MM-DD from a date input, or ''. */
  dueDate: string;
}

export interface RecommendationInputValue {
  organizationCode: string;
  period: { year: number; semester?: number; quarter?: number; month?: number };
  elementCode: string;
  text: string;
  priority: PriorityValue;
  dueDate: string | null;
}

export type RecommendationErrors = Partial<Record<keyof RecommendationFormValues, string>>;

/** A calendar date typed in a date input (YYYY-MM-DD that exists). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The evaluator's recommendation for one element: element and text required, a real due date. */
export function recommendationInput(
  organizationCode: string,
  period: RecommendationInputValue['period'],
  values: RecommendationFormValues,
  t: (key: 'elementRequired' | 'textRequired' | 'tooLong' | 'date') => string,
): { input: RecommendationInputValue } | { errors: RecommendationErrors } {
  const errors: RecommendationErrors = {};
  const text = values.text.trim();
  const dueDate = values.dueDate.trim();
  if (!values.elementCode) errors.elementCode = t('elementRequired');
  if (!text) errors.text = t('textRequired');
  else if (text.length > MAX_RECOMMENDATION) errors.text = t('tooLong');
  if (dueDate && !isCalendarDate(dueDate)) errors.dueDate = t('date');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      organizationCode,
      period,
      elementCode: values.elementCode,
      text,
      priority: values.priority,
      dueDate: dueDate || null,
    },
  };
}

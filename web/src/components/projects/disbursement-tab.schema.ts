/** One row of the tranche plan editor (strings as typed; numbers once parsed). */
export interface TranchePlanRow {
  /** Stable React key of the row. */
  key: string;
  /** The existing tranche's id (kept by the service), null for a new one. */
  id: string | null;
  name: string;
  share: number | '';
  plannedDate: string;
  minPhysicalProgress: number | '';
  requirementGroup: string;
  /** Already requested or further: shown, counted, but not editable. */
  locked: boolean;
}

export type TranchePlanField = 'name' | 'share' | 'plannedDate' | 'minPhysicalProgress';

export interface TranchePlanMessages {
  required: string;
  percent: string;
  sharePositive: string;
  date: string;
  /** Sum of shares over 100; gets `{total}`-free text, the caller formats the total. */
  totalOver: string;
  empty: string;
  tooLong: string;
}

export interface TranchePlanErrors {
  rows: Record<string, Partial<Record<TranchePlanField, string>>>;
  /** Problem of the plan as a whole (no rows, shares above 100 %). */
  plan: string | null;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Sum of the planned shares in percent, rounded to hundredths (floating point aside). */
export function shareTotal(rows: readonly Pick<TranchePlanRow, 'share'>[]): number {
  const total = rows.reduce((sum, row) => sum + (typeof row.share === 'number' ? row.share : 0), 0);
  return Math.round(total * 100) / 100;
}

/** The planned amount of a share of the loan, in whole rupiah. */
export function plannedAmountOf(share: number | '', loanAmount: number): number {
  return typeof share === 'number' ? Math.round((loanAmount * share) / 100) : 0;
}

function isPercent(value: number | ''): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Checks the plan as BPKAD edits it; the service checks again. */
export function validateTranchePlan(
  rows: readonly TranchePlanRow[],
  messages: TranchePlanMessages,
): TranchePlanErrors {
  const errors: TranchePlanErrors = { rows: {}, plan: null };
  for (const row of rows) {
    if (row.locked) continue;
    const rowErrors: Partial<Record<TranchePlanField, string>> = {};
    if (!row.name.trim()) rowErrors.name = messages.required;
    else if (row.name.trim().length > 200) rowErrors.name = messages.tooLong;
    if (row.share === '') rowErrors.share = messages.required;
    else if (!isPercent(row.share)) rowErrors.share = messages.percent;
    else if (row.share <= 0) rowErrors.share = messages.sharePositive;
    if (!DATE.test(row.plannedDate)) rowErrors.plannedDate = messages.date;
    if (row.minPhysicalProgress === '') rowErrors.minPhysicalProgress = messages.required;
    else if (!isPercent(row.minPhysicalProgress)) rowErrors.minPhysicalProgress = messages.percent;
    if (Object.keys(rowErrors).length > 0) errors.rows[row.key] = rowErrors;
  }
  if (rows.length === 0) errors.plan = messages.empty;
  else if (shareTotal(rows) > 100) errors.plan = messages.totalOver;
  return errors;
}

export function hasPlanErrors(errors: TranchePlanErrors): boolean {
  return errors.plan !== null || Object.keys(errors.rows).length > 0;
}

/** The rows as `saveDisbursementPlan` takes them (existing tranches keep their id). */
export function toTrancheInputs(rows: readonly TranchePlanRow[]) {
  return rows.map((row) => ({
    id: row.id,
    name: row.name.trim(),
    plannedShare: typeof row.share === 'number' ? row.share : 0,
    plannedDate: row.plannedDate,
    minPhysicalProgress: typeof row.minPhysicalProgress === 'number' ? row.minPhysicalProgress : 0,
    requirementGroup: row.requirementGroup.trim() || null,
  }));
}

export interface DisburseValues {
  amount: number | '';
  date: string;
}

/** The lender's "dicairkan" entry: a positive whole-rupiah amount and the date. */
export function validateDisbursement(
  values: DisburseValues,
  messages: { amount: string; date: string },
): Partial<Record<keyof DisburseValues, string>> {
  const errors: Partial<Record<keyof DisburseValues, string>> = {};
  if (
    typeof values.amount !== 'number' ||
    !Number.isInteger(values.amount) ||
    values.amount <= 0 ||
    values.amount > 1e15
  ) {
    errors.amount = messages.amount;
  }
  if (!DATE.test(values.date)) errors.date = messages.date;
  return errors;
}

/** Today in the Pemda's calendar (Asia/Jakarta by default) as YYYY-MM-DD. */
export function todayIn(timeZone = 'Asia/Jakarta', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);
}

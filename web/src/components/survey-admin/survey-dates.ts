/** A calendar date ("2026-06-30") as a Date at midday UTC, so no time zone moves its day. */
export function dateOnly(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

import type { getFormatter } from 'next-intl/server';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A calendar day `YYYY-MM-DD` (already in the Pemda's zone) as people read it, unshifted. */
export function dayText(format: Formatter, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' });
}

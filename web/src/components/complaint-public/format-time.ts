// Dates of the complaint pages in the Pemda's time zone, formatted in the browser without a
// translation runtime (Intl only).

/** A calendar day (`YYYY-MM-DD`) as "20 Juli 2026". */
export function formatDay(day: string, locale: string, timeZone: string): string {
  // Noon UTC: the same calendar day in every Indonesian time zone.
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/** An instant (ISO) as "20 Juli 2026 pukul 09.15". */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

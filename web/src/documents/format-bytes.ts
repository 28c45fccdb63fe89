const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A file size for people: 1 decimal above bytes, decimal separators of the locale. */
export function formatBytes(bytes: number, locale = 'id'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** The first characters of a SHA-256, enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The largest population file the page sends (the service parses it in memory). */
export const MAX_POPULATION_CSV_BYTES = 1024 * 1024;
export const MAX_POPULATION = 100_000_000;

/** Why a chosen CSV file is not sent, or null when it may be. */
export function populationCsvProblem(file: {
  name: string;
  size: number;
}): 'format' | 'size' | 'empty' | null {
  if (!/\.csv$/i.test(file.name)) return 'format';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_POPULATION_CSV_BYTES) return 'size';
  return null;
}

/** A population typed in the form: a whole number 0–100,000,000, or null when it is not one. */
export function populationValue(value: number | string): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/\./g, '');
  if (!/^\d+$/.test(text)) return null;
  const number = Number(text);
  return number <= MAX_POPULATION ? number : null;
}

/** The CSV the service reads, as a template to download: `layanan_id;periode;populasi`. */
export function populationCsvTemplate(serviceIds: readonly string[], periodKey: string): string {
  const lines = ['layanan_id;periode;populasi', ...serviceIds.map((id) => `${id};${periodKey};`)];
  return `${lines.join('\n')}\n`;
}

/** The fiscal year in the URL (`?tahun=2026`), or null for all years. */
export function fiscalYearOf(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The years to offer: those with projects, plus the one chosen, newest first. */
export function yearChoices(years: readonly number[], chosen: number | null): number[] {
  const all = new Set(years);
  if (chosen !== null) all.add(chosen);
  return [...all].sort((a, b) => b - a);
}

/** A share of a whole in percent (0 when the whole is 0). */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/** Base64 (as the export returns it) to bytes for a Blob. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

interface MapEntry {
  projectId: string;
  projectName: string;
  location: { id: string; latitude: number; longitude: number; address: string };
}

/** Map points of every project location, each linking to its project page. */
export function portfolioMapPoints(entries: readonly MapEntry[], hrefOf: (id: string) => string) {
  return entries.map((entry) => ({
    id: `${entry.projectId}-${entry.location.id}`,
    latitude: entry.location.latitude,
    longitude: entry.location.longitude,
    label: `${entry.projectName} — ${entry.location.address}`,
    href: hrefOf(entry.projectId),
    kind: 'project' as const,
  }));
}

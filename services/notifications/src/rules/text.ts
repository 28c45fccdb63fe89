const dateFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-12-01` → `1 Desember 2026`. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

export function quote(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const periodFormat = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-08` → `Agustus 2025`. */
export function formatPeriod(period: string): string {
  const date = new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? period : periodFormat.format(date);
}

const rupiahFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** `12500000000` → `Rp12.500.000.000`. */
export function formatRupiah(amount: number): string {
  return `Rp${rupiahFormat.format(amount)}`;
}

/** `45.5` → `45,5%`. */
export function formatPercent(value: number): string {
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(value)}%`;
}

/** The tabs of a loan project's page (`/proyek/<id>?tab=…`). */
export type ProjectTab =
  'ringkasan' | 'dokumen' | 'progres' | 'pencairan' | 'lokasi' | 'korespondensi' | 'riwayat';

/** A loan project's page, on one of its tabs. */
export function projectLink(projectId: string, tab?: ProjectTab): string {
  return `/proyek/${encodeURIComponent(projectId)}${tab ? `?tab=${tab}` : ''}`;
}

/**
 * Portal page of a subject's documents and requirements: a loan project's own "Dokumen
 * Persyaratan" tab, the generic subject page for everything else.
 */
export function subjectDocumentsLink(subject: { type: string; id: string }): string {
  if (subject.type === 'LoanProject') return projectLink(subject.id, 'dokumen');
  return `/dokumen/subjek/${encodeURIComponent(subject.type)}/${encodeURIComponent(subject.id)}`;
}

export function threadLink(threadId: string): string {
  return `/notifikasi/korespondensi/${encodeURIComponent(threadId)}`;
}

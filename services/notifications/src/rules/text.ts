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

/** Portal page of a subject's documents and requirements. */
export function subjectDocumentsLink(subject: { type: string; id: string }): string {
  return `/dokumen/subjek/${encodeURIComponent(subject.type)}/${encodeURIComponent(subject.id)}`;
}

export function threadLink(threadId: string): string {
  return `/notifikasi/korespondensi/${encodeURIComponent(threadId)}`;
}

import { BFF_FILES_PATH } from './file-proxy';

/** Where the portal shows one subject's requirements and documents. */
export function subjectHref(subject: { type: string; id: string }): string {
  return `/dokumen/subjek/${encodeURIComponent(subject.type)}/${encodeURIComponent(subject.id)}`;
}

export function documentHref(documentId: string): string {
  return `/dokumen/${encodeURIComponent(documentId)}`;
}

/** Download through the file BFF (the user's token is added on the server). */
export function fileHref(fileId: string): string {
  return `${BFF_FILES_PATH}/${encodeURIComponent(fileId)}`;
}

/** The public verification page of a seal's code (the QR code points there too). */
export function verificationHref(code: string): string {
  return `/verifikasi/${encodeURIComponent(code)}`;
}

/** Inline style of plain links on server-rendered Mantine pages (AA blue, like the navigation). */
export const LINK_STYLE = { color: 'var(--mantine-color-blue-8)' } as const;

import { base64ToBytes } from '@/components/projects/portfolio-data';

export interface ReportFile {
  filename: string;
  contentType: string;
  base64: string;
}

/** Hands a report made by the service (base64) to the browser as a download. */
export function saveReportFile(file: ReportFile): void {
  const url = URL.createObjectURL(
    new Blob([base64ToBytes(file.base64)], { type: file.contentType }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start reading the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

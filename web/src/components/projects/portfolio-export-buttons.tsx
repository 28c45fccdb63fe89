'use client';
import { Alert, Button, Group, Stack, VisuallyHidden } from '@mantine/core';
import { useClient } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { graphql } from '@/gql';
import type { ExportFormat } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { base64ToBytes } from './portfolio-data';

const LoanPortfolioExportQuery = graphql(`
  query LoanPortfolioExport($format: ExportFormat!, $fiscalYear: Int) {
    loanPortfolioExport(format: $format, fiscalYear: $fiscalYear) {
      filename
      contentType
      base64
      size
    }
  }
`);

/** Hands a file made in memory to the browser as a download. */
function saveFile(bytes: Uint8Array<ArrayBuffer>, filename: string, contentType: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start reading the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Unduh Excel" / "Unduh PDF": the portfolio of the chosen year as made by the projects service. */
export function PortfolioExportButtons({ fiscalYear }: { fiscalYear: number | null }) {
  const t = useTranslations('portfolio');
  const client = useClient();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const result = await client
        .query(LoanPortfolioExportQuery, { format, fiscalYear }, { requestPolicy: 'network-only' })
        .toPromise();
      const file = result.data?.loanPortfolioExport;
      if (!file) {
        setError(errorMessage(result.error) ?? t('exportFailed'));
        return;
      }
      saveFile(base64ToBytes(file.base64), file.filename, file.contentType);
    } catch {
      setError(t('exportFailed'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          variant="light"
          loading={busy === 'XLSX'}
          disabled={busy !== null && busy !== 'XLSX'}
          onClick={() => void download('XLSX')}
        >
          {t('downloadExcel')}
        </Button>
        <Button
          variant="light"
          loading={busy === 'PDF'}
          disabled={busy !== null && busy !== 'PDF'}
          onClick={() => void download('PDF')}
        >
          {t('downloadPdf')}
        </Button>
      </Group>
      <VisuallyHidden role="status">{busy ? t('exporting') : ''}</VisuallyHidden>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

'use client';
import { Alert, Button, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** The file name the server gave (`content-disposition`), else `fallback`. */
function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

async function errorOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? null;
  } catch {
    return null;
  }
}

/**
 * "Cetak ringkasan (PDF)": the one-page brief of the period, made by the insights service and
 * fetched through the portal's route handler (which attaches the session's token).
 */
export function BriefDownloadButton({ periodKey }: { periodKey: string }) {
  const t = useTranslations('leaderDashboard.brief');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(
        `/api/dasbor/ringkasan?periode=${encodeURIComponent(periodKey)}`,
      );
      if (!response.ok) {
        setError((await errorOf(response)) ?? t('failed'));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(
        response.headers.get('content-disposition'),
        t('filename', { period: periodKey }),
      );
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked a little later: some browsers start reading the blob after click() returns.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(t('failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Button variant="light" loading={busy} onClick={() => void download()}>
        {t('download')}
      </Button>
      <VisuallyHidden role="status">{busy ? t('busy') : ''}</VisuallyHidden>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

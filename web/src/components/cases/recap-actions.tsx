'use client';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useClient } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { saveReportFile } from '@/components/survey-admin/report-file';
import type { CaseFlow, RecapFormat } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { CasePublishRecapMutation, CaseRecapFileQuery } from './case-operations';

type Busy = 'publish' | RecapFormat | null;

/**
 * "Terbitkan rekap" (publish, or publish again, the month's recap: stored as documents and
 * announced) and "Unduh PDF" / "Unduh Excel" (the file made by the service, saved by the
 * browser), each showing how long it has been working.
 */
export function RecapActions({ flow, month }: { flow: CaseFlow; month: string }) {
  const t = useTranslations('cases.recap');
  const client = useClient();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  const ticker = useInterval(() => setSeconds((value) => value + 1), 1000);

  async function run(kind: Exclude<Busy, null>, work: () => Promise<string | null>) {
    setBusy(kind);
    setError(null);
    setSeconds(0);
    ticker.start();
    try {
      setError(await work());
    } catch {
      setError(t('failed'));
    } finally {
      ticker.stop();
      setBusy(null);
    }
  }

  const publish = () =>
    run('publish', async () => {
      const result = await client.mutation(CasePublishRecapMutation, { flow, month }).toPromise();
      if (!result.data?.publishMonthlyRecap) return errorMessage(result.error) ?? t('failed');
      notifications.show({ color: 'green', message: t('published') });
      startTransition(() => router.refresh());
      return null;
    });

  const download = (format: RecapFormat) =>
    run(format, async () => {
      const result = await client
        .query(CaseRecapFileQuery, { flow, month, format }, { requestPolicy: 'network-only' })
        .toPromise();
      const file = result.data?.monthlyRecapFile;
      if (!file) return errorMessage(result.error) ?? t('failed');
      saveReportFile(file);
      return null;
    });

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <Button
          onClick={() => void publish()}
          loading={busy === 'publish'}
          disabled={busy !== null && busy !== 'publish'}
        >
          {t('publish')}
        </Button>
        <Button
          variant="light"
          onClick={() => void download('PDF')}
          loading={busy === 'PDF'}
          disabled={busy !== null && busy !== 'PDF'}
        >
          {t('downloadPdf')}
        </Button>
        <Button
          variant="light"
          onClick={() => void download('XLSX')}
          loading={busy === 'XLSX'}
          disabled={busy !== null && busy !== 'XLSX'}
        >
          {t('downloadExcel')}
        </Button>
      </Group>
      {busy ? <Progress value={100} animated striped size="sm" aria-hidden maw={320} /> : null}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {busy ? t(busy === 'publish' ? 'publishing' : 'generating', { seconds }) : ''}
      </Text>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

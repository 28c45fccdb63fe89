'use client';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useClient } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { SurveyReportFormat } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { saveReportFile, type ReportFile } from './report-file';
import {
  SurveyAdminRecommendationReportQuery,
  SurveyAdminSatisfactionReportQuery,
} from './survey-admin-operations';
import type { PeriodInputValue } from './survey-period';

type Outcome = { file: ReportFile | null; error: string | null };

/** Runs a report query, saves the file, and tells how long it has been working. */
function useReportDownload() {
  const t = useTranslations('surveyAdmin.report');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState(0);
  const ticker = useInterval(() => setSeconds((value) => value + 1), 1000);

  async function run(key: string, load: () => Promise<Outcome>) {
    setBusy(key);
    setError(null);
    setSeconds(0);
    ticker.start();
    try {
      const { file, error: failure } = await load();
      if (!file) {
        setError(failure ?? t('failed'));
        return;
      }
      saveReportFile(file);
    } catch {
      setError(t('failed'));
    } finally {
      ticker.stop();
      setBusy(null);
    }
  }
  return { busy, error, seconds, run };
}

function Working({ busy, seconds }: { busy: boolean; seconds: number }) {
  const t = useTranslations('surveyAdmin.report');
  return (
    <>
      {busy ? <Progress value={100} animated striped size="sm" aria-hidden maw={320} /> : null}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {busy ? t('generating', { seconds }) : ''}
      </Text>
    </>
  );
}

/** "Cetak PDF": an organization's recommendations of one period with the per-element chart. */
export function RecommendationReportButton({
  organizationCode,
  period,
  variant = 'light',
}: {
  organizationCode: string;
  period: PeriodInputValue;
  variant?: 'light' | 'filled' | 'default';
}) {
  const t = useTranslations('surveyAdmin.report');
  const client = useClient();
  const { busy, error, seconds, run } = useReportDownload();
  return (
    <Stack gap={6}>
      <Group gap="sm">
        <Button
          variant={variant}
          loading={busy !== null}
          onClick={() =>
            void run('PDF', async () => {
              const result = await client
                .query(
                  SurveyAdminRecommendationReportQuery,
                  { organizationCode, period },
                  { requestPolicy: 'network-only' },
                )
                .toPromise();
              return {
                file: result.data?.recommendationReport ?? null,
                error: errorMessage(result.error),
              };
            })
          }
        >
          {t('printPdf')}
        </Button>
      </Group>
      <Working busy={busy !== null} seconds={seconds} />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The report of every organization for the head of region, as PDF or Excel. */
export function SatisfactionReportButtons({ period }: { period: PeriodInputValue }) {
  const t = useTranslations('surveyAdmin.report');
  const client = useClient();
  const { busy, error, seconds, run } = useReportDownload();
  const download = (format: SurveyReportFormat) =>
    void run(format, async () => {
      const result = await client
        .query(
          SurveyAdminSatisfactionReportQuery,
          { period, format },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { file: result.data?.satisfactionReport ?? null, error: errorMessage(result.error) };
    });
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          loading={busy === 'PDF'}
          disabled={busy !== null && busy !== 'PDF'}
          onClick={() => download('PDF')}
        >
          {t('downloadPdf')}
        </Button>
        <Button
          variant="light"
          loading={busy === 'XLSX'}
          disabled={busy !== null && busy !== 'XLSX'}
          onClick={() => download('XLSX')}
        >
          {t('downloadExcel')}
        </Button>
      </Group>
      <Working busy={busy !== null} seconds={seconds} />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

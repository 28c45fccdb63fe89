'use client';
import { Alert, Box, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useClient } from '@urql/next';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { choiceOfPeriodKey, type PeriodChoice } from '@/components/survey-admin/survey-period';
import { errorMessage } from '@/graphql/error-message';
import { ActivityFeed } from './activity-feed';
import { AlertList } from './alert-list';
import { BriefDownloadButton } from './brief-download-button';
import { ComplaintCharts } from './complaint-charts';
import { LeaderDashboardQuery } from './dashboard-operations';
import type { Dashboard } from './dashboard-view';
import { OrganizationMap } from './organization-map';
import { PeriodKeySelect } from './period-key-select';
import { PortfolioSummary } from './portfolio-summary';
import { RankingTable } from './ranking-table';
import { createRefreshScheduler, type RefreshScheduler } from './refresh-scheduler';
import { useDashboardStream, type StreamState } from './use-dashboard-stream';

/** Quiet time after a change signal before the dashboard is read again (bursts make one read). */
const REFRESH_DELAY_MS = 750;

const STREAM_COLORS: Record<StreamState, string> = {
  live: '#2b8a3e',
  connecting: '#868e96',
  offline: '#c2410c',
};

interface Props {
  initial: Dashboard | null;
  initialError: string | null;
  /** The period asked for in the URL; null: the service's current period. */
  requestedPeriod: string | null;
  /** The period the selector offers when the dashboard could not be read. */
  fallbackPeriod: PeriodChoice;
  years: readonly number[];
}

/**
 * The leaders' dashboard on one screen, kept current over the insights stream: every `dashboard`
 * signal reads the dashboard again (network-only, debounced), and the page says when it was
 * last updated. Screen readers hear each live update once through a polite live region.
 */
export function LeaderDashboard({
  initial,
  initialError,
  requestedPeriod,
  fallbackPeriod,
  years,
}: Props) {
  const t = useTranslations('leaderDashboard');
  const format = useFormatter();
  const client = useClient();
  const [dashboard, setDashboard] = useState<Dashboard | null>(initial);
  const [error, setError] = useState<string | null>(initialError);
  const [refreshing, setRefreshing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const scheduler = useRef<RefreshScheduler | null>(null);

  const periodKey = dashboard?.period.key ?? requestedPeriod;
  const clock = (iso: string) =>
    format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  const refresh = useEffectEvent(async () => {
    setRefreshing(true);
    const result = await client
      .query(LeaderDashboardQuery, { period: periodKey }, { requestPolicy: 'network-only' })
      .toPromise();
    setRefreshing(false);
    if (!result.data) {
      setError(errorMessage(result.error));
      return;
    }
    const next = result.data.leaderDashboard;
    setDashboard(next);
    setError(null);
    setAnnouncement(t('announced', { time: clock(next.generatedAt) }));
  });

  useEffect(() => {
    const current = createRefreshScheduler(() => refresh(), REFRESH_DELAY_MS);
    scheduler.current = current;
    return () => current.cancel();
  }, []);

  const stream = useDashboardStream(() => scheduler.current?.signal());
  const choice = choiceOfPeriodKey(periodKey) ?? fallbackPeriod;

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <PeriodKeySelect value={choice} years={years} />
          {periodKey ? <BriefDownloadButton periodKey={periodKey} /> : null}
        </Group>
        <Group gap="md" wrap="wrap">
          {dashboard ? (
            <Text size="sm" fw={600}>
              {t('periodOf', {
                period: dashboard.period.label,
                from: dashboard.period.from,
                to: dashboard.period.to,
              })}
            </Text>
          ) : null}
          <Group gap={6} wrap="nowrap" title={t('live.liveHint')} data-stream={stream}>
            <Box
              aria-hidden
              w={10}
              h={10}
              style={{ borderRadius: '50%', background: STREAM_COLORS[stream] }}
            />
            <Text size="sm" c="dimmed" data-testid="status-langsung">
              {t(`live.${stream}`)}
            </Text>
          </Group>
          {dashboard ? (
            <Text
              size="sm"
              c="dimmed"
              data-testid="dasbor-diperbarui"
              data-generated-at={dashboard.generatedAt}
            >
              {refreshing
                ? t('refreshing')
                : t('updatedAt', { time: clock(dashboard.generatedAt) })}
            </Text>
          ) : null}
        </Group>
        <VisuallyHidden aria-live="polite" role="status">
          {announcement}
        </VisuallyHidden>
      </Stack>

      <ErrorAlert message={error} />
      {dashboard && dashboard.unavailable.length > 0 ? (
        <Alert
          color="yellow.9"
          variant="light"
          title={t('unavailableTitle')}
          data-testid="modul-tidak-tersedia"
        >
          {t('unavailable', { modules: dashboard.unavailable.join(', ') })}
        </Alert>
      ) : null}

      {dashboard ? (
        <>
          <PortfolioSummary portfolio={dashboard.portfolio} />
          <AlertList alerts={dashboard.alerts} onAcknowledged={() => scheduler.current?.signal()} />
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl">
            <RankingTable dashboard={dashboard} />
            <section aria-labelledby="dasbor-peta">
              <Title order={2} size="h3" id="dasbor-peta" mb={4}>
                {t('map.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('map.lead')}
              </Text>
              <OrganizationMap points={dashboard.map} periodKey={dashboard.period.key} />
            </section>
          </SimpleGrid>
          <ComplaintCharts
            trend={dashboard.complaintTrend}
            overdue={dashboard.overdueByOrganization}
          />
          <ActivityFeed activity={dashboard.activity} />
        </>
      ) : null}
    </Stack>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { LeaderDashboardQuery } from '@/components/leader-dashboard/dashboard-operations';
import { LeaderDashboard } from '@/components/leader-dashboard/leader-dashboard';
import {
  choiceOfPeriodKey,
  normalizePeriodKey,
  yearOptions,
} from '@/components/survey-admin/survey-period';
import { yearMonthIn } from '@/components/survey-public/period-params';
import { environment } from '@/config/environment';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const PAGE = '/dasbor-pimpinan';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('leaderDashboard');
  return { title: t('title') };
}

/**
 * The leaders' dashboard (Perwali 64 §17(2)): every module on one screen for pimpinan and
 * super-admin, for the period in `?periode=` (2026, 2026-S2, 2026-Q4, 2026-M11; else the
 * service's current one). Rendered here first, then kept live in the browser.
 */
export default async function LeaderDashboardPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  await requirePage(PAGE);
  const t = await getTranslations('leaderDashboard');
  const requested = normalizePeriodKey(single((await searchParams).periode));
  const { data, error } = await runQuery(getClient(), LeaderDashboardQuery, {
    period: requested,
  });
  const dashboard = data?.leaderDashboard ?? null;
  const current = yearMonthIn(new Date(), environment().TIME_ZONE);
  const chosen = choiceOfPeriodKey(dashboard?.period.key ?? requested) ?? {
    year: current.year,
    granularity: 'YEAR' as const,
    part: null,
  };
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <LeaderDashboard
        // A new period is a new page: the live state starts from its server render.
        key={dashboard?.period.key ?? requested ?? ''}
        initial={dashboard}
        initialError={error}
        requestedPeriod={requested}
        fallbackPeriod={chosen}
        years={yearOptions(current.year, chosen.year)}
      />
    </Stack>
  );
}

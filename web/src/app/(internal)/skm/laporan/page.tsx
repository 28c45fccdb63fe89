import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { PeriodSelect } from '@/components/survey-admin/period-select';
import { SatisfactionReportButtons } from '@/components/survey-admin/report-buttons';
import {
  currentYear,
  monthName,
  periodFromParams,
  periodInput,
  roman,
  yearOptions,
} from '@/components/survey-admin/survey-period';
import { LINK_STYLE } from '@/documents/links';
import { single, type SearchParams } from '@/navigation/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.reportPage');
  return { title: t('title') };
}

/**
 * The SKM report of every organization for the head of region (Perbup §5(4)): a period, then the
 * PDF or the Excel workbook made by the surveys service.
 */
export default async function SatisfactionReportPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  await requirePage('/skm/laporan');
  const t = await getTranslations('surveyAdmin');
  const locale = await getLocale();
  const params = await searchParams;
  const period = periodFromParams(single(params.tahun), single(params.periode));
  const now = currentYear();
  // "Semester I 2026", "Triwulan III 2026", "Juli 2026", "Tahun 2026".
  const part = period.part ?? 1;
  const label =
    period.granularity === 'SEMESTER'
      ? `${t('period.semesterName', { n: roman(part) })} ${period.year}`
      : period.granularity === 'QUARTER'
        ? `${t('period.quarterName', { n: roman(part) })} ${period.year}`
        : period.granularity === 'MONTH'
          ? `${monthName(part, locale)} ${period.year}`
          : t('period.yearName', { year: period.year });
  return (
    <Stack gap="lg" maw={860}>
      <div>
        <Link href="/skm" style={LINK_STYLE}>
          ← {t('reportPage.back')}
        </Link>
        <Title order={1} mt={4}>
          {t('reportPage.title')}
        </Title>
        <Text c="dimmed">{t('reportPage.lead')}</Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="md">
          <PeriodSelect value={period} years={yearOptions(now, period.year)} currentYear={now} />
          <Text size="sm">{t('reportPage.chosen', { period: label })}</Text>
          <SatisfactionReportButtons period={periodInput(period)} />
        </Stack>
      </Paper>
    </Stack>
  );
}

import {
  Group,
  Paper,
  Stack,
  Table,
  TableCaption,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import {
  parsePeriodKey,
  periodOptions,
  selectedPeriod,
} from '@/components/assessment/assessment-period';
import { AssessmentRankingQuery } from '@/components/assessment/assessment-operations';
import { assessmentHref } from '@/components/assessment/assessment-links';
import { dayText } from '@/components/assessment/day-text';
import { AssessmentGrade } from '@/components/assessment/grade-badge';
import { PeriodSelect } from '@/components/assessment/period-select';
import { ScoreBar } from '@/components/assessment/score-bar';
import { ScoreChart } from '@/components/assessment/score-chart';
import { loadCaseData } from '@/components/cases/case-data';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { environment } from '@/config/environment';
import { LINK_STYLE } from '@/documents/links';
import { single, type SearchParams } from '@/navigation/search-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assessment');
  return { title: t('title') };
}

/**
 * Penilaian kinerja (Perwali 64 §17(4)f): every organization the reader may see ranked for a
 * period by its score from the modules' own numbers, each component's score with its weight, the
 * IKM, a chart, and a link to the records behind each score.
 */
export default async function AssessmentRankingPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  await requirePage('/penilaian-kinerja');
  const t = await getTranslations('assessment');
  const format = await getFormatter();
  const now = new Date();
  const timeZone = environment().TIME_ZONE;
  const period = selectedPeriod(single((await searchParams).periode), now, timeZone);
  const ikmPeriod = parsePeriodKey(period) ?? { year: Number(period) };
  const result = await loadCaseData(AssessmentRankingQuery, { period, ikmPeriod });
  if (result.forbidden && !result.data?.performanceAssessments) forbidden();
  const list = result.data?.performanceAssessments;
  const ikmByOrganization = new Map(
    (result.data?.organizationSatisfaction ?? []).map((index) => [index.scopeId ?? '', index]),
  );
  const items = list?.items ?? [];
  // Columns follow the method's components, in its order.
  const columns =
    items[0]?.components.map(({ key, label, weight }) => ({ key, label, weight })) ?? [];
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PeriodSelect period={period} groups={periodOptions(period, now, timeZone)} />
        <Link href="/penilaian-kinerja/metode" style={LINK_STYLE}>
          {t('methodLink')}
        </Link>
      </Group>
      <ErrorAlert message={result.error} />

      {list ? (
        <Text size="sm" c="dimmed" data-testid="info-penilaian">
          {t('computed', {
            period: list.period.label,
            from: dayText(format, list.period.from),
            to: dayText(format, list.period.to),
            method: list.method.name,
            version: list.method.version,
            at: format.dateTime(new Date(list.computedAt), {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
          })}
        </Text>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="grafik-nilai">
        <Title order={2} size="h3" id="grafik-nilai" mb="sm">
          {t('chartTitle', { period: list?.period.label ?? period })}
        </Title>
        <ScoreChart
          caption={t('chartTitle', { period: list?.period.label ?? period })}
          organizations={items
            .map((item) => ({
              name: item.organizationName,
              score: item.score ?? null,
              ikm: ikmByOrganization.get(item.organizationCode)?.ikmConverted ?? null,
            }))
            // Organizations without any number would only be empty rows.
            .filter((row) => row.score !== null || row.ikm !== null)}
        />
      </Paper>

      <section aria-labelledby="peringkat-organisasi">
        <Title order={2} size="h3" id="peringkat-organisasi" mb="sm">
          {t('rankingTitle')}
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">{t('noOrganizations')}</Text>
        ) : (
          <TableScrollContainer minWidth={960}>
            <Table striped verticalSpacing="sm" data-testid="peringkat-penilaian">
              <TableCaption>
                {t('rankingCaption', { period: list?.period.label ?? period })}
              </TableCaption>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">{t('rank')}</TableTh>
                  <TableTh scope="col">{t('organization')}</TableTh>
                  <TableTh scope="col">{t('score')}</TableTh>
                  <TableTh scope="col">{t('grade')}</TableTh>
                  {columns.map((column) => (
                    <TableTh scope="col" key={column.key}>
                      {column.label}
                      <Text span size="xs" c="dimmed" display="block" fw={400}>
                        {t('weight', { weight: number(column.weight) })}
                      </Text>
                    </TableTh>
                  ))}
                  <TableTh scope="col">{t('ikm')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {items.map((item) => {
                  const ikm = ikmByOrganization.get(item.organizationCode);
                  return (
                    <TableTr key={item.organizationCode} data-organization={item.organizationCode}>
                      <TableTd>{item.rank ?? '—'}</TableTd>
                      <TableTh scope="row" fw={500}>
                        <Link
                          href={assessmentHref(item.organizationCode, period)}
                          style={LINK_STYLE}
                        >
                          {item.organizationName}
                        </Link>
                        <Text span size="xs" c="dimmed" display="block">
                          {item.organizationCode}
                        </Text>
                      </TableTh>
                      <TableTd fw={700} data-testid="nilai">
                        {item.score === null || item.score === undefined ? '—' : number(item.score)}
                      </TableTd>
                      <TableTd>
                        <AssessmentGrade grade={item.grade} label={item.gradeLabel} />
                      </TableTd>
                      {columns.map((column) => {
                        const component = item.components.find((c) => c.key === column.key);
                        return (
                          <TableTd key={column.key} data-component={column.key}>
                            <ScoreBar
                              score={component?.score}
                              label={`${column.label}, ${item.organizationName}`}
                            />
                          </TableTd>
                        );
                      })}
                      <TableTd>
                        {ikm?.ikmConverted === null || ikm?.ikmConverted === undefined
                          ? '—'
                          : `${number(ikm.ikmConverted)}${ikm.grade ? ` (${ikm.grade})` : ''}`}
                      </TableTd>
                    </TableTr>
                  );
                })}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </section>
    </Stack>
  );
}

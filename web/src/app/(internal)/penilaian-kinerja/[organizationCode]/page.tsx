import {
  Badge,
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
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { AssessmentDetailQuery } from '@/components/assessment/assessment-operations';
import { periodOptions, selectedPeriod } from '@/components/assessment/assessment-period';
import { dayText } from '@/components/assessment/day-text';
import { AssessmentGrade, gradeColor } from '@/components/assessment/grade-badge';
import { PeriodSelect } from '@/components/assessment/period-select';
import { ScoreBar } from '@/components/assessment/score-bar';
import { loadCaseData } from '@/components/cases/case-data';
import { Fact, Facts } from '@/components/fact-list';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { environment } from '@/config/environment';
import { LINK_STYLE } from '@/documents/links';
import { single, type SearchParams } from '@/navigation/search-params';

type Params = Promise<{ organizationCode: string }>;

/** Records listed per component; the rest are counted (a year of complaints can be hundreds). */
const RECORDS_SHOWN = 200;

const loadAssessment = cache((organizationCode: string, period: string) =>
  loadCaseData(AssessmentDetailQuery, { organizationCode, period }),
);

async function selection(params: Params, searchParams: SearchParams) {
  const code = decodeURIComponent((await params).organizationCode)
    .trim()
    .slice(0, 60);
  const period = selectedPeriod(
    single((await searchParams).periode),
    new Date(),
    environment().TIME_ZONE,
  );
  return { code, period };
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const t = await getTranslations('assessment');
  const { code, period } = await selection(params, searchParams);
  const { data } = await loadAssessment(code, period);
  return {
    title: t('detailTitle', { name: data?.performanceAssessment?.organizationName ?? code }),
  };
}

/**
 * One organization's assessment for a period, drilled down: each component's score and weight,
 * how it was computed (in words, with the numbers used), the raw measures from the owning module
 * and the records behind it (services, cases, projects), those that lowered the score marked.
 */
export default async function AssessmentDetailPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await requirePage('/penilaian-kinerja');
  const t = await getTranslations('assessment');
  const format = await getFormatter();
  const { code, period } = await selection(params, searchParams);
  const result = await loadAssessment(code, period);
  if (result.forbidden) forbidden();
  const assessment = result.data?.performanceAssessment;
  if (!assessment && !result.error) notFound();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link href={`/penilaian-kinerja?periode=${encodeURIComponent(period)}`} style={LINK_STYLE}>
          ← {t('back')}
        </Link>
      </Text>
      <div>
        <Title order={1}>{assessment?.organizationName ?? code}</Title>
        <Text c="dimmed">{t('detailLead')}</Text>
      </div>
      <PeriodSelect
        period={period}
        groups={periodOptions(period, new Date(), environment().TIME_ZONE)}
      />
      <ErrorAlert message={result.error} />

      {assessment ? (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="ringkasan-nilai">
            <Title order={2} size="h3" id="ringkasan-nilai" mb="sm">
              {t('summaryTitle', { period: assessment.period.label })}
            </Title>
            <Facts cols={4}>
              <Fact label={t('score')}>
                <span data-testid="nilai-organisasi">
                  {assessment.score === null || assessment.score === undefined
                    ? t('noData')
                    : number(assessment.score)}
                </span>
              </Fact>
              <Fact label={t('grade')}>
                <AssessmentGrade grade={assessment.grade} label={assessment.gradeLabel} />
              </Fact>
              <Fact label={t('rank')}>{assessment.rank ?? '—'}</Fact>
              <Fact label={t('coverage')}>{number(assessment.coverage)}%</Fact>
              <Fact label={t('periodRange')}>
                {dayText(format, assessment.period.from)} – {dayText(format, assessment.period.to)}
              </Fact>
            </Facts>
            <Text size="sm" c="dimmed" mt="sm">
              {t('scoreRule', { version: assessment.methodVersion })}{' '}
              <Link href="/penilaian-kinerja/metode" style={LINK_STYLE}>
                {t('methodLink')}
              </Link>
            </Text>
          </Paper>

          {assessment.components.map((component) => {
            const headingId = `komponen-${component.key.toLowerCase()}`;
            const records = component.records.slice(0, RECORDS_SHOWN);
            const negatives = component.records.filter((record) => record.negative).length;
            return (
              <Paper
                key={component.key}
                withBorder
                p="md"
                component="section"
                aria-labelledby={headingId}
                data-component={component.key}
              >
                <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
                  <Title order={2} size="h3" id={headingId}>
                    {component.label}
                  </Title>
                  <div style={{ minWidth: 260 }}>
                    <ScoreBar
                      score={component.score}
                      label={component.label}
                      weight={component.weight}
                    />
                  </div>
                </Group>
                <Text size="sm" mb="sm">
                  {component.explanation}
                </Text>

                {component.measures.length ? (
                  <Facts cols={4}>
                    {component.measures.map((measure) => (
                      <Fact key={measure.key} label={measure.label}>
                        {measure.value === null || measure.value === undefined
                          ? '—'
                          : `${number(measure.value)}${measure.unit ? ` ${measure.unit}` : ''}`}
                      </Fact>
                    ))}
                  </Facts>
                ) : null}

                <Title order={3} size="h4" mt="md" mb={4}>
                  {t('recordsTitle')}
                </Title>
                {component.records.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('noRecords')}
                  </Text>
                ) : (
                  <>
                    <Text size="sm" c="dimmed" mb="xs">
                      {t('recordsCount', { count: component.records.length, negative: negatives })}
                    </Text>
                    <TableScrollContainer minWidth={720}>
                      <Table verticalSpacing="xs" data-testid={`data-${component.key}`}>
                        <TableCaption>
                          {t('recordsCaption', { component: component.label })}
                        </TableCaption>
                        <TableThead>
                          <TableTr>
                            <TableTh scope="col">{t('reference')}</TableTh>
                            <TableTh scope="col">{t('recordTitle')}</TableTh>
                            <TableTh scope="col">{t('detail')}</TableTh>
                            <TableTh scope="col">{t('effect')}</TableTh>
                          </TableTr>
                        </TableThead>
                        <TableTbody>
                          {records.map((record) => (
                            <TableTr
                              key={`${record.kind}-${record.id}`}
                              data-negative={record.negative}
                              bg={record.negative ? 'red.0' : undefined}
                            >
                              <TableTh scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                                {record.href ? (
                                  <Link href={record.href} style={LINK_STYLE}>
                                    {record.reference}
                                  </Link>
                                ) : (
                                  record.reference
                                )}
                              </TableTh>
                              <TableTd>{record.title}</TableTd>
                              <TableTd>{record.detail}</TableTd>
                              <TableTd>
                                {record.negative ? (
                                  <Badge
                                    color={gradeColor('D')}
                                    variant="filled"
                                    style={{ textTransform: 'none' }}
                                  >
                                    {t('negative')}
                                  </Badge>
                                ) : (
                                  <Text size="sm" c="dimmed">
                                    {t('positive')}
                                  </Text>
                                )}
                              </TableTd>
                            </TableTr>
                          ))}
                        </TableTbody>
                      </Table>
                    </TableScrollContainer>
                    {component.records.length > RECORDS_SHOWN ? (
                      <Text size="sm" c="dimmed" mt="xs">
                        {t('moreRecords', { count: component.records.length - RECORDS_SHOWN })}
                      </Text>
                    ) : null}
                  </>
                )}
              </Paper>
            );
          })}
        </>
      ) : null}
    </Stack>
  );
}

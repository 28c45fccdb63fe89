import {
  Anchor,
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
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { loadCaseData } from '@/components/cases/case-data';
import {
  caseNumberHref,
  isCaseFlow,
  monthOf,
  monthParam,
  monthsBefore,
} from '@/components/cases/case-flow';
import { PerformanceChart } from '@/components/cases/performance-chart';
import { PeriodFlowSelect } from '@/components/cases/period-flow-select';
import { RecapActions } from '@/components/cases/recap-actions';
import { Fact, Facts } from '@/components/fact-list';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { environment } from '@/config/environment';
import { LINK_STYLE, fileHref } from '@/documents/links';
import { graphql } from '@/gql';
import type { CaseFlow } from '@/gql/graphql';
import { single, type SearchParams } from '@/navigation/search-params';

const PerformanceQuery = graphql(`
  query CasesPerformance($period: String!, $flow: CaseFlow!) {
    performancePoints(period: $period, flow: $flow) {
      period
      officers {
        officer {
          id
          name
          organizationCode
        }
        points
        completed
        onTime
        onTimeShare
        averageHandlingDays
        open
      }
      pointRules {
        flow
        event
        points
        onTimeBonus
      }
    }
    monthlyRecap(flow: $flow, month: $period) {
      flowLabel
      monthLabel
      received
      completed
      completedOnTime
      onTimeShare
      averageHandlingDays
      openAtEnd
      overdueAtEnd
      loops
      points
      receivedCaseNumbers
      completedCaseNumbers
      openCaseNumbers
      generatedAt
    }
    publishedRecaps(flow: $flow, first: 12) {
      id
      month
      trigger
      publishedAt
      publishedBy
      recap {
        monthLabel
        received
        completed
        onTimeShare
      }
      pdfFile {
        id
      }
      xlsxFile {
        id
      }
    }
  }
`);

// A server component: Mantine's compound members (Table.Tr…) are not reachable through a client
// reference, and a client component takes no function (`component={Link}`): plain links here.
const NUMBER_LINK_STYLE = {
  ...LINK_STYLE,
  fontFamily: 'monospace',
  fontSize: 'var(--mantine-font-size-sm)',
};

/** Case numbers shown per drill-down list; the rest are counted. */
const NUMBERS_SHOWN = 60;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.performance');
  return { title: t('title') };
}

/**
 * Penilaian kinerja and monthly recaps: points and service-time compliance per officer for one
 * flow and month (chart and table), the month's recap with the case numbers behind each figure,
 * publishing it, its PDF and Excel, and the recaps already published.
 */
export default async function PerformancePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/kinerja');
  const t = await getTranslations('cases.performance');
  const r = await getTranslations('cases.recap');
  const format = await getFormatter();
  const params = await searchParams;
  const current = monthOf(new Date(), environment().TIME_ZONE);
  const month = monthParam(single(params.bulan)) ?? current;
  const flowParam = single(params.alur);
  // ICT's managers start on their own flow; the others on consultations.
  const flow: CaseFlow = isCaseFlow(flowParam)
    ? flowParam
    : user.roles.includes('pengelola-tik')
      ? 'ICT_COMPLAINT'
      : 'CONSULTATION';
  const { data, error } = await loadCaseData(PerformanceQuery, { period: month, flow });
  const performance = data?.performancePoints;
  const recap = data?.monthlyRecap;
  const share = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : format.number(value, { style: 'percent' });
  const days = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '—'
      : t('days', { days: format.number(value, { maximumFractionDigits: 1 }) });
  const officers = performance?.officers ?? [];
  const rule = performance?.pointRules.find((item) => item.flow === flow);

  const numbers = (title: string, list: readonly string[], testId: string) => (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Group gap={6} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.slice(0, NUMBERS_SHOWN).map((number) => (
            <li key={number}>
              <Link href={caseNumberHref(flow, number)} style={NUMBER_LINK_STYLE}>
                {number}
              </Link>
            </li>
          ))}
          {list.length > NUMBERS_SHOWN ? (
            <li>
              <Text size="sm" c="dimmed">
                {r('more', { count: list.length - NUMBERS_SHOWN })}
              </Text>
            </li>
          ) : null}
        </Group>
      )}
    </div>
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <PeriodFlowSelect month={month} months={monthsBefore(current, 24)} flow={flow} />
      <ErrorAlert message={error} />

      <Paper withBorder p="md" component="section" aria-labelledby="poin-petugas">
        <Title order={2} size="h3" id="poin-petugas" mb={4}>
          {t('officersTitle', { month: recap?.monthLabel ?? month })}
        </Title>
        {rule ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('rule', { event: rule.event, points: rule.points, bonus: rule.onTimeBonus })}
          </Text>
        ) : null}
        <PerformanceChart
          caption={t('officersTitle', { month: recap?.monthLabel ?? month })}
          officers={officers.map((row) => ({
            name: row.officer.name,
            points: row.points,
            completed: row.completed,
          }))}
        />
        {officers.length ? (
          <TableScrollContainer minWidth={720} mt="md">
            <Table striped verticalSpacing="xs" data-testid="tabel-kinerja">
              <TableCaption>{t('tableCaption')}</TableCaption>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">{t('officer')}</TableTh>
                  <TableTh scope="col">{t('points')}</TableTh>
                  <TableTh scope="col">{t('completed')}</TableTh>
                  <TableTh scope="col">{t('onTime')}</TableTh>
                  <TableTh scope="col">{t('onTimeShare')}</TableTh>
                  <TableTh scope="col">{t('average')}</TableTh>
                  <TableTh scope="col">{t('open')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {officers.map((row) => (
                  <TableTr key={row.officer.id} data-officer-id={row.officer.id}>
                    <TableTh scope="row" fw={500}>
                      {row.officer.name}
                      {row.officer.organizationCode ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({row.officer.organizationCode})
                        </Text>
                      ) : null}
                    </TableTh>
                    <TableTd>{row.points}</TableTd>
                    <TableTd>{row.completed}</TableTd>
                    <TableTd>{row.onTime}</TableTd>
                    <TableTd>{share(row.onTimeShare)}</TableTd>
                    <TableTd>{days(row.averageHandlingDays)}</TableTd>
                    <TableTd>{row.open}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        ) : null}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="rekap-bulanan">
        <Title order={2} size="h3" id="rekap-bulanan" mb={4}>
          {recap ? r('title', { flow: recap.flowLabel, month: recap.monthLabel }) : r('titlePlain')}
        </Title>
        {recap ? (
          <Stack gap="md">
            <Text size="xs" c="dimmed">
              {r('generatedAt', {
                date: format.dateTime(new Date(recap.generatedAt), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              })}
            </Text>
            <Facts cols={5}>
              <Fact label={r('received')}>{recap.received}</Fact>
              <Fact label={r('completed')}>{recap.completed}</Fact>
              <Fact label={r('completedOnTime')}>{recap.completedOnTime}</Fact>
              <Fact label={r('onTimeShare')}>{share(recap.onTimeShare)}</Fact>
              <Fact label={r('average')}>{days(recap.averageHandlingDays)}</Fact>
              <Fact label={r('openAtEnd')}>{recap.openAtEnd}</Fact>
              <Fact label={r('overdueAtEnd')}>{recap.overdueAtEnd}</Fact>
              <Fact label={r('loops')}>{recap.loops}</Fact>
              <Fact label={r('points')}>{recap.points}</Fact>
            </Facts>
            <Stack gap="sm" component="section" aria-label={r('drillDown')}>
              {numbers(r('receivedNumbers'), recap.receivedCaseNumbers, 'kasus-masuk')}
              {numbers(r('completedNumbers'), recap.completedCaseNumbers, 'kasus-selesai')}
              {numbers(r('openNumbers'), recap.openCaseNumbers, 'kasus-terbuka')}
            </Stack>
            <RecapActions flow={flow} month={month} />
          </Stack>
        ) : null}
      </Paper>

      <section aria-labelledby="rekap-terbit">
        <Title order={2} size="h3" id="rekap-terbit" mb="sm">
          {r('publishedTitle')}
        </Title>
        {(data?.publishedRecaps ?? []).length === 0 ? (
          <Text c="dimmed">{r('noPublished')}</Text>
        ) : (
          <TableScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="rekap-terbit">
              <TableThead>
                <TableTr>
                  <TableTh scope="col">{r('month')}</TableTh>
                  <TableTh scope="col">{r('received')}</TableTh>
                  <TableTh scope="col">{r('completed')}</TableTh>
                  <TableTh scope="col">{r('onTimeShare')}</TableTh>
                  <TableTh scope="col">{r('publishedAt')}</TableTh>
                  <TableTh scope="col">{r('files')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {(data?.publishedRecaps ?? []).map((item) => (
                  <TableTr key={item.id} data-month={item.month}>
                    <TableTh scope="row" fw={500}>
                      <Link href={`/kinerja?alur=${flow}&bulan=${item.month}`} style={LINK_STYLE}>
                        {item.recap.monthLabel}
                      </Link>
                    </TableTh>
                    <TableTd>{item.recap.received}</TableTd>
                    <TableTd>{item.recap.completed}</TableTd>
                    <TableTd>{share(item.recap.onTimeShare)}</TableTd>
                    <TableTd>
                      {format.dateTime(new Date(item.publishedAt), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })}
                      <Text span size="xs" c="dimmed" display="block">
                        {item.trigger === 'SCHEDULE'
                          ? r('auto')
                          : r('byUser', { name: item.publishedBy ?? '—' })}
                      </Text>
                    </TableTd>
                    <TableTd>
                      <Group gap="xs">
                        {item.pdfFile ? (
                          <Anchor href={fileHref(item.pdfFile.id)} size="sm" c="blue.8">
                            PDF
                          </Anchor>
                        ) : null}
                        {item.xlsxFile ? (
                          <Anchor href={fileHref(item.xlsxFile.id)} size="sm" c="blue.8">
                            Excel
                          </Anchor>
                        ) : null}
                        {!item.pdfFile && !item.xlsxFile ? '—' : null}
                      </Group>
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </section>
    </Stack>
  );
}

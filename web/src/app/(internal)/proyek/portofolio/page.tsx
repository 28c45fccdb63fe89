import {
  Badge,
  Group,
  SimpleGrid,
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
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { formatRupiah } from '@/components/projects/format';
import { PortfolioCharts } from '@/components/projects/portfolio-charts';
import {
  fiscalYearOf,
  portfolioMapPoints,
  shareOf,
  yearChoices,
} from '@/components/projects/portfolio-data';
import { PortfolioExportButtons } from '@/components/projects/portfolio-export-buttons';
import { PortfolioYearSelect } from '@/components/projects/portfolio-year-select';
import { ProjectMap } from '@/components/projects/project-map';
import { formatPercent, projectHref } from '@/components/projects/project-stage';
import { StageBadge } from '@/components/projects/stage-badge';
import { StatCard } from '@/components/stat-card';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const LoanPortfolioQuery = graphql(`
  query LoanPortfolio($fiscalYear: Int) {
    loanPortfolio(fiscalYear: $fiscalYear) {
      fiscalYear
      totals {
        projectCount
        loanAmount
        approvedAmount
        disbursedAmount
        physicalRealisation
        financialRealisation
        behindPlanCount
      }
      byYear {
        fiscalYear
        totals {
          projectCount
          loanAmount
          approvedAmount
          disbursedAmount
        }
      }
      byStage {
        stage
        label
        count
        amount
      }
      byOrganization {
        value
        label
        count
      }
      behindPlan {
        id
        code
        name
        fiscalYear
        organizationCode
        organizationName
        stage
        amount
        physicalProgress
        financialProgress
      }
    }
    loanProjectFacets {
      fiscalYears
    }
  }
`);

// Apart from the figures: the map stays away when locations cannot be read, and vice versa.
const LoanPortfolioMapQuery = graphql(`
  query LoanPortfolioMap($filter: LoanProjectFilter) {
    loanProjectMap(filter: $filter) {
      projectId
      projectName
      location {
        id
        latitude
        longitude
        address
      }
    }
  }
`);

const PAGE = '/proyek/portofolio';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portfolio');
  return { title: t('title') };
}

/** The leaders' view of every regional loan (DOMAIN.md §3 "Monitoring"). */
export default async function PortfolioPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage(PAGE);
  const t = await getTranslations('portfolio');
  const fiscalYear = fiscalYearOf(single((await searchParams).tahun));
  const client = getClient();
  const [portfolio, map] = await Promise.all([
    runQuery(client, LoanPortfolioQuery, { fiscalYear }),
    runQuery(client, LoanPortfolioMapQuery, { filter: fiscalYear ? { fiscalYear } : null }),
  ]);
  const data = portfolio.data?.loanPortfolio;
  const totals = data?.totals;
  const years = yearChoices(
    [
      ...(portfolio.data?.loanProjectFacets.fiscalYears ?? []),
      ...(data?.byYear.map((year) => year.fiscalYear) ?? []),
    ],
    fiscalYear,
  );
  const mapEntries = map.data?.loanProjectMap ?? [];
  const points = portfolioMapPoints(mapEntries, (id) => projectHref(id));
  const projectsOnMap = new Set(mapEntries.map((entry) => entry.projectId)).size;
  const scope = fiscalYear ? t('scopeYear', { year: fiscalYear }) : t('scopeAll');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        <Group align="flex-end" gap="md" wrap="wrap">
          <PortfolioYearSelect years={years} value={fiscalYear} />
          <PortfolioExportButtons fiscalYear={fiscalYear} />
        </Group>
      </Group>
      <ErrorAlert message={portfolio.error} />

      {totals ? (
        <section aria-labelledby="ringkasan-portofolio">
          <Title order={2} size="h3" id="ringkasan-portofolio" mb="sm">
            {t('summaryTitle', { scope })}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm" m={0}>
            <StatCard label={t('projectCount')}>
              {totals.projectCount.toLocaleString('id-ID')}
            </StatCard>
            <StatCard label={t('loanAmount')}>{formatRupiah(totals.loanAmount)}</StatCard>
            <StatCard
              label={t('approvedAmount')}
              hint={t('ofLoan', {
                share: formatPercent(shareOf(totals.approvedAmount, totals.loanAmount)),
              })}
            >
              {formatRupiah(totals.approvedAmount)}
            </StatCard>
            <StatCard
              label={t('disbursedAmount')}
              hint={t('ofLoan', {
                share: formatPercent(shareOf(totals.disbursedAmount, totals.loanAmount)),
              })}
            >
              {formatRupiah(totals.disbursedAmount)}
            </StatCard>
            <StatCard
              label={t('physicalRealisation')}
              hint={t('financialRealisation', {
                value: formatPercent(totals.financialRealisation),
              })}
            >
              {formatPercent(totals.physicalRealisation)}
            </StatCard>
            <StatCard label={t('behindPlanCount')}>
              <span style={totals.behindPlanCount > 0 ? { color: '#c92a2a' } : undefined}>
                {totals.behindPlanCount.toLocaleString('id-ID')}
              </span>
            </StatCard>
          </SimpleGrid>
        </section>
      ) : null}

      {data ? (
        <section aria-labelledby="grafik-portofolio">
          <Title order={2} size="h3" id="grafik-portofolio" mb="sm">
            {t('chartsTitle')}
          </Title>
          <PortfolioCharts
            byYear={data.byYear}
            byStage={data.byStage}
            byOrganization={data.byOrganization}
          />
        </section>
      ) : null}

      {data ? (
        <section aria-labelledby="proyek-terlambat">
          <Title order={2} size="h3" id="proyek-terlambat" mb="sm">
            {t('behindPlanTitle', { count: data.behindPlan.length })}
          </Title>
          {data.behindPlan.length === 0 ? (
            <Text c="dimmed">{t('noneBehind')}</Text>
          ) : (
            <TableScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" striped captionSide="top">
                <TableCaption>{t('behindPlanCaption', { scope })}</TableCaption>
                <TableThead>
                  <TableTr>
                    <TableTh scope="col">{t('project')}</TableTh>
                    <TableTh scope="col">{t('organization')}</TableTh>
                    <TableTh scope="col">{t('fiscalYear')}</TableTh>
                    <TableTh scope="col">{t('stage')}</TableTh>
                    <TableTh scope="col">{t('physical')}</TableTh>
                    <TableTh scope="col">{t('financial')}</TableTh>
                    <TableTh scope="col">{t('loanAmount')}</TableTh>
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {data.behindPlan.map((project) => (
                    <TableTr key={project.id} data-project-id={project.id}>
                      <TableTd>
                        <Link
                          href={projectHref(project.id)}
                          style={{ ...LINK_STYLE, fontWeight: 600 }}
                        >
                          {project.name}
                        </Link>
                        <Text size="xs" c="dimmed">
                          {project.code}
                        </Text>
                      </TableTd>
                      <TableTd>{project.organizationName || project.organizationCode}</TableTd>
                      <TableTd>{project.fiscalYear}</TableTd>
                      <TableTd>
                        <StageBadge stage={project.stage} size="sm" />
                      </TableTd>
                      <TableTd>
                        <Group gap={6} wrap="nowrap">
                          {formatPercent(project.physicalProgress)}
                          <Badge color="#c92a2a" variant="filled" tt="none" size="sm">
                            {t('behind')}
                          </Badge>
                        </Group>
                      </TableTd>
                      <TableTd>{formatPercent(project.financialProgress)}</TableTd>
                      <TableTd>{formatRupiah(project.amount)}</TableTd>
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            </TableScrollContainer>
          )}
        </section>
      ) : null}

      <section aria-labelledby="peta-lokasi">
        <Title order={2} size="h3" id="peta-lokasi" mb={4}>
          {t('mapTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('mapLead', { points: points.length, projects: projectsOnMap, scope })}
        </Text>
        <ErrorAlert message={map.error} />
        {points.length > 0 ? <ProjectMap points={points} height={460} /> : null}
      </section>
    </Stack>
  );
}

'use client';
import {
  Anchor,
  Badge,
  Group,
  Loader,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getFragmentData, type FragmentType } from '@/gql';
import type { LoanProjectStage } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { formatRupiah } from './format';
import { PROJECT_LIST_PARAMS } from './project-list-params';
import { LoanProjectRowFragment } from './project-operations';
import { LOAN_PROJECT_STAGES, formatPercent, projectHref } from './project-stage';
import { StageBadge } from './stage-badge';

export interface ProjectListFilters {
  fiscalYear: string | null;
  stage: LoanProjectStage | null;
  organizationCode: string | null;
  lenderOrganizationCode: string | null;
  search: string;
}

interface Option {
  value: string;
  label: string;
  count: number;
}

interface Props {
  projects: readonly FragmentType<typeof LoanProjectRowFragment>[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
  filters: ProjectListFilters;
  facets: {
    fiscalYears: readonly number[];
    organizations: readonly Option[];
    lenders: readonly Option[];
    stages: readonly Option[];
  };
}

const optionData = (options: readonly Option[]) =>
  options.map((option) => ({
    value: option.value,
    label: `${option.label} (${option.count})`,
  }));

/**
 * The loan projects the user may read, filtered by fiscal year, stage, executing organization,
 * lender and text, page by page; filters live in the URL so a filtered list can be shared.
 */
export function ProjectList({
  projects,
  totalCount,
  nextCursor,
  isFirstPage,
  filters,
  facets,
}: Props) {
  const t = useTranslations('projects');
  const common = useTranslations('common');
  const { pending, navigate, nextHref, firstHref } = useListNavigation(nextCursor);
  const rows = getFragmentData(LoanProjectRowFragment, projects);
  const searchLater = useDebouncedCallback(
    (value: string) => navigate({ [PROJECT_LIST_PARAMS.search]: value.trim() }),
    350,
  );
  // Every stage is offered (in workflow order), with its count where the service gave one.
  const stageCounts = new Map(facets.stages.map((option) => [option.value, option.count]));
  const stageOptions = LOAN_PROJECT_STAGES.map((stage) => ({
    value: stage,
    label: `${t(`stage.${stage}`)} (${stageCounts.get(stage) ?? 0})`,
  }));
  const years = [
    ...new Set([
      ...facets.fiscalYears,
      ...(filters.fiscalYear ? [Number(filters.fiscalYear)] : []),
    ]),
  ]
    .sort((a, b) => b - a)
    .map(String);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters')}>
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          type="search"
          defaultValue={filters.search}
          onChange={(event) => searchLater(event.currentTarget.value)}
          rightSection={pending ? <Loader size="xs" aria-label={common('loading')} /> : null}
          style={{ flex: '2 1 16rem' }}
        />
        <Select
          label={t('fiscalYear')}
          placeholder={t('allYears')}
          clearable
          data={years}
          value={filters.fiscalYear}
          onChange={(value) => navigate({ [PROJECT_LIST_PARAMS.fiscalYear]: value })}
          style={{ flex: '1 1 8rem' }}
        />
        <Select
          label={t('stageLabel')}
          placeholder={t('allStages')}
          clearable
          data={stageOptions}
          value={filters.stage}
          onChange={(value) => navigate({ [PROJECT_LIST_PARAMS.stage]: value })}
          style={{ flex: '1 1 12rem' }}
        />
        <Select
          label={t('organization')}
          placeholder={t('allOrganizations')}
          clearable
          searchable
          data={optionData(facets.organizations)}
          value={filters.organizationCode}
          onChange={(value) => navigate({ [PROJECT_LIST_PARAMS.organizationCode]: value })}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('lender')}
          placeholder={t('allLenders')}
          clearable
          searchable
          data={optionData(facets.lenders)}
          value={filters.lenderOrganizationCode}
          onChange={(value) => navigate({ [PROJECT_LIST_PARAMS.lenderOrganizationCode]: value })}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: totalCount })}
      </Text>

      {rows.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1080}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            aria-busy={pending}
            aria-label={t('tableCaption')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('columnCode')}</Table.Th>
                <Table.Th scope="col">{t('columnName')}</Table.Th>
                <Table.Th scope="col">{t('columnYear')}</Table.Th>
                <Table.Th scope="col">{t('organization')}</Table.Th>
                <Table.Th scope="col">{t('lender')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('amount')}
                </Table.Th>
                <Table.Th scope="col">{t('stageLabel')}</Table.Th>
                <Table.Th scope="col">{t('columnPhysical')}</Table.Th>
                <Table.Th scope="col">{t('columnRequirements')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((project) => {
                const summary = project.requirementSummary;
                return (
                  <Table.Tr key={project.id} data-project-id={project.id} data-code={project.code}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component={Link}
                        href={projectHref(project.id)}
                        fw={600}
                        size="sm"
                        c="blue.8"
                      >
                        {project.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 220 }}>
                      <Anchor component={Link} href={projectHref(project.id)} size="sm" c="inherit">
                        {project.name}
                      </Anchor>
                      {project.behindPlan ? (
                        <Badge color="#c92a2a" variant="filled" tt="none" size="sm" ml={6}>
                          {t('behindPlan')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{project.fiscalYear}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {project.organizationCode}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {project.organizationName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {project.lenderOrganizationCode}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {project.lenderName}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatRupiah(project.amount)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StageBadge stage={project.stage} size="sm" />
                    </Table.Td>
                    <Table.Td style={{ minWidth: 120 }}>
                      <Text size="xs">{formatPercent(project.physicalProgress)}</Text>
                      <Progress
                        value={Math.max(0, Math.min(100, project.physicalProgress))}
                        color={project.behindPlan ? '#c92a2a' : 'blue.8'}
                        size="sm"
                        aria-label={t('physicalOf', {
                          code: project.code,
                          value: formatPercent(project.physicalProgress),
                        })}
                      />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">
                        {summary.total === 0
                          ? t('noRequirements')
                          : t('requirementsApproved', {
                              approved: summary.approved,
                              total: summary.total,
                            })}
                        {summary.waived > 0 ? (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            {t('requirementsWaived', { count: summary.waived })}
                          </Text>
                        ) : null}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group gap="md">
        {!isFirstPage ? <Link href={firstHref}>{common('first')}</Link> : null}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>
    </Stack>
  );
}

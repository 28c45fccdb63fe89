'use client';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ServiceGrade } from '@/gql/graphql';
import { GradeBadge } from './survey-badges';
import { formatCount, formatScore, isWeak } from './survey-index';

export interface RankingRow {
  organizationCode: string;
  organizationName: string;
  href: string;
  ikmConverted: number | null;
  grade: ServiceGrade | null;
  performance: string | null;
  respondents: number;
  minimumSample: number | null;
  sampleAdequate: boolean | null;
  weakest: readonly { code: string; name: string; nrr: number | null }[];
  selected: boolean;
}

/** Organizations ranked by IKM for the period, with their grade and weakest elements. */
export function OrganizationRanking({
  rows,
  caption,
}: {
  rows: readonly RankingRow[];
  caption: string;
}) {
  const t = useTranslations('surveyAdmin.evaluation');
  const locale = useLocale();
  if (rows.length === 0) return <Text c="dimmed">{t('noOrganizations')}</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="peringkat-organisasi">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rank')}</Table.Th>
            <Table.Th scope="col">{t('organization')}</Table.Th>
            <Table.Th scope="col">{t('ikm')}</Table.Th>
            <Table.Th scope="col">{t('grade')}</Table.Th>
            <Table.Th scope="col">{t('respondents')}</Table.Th>
            <Table.Th scope="col">{t('weakest')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr
              key={row.organizationCode}
              data-organization={row.organizationCode}
              aria-current={row.selected ? 'true' : undefined}
              style={
                row.selected ? { outline: '2px solid var(--mantine-color-blue-8)' } : undefined
              }
            >
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td style={{ minWidth: 200 }}>
                <Anchor component={Link} href={row.href} c="blue.8" fw={600} size="sm">
                  {row.organizationName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.organizationCode}
                </Text>
              </Table.Td>
              <Table.Td>{formatScore(row.ikmConverted, locale)}</Table.Td>
              <Table.Td>
                <GradeBadge grade={row.grade} performance={row.performance} size="sm" />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatCount(row.respondents, locale)}
                {row.minimumSample !== null ? (
                  <Text size="xs" c={row.sampleAdequate ? 'dimmed' : '#c92a2a'}>
                    {t('ofMinimum', { minimum: formatCount(row.minimumSample, locale) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {row.weakest.length === 0
                    ? '—'
                    : row.weakest.map((element) => (
                        <Badge
                          key={element.code}
                          variant={isWeak(element.nrr) ? 'filled' : 'outline'}
                          color={isWeak(element.nrr) ? '#c92a2a' : 'gray.7'}
                          tt="none"
                          size="sm"
                          title={element.name}
                        >
                          {element.code} · {formatScore(element.nrr, locale)}
                        </Badge>
                      ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

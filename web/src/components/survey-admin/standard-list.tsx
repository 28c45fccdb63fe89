'use client';
import { Anchor, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ServiceStandardStatus } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { StandardStatusBadge } from './survey-badges';
import { standardHref } from './survey-links';

export interface StandardRow {
  id: string;
  name: string;
  category: string;
  organizationCode: string;
  organizationName: string;
  status: ServiceStandardStatus;
  updatedAt: string;
  publishedVersion: number | null;
}

/**
 * The standards the user edits (drafts included), searched by name and, for super-admin, filtered
 * by organization; both in the URL (`q`, `organisasi`).
 */
export function StandardList({
  rows,
  totalCount,
  nextCursor,
  isFirstPage,
  search,
  organizationCode,
  organizations,
}: {
  rows: readonly StandardRow[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
  search: string;
  organizationCode: string | null;
  /** Offered to super-admin only; empty hides the filter. */
  organizations: readonly { value: string; label: string }[];
}) {
  const t = useTranslations('surveyAdmin.standards');
  const common = useTranslations('common');
  const format = useFormatter();
  const { pending, navigate, nextHref, firstHref } = useListNavigation(nextCursor);
  const searchLater = useDebouncedCallback(
    (value: string) => navigate({ q: value.trim() || null }),
    350,
  );
  const showOrganization = organizations.length > 0;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters')}>
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          type="search"
          defaultValue={search}
          onChange={(event) => searchLater(event.currentTarget.value)}
          rightSection={pending ? <Loader size="xs" aria-label={common('loading')} /> : null}
          style={{ flex: '2 1 16rem' }}
        />
        {showOrganization ? (
          <Select
            label={t('organization')}
            placeholder={t('allOrganizations')}
            clearable
            searchable
            data={organizations}
            value={organizationCode}
            onChange={(value) => navigate({ organisasi: value })}
            style={{ flex: '1 1 14rem' }}
          />
        ) : null}
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: totalCount })}
      </Text>

      {rows.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={pending}>
            <Table.Caption>{t('tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('name')}</Table.Th>
                <Table.Th scope="col">{t('category')}</Table.Th>
                {showOrganization ? <Table.Th scope="col">{t('organization')}</Table.Th> : null}
                <Table.Th scope="col">{t('status')}</Table.Th>
                <Table.Th scope="col">{t('version')}</Table.Th>
                <Table.Th scope="col">{t('updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-standard-id={row.id}>
                  <Table.Td style={{ minWidth: 220 }}>
                    <Anchor component={Link} href={standardHref(row.id)} fw={600} c="blue.8">
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{row.category}</Table.Td>
                  {showOrganization ? (
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.organizationCode}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {row.organizationName}
                      </Text>
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <StandardStatusBadge status={row.status} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {row.publishedVersion !== null
                      ? t('versionNumber', { version: row.publishedVersion })
                      : '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {format.dateTime(new Date(row.updatedAt), { dateStyle: 'medium' })}
                  </Table.Td>
                </Table.Tr>
              ))}
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

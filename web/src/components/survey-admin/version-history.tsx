'use client';
import { Badge, Table, Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import type { ServiceStandardVersionState } from '@/gql/graphql';

export interface VersionRow {
  version: number;
  state: ServiceStandardVersionState;
  updatedAt: string;
  updatedBy: { name?: string | null } | null;
  publishedAt: string | null;
  publishedBy: { name?: string | null } | null;
}

const STATE_COLORS: Record<ServiceStandardVersionState, string> = {
  DRAFT: '#495057',
  PUBLISHED: '#1b5e20',
  SUPERSEDED: '#5c636a',
};

/** Every version of a standard, newest first: its state, who changed and who published it. */
export function VersionHistory({ versions }: { versions: readonly VersionRow[] }) {
  const t = useTranslations('surveyAdmin.versions');
  const format = useFormatter();
  const when = (value: string | null) =>
    value ? format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  if (versions.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  const rows = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" data-testid="riwayat-versi">
        <Table.Caption>{t('caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('version')}</Table.Th>
            <Table.Th scope="col">{t('state')}</Table.Th>
            <Table.Th scope="col">{t('updated')}</Table.Th>
            <Table.Th scope="col">{t('published')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.version} data-version={row.version} data-state={row.state}>
              <Table.Td>{t('versionNumber', { version: row.version })}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[row.state]} variant="filled" tt="none" size="sm">
                  {t(`stateName.${row.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {when(row.updatedAt)}
                {row.updatedBy?.name ? (
                  <Text size="xs" c="dimmed">
                    {row.updatedBy.name}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {when(row.publishedAt)}
                {row.publishedBy?.name ? (
                  <Text size="xs" c="dimmed">
                    {row.publishedBy.name}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

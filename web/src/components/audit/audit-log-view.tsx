'use client';
import { Badge, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AdminAuditLogQuery, AuditAction } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { AUDIT_ACTIONS, toAuditAction } from './audit-actions';

type AuditEntry = AdminAuditLogQuery['auditLog']['edges'][number]['node'];

interface Props {
  entries: readonly AuditEntry[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
  actionFilter: AuditAction | null;
  organizationFilter: string | null;
  /** Organizations a super-admin may pick; null for admin-opd (own organization only). */
  organizations: readonly { code: string; name: string }[] | null;
}

/** The first characters of an entry's hash, enough to compare by eye. */
function shortHash(hash: string): string {
  return `${hash.slice(0, 8)}…`;
}

/** Audit entries, newest first, with filters (in the URL) and cursor paging. */
export function AuditLogView(props: Props) {
  const t = useTranslations('audit');
  const actionLabel = useTranslations('auditAction');
  const common = useTranslations('common');
  const format = useFormatter();
  const { pending, navigate, nextHref, firstHref } = useListNavigation(props.nextCursor);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('filterAction')}
          placeholder={t('allActions')}
          clearable
          value={props.actionFilter}
          data={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          onChange={(value) => navigate({ aksi: toAuditAction(value) ?? null })}
          style={{ flex: '1 1 14rem' }}
        />
        {props.organizations ? (
          <Select
            label={t('filterOrganization')}
            placeholder={t('allOrganizations')}
            clearable
            searchable
            value={props.organizationFilter}
            data={props.organizations.map((org) => ({
              value: org.code,
              label: `${org.name} (${org.code})`,
            }))}
            onChange={(value) => navigate({ organisasi: value })}
            style={{ flex: '1 1 16rem' }}
          />
        ) : null}
        {pending ? <Loader size="sm" aria-label={common('loading')} mb={8} /> : null}
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: props.totalCount })}
      </Text>

      <Table.ScrollContainer minWidth={960}>
        <Table striped verticalSpacing="sm" aria-busy={pending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columnSequence')}</Table.Th>
              <Table.Th scope="col">{t('columnTime')}</Table.Th>
              <Table.Th scope="col">{t('columnAction')}</Table.Th>
              <Table.Th scope="col">{t('columnActor')}</Table.Th>
              <Table.Th scope="col">{t('columnTarget')}</Table.Th>
              <Table.Th scope="col">{t('columnDetail')}</Table.Th>
              <Table.Th scope="col">{t('columnHash')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.entries.map((entry) => (
              <Table.Tr key={entry.sequence} data-sequence={entry.sequence}>
                <Table.Td>
                  <Text fw={700} size="sm">
                    {entry.sequence}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" component="time" dateTime={entry.at}>
                    {format.dateTime(new Date(entry.at), {
                      dateStyle: 'medium',
                      timeStyle: 'medium',
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm" tt="none">
                    {actionLabel(entry.action)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actor.name ?? entry.actor.id}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.actor.organizationCode ?? common('none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.targetType}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {entry.targetId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {entry.detail ?? common('none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" title={entry.hash}>
                    {shortHash(entry.hash)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Group gap="md">
        {!props.isFirstPage ? <Link href={firstHref}>{common('first')}</Link> : null}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>
    </Stack>
  );
}

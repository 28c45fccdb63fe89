'use client';
import { Anchor, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { CaseFlow } from '@/gql/graphql';
import { CaseClock, type ClockView } from './case-clock';
import { caseHref } from './case-flow';
import { CaseStatusBadge } from './case-status-badge';

/** One case in a list, whatever its flow. */
export interface CaseRow {
  id: string;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  /** Second line under the title: the requesting organization or unit. */
  detail: string | null;
  /** Who handles it now (the officer, the assignee), or null before routing. */
  handler: string | null;
  submittedAt: string;
  clock: ClockView;
}

/** Cases with their number, status, handler and service clock; each row links to its case. */
export function CaseTable({
  flow,
  rows,
  caption,
  handlerLabel,
}: {
  flow: CaseFlow;
  rows: readonly CaseRow[];
  caption: string;
  /** Heading of the handler column ("Petugas", "Organisasi tujuan"…). */
  handlerLabel: string;
}) {
  const t = useTranslations('cases.list');
  const format = useFormatter();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="daftar-kasus">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('case')}</Table.Th>
            <Table.Th scope="col">{t('status')}</Table.Th>
            <Table.Th scope="col">{handlerLabel}</Table.Th>
            <Table.Th scope="col">{t('submittedAt')}</Table.Th>
            <Table.Th scope="col">{t('clock')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-case-id={row.id}
              data-number={row.number}
              data-status={row.status}
            >
              <Table.Td style={{ minWidth: 240, maxWidth: 420 }}>
                <Text size="xs" ff="monospace" c="dimmed">
                  {row.number}
                </Text>
                <Anchor
                  component={Link}
                  href={caseHref(flow, row.id)}
                  c="blue.8"
                  size="sm"
                  fw={600}
                  lineClamp={2}
                >
                  {row.title}
                </Anchor>
                {row.detail ? (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {row.detail}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge
                  flow={flow}
                  status={row.status}
                  label={row.statusLabel}
                  size="sm"
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.handler ?? '—'}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {format.dateTime(new Date(row.submittedAt), { dateStyle: 'medium' })}
                </Text>
              </Table.Td>
              <Table.Td style={{ minWidth: 150 }}>
                <CaseClock clock={row.clock} compact />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

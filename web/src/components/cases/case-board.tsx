'use client';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CaseFlow } from '@/gql/graphql';
import { CaseClock } from './case-clock';
import { CASE_BASE_PATHS, CASE_LIST_PARAMS, QUEUE_PARAMS, caseHref } from './case-flow';
import type { CaseRow } from './case-table';

export interface BoardColumn {
  status: string;
  label: string;
  totalCount: number;
  cards: readonly CaseRow[];
}

/**
 * Cases as a board, one column per status in workflow order (the ICT complaint board of
 * pengelola-tik): each card links to its case; a column holding more than it shows links to
 * the list filtered by its status.
 */
export function CaseBoard({ flow, columns }: { flow: CaseFlow; columns: readonly BoardColumn[] }) {
  const t = useTranslations('cases.board');
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: columns.length }}
      spacing="sm"
      data-testid="papan-kasus"
    >
      {columns.map((column) => {
        const headingId = `kolom-${column.status}`;
        const more = column.totalCount - column.cards.length;
        const listHref = `${CASE_BASE_PATHS[flow]}?${new URLSearchParams({
          [CASE_LIST_PARAMS.view]: 'daftar',
          [CASE_LIST_PARAMS.queue]: QUEUE_PARAMS.ALL,
          [CASE_LIST_PARAMS.status]: column.status,
        }).toString()}`;
        return (
          <Paper
            key={column.status}
            component="section"
            aria-labelledby={headingId}
            withBorder
            p="sm"
            bg="gray.0"
            data-column={column.status}
          >
            <Title order={2} size="h5" id={headingId} mb="xs">
              {t('column', { label: column.label, count: column.totalCount })}
            </Title>
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {column.cards.map((card) => (
                <Paper
                  component="li"
                  key={card.id}
                  withBorder
                  p="xs"
                  data-case-id={card.id}
                  data-number={card.number}
                >
                  <Text size="xs" ff="monospace" c="dimmed">
                    {card.number}
                  </Text>
                  <Anchor
                    component={Link}
                    href={caseHref(flow, card.id)}
                    c="blue.8"
                    size="sm"
                    fw={600}
                    lineClamp={3}
                  >
                    {card.title}
                  </Anchor>
                  {card.detail ? (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {card.detail}
                    </Text>
                  ) : null}
                  <Text size="xs" mt={4}>
                    {card.handler ? t('handler', { name: card.handler }) : t('unassigned')}
                  </Text>
                  <Stack gap={4} mt={4}>
                    <CaseClock clock={card.clock} compact />
                  </Stack>
                </Paper>
              ))}
            </Stack>
            {column.cards.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('empty')}
              </Text>
            ) : null}
            {more > 0 ? (
              <Anchor component={Link} href={listHref} size="sm" c="blue.8" mt="xs" display="block">
                {t('more', { count: more })}
              </Anchor>
            ) : null}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

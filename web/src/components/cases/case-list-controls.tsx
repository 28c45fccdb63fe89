'use client';
import { Badge, Group, Loader, Select, Stack, Tabs, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { CaseFlow, CaseQueue } from '@/gql/graphql';
import { useListNavigation } from '@/navigation/use-list-navigation';
import { CASE_LIST_PARAMS, CASE_STATUSES, QUEUE_PARAMS } from './case-flow';

export interface QueueTab {
  queue: CaseQueue;
  label: string;
}

/**
 * A case list's queue tabs ("Perlu tindakan saya", "Semua", "Terlambat"…), status filter,
 * search and, for those who read every organization, an organization filter; all kept in the
 * URL, so a filtered list can be shared and reloads the same. `children` is the list itself.
 */
export function CaseListControls({
  flow,
  queues,
  queue,
  mineCount,
  status,
  search,
  organizations,
  organization,
  children,
}: {
  flow: CaseFlow;
  queues: readonly QueueTab[];
  queue: CaseQueue;
  /** How many cases wait for the user (shown on the "MINE" tab). */
  mineCount?: number | null;
  status: string | null;
  search: string | null;
  /** Empty unless the user may pick an organization. */
  organizations?: readonly { value: string; label: string }[];
  organization?: string | null;
  children: ReactNode;
}) {
  const t = useTranslations('cases.list');
  const statuses = useTranslations('cases.status');
  const common = useTranslations('common');
  const { pending, navigate } = useListNavigation(null);
  const searchLater = useDebouncedCallback(
    (value: string) => navigate({ [CASE_LIST_PARAMS.search]: value.trim() || null }),
    350,
  );
  const statusOptions = CASE_STATUSES[flow].map((value) => ({
    value,
    label: statuses(`${flow}.${value}` as 'CONSULTATION.SUBMITTED'),
  }));

  return (
    <Tabs
      value={QUEUE_PARAMS[queue]}
      onChange={(value) => {
        if (value && value !== QUEUE_PARAMS[queue]) navigate({ [CASE_LIST_PARAMS.queue]: value });
      }}
      activateTabWithKeyboard={false}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('queues')} style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
        {queues.map((tab) => {
          const count = tab.queue === 'MINE' ? (mineCount ?? 0) : 0;
          return (
            <Tabs.Tab
              key={tab.queue}
              value={QUEUE_PARAMS[tab.queue]}
              data-queue={tab.queue}
              rightSection={
                count > 0 ? (
                  <Badge size="sm" variant="filled" color="#a33a00" aria-hidden="true">
                    {count}
                  </Badge>
                ) : null
              }
              aria-label={count > 0 ? t('withCount', { tab: tab.label, count }) : undefined}
            >
              {tab.label}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value={QUEUE_PARAMS[queue]} pt="md" aria-busy={pending}>
        <Stack gap="md">
          <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('filters')}>
            <TextInput
              label={t('search')}
              placeholder={t('searchPlaceholder')}
              type="search"
              defaultValue={search ?? ''}
              onChange={(event) => searchLater(event.currentTarget.value)}
              style={{ flex: '2 1 16rem' }}
            />
            <Select
              label={t('status')}
              placeholder={t('allStatuses')}
              clearable
              data={statusOptions}
              value={status}
              onChange={(value) => navigate({ [CASE_LIST_PARAMS.status]: value })}
              style={{ flex: '1 1 14rem' }}
              maw={320}
            />
            {organizations?.length ? (
              <Select
                label={t('organization')}
                placeholder={t('allOrganizations')}
                clearable
                searchable
                data={organizations}
                value={organization ?? null}
                onChange={(value) => navigate({ [CASE_LIST_PARAMS.organization]: value })}
                style={{ flex: '1 1 16rem' }}
                maw={360}
              />
            ) : null}
            {pending ? <Loader size="sm" aria-label={common('loading')} mb={8} /> : null}
          </Group>
          {children}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

'use client';
import { Text, Timeline } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import { getFragmentData, type FragmentType } from '@/gql';
import { capitalize } from './case-flow';
import { CaseHistoryFragment } from './case-operations';

/**
 * Every step of a case, oldest first: what was done, by whom, when, with the note. The filing
 * itself is not a recorded step; `submitted` shows it first.
 */
export function CaseHistory({
  entries: refs,
  submitted,
}: {
  entries: readonly FragmentType<typeof CaseHistoryFragment>[];
  /** When the case was filed and by whom (null: a citizen). */
  submitted?: { at: string; by: string | null };
}) {
  const t = useTranslations('cases.history');
  const format = useFormatter();
  const recorded = getFragmentData(CaseHistoryFragment, refs);
  const filed = submitted
    ? [
        {
          transition: 'create',
          label: t('created'),
          fromLabel: '',
          toLabel: '',
          at: submitted.at,
          note: null,
          actor: submitted.by
            ? { kind: 'user', name: submitted.by, organizationCode: null }
            : { kind: 'public', name: null, organizationCode: null },
        },
      ]
    : [];
  const entries = [...filed, ...recorded.filter((entry) => entry.transition !== 'create')];
  if (entries.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      active={sorted.length - 1}
      bulletSize={14}
      lineWidth={2}
      color="blue.8"
      data-testid="riwayat-kasus"
    >
      {sorted.map((entry, index) => {
        const actor =
          entry.actor.kind === 'public'
            ? t('citizen')
            : entry.actor.kind === 'system'
              ? t('system')
              : (entry.actor.name ?? t('unknownActor'));
        return (
          <Timeline.Item
            key={`${entry.at}-${index}`}
            data-transition={entry.transition}
            title={
              <Text size="sm" fw={700} component="span">
                {entry.transition === 'create' ? t('created') : capitalize(entry.label)}
              </Text>
            }
          >
            {entry.transition !== 'create' ? (
              <Text size="xs" c="dimmed">
                {t('moved', { from: entry.fromLabel, to: entry.toLabel })}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              <time dateTime={entry.at}>
                {format.dateTime(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              {' · '}
              {actor}
              {entry.actor.organizationCode ? ` (${entry.actor.organizationCode})` : ''}
            </Text>
            {entry.note ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                <strong>{t('note')}:</strong> {entry.note}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

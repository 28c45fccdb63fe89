'use client';
import { Paper, Stack, Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import type { FollowUpAction, RecommendationStatus } from '@/gql/graphql';

export interface FollowUpEntryView {
  action: FollowUpAction;
  fromStatus: RecommendationStatus;
  toStatus: RecommendationStatus;
  plan: string | null;
  progressPercent: number | null;
  note: string | null;
  actor: { name?: string | null; organizationCode?: string | null };
  at: string;
}

/** The follow-up steps of a recommendation, oldest first, as an ordered list. */
export function FollowUpHistory({ entries }: { entries: readonly FollowUpEntryView[] }) {
  const t = useTranslations('surveyAdmin.followUp');
  const statuses = useTranslations('surveyAdmin.recommendationStatus');
  const format = useFormatter();
  if (entries.length === 0) return <Text c="dimmed">{t('noHistory')}</Text>;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Stack
      component="ol"
      gap="sm"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      data-testid="riwayat-tindak-lanjut"
    >
      {sorted.map((entry, index) => (
        <Paper
          component="li"
          withBorder
          p="sm"
          key={`${entry.at}-${index}`}
          data-action={entry.action}
        >
          <Text size="sm" fw={600}>
            {t(`history.${entry.action}`)} · {statuses(entry.fromStatus)} →{' '}
            {statuses(entry.toStatus)}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'short' })}
            {entry.actor.name ? ` · ${entry.actor.name}` : ''}
            {entry.actor.organizationCode ? ` (${entry.actor.organizationCode})` : ''}
          </Text>
          {entry.plan ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              <strong>{t('plan')}:</strong> {entry.plan}
            </Text>
          ) : null}
          {entry.progressPercent !== null ? (
            <Text size="sm" mt={4}>
              <strong>{t('percent')}:</strong> {entry.progressPercent} %
            </Text>
          ) : null}
          {entry.note ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              <strong>{t('note')}:</strong> {entry.note}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

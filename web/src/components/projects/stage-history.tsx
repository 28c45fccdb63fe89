'use client';
import { Text, Timeline } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import type { LoanProjectStage } from '@/gql/graphql';
import { STAGE_COLORS } from './project-stage';

export interface StageHistoryEntry {
  transition: string;
  from: LoanProjectStage;
  to: LoanProjectStage;
  actor: { name?: string | null; organizationCode?: string | null };
  at: string;
  note?: string | null;
}

interface Props {
  entries: readonly StageHistoryEntry[];
  created: { at: string; actor: { name?: string | null; organizationCode?: string | null } };
}

/** The project's stage moves, oldest first, with who moved it, when and the note given. */
export function StageHistory({ entries, created }: Props) {
  const t = useTranslations('projects.history');
  const stages = useTranslations('projects.stage');
  const common = useTranslations('common');
  const format = useFormatter();
  const when = (at: string) =>
    format.dateTime(new Date(at), { dateStyle: 'medium', timeStyle: 'short' });
  const who = (actor: Props['created']['actor']) =>
    `${actor.name ?? common('none')}${actor.organizationCode ? ` (${actor.organizationCode})` : ''}`;
  return (
    <Timeline active={entries.length} bulletSize={18} lineWidth={2} color="blue.8">
      <Timeline.Item title={t('created')}>
        <Text size="sm">{who(created.actor)}</Text>
        <Text size="xs" c="dimmed" component="time" dateTime={created.at}>
          {when(created.at)}
        </Text>
      </Timeline.Item>
      {entries.map((entry, index) => (
        <Timeline.Item
          key={`${entry.at}-${index}`}
          color={STAGE_COLORS[entry.to]}
          title={t('moved', { from: stages(entry.from), to: stages(entry.to) })}
          data-transition={entry.transition}
        >
          <Text size="sm">{who(entry.actor)}</Text>
          <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
            {when(entry.at)}
          </Text>
          {entry.note ? (
            <Text
              size="sm"
              mt={4}
              component="blockquote"
              style={{
                margin: '4px 0 0',
                paddingInlineStart: 'var(--mantine-spacing-sm)',
                borderInlineStart: '3px solid var(--mantine-color-gray-4)',
                whiteSpace: 'pre-wrap',
              }}
            >
              {entry.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

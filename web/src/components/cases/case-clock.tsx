'use client';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import { dateOnly } from '@/components/survey-admin/survey-dates';

/** What the clock shows of `CaseClock`; lists ask only for the first fields. */
export interface ClockView {
  step?: string | null;
  paused: boolean;
  overdue: boolean;
  dueDate?: string | null;
  remainingWorkingDays?: number | null;
  elapsedWorkingDays: number;
  stepLabel?: string | null;
  serviceWorkingDays?: number | null;
}

const OVERDUE = '#c92a2a';

/**
 * The service time of the step running now, in the Pemda's working days: the due date and what
 * is left, overdue in red, "Jeda" while the case waits on the requester (the clock stops), and
 * the handling time once the case is closed. `compact` is the one-line form of the lists.
 */
export function CaseClock({ clock, compact = false }: { clock: ClockView; compact?: boolean }) {
  const t = useTranslations('cases.clock');
  const format = useFormatter();
  const due = clock.dueDate
    ? format.dateTime(dateOnly(clock.dueDate), { dateStyle: compact ? 'medium' : 'long' })
    : null;
  const elapsed = format.number(clock.elapsedWorkingDays, { maximumFractionDigits: 1 });
  const state = clock.paused
    ? 'paused'
    : clock.overdue
      ? 'overdue'
      : !clock.step
        ? 'closed'
        : due
          ? 'running'
          : 'untimed';

  const badge =
    state === 'paused' ? (
      <Badge color="gray.7" variant="filled" tt="none" size={compact ? 'sm' : 'md'}>
        {t('paused')}
      </Badge>
    ) : state === 'overdue' ? (
      <Badge color={OVERDUE} variant="filled" tt="none" size={compact ? 'sm' : 'md'}>
        {t('overdue')}
      </Badge>
    ) : null;

  const line =
    state === 'paused'
      ? t('pausedText')
      : state === 'overdue'
        ? due
          ? t('overdueText', { date: due })
          : t('overdue')
        : state === 'running'
          ? t('dueText', { date: due ?? '', days: clock.remainingWorkingDays ?? 0 })
          : state === 'closed'
            ? t('closedText', { days: elapsed })
            : t('untimed');

  if (compact) {
    return (
      <Group gap={6} wrap="nowrap" data-clock={state}>
        {badge}
        <Text
          size="xs"
          c={state === 'overdue' ? OVERDUE : undefined}
          fw={state === 'overdue' ? 700 : undefined}
        >
          {state === 'running'
            ? t('dueShort', { date: due ?? '', days: clock.remainingWorkingDays ?? 0 })
            : state === 'overdue'
              ? (due ?? '')
              : state === 'closed'
                ? t('closedShort', { days: elapsed })
                : state === 'paused'
                  ? ''
                  : t('untimed')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap={4} data-testid="jam-layanan" data-clock={state}>
      <Group gap="xs" wrap="wrap">
        {badge}
        <Text
          size="sm"
          fw={600}
          c={state === 'overdue' ? OVERDUE : undefined}
          data-testid="jam-layanan-teks"
        >
          {line}
        </Text>
      </Group>
      {clock.stepLabel && state !== 'closed' ? (
        <Text size="xs" c="dimmed">
          {clock.serviceWorkingDays
            ? t('step', { step: clock.stepLabel, days: clock.serviceWorkingDays })
            : t('stepUntimed', { step: clock.stepLabel })}
        </Text>
      ) : null}
      {state !== 'closed' ? (
        <Text size="xs" c="dimmed">
          {t('elapsed', { days: elapsed })}
        </Text>
      ) : null}
    </Stack>
  );
}

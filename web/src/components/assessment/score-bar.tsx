import { Group, Progress, Text } from '@mantine/core';
import { getFormatter, getTranslations } from 'next-intl/server';
import { gradeColor } from './grade-badge';

/** Colour of a 0–100 score: the same bands as the common predicates. */
function scoreColor(score: number): string {
  if (score >= 85) return gradeColor('A');
  if (score >= 70) return gradeColor('B');
  if (score >= 55) return gradeColor('C');
  return gradeColor('D');
}

/**
 * A component's 0–100 score as a bar with its number (and weight, when given); "tidak berdata"
 * when the organization has no data for it, so its weight does not count.
 */
export async function ScoreBar({
  score,
  label,
  weight,
}: {
  score: number | null | undefined;
  /** What the bar measures, for screen readers. */
  label: string;
  weight?: number;
}) {
  const t = await getTranslations('assessment');
  const format = await getFormatter();
  const weightText =
    weight === undefined
      ? null
      : t('weight', { weight: format.number(weight, { maximumFractionDigits: 1 }) });
  if (score === null || score === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {t('noData')}
        {weightText ? ` · ${weightText}` : null}
      </Text>
    );
  }
  const value = format.number(score, { maximumFractionDigits: 1 });
  return (
    <Group gap={8} wrap="nowrap" miw={140}>
      <Progress
        value={Math.max(0, Math.min(100, score))}
        color={scoreColor(score)}
        size="lg"
        radius="sm"
        style={{ flex: 1, minWidth: 60 }}
        aria-label={t('barLabel', { label, score: value })}
      />
      <Text size="sm" fw={600} miw={36} ta="right">
        {value}
      </Text>
      {weightText ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {weightText}
        </Text>
      ) : null}
    </Group>
  );
}

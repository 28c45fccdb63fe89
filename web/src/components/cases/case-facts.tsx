import { Badge, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { Fact } from '@/components/fact-list';
import { STATUS_COLORS } from '@/components/status-colors';
import { LINK_STYLE } from '@/documents/links';
import type { CaseFlow } from '@/gql/graphql';
import { CASE_BASE_PATHS } from './case-flow';

/**
 * The outcome of a case for its officer: the points earned and whether every step kept its
 * service time, once closed.
 */
export async function CaseOutcome({
  points,
  onTime,
  closedAt,
}: {
  points: number;
  onTime: boolean | null;
  closedAt: string | null;
}) {
  const t = await getTranslations('cases.detail');
  const format = await getFormatter();
  return (
    <Fact label={t('outcome')}>
      {closedAt ? (
        <Stack gap={2} component="span">
          <span data-testid="poin-kasus">{t('points', { points })}</span>
          {onTime !== null ? (
            <Badge
              component="span"
              color={onTime ? STATUS_COLORS.on : '#c92a2a'}
              variant="filled"
              tt="none"
              size="sm"
            >
              {onTime ? t('onTime') : t('late')}
            </Badge>
          ) : null}
          <Text span size="xs" c="dimmed">
            {t('closedAt', {
              date: format.dateTime(new Date(closedAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </Text>
        </Stack>
      ) : (
        t('open')
      )}
    </Fact>
  );
}

/** A case the service could not give (an error that is not "not found"). */
export async function CaseMissing({ flow, error }: { flow: CaseFlow; error: string | null }) {
  const t = await getTranslations('cases.detail');
  return (
    <Stack gap="md">
      <Link href={CASE_BASE_PATHS[flow]} style={LINK_STYLE}>
        ← {t(`back.${flow}`)}
      </Link>
      <ErrorAlert message={error} />
    </Stack>
  );
}

'use client';
import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { FollowUpAction, RecommendationPriority, RecommendationStatus } from '@/gql/graphql';
import { FollowUpActions } from './follow-up-actions';
import { clampPercent, recommendationHref } from './recommendation';
import { PriorityBadge, RecommendationStatusBadge } from './survey-badges';
import { dateOnly } from './survey-dates';
import { formatScore } from './survey-index';

export interface RecommendationRow {
  id: string;
  organizationCode: string;
  organizationName: string;
  period: { label: string };
  element: { code: string; name: string };
  elementNrr: number | null;
  text: string;
  priority: RecommendationPriority;
  dueDate: string | null;
  status: RecommendationStatus;
  progressPercent: number;
  followUpPlan: string | null;
  availableActions: readonly FollowUpAction[];
}

/**
 * Recommendations with their element, status and progress bar; `withActions` adds the follow-up
 * buttons (the evaluator's verify/reopen in the workspace).
 */
export function RecommendationTable({
  rows,
  caption,
  showOrganization,
  withActions = false,
}: {
  rows: readonly RecommendationRow[];
  caption: string;
  showOrganization: boolean;
  withActions?: boolean;
}) {
  const t = useTranslations('surveyAdmin.recommendations');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="daftar-rekomendasi">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('recommendation')}</Table.Th>
            {showOrganization ? <Table.Th scope="col">{t('organization')}</Table.Th> : null}
            <Table.Th scope="col">{t('element')}</Table.Th>
            <Table.Th scope="col">{t('period')}</Table.Th>
            <Table.Th scope="col">{t('status')}</Table.Th>
            <Table.Th scope="col">{t('progress')}</Table.Th>
            <Table.Th scope="col">{t('dueDate')}</Table.Th>
            {withActions ? <Table.Th scope="col">{t('actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const percent = clampPercent(row.progressPercent);
            return (
              <Table.Tr key={row.id} data-recommendation-id={row.id} data-status={row.status}>
                <Table.Td style={{ minWidth: 260, maxWidth: 420 }}>
                  <Anchor
                    component={Link}
                    href={recommendationHref(row.id)}
                    c="blue.8"
                    size="sm"
                    fw={600}
                    lineClamp={3}
                  >
                    {row.text}
                  </Anchor>
                  <Group gap={6} mt={4}>
                    <PriorityBadge priority={row.priority} />
                  </Group>
                </Table.Td>
                {showOrganization ? (
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {row.organizationCode}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {row.organizationName}
                    </Text>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm">
                    {row.element.code} — {row.element.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('nrr', { value: formatScore(row.elementNrr, locale) })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.period.label}</Table.Td>
                <Table.Td>
                  <RecommendationStatusBadge status={row.status} size="sm" />
                </Table.Td>
                <Table.Td style={{ minWidth: 120 }}>
                  <Text size="xs">{percent} %</Text>
                  <Progress
                    value={percent}
                    size="sm"
                    color={row.status === 'VERIFIED' ? '#1b5e20' : 'blue.8'}
                    aria-label={t('progressOf', { percent })}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.dueDate
                    ? format.dateTime(dateOnly(row.dueDate), { dateStyle: 'medium' })
                    : '—'}
                </Table.Td>
                {withActions ? (
                  <Table.Td>
                    <FollowUpActions
                      recommendationId={row.id}
                      actions={row.availableActions.filter(
                        (action) => action === 'VERIFY' || action === 'REOPEN',
                      )}
                      currentPlan={row.followUpPlan}
                      currentPercent={row.progressPercent}
                      compact
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

'use client';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useClient } from '@urql/next';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { IndexScope } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { SurveyAdminSuggestionsQuery } from './survey-admin-operations';
import type { PeriodInputValue } from './survey-period';

export interface SuggestionView {
  id: string;
  serviceName: string;
  text: string;
  submittedAt: string;
}

const PAGE = 20;

/** Respondents' suggestions, newest first; the first page comes from the server, then "Muat lagi". */
export function SuggestionsList({
  scope,
  id,
  period,
  initial,
  initialCursor,
  showService,
}: {
  scope: IndexScope;
  id: string | null;
  period: PeriodInputValue;
  initial: readonly SuggestionView[];
  initialCursor: string | null;
  showService: boolean;
}) {
  const t = useTranslations('surveyAdmin.suggestions');
  const format = useFormatter();
  const client = useClient();
  const [items, setItems] = useState<readonly SuggestionView[]>(initial);
  const [cursor, setCursor] = useState<string | null>(initialCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    const result = await client
      .query(
        SurveyAdminSuggestionsQuery,
        { scope, id, period, first: PAGE, after: cursor },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoading(false);
    const page = result.data?.surveySuggestions;
    if (!page) {
      setError(errorMessage(result.error) ?? t('failed'));
      return;
    }
    setItems((current) => [...current, ...page.edges.map((edge) => edge.node)]);
    setCursor(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
  }

  if (items.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Stack gap="sm">
      <List spacing="sm" listStyleType="none" m={0} p={0} data-testid="daftar-saran">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{item.text}</Text>
            <Text size="xs" c="dimmed">
              {showService ? `${item.serviceName} · ` : ''}
              {format.dateTime(new Date(item.submittedAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </Text>
          </List.Item>
        ))}
      </List>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      {cursor ? (
        <div>
          <Button variant="default" loading={loading} onClick={() => void more()}>
            {t('more')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}

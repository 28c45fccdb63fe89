'use client';
import { Alert, Button, Stack } from '@mantine/core';
import { useClient } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { VerifyAuditChainQuery as Verification } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { VerifyAuditChainQuery } from './audit-operations';

type Outcome =
  | { kind: 'result'; result: Verification['verifyAuditChain'] }
  | { kind: 'error'; message: string }
  | null;

/** Super-admin: recomputes every hash of the audit chain on the server and shows the verdict. */
export function AuditChainCheck() {
  const t = useTranslations('audit');
  const client = useClient();
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function check() {
    setChecking(true);
    setOutcome(null);
    const response = await client
      .query(VerifyAuditChainQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    setChecking(false);
    const message = errorMessage(response.error);
    if (message || !response.data) {
      setOutcome({ kind: 'error', message: message ?? t('checkFailed') });
      return;
    }
    setOutcome({ kind: 'result', result: response.data.verifyAuditChain });
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Button variant="light" loading={checking} onClick={() => void check()}>
        {t('checkChain')}
      </Button>
      {outcome?.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert" w="100%">
          {outcome.message}
        </Alert>
      ) : null}
      {outcome?.kind === 'result' && outcome.result.ok ? (
        <Alert color="green" variant="light" role="status" w="100%" data-testid="rantai-utuh">
          {t('chainIntact', { checked: outcome.result.checked })}
        </Alert>
      ) : null}
      {outcome?.kind === 'result' && !outcome.result.ok ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          w="100%"
          title={t('chainBrokenTitle')}
          data-testid="rantai-rusak"
        >
          {t('chainBroken', {
            sequence: outcome.result.firstBrokenSequence ?? '—',
            reason: outcome.result.reason ?? '—',
            checked: outcome.result.checked,
          })}
        </Alert>
      ) : null}
    </Stack>
  );
}

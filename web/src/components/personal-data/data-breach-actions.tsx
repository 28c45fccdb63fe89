'use client';
import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { UpdateDataBreachMutation } from './personal-data-operations';

interface Props {
  id: string;
  revision: number;
  subjectsNotified: boolean;
  authorityNotified: boolean;
  open: boolean;
}

/** Super-admin notes that the data subjects or the authority were told (now), or closes it. */
export function DataBreachActions({
  id,
  revision,
  subjectsNotified,
  authorityNotified,
  open,
}: Props) {
  const t = useTranslations('personalData.breachActions');
  const router = useRouter();
  const [, update] = useMutation(UpdateDataBreachMutation);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function send(input: Record<string, string>) {
    setBusy(true);
    setProblem(null);
    const result = await update({ id, revision, input });
    setBusy(false);
    const message = errorMessage(result.error);
    if (message) setProblem(message);
    else router.refresh();
  }

  if (!open) return null;
  const now = () => new Date().toISOString();
  return (
    <Group gap="xs">
      {subjectsNotified ? null : (
        <Button
          size="xs"
          variant="light"
          loading={busy}
          onClick={() => void send({ subjectsNotifiedAt: now() })}
        >
          {t('subjectsNotified')}
        </Button>
      )}
      {authorityNotified ? null : (
        <Button
          size="xs"
          variant="light"
          loading={busy}
          onClick={() => void send({ authorityNotifiedAt: now() })}
        >
          {t('authorityNotified')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        loading={busy}
        onClick={() => void send({ status: 'CLOSED' })}
      >
        {t('close')}
      </Button>
      {problem ? (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      ) : null}
    </Group>
  );
}

'use client';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { SetUserActiveMutation } from './user-mutations';

interface Props {
  user: { id: string; username: string; active: boolean };
  onClose: () => void;
  onSaved: () => void;
}

/** Confirms deactivation or reactivation; the reason goes into the account's history. */
export function UserActivationModal({ user, onClose, onSaved }: Props) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const [, setActive] = useMutation(SetUserActiveMutation);
  const [reason, setReason] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const activate = !user.active;

  async function confirm() {
    setSaving(true);
    setServerError(null);
    const result = await setActive({
      id: user.id,
      active: activate,
      reason: reason.trim() || null,
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t(activate ? 'activated' : 'deactivated', { username: user.username }),
    });
    onSaved();
    onClose();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(activate ? 'activateTitle' : 'deactivateTitle', { username: user.username })}
    >
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Text size="sm">{t(activate ? 'activateText' : 'deactivateText')}</Text>
        <Textarea
          label={t('reason')}
          value={reason}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {common('cancel')}
          </Button>
          <Button color={activate ? 'blue' : 'red'} loading={saving} onClick={() => void confirm()}>
            {t(activate ? 'activate' : 'deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

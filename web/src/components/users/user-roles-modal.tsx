'use client';
import { Alert, Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { useRoleLabel } from './role-label';
import { SetUserRolesMutation } from './user-mutations';
import { rolesSchema } from './user-form.schema';

interface Props {
  user: { id: string; username: string; roles: readonly string[] };
  grantableRoles: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}

/** Replaces a user's roles; roles the admin may not grant stay listed so none is lost silently. */
export function UserRolesModal({ user, grantableRoles, onClose, onSaved }: Props) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const validation = useTranslations('validation');
  const roleLabel = useRoleLabel();
  const [, setRoles] = useMutation(SetUserRolesMutation);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { roles: [...user.roles] },
    validate: schemaResolver(
      rolesSchema((key) => validation(key as 'roles')),
      { sync: true },
    ),
  });
  const options = [...new Set([...grantableRoles, ...user.roles])].map((role) => ({
    value: role,
    label: roleLabel(role),
    disabled: !grantableRoles.includes(role),
  }));

  async function submit(values: { roles: string[] }) {
    setSaving(true);
    setServerError(null);
    const result = await setRoles({ id: user.id, roles: values.roles });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({ color: 'green', message: t('rolesSaved', { username: user.username }) });
    onSaved();
    onClose();
  }

  return (
    // Short dialog: the role list may extend past its edge instead of being cut off.
    <Modal
      opened
      onClose={onClose}
      title={t('rolesTitle', { username: user.username })}
      styles={{ content: { overflow: 'visible' } }}
    >
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm">
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <MultiSelect
            label={t('fieldRoles')}
            withAsterisk
            searchable
            comboboxProps={{ withinPortal: false }}
            data={options}
            data-autofocus
            {...form.getInputProps('roles')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {common('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

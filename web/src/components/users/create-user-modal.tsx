'use client';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { useRoleLabel } from './role-label';
import { CreateUserMutation } from './user-mutations';
import { createUserSchema, type CreateUserValues } from './user-form.schema';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
  grantableRoles: readonly string[];
  /** Choices for super-admin; null when the user is always created in `ownOrganization`. */
  organizations: readonly { code: string; name: string }[] | null;
  ownOrganization: string | null;
}

export function CreateUserModal(props: Props) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const validation = useTranslations('validation');
  const roleLabel = useRoleLabel();
  const [, createUser] = useMutation(CreateUserMutation);
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<CreateUserValues>({
    mode: 'controlled',
    initialValues: {
      username: '',
      name: '',
      email: '',
      nip: '',
      position: '',
      phone: '',
      organizationCode: props.organizations ? '' : (props.ownOrganization ?? ''),
      roles: [],
      password: '',
      temporaryPassword: true,
    },
    validate: schemaResolver(
      createUserSchema((key) => validation(key as 'required')),
      {
        sync: true,
      },
    ),
  });

  function close() {
    form.reset();
    setServerError(null);
    props.onClose();
  }

  async function submit(values: CreateUserValues) {
    setServerError(null);
    setSubmitting(true);
    const result = await createUser({
      input: {
        username: values.username.trim().toLowerCase(),
        name: values.name.trim(),
        email: values.email.trim(),
        nip: values.nip.trim() || null,
        position: values.position.trim() || null,
        phone: values.phone.trim() || null,
        organizationCode: values.organizationCode,
        roles: values.roles,
        password: values.password,
        temporaryPassword: values.temporaryPassword,
      },
    });
    setSubmitting(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('created', { username: result.data?.createUser.username ?? values.username }),
    });
    form.reset();
    props.onCreated();
    props.onClose();
  }

  return (
    <Modal opened={props.opened} onClose={close} title={t('add')} size="lg">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm">
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fieldUsername')}
              description={t('fieldUsernameHint')}
              withAsterisk
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('username')}
            />
            <TextInput
              label={t('fieldName')}
              withAsterisk
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('fieldEmail')}
              type="email"
              withAsterisk
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('fieldNip')}
              description={t('fieldNipHint')}
              inputMode="numeric"
              {...form.getInputProps('nip')}
            />
            <TextInput label={t('fieldPosition')} {...form.getInputProps('position')} />
            <TextInput label={t('fieldPhone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          {props.organizations ? (
            <Select
              label={t('fieldOrganization')}
              withAsterisk
              searchable
              comboboxProps={{ withinPortal: false }}
              data={props.organizations.map((org) => ({
                value: org.code,
                label: `${org.name} (${org.code})`,
              }))}
              {...form.getInputProps('organizationCode')}
            />
          ) : null}
          <MultiSelect
            label={t('fieldRoles')}
            withAsterisk
            searchable
            comboboxProps={{ withinPortal: false }}
            data={props.grantableRoles.map((role) => ({ value: role, label: roleLabel(role) }))}
            {...form.getInputProps('roles')}
          />
          <PasswordInput
            label={t('fieldPassword')}
            description={t('fieldPasswordHint')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Checkbox
            label={t('fieldTemporary')}
            {...form.getInputProps('temporaryPassword', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={submitting}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {common('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

'use client';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import { officerSchema, type OfficerValues } from './organization-forms.schema';
import { STATUS_COLORS } from '@/components/status-colors';

const SaveOfficerMutation = graphql(`
  mutation SavePublicOfficer($organizationCode: String!, $id: ID, $input: PublicOfficerInput!) {
    savePublicOfficer(organizationCode: $organizationCode, id: $id, input: $input) {
      id
    }
  }
`);

const RemoveOfficerMutation = graphql(`
  mutation RemovePublicOfficer($id: ID!) {
    removePublicOfficer(id: $id)
  }
`);

export interface Officer {
  id: string;
  name: string;
  position: string;
  competence: string | null;
  published: boolean;
}

type Editing = { id: string | null; values: OfficerValues } | null;

/** Profil pelaksana (Perwali 64 §17(4)b): officers serving the public, published or draft. */
export function OfficersEditor({ code, officers }: { code: string; officers: readonly Officer[] }) {
  const t = useTranslations('officers');
  const common = useTranslations('common');
  const validation = useTranslations('validation');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, saveOfficer] = useMutation(SaveOfficerMutation);
  const [, removeOfficer] = useMutation(RemoveOfficerMutation);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<OfficerValues>({
    mode: 'controlled',
    initialValues: { name: '', position: '', competence: '', published: true },
    validate: schemaResolver(
      officerSchema((key) => validation(key as 'required')),
      {
        sync: true,
      },
    ),
  });

  function open(officer: Officer | null) {
    const values = officer
      ? {
          name: officer.name,
          position: officer.position,
          competence: officer.competence ?? '',
          published: officer.published,
        }
      : { name: '', position: '', competence: '', published: true };
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setServerError(null);
    setEditing({ id: officer?.id ?? null, values });
  }

  async function submit(values: OfficerValues) {
    setBusy(true);
    setServerError(null);
    const result = await saveOfficer({
      organizationCode: code,
      id: editing?.id ?? null,
      input: {
        name: values.name.trim(),
        position: values.position.trim(),
        competence: values.competence.trim() || null,
        published: values.published,
      },
    });
    setBusy(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({ color: 'green', message: t('saved', { name: values.name.trim() }) });
    setEditing(null);
    startTransition(() => router.refresh());
  }

  async function remove(officer: Officer) {
    if (!window.confirm(t('removeConfirm', { name: officer.name }))) return;
    const result = await removeOfficer({ id: officer.id });
    const message = errorMessage(result.error);
    if (message) {
      notifications.show({ color: 'red', message });
      return;
    }
    notifications.show({ color: 'green', message: t('removed', { name: officer.name }) });
    startTransition(() => router.refresh());
  }

  return (
    <Stack gap="sm" maw={900} component="section" aria-labelledby="profil-pelaksana">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="profil-pelaksana">
          {t('title')}
        </Title>
        <Button variant="light" onClick={() => open(null)}>
          {t('add')}
        </Button>
      </Group>
      {officers.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : null}
      {officers.map((officer) => (
        <Paper key={officer.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Group gap="xs">
                <Text fw={600}>{officer.name}</Text>
                <Badge
                  size="sm"
                  variant="filled"
                  color={officer.published ? STATUS_COLORS.on : STATUS_COLORS.off}
                >
                  {officer.published ? t('published') : t('draft')}
                </Badge>
              </Group>
              <Text size="sm">{officer.position}</Text>
              {officer.competence ? (
                <Text size="sm" c="dimmed">
                  {officer.competence}
                </Text>
              ) : null}
            </div>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => open(officer)}>
                {t('edit')}
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => void remove(officer)}>
                {t('remove')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('edit') : t('add')}
      >
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack gap="sm">
            {serverError ? (
              <Alert color="red" variant="light" role="alert">
                {serverError}
              </Alert>
            ) : null}
            <TextInput
              label={t('name')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('name')}
            />
            <TextInput label={t('position')} withAsterisk {...form.getInputProps('position')} />
            <Textarea
              label={t('competence')}
              autosize
              minRows={2}
              {...form.getInputProps('competence')}
            />
            <Checkbox
              label={t('publish')}
              {...form.getInputProps('published', { type: 'checkbox' })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)} disabled={busy}>
                {common('cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {common('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

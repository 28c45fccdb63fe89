'use client';
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import {
  organizationProfileSchema,
  type OrganizationProfileValues,
} from './organization-forms.schema';

const UpdateProfileMutation = graphql(`
  mutation UpdateOrganizationProfile($code: String!, $input: OrganizationProfileInput!) {
    updateOrganizationProfile(code: $code, input: $input) {
      id
      code
      profile {
        updatedAt
      }
    }
  }
`);

interface Props {
  code: string;
  name: string;
  initialValues: OrganizationProfileValues;
  /** Super-admin may switch organization; null for admin-opd. */
  organizations: readonly { code: string; name: string }[] | null;
}

const blankToNull = (value: string) => value.trim() || null;

/** Edits the service-provider profile shown in the public directory. */
export function OrganizationProfileForm({ code, name, initialValues, organizations }: Props) {
  const t = useTranslations('organizationProfile');
  const common = useTranslations('common');
  const validation = useTranslations('validation');
  const router = useRouter();
  const [switching, startTransition] = useTransition();
  const [, updateProfile] = useMutation(UpdateProfileMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<OrganizationProfileValues>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(
      organizationProfileSchema((key) => validation(key as 'required')),
      {
        sync: true,
      },
    ),
  });

  async function submit(values: OrganizationProfileValues) {
    setSaving(true);
    setServerError(null);
    const result = await updateProfile({
      code,
      input: {
        address: blankToNull(values.address),
        phone: blankToNull(values.phone),
        email: blankToNull(values.email),
        website: blankToNull(values.website),
        headName: blankToNull(values.headName),
        headPosition: blankToNull(values.headPosition),
        legalBasis: values.legalBasis
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        tasksAndFunctions: blankToNull(values.tasksAndFunctions),
        openingHours: values.openingHours.map((slot) => ({
          days: slot.days.trim(),
          hours: slot.hours.trim(),
        })),
        latitude: values.latitude ? Number(values.latitude) : null,
        longitude: values.longitude ? Number(values.longitude) : null,
      },
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    form.resetDirty();
    notifications.show({ color: 'green', message: t('saved', { name }) });
  }

  return (
    <Stack gap="md" maw={900}>
      {organizations ? (
        <Select
          label={t('pick')}
          searchable
          value={code}
          allowDeselect={false}
          disabled={switching}
          data={organizations.map((org) => ({
            value: org.code,
            label: `${org.name} (${org.code})`,
          }))}
          onChange={(value) => {
            if (value && value !== code) {
              startTransition(() =>
                router.push(`/organisasi/profil?kode=${encodeURIComponent(value)}`),
              );
            }
          }}
        />
      ) : null}
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm">
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <Textarea label={t('address')} autosize minRows={2} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('website')} type="url" {...form.getInputProps('website')} />
            <span />
            <TextInput label={t('headName')} {...form.getInputProps('headName')} />
            <TextInput label={t('headPosition')} {...form.getInputProps('headPosition')} />
            <TextInput
              label={t('latitude')}
              description={t('coordinatesHint')}
              inputMode="decimal"
              {...form.getInputProps('latitude')}
            />
            <TextInput
              label={t('longitude')}
              inputMode="decimal"
              {...form.getInputProps('longitude')}
            />
          </SimpleGrid>
          <Textarea
            label={t('legalBasis')}
            description={t('legalBasisHint')}
            autosize
            minRows={3}
            {...form.getInputProps('legalBasis')}
          />
          <Textarea
            label={t('tasks')}
            autosize
            minRows={4}
            {...form.getInputProps('tasksAndFunctions')}
          />
          <Fieldset legend={t('openingHours')}>
            <Stack gap="xs">
              {form.values.openingHours.map((_, index) => (
                <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('days')}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`openingHours.${index}.days`)}
                  />
                  <TextInput
                    label={t('hours')}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`openingHours.${index}.hours`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('removeHours', { index: index + 1 })}
                    onClick={() => form.removeListItem('openingHours', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => form.insertListItem('openingHours', { days: '', hours: '' })}
                  disabled={form.values.openingHours.length >= 14}
                >
                  {t('addHours')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group justify="space-between" mt="sm">
            <Link href={`/direktori/${encodeURIComponent(code)}`}>{t('viewPublic')}</Link>
            <Button type="submit" loading={saving}>
              {common('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

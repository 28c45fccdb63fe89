'use client';
import { Alert, Button, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MyNotificationPreferencesQuery } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { NOTIFICATION_CATEGORIES } from './live-notification';
import { UpdateNotificationPreferencesMutation } from './notification-operations';
import {
  hourText,
  normalizePhone,
  preferencesSchema,
  type PreferencesValues,
} from './preferences-form.schema';

type Preferences = MyNotificationPreferencesQuery['notificationPreferences'];

const CHANNELS = ['inApp', 'email', 'sms'] as const;

function valuesOf(
  preferences: Pick<Preferences, 'categories' | 'dailyDigest' | 'phone'>,
): PreferencesValues {
  return {
    categories: Object.fromEntries(
      preferences.categories.map(({ category, inApp, email, sms }) => [
        category,
        { inApp, email, sms },
      ]),
    ),
    dailyDigest: preferences.dailyDigest,
    phone: preferences.phone ?? '',
  };
}

/** Channels per category, the daily digest and the phone number for SMS. */
export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const t = useTranslations('notificationPreferences');
  const categoryLabel = useTranslations('notificationCategory');
  const categoryDescription = useTranslations('notificationCategoryDescription');
  const common = useTranslations('common');
  const [, update] = useMutation(UpdateNotificationPreferencesMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<PreferencesValues>({
    mode: 'controlled',
    initialValues: valuesOf(preferences),
    validate: schemaResolver(
      preferencesSchema({ phone: t('phoneInvalid'), phoneForSms: t('phoneForSms') }),
      { sync: true },
    ),
  });
  const categories = NOTIFICATION_CATEGORIES.filter(
    (category) => category in form.values.categories,
  );

  async function submit(values: PreferencesValues) {
    setSaving(true);
    setServerError(null);
    const result = await update({
      input: {
        categories: categories.map((category) => ({
          category,
          ...values.categories[category],
        })),
        dailyDigest: values.dailyDigest,
        phone: normalizePhone(values.phone.trim()),
      },
    });
    setSaving(false);
    const saved = result.data?.updateNotificationPreferences;
    if (!saved) {
      setServerError(errorMessage(result.error));
      return;
    }
    form.setValues(valuesOf(saved));
    form.resetDirty(valuesOf(saved));
    notifications.show({ color: 'green', message: t('saved') });
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="lg">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}

        <section aria-labelledby="kanal-per-kategori">
          <Title order={2} size="h3" id="kanal-per-kategori" mb={4}>
            {t('channelsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('channelsLead')}
          </Text>
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('category')}</Table.Th>
                  {CHANNELS.map((channel) => (
                    <Table.Th scope="col" key={channel} ta="center">
                      {t(`channel.${channel}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {categories.map((category) => (
                  <Table.Tr key={category} data-category={category}>
                    <Table.Th scope="row" fw={400}>
                      <Text fw={600} size="sm">
                        {categoryLabel(category)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {categoryDescription(category)}
                      </Text>
                    </Table.Th>
                    {CHANNELS.map((channel) => (
                      <Table.Td key={channel}>
                        <Group justify="center">
                          <Switch
                            aria-label={t('switchLabel', {
                              channel: t(`channel.${channel}`),
                              category: categoryLabel(category),
                            })}
                            {...form.getInputProps(`categories.${category}.${channel}`, {
                              type: 'checkbox',
                            })}
                          />
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>

        <section aria-labelledby="kanal-email">
          <Title order={2} size="h3" id="kanal-email" mb="xs">
            {t('emailTitle')}
          </Title>
          <Text size="sm" mb="sm" data-testid="email-notifikasi">
            {preferences.email ? t('emailTo', { email: preferences.email }) : t('noEmail')}
          </Text>
          <Switch
            label={t('digest')}
            description={t('digestHint', { hour: hourText(preferences.digestHour) })}
            {...form.getInputProps('dailyDigest', { type: 'checkbox' })}
          />
        </section>

        <section aria-labelledby="kanal-sms">
          <Title order={2} size="h3" id="kanal-sms" mb="xs">
            {t('smsTitle')}
          </Title>
          {preferences.sms.delivering ? null : (
            <Alert color="blue" variant="light" title={t('smsRecordedTitle')} mb="sm">
              {preferences.sms.description}
            </Alert>
          )}
          <TextInput
            label={t('phone')}
            description={t('phoneHint')}
            placeholder="081234567890"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={40}
            style={{ maxWidth: '20rem' }}
            {...form.getInputProps('phone')}
          />
        </section>

        <Group>
          <Button type="submit" loading={saving}>
            {common('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

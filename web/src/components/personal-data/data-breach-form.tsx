'use client';
import { Alert, Button, Group, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { RecordDataBreachMutation } from './personal-data-operations';

interface Values {
  title: string;
  description: string;
  discoveredAt: string;
  dataCategories: string;
  affectedSubjects: number | string;
  measures: string;
}

/** Super-admin records a personal-data breach; the service sets the 72-hour notice deadline. */
export function DataBreachForm() {
  const t = useTranslations('personalData.breachForm');
  const router = useRouter();
  const [, record] = useMutation(RecordDataBreachMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      title: '',
      description: '',
      discoveredAt: '',
      dataCategories: '',
      affectedSubjects: '',
      measures: '',
    },
    validate: {
      title: (value) => (value.trim() ? null : t('required')),
      description: (value) => (value.trim() ? null : t('required')),
      discoveredAt: (value) => (value ? null : t('required')),
      dataCategories: (value) => (value.trim() ? null : t('required')),
    },
  });

  async function submit(values: Values) {
    setSaving(true);
    setProblem(null);
    const result = await record({
      input: {
        title: values.title,
        description: values.description,
        // The browser's local time (WIB for Pemda staff) becomes an instant.
        discoveredAt: new Date(values.discoveredAt).toISOString(),
        dataCategories: values.dataCategories
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
        affectedSubjects:
          typeof values.affectedSubjects === 'number' ? values.affectedSubjects : null,
        measures: values.measures.trim() || null,
      },
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setProblem(message);
      return;
    }
    form.reset();
    router.refresh();
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('title')} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea
          label={t('description')}
          required
          autosize
          minRows={3}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('discoveredAt')}
            required
            {...form.getInputProps('discoveredAt')}
          />
          <NumberInput
            label={t('affectedSubjects')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('affectedSubjects')}
          />
        </Group>
        <TextInput
          label={t('dataCategories')}
          description={t('dataCategoriesHint')}
          required
          {...form.getInputProps('dataCategories')}
        />
        <Textarea
          label={t('measures')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('measures')}
        />
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={saving}>
            {t('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

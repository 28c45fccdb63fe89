'use client';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { getFragmentData, type FragmentType } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import { ScoringMethodFieldsFragment, UpdateScoringMethodMutation } from './assessment-operations';
import {
  formValuesOf,
  methodInput,
  methodProblems,
  weightSum,
  type MethodFormValues,
} from './scoring-method-input';

/**
 * Super-admin publishes a new version of the scoring method: weights (their sum shown as they
 * type; it must be 100), the components' parameters, and the predicate thresholds. The service
 * checks the same rules; its refusal is shown above the button.
 */
export function ScoringMethodForm({
  method,
}: {
  method: FragmentType<typeof ScoringMethodFieldsFragment>;
}) {
  const current = getFragmentData(ScoringMethodFieldsFragment, method);
  const t = useTranslations('assessment.method');
  const format = useFormatter();
  const router = useRouter();
  const [, refreshing] = useTransition();
  const [, update] = useMutation(UpdateScoringMethodMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<MethodFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(current),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(methodProblems(values)).map(([path, problem]) => [
          path,
          t(`problem.${problem}`),
        ]),
      ),
  });
  const sum = weightSum(form.values);
  const sumOk = sum === 100;

  async function submit(values: MethodFormValues) {
    setSaving(true);
    setServerError(null);
    const result = await update({ input: methodInput(values) });
    setSaving(false);
    const saved = result.data?.updateScoringMethod;
    if (!saved) {
      setServerError(errorMessage(result.error));
      return;
    }
    const published = getFragmentData(ScoringMethodFieldsFragment, saved);
    form.setValues(formValuesOf(published));
    form.resetDirty(formValuesOf(published));
    notifications.show({
      color: 'green',
      message: t('publishedNotice', { version: published.version }),
    });
    refreshing(() => router.refresh());
  }

  return (
    <form
      onSubmit={form.onSubmit((values) => void submit(values))}
      noValidate
      aria-labelledby="ubah-metode"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="ubah-metode">
          {t('editTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('editLead')}
        </Text>
        <TextInput label={t('name')} required {...form.getInputProps('name')} />
        <Textarea
          label={t('description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />

        {form.values.components.map((component, index) => (
          <Fieldset key={component.key} legend={component.label} data-component={component.key}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('weightOf', { component: component.label })}
                min={0}
                max={100}
                decimalScale={2}
                suffix=" %"
                {...form.getInputProps(`components.${index}.weight`)}
              />
              {component.parameters.map((parameter, parameterIndex) => (
                <NumberInput
                  key={parameter.key}
                  label={parameter.label}
                  decimalScale={4}
                  {...form.getInputProps(`components.${index}.parameters.${parameterIndex}.value`)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}

        <Text
          fw={600}
          c={sumOk ? 'green.9' : 'red.8'}
          aria-live="polite"
          data-testid="jumlah-bobot"
        >
          {t('weightSum', { sum: format.number(sum, { maximumFractionDigits: 2 }) })}
          {sumOk ? '' : ` — ${t('problem.weightSum')}`}
        </Text>

        <Fieldset legend={t('gradesTitle')}>
          <Stack gap="xs">
            {form.values.grades.map((grade, index) => (
              <SimpleGrid key={index} cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('gradeNumbered', { number: index + 1 })}
                  {...form.getInputProps(`grades.${index}.grade`)}
                />
                <TextInput
                  label={t('gradeLabelNumbered', { number: index + 1 })}
                  {...form.getInputProps(`grades.${index}.label`)}
                />
                <NumberInput
                  label={t('minScoreNumbered', { number: index + 1 })}
                  min={0}
                  max={100}
                  decimalScale={2}
                  {...form.getInputProps(`grades.${index}.minScore`)}
                />
              </SimpleGrid>
            ))}
          </Stack>
        </Fieldset>

        <NumberInput
          label={t('minimumCoverage')}
          description={t('minimumCoverageHint')}
          min={0}
          max={100}
          decimalScale={2}
          maw={320}
          {...form.getInputProps('minimumCoverage')}
        />

        {serverError ? (
          <Alert color="red" variant="light" role="alert" data-testid="galat-metode">
            {serverError}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={saving}>
            {t('publish')}
          </Button>
          <Button
            variant="default"
            type="button"
            disabled={!form.isDirty() || saving}
            onClick={() => {
              form.reset();
              setServerError(null);
            }}
          >
            {t('reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

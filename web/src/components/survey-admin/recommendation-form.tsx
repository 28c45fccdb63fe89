'use client';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { errorMessage } from '@/graphql/error-message';
import {
  MAX_RECOMMENDATION,
  PRIORITIES,
  recommendationInput,
  type PriorityValue,
  type RecommendationErrors,
  type RecommendationFormValues,
} from './recommendation';
import { SurveyAdminCreateRecommendationMutation } from './survey-admin-operations';
import type { PeriodInputValue } from './survey-period';

/**
 * The evaluator writes a recommendation tied to one element of the organization's IKM for the
 * period: element (the weakest preselected), text, priority and due date.
 */
export function RecommendationForm({
  organizationCode,
  organizationName,
  period,
  periodLabel,
  elements,
  suggestedElement,
}: {
  organizationCode: string;
  organizationName: string;
  period: PeriodInputValue;
  periodLabel: string;
  elements: readonly { code: string; name: string }[];
  suggestedElement: string | null;
}) {
  const t = useTranslations('surveyAdmin.recommendationForm');
  const priorities = useTranslations('surveyAdmin.priority');
  const validation = useTranslations('surveyAdmin.validation');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, create] = useMutation(SurveyAdminCreateRecommendationMutation);
  const empty: RecommendationFormValues = {
    elementCode: suggestedElement ?? '',
    text: '',
    priority: 'MEDIUM',
    dueDate: '',
  };
  const [values, setValues] = useState<RecommendationFormValues>(empty);
  const [errors, setErrors] = useState<RecommendationErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Until the script runs, a choice made would be reset when React takes over the fields.
  const mounted = useMounted();
  const locked = saving || !mounted;

  const change = <K extends keyof RecommendationFormValues>(
    key: K,
    value: RecommendationFormValues[K],
  ) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  async function submit() {
    const checked = recommendationInput(organizationCode, period, values, (key) => validation(key));
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setServerError(null);
    const result = await create({ input: checked.input });
    setSaving(false);
    if (!result.data?.createRecommendation) {
      setServerError(errorMessage(result.error) ?? t('failed'));
      return;
    }
    notifications.show({ color: 'green', message: t('created') });
    setValues({ ...empty, elementCode: values.elementCode });
    startTransition(() => router.refresh());
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tulis-rekomendasi">
      <Title order={3} size="h4" id="tulis-rekomendasi" mb="xs">
        {t('title', { organization: organizationName, period: periodLabel })}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('element')}
              required
              value={values.elementCode}
              error={errors.elementCode}
              data={[
                { value: '', label: t('chooseElement') },
                ...elements.map((element) => ({
                  value: element.code,
                  label: `${element.code} — ${element.name}`,
                })),
              ]}
              onChange={(event) => change('elementCode', event.currentTarget.value)}
              disabled={locked}
            />
            <NativeSelect
              label={t('priority')}
              value={values.priority}
              data={PRIORITIES.map((priority) => ({
                value: priority,
                label: priorities(priority),
              }))}
              onChange={(event) => change('priority', event.currentTarget.value as PriorityValue)}
              disabled={locked}
            />
            <TextInput
              label={t('dueDate')}
              type="date"
              value={values.dueDate}
              error={errors.dueDate}
              onChange={(event) => change('dueDate', event.currentTarget.value)}
              disabled={locked}
            />
          </SimpleGrid>
          <Textarea
            label={t('text')}
            description={t('textHint')}
            required
            autosize
            minRows={3}
            maxLength={MAX_RECOMMENDATION}
            value={values.text}
            error={errors.text}
            onChange={(event) => change('text', event.currentTarget.value)}
            disabled={locked}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving} disabled={!mounted}>
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

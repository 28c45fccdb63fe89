'use client';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { FollowUpAction } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  FOLLOW_UP_ACTIONS,
  MAX_NOTE,
  MAX_PLAN,
  followUpInput,
  type FollowUpErrors,
  type FollowUpValues,
} from './recommendation';
import { SurveyAdminUpdateFollowUpMutation } from './survey-admin-operations';

const EMPTY: FollowUpValues = { plan: '', progressPercent: '', note: '' };

/**
 * The follow-up steps the service offers the user now (`availableActions`): the organization
 * plans, reports progress and completes; the evaluator verifies or reopens. Each opens a dialog
 * asking what the step needs.
 */
export function FollowUpActions({
  recommendationId,
  actions,
  currentPlan,
  currentPercent,
  compact = false,
}: {
  recommendationId: string;
  actions: readonly FollowUpAction[];
  currentPlan: string | null;
  currentPercent: number;
  /** Smaller buttons in a table row. */
  compact?: boolean;
}) {
  const t = useTranslations('surveyAdmin.followUp');
  const validation = useTranslations('surveyAdmin.validation');
  const common = useTranslations('common');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, update] = useMutation(SurveyAdminUpdateFollowUpMutation);
  const [open, setOpen] = useState<FollowUpAction | null>(null);
  const [values, setValues] = useState<FollowUpValues>(EMPTY);
  const [errors, setErrors] = useState<FollowUpErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The buttons only open dialogs: inert until the script runs.
  const mounted = useMounted();
  const offered = FOLLOW_UP_ACTIONS.filter((action) => actions.includes(action));

  function start(action: FollowUpAction) {
    setOpen(action);
    setValues({
      plan: action === 'PLAN' ? (currentPlan ?? '') : '',
      progressPercent: action === 'PROGRESS' ? currentPercent : '',
      note: '',
    });
    setErrors({});
    setServerError(null);
  }

  async function confirm() {
    if (!open) return;
    const checked = followUpInput(recommendationId, open, values, (key) => validation(key));
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setServerError(null);
    const result = await update({ input: checked.input });
    setSaving(false);
    if (!result.data?.updateFollowUp) {
      setServerError(errorMessage(result.error) ?? t('failed'));
      return;
    }
    notifications.show({ color: 'green', message: t(`done.${open}`) });
    setOpen(null);
    startTransition(() => router.refresh());
  }

  if (offered.length === 0) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('title')}>
        {offered.map((action) => (
          <Button
            key={action}
            size={compact ? 'xs' : 'sm'}
            variant={action === 'REOPEN' ? 'outline' : 'filled'}
            color={action === 'REOPEN' ? 'red.9' : undefined}
            data-action={action}
            disabled={!mounted}
            onClick={() => start(action)}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`action.${open}`) : ''}
        size="lg"
      >
        {open ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void confirm();
            }}
            noValidate
          >
            <Stack gap="sm">
              {serverError ? (
                <Alert color="red" variant="light" role="alert">
                  {serverError}
                </Alert>
              ) : null}
              <Text size="sm">{t(`explain.${open}`)}</Text>
              {open === 'PLAN' ? (
                <Textarea
                  label={t('plan')}
                  required
                  autosize
                  minRows={4}
                  maxLength={MAX_PLAN}
                  value={values.plan}
                  error={errors.plan}
                  onChange={(event) => {
                    const plan = event.currentTarget.value;
                    setValues((current) => ({ ...current, plan }));
                  }}
                />
              ) : null}
              {open === 'PROGRESS' ? (
                <NumberInput
                  label={t('percent')}
                  required
                  min={0}
                  max={100}
                  suffix=" %"
                  allowDecimal={false}
                  allowNegative={false}
                  value={values.progressPercent}
                  error={errors.progressPercent}
                  onChange={(progressPercent) =>
                    setValues((current) => ({ ...current, progressPercent }))
                  }
                  maw={200}
                />
              ) : null}
              <Textarea
                label={open === 'REOPEN' ? t('noteRequired') : t('note')}
                required={open === 'REOPEN'}
                autosize
                minRows={2}
                maxLength={MAX_NOTE}
                value={values.note}
                error={errors.note}
                onChange={(event) => {
                  const note = event.currentTarget.value;
                  setValues((current) => ({ ...current, note }));
                }}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)} disabled={saving}>
                  {common('cancel')}
                </Button>
                <Button
                  type="submit"
                  loading={saving}
                  color={open === 'REOPEN' ? 'red.9' : undefined}
                >
                  {t(`submit.${open}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </>
  );
}

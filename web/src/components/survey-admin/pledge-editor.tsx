'use client';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import type { CombinedError } from '@urql/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ListField } from './list-field';
import { PLEDGE_LIMITS, pledgeInput, type PledgeFormValues } from './pledge-form.schema';
import { listRow } from './standard-form.schema';
import {
  SurveyAdminPublishPledgeMutation,
  SurveyAdminSavePledgeDraftMutation,
} from './survey-admin-operations';
import { PLEDGE_MESSAGE_FIELDS, pledgeFieldPath, surveyFormErrors } from './survey-errors';

/**
 * The organization's service pledge (Maklumat Pelayanan): text, commitments, signatory and
 * effective date; "Simpan draf" keeps the published pledge online, "Terbitkan" publishes the
 * draft (saving unsaved changes first).
 */
export function PledgeEditor({
  organizationCode,
  initialValues,
  hasDraft,
}: {
  organizationCode: string;
  initialValues: PledgeFormValues;
  hasDraft: boolean;
}) {
  const t = useTranslations('surveyAdmin.pledge');
  const validation = useTranslations('surveyAdmin.validation');
  const common = useTranslations('common');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, saveDraft] = useMutation(SurveyAdminSavePledgeDraftMutation);
  const [, publish] = useMutation(SurveyAdminPublishPledgeMutation);
  const form = useForm<PledgeFormValues>({ mode: 'controlled', initialValues });
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function showErrors(error: CombinedError | undefined) {
    const errors = surveyFormErrors(error, pledgeFieldPath, PLEDGE_MESSAGE_FIELDS);
    form.setErrors(errors.fields);
    setServerError(
      errors.general ?? (Object.keys(errors.fields).length ? t('checkFields') : t('failed')),
    );
  }

  /** Checks and saves the draft; true when stored. */
  async function save(): Promise<boolean> {
    setServerError(null);
    const checked = pledgeInput(form.getValues(), (key) => validation(key));
    if ('errors' in checked) {
      form.setErrors(checked.errors);
      return false;
    }
    const result = await saveDraft({ organizationCode, input: checked.input });
    if (!result.data?.saveServicePledgeDraft) {
      showErrors(result.error);
      return false;
    }
    form.resetDirty();
    return true;
  }

  async function submit() {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (!saved) return;
    notifications.show({ color: 'green', message: t('saved') });
    startTransition(() => router.refresh());
  }

  async function confirmPublish() {
    setConfirming(false);
    setBusy('publish');
    if (form.isDirty() || !hasDraft) {
      if (!(await save())) {
        setBusy(null);
        return;
      }
    }
    const result = await publish({ organizationCode });
    setBusy(null);
    if (!result.data?.publishServicePledge) {
      showErrors(result.error);
      return;
    }
    notifications.show({ color: 'green', message: t('published') });
    startTransition(() => router.refresh());
  }

  const disabled = busy !== null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md" maw={860}>
        {serverError ? (
          <Alert color="red" variant="light" role="alert" title={t('failedTitle')}>
            {serverError}
          </Alert>
        ) : null}
        <Textarea
          label={t('text')}
          description={t('textHint')}
          required
          autosize
          minRows={3}
          maxLength={PLEDGE_LIMITS.text}
          disabled={disabled}
          {...form.getInputProps('text')}
        />
        <ListField
          legend={t('commitments')}
          description={t('commitmentsHint')}
          itemLabel={t('commitment')}
          addLabel={t('addCommitment')}
          rows={form.values.commitments}
          inputProps={(index) => form.getInputProps(`commitments.${index}.value`)}
          onAdd={() => form.insertListItem('commitments', listRow())}
          onRemove={(index) => form.removeListItem('commitments', index)}
          onMove={(from, to) => form.reorderListItem('commitments', { from, to })}
          error={form.errors.commitments}
          disabled={disabled}
        />
        <Fieldset legend={t('signatory')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('signatoryName')}
              required
              maxLength={PLEDGE_LIMITS.name}
              disabled={disabled}
              {...form.getInputProps('signatoryName')}
            />
            <TextInput
              label={t('signatoryPosition')}
              required
              maxLength={PLEDGE_LIMITS.name}
              disabled={disabled}
              {...form.getInputProps('signatoryPosition')}
            />
            <TextInput
              label={t('effectiveDate')}
              type="date"
              required
              disabled={disabled}
              {...form.getInputProps('effectiveDate')}
            />
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end" gap="sm">
          <Button
            type="submit"
            variant="light"
            loading={busy === 'save'}
            disabled={disabled && busy !== 'save'}
          >
            {t('saveDraft')}
          </Button>
          <Button
            loading={busy === 'publish'}
            disabled={disabled && busy !== 'publish'}
            onClick={() => setConfirming(true)}
          >
            {t('publish')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('publishTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('publishConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {common('cancel')}
            </Button>
            <Button onClick={() => void confirmPublish()}>{t('publish')}</Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

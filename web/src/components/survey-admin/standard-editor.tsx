'use client';
import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import type { CombinedError } from '@urql/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ServiceStandardStatus } from '@/gql/graphql';
import { ListField } from './list-field';
import {
  LIMITS,
  listRow,
  standardFormSchema,
  standardInput,
  type ListComponent,
  type StandardFormValues,
  type TextComponent,
} from './standard-form.schema';
import {
  SurveyAdminCreateStandardMutation,
  SurveyAdminDiscardStandardDraftMutation,
  SurveyAdminPublishStandardMutation,
  SurveyAdminSaveStandardDraftMutation,
} from './survey-admin-operations';
import { STANDARD_MESSAGE_FIELDS, standardFieldPath, surveyFormErrors } from './survey-errors';
import { standardHref } from './survey-links';

type Props = {
  initialValues: StandardFormValues;
  /** Categories already used in the directory, offered while typing. */
  categories: readonly string[];
} & (
  | {
      mode: 'create';
      /** super-admin chooses the organization; empty for admin-opd (always their own). */
      organizations: readonly { value: string; label: string }[];
    }
  | {
      mode: 'edit';
      standardId: string;
      status: ServiceStandardStatus;
      /** Revision of the draft read (null: no draft yet, one is made from the published version). */
      revision: number | null;
    }
);

type Dialog = 'publish' | 'discard' | null;

/** The components kept as lists, in the order of PermenPANRB 15/2014. */
const LISTS: readonly { key: ListComponent; ordered?: boolean }[] = [
  { key: 'legalBasis' },
  { key: 'requirements' },
  { key: 'procedure', ordered: true },
];
const LISTS_AFTER_COST: readonly ListComponent[] = ['products', 'facilities', 'officerCompetence'];
const TEXTS_AFTER_LISTS: readonly TextComponent[] = ['internalSupervision', 'complaintHandling'];
const GUARANTEES: readonly TextComponent[] = [
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
];

/**
 * The editor of a service standard (PermenPANRB 15/2014): every component, lists as rows to add
 * and remove. "Simpan draf" keeps the published version online while the draft is edited;
 * "Terbitkan" publishes the draft (saving unsaved changes first); "Buang draf" returns to the
 * published version. A draft changed by someone else meanwhile is refused (CONFLICT) and the
 * editor offers to reload; the service's validation messages appear beside the fields.
 */
export function StandardEditor(props: Props) {
  const t = useTranslations('surveyAdmin.editor');
  const components = useTranslations('surveyAdmin.components');
  const validation = useTranslations('surveyAdmin.validation');
  const common = useTranslations('common');
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [, createStandard] = useMutation(SurveyAdminCreateStandardMutation);
  const [, saveDraft] = useMutation(SurveyAdminSaveStandardDraftMutation);
  const [, publish] = useMutation(SurveyAdminPublishStandardMutation);
  const [, discard] = useMutation(SurveyAdminDiscardStandardDraftMutation);
  const creating = props.mode === 'create';
  const chooseOrganization = creating && props.organizations.length > 0;
  const schema = standardFormSchema((key) => validation(key as 'required'), chooseOrganization);
  const form = useForm<StandardFormValues>({
    mode: 'controlled',
    initialValues: props.initialValues,
    validate: schemaResolver(schema, { sync: true }),
  });
  const [revision, setRevision] = useState<number | null>(
    props.mode === 'edit' ? props.revision : null,
  );
  const [busy, setBusy] = useState<'save' | 'publish' | 'discard' | null>(null);
  const mounted = useMounted();
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  function showErrors(error: CombinedError | undefined) {
    const errors = surveyFormErrors(error, standardFieldPath, STANDARD_MESSAGE_FIELDS);
    const { organizationCode: organizationError, ...fields } = errors.fields;
    // The organization is a field only for super-admin creating; otherwise it is said above.
    const hidden = organizationError && !chooseOrganization ? organizationError : null;
    form.setErrors(hidden ? fields : errors.fields);
    setConflict(errors.conflict);
    const general = [errors.general, hidden].filter(Boolean).join(' ') || null;
    setServerError(
      general ??
        (errors.conflict ? null : Object.keys(fields).length ? t('checkFields') : t('failed')),
    );
  }

  /** Saves the draft; true when it was stored. */
  async function save(values: StandardFormValues): Promise<boolean> {
    setServerError(null);
    setConflict(false);
    if (props.mode === 'create') {
      const result = await createStandard({ input: standardInput(values, chooseOrganization) });
      const id = result.data?.createServiceStandard.id;
      if (!id) {
        showErrors(result.error);
        return false;
      }
      form.resetDirty();
      notifications.show({ color: 'green', message: t('created') });
      router.push(standardHref(id));
      return true;
    }
    const result = await saveDraft({
      id: props.standardId,
      input: standardInput(values, false),
      revision,
    });
    const saved = result.data?.saveServiceStandardDraft;
    if (!saved) {
      showErrors(result.error);
      return false;
    }
    setRevision(saved.draft?.revision ?? null);
    form.resetDirty();
    return true;
  }

  async function submit(values: StandardFormValues) {
    setBusy('save');
    const saved = await save(values);
    setBusy(null);
    if (saved && props.mode === 'edit') {
      notifications.show({ color: 'green', message: t('saved') });
      startTransition(() => router.refresh());
    }
  }

  async function confirmPublish() {
    if (props.mode !== 'edit') return;
    setDialog(null);
    if (form.isDirty()) {
      const checked = form.validate();
      if (checked.hasErrors) return;
      setBusy('publish');
      if (!(await save(form.getValues()))) {
        setBusy(null);
        return;
      }
    }
    setBusy('publish');
    const result = await publish({ id: props.standardId });
    setBusy(null);
    if (!result.data?.publishServiceStandard) {
      showErrors(result.error);
      return;
    }
    notifications.show({ color: 'green', message: t('published') });
    startTransition(() => router.refresh());
  }

  async function confirmDiscard() {
    if (props.mode !== 'edit') return;
    setDialog(null);
    setBusy('discard');
    setServerError(null);
    const result = await discard({ id: props.standardId });
    setBusy(null);
    if (!result.data?.discardServiceStandardDraft) {
      showErrors(result.error);
      return;
    }
    notifications.show({ color: 'green', message: t('discarded') });
    startTransition(() => router.refresh());
  }

  // Until the script runs, what is typed would be lost when React takes over the fields.
  const disabled = busy !== null || !mounted;
  const status = props.mode === 'edit' ? props.status : null;
  const canPublish = props.mode === 'edit' && (status !== 'PUBLISHED' || form.isDirty());
  const canDiscard = props.mode === 'edit' && status === 'PUBLISHED_WITH_DRAFT';

  const list = (key: ListComponent, ordered = false) => (
    <ListField
      key={key}
      testId={`komponen-${key}`}
      legend={components(`${key}.label`)}
      description={components(`${key}.hint`)}
      itemLabel={components(`${key}.item`)}
      addLabel={components(`${key}.add`)}
      rows={form.values.components[key]}
      inputProps={(index) => form.getInputProps(`components.${key}.${index}.value`)}
      onAdd={() => form.insertListItem(`components.${key}`, listRow())}
      onRemove={(index) => form.removeListItem(`components.${key}`, index)}
      onMove={
        ordered ? (from, to) => form.reorderListItem(`components.${key}`, { from, to }) : undefined
      }
      error={form.errors[`components.${key}`]}
      disabled={disabled}
    />
  );
  const text = (key: TextComponent, rows = 2) => (
    <Textarea
      key={key}
      label={components(`${key}.label`)}
      description={components(`${key}.hint`)}
      autosize
      minRows={rows}
      maxLength={LIMITS.text}
      disabled={disabled}
      {...form.getInputProps(`components.${key}`)}
    />
  );

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md" maw={960}>
        {conflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('conflict')}</Text>
              <Button
                size="xs"
                variant="filled"
                loading={refreshing}
                onClick={() => startTransition(() => router.refresh())}
              >
                {t('reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {serverError ? (
          <Alert color="red" variant="light" role="alert" title={t('failedTitle')}>
            {serverError}
          </Alert>
        ) : null}

        <Fieldset legend={t('identity')}>
          <Stack gap="sm">
            {chooseOrganization && props.mode === 'create' ? (
              <Select
                label={t('organization')}
                required
                searchable
                data={props.organizations}
                nothingFoundMessage={t('noOptions')}
                disabled={disabled}
                {...form.getInputProps('organizationCode')}
              />
            ) : null}
            <TextInput
              label={t('name')}
              description={t('nameHint')}
              required
              maxLength={LIMITS.name}
              disabled={disabled}
              {...form.getInputProps('name')}
            />
            <Autocomplete
              label={t('category')}
              description={t('categoryHint')}
              required
              data={[...new Set(props.categories)]}
              maxLength={LIMITS.category}
              disabled={disabled}
              {...form.getInputProps('category')}
            />
            <Textarea
              label={t('description')}
              autosize
              minRows={2}
              maxLength={LIMITS.text}
              disabled={disabled}
              {...form.getInputProps('description')}
            />
            <TextInput
              label={t('onlineServiceUrl')}
              description={t('onlineServiceUrlHint')}
              type="url"
              inputMode="url"
              placeholder="https://"
              maxLength={LIMITS.url}
              disabled={disabled}
              {...form.getInputProps('onlineServiceUrl')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('componentsTitle')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('componentsHint')}
            </Text>
            {LISTS.map((item) => list(item.key, item.ordered))}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={components('completionTime.label')}
                description={components('completionTime.hint')}
                maxLength={LIMITS.text}
                disabled={disabled}
                {...form.getInputProps('components.completionTime')}
              />
              <NumberInput
                label={components('completionDays.label')}
                description={components('completionDays.hint')}
                min={0}
                max={LIMITS.maxDays}
                allowDecimal={false}
                allowNegative={false}
                disabled={disabled}
                {...form.getInputProps('components.completionDays')}
              />
            </SimpleGrid>
            {text('cost')}
            {LISTS_AFTER_COST.map((key) => list(key))}
            {TEXTS_AFTER_LISTS.map((key) => text(key))}
            <NumberInput
              label={components('numberOfOfficers.label')}
              description={components('numberOfOfficers.hint')}
              min={0}
              max={LIMITS.maxOfficers}
              allowDecimal={false}
              allowNegative={false}
              disabled={disabled}
              maw={280}
              {...form.getInputProps('components.numberOfOfficers')}
            />
            {GUARANTEES.map((key) => text(key))}
          </Stack>
        </Fieldset>

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm">
            <Button variant="default" component={Link} href="/standar-pelayanan">
              {creating ? common('cancel') : t('back')}
            </Button>
            {canDiscard ? (
              <Button
                variant="outline"
                color="red.9"
                loading={busy === 'discard'}
                disabled={disabled && busy !== 'discard'}
                onClick={() => setDialog('discard')}
              >
                {t('discard')}
              </Button>
            ) : null}
          </Group>
          <Group gap="sm">
            <Button
              type="submit"
              variant={creating ? 'filled' : 'light'}
              loading={busy === 'save'}
              disabled={disabled && busy !== 'save'}
            >
              {t('saveDraft')}
            </Button>
            {props.mode === 'edit' ? (
              <Button
                loading={busy === 'publish'}
                disabled={!canPublish || (disabled && busy !== 'publish')}
                onClick={() => setDialog('publish')}
              >
                {t('publish')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {props.mode === 'edit' && !canPublish ? (
          <Text size="sm" c="dimmed" ta="right">
            {t('nothingToPublish')}
          </Text>
        ) : null}
      </Stack>

      <Modal
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('publishTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('publishConfirm', { name: form.values.name })}</Text>
          {form.isDirty() ? (
            <Text size="sm" fw={600}>
              {t('publishSavesFirst')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {common('cancel')}
            </Button>
            <Button onClick={() => void confirmPublish()}>{t('publish')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={dialog === 'discard'}
        onClose={() => setDialog(null)}
        title={t('discardTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('discardConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {common('cancel')}
            </Button>
            <Button color="red.9" onClick={() => void confirmDiscard()}>
              {t('discard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

'use client';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useClient, useQuery } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, useTransition } from 'react';
import type { UploadedFile } from '@/components/documents/file-uploader';
import { surveyFormErrors } from '@/components/survey-admin/survey-errors';
import { getFragmentData, type FragmentType } from '@/gql';
import type { CaseActionFieldsFragment, CaseFlow } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  ACTION_MESSAGE_FIELDS,
  actionFieldPath,
  actionSpec,
  checkActionValues,
  type ActionFieldErrors,
  type ActionSpec,
  type ActionTextField,
} from './case-action-specs';
import { capitalize, staffOptions } from './case-flow';
import {
  CaseActionFragment,
  CaseAssignableStaffQuery,
  CaseComplaintOrganizationsQuery,
} from './case-operations';
import { AttachmentField } from './attachment-field';

const MAX_NOTE = 2000;
const MAX_TEXT = 10000;

type Offered = CaseActionFieldsFragment & { spec: ActionSpec };

interface DialogErrors extends ActionFieldErrors {
  attachments?: string;
  general?: string | null;
  conflict?: boolean;
}

/** Options of the officer or organization picker, loaded when a dialog needs them. */
function useChoiceOptions(flow: CaseFlow, choice: ActionSpec['choice'] | null) {
  const mounted = useMounted();
  const context = useMemo(() => ({ suspense: false }), []);
  const [staff] = useQuery({
    query: CaseAssignableStaffQuery,
    variables: { flow },
    pause: !mounted || choice !== 'officer',
    context,
  });
  const [organizations] = useQuery({
    query: CaseComplaintOrganizationsQuery,
    pause: !mounted || choice !== 'organization',
    context,
  });
  if (choice === 'officer') {
    return {
      loading: staff.fetching,
      error: errorMessage(staff.error),
      options: staffOptions(staff.data?.assignableStaff ?? []),
    };
  }
  if (choice === 'organization') {
    return {
      loading: organizations.fetching,
      error: errorMessage(organizations.error),
      options: (organizations.data?.complaintOrganizations ?? []).map((organization) => ({
        value: organization.code,
        label: `${organization.name} (${organization.code})`,
      })),
    };
  }
  return { loading: false, error: null, options: [] };
}

/**
 * The steps the service offers the user on this case now (`actions`): a button each, disabled
 * with the reason when the service says why not, and a dialog asking what the step needs (the
 * officer, the answer, a note, files). Every step sends the revision the page showed; a refusal
 * (CONFLICT, FORBIDDEN, BAD_USER_INPUT) is shown inside the dialog, beside its field when it
 * names one.
 */
export function CaseActions({
  flow,
  caseId,
  revision,
  actions: refs,
  drafts = {},
}: {
  flow: CaseFlow;
  caseId: string;
  revision: number;
  actions: readonly FragmentType<typeof CaseActionFragment>[];
  /** Texts a step starts from (the answer being redrafted after a return). */
  drafts?: Partial<Record<ActionTextField, string | null>>;
}) {
  const t = useTranslations('cases.actions');
  const statuses = useTranslations('cases.status');
  const common = useTranslations('common');
  const client = useClient();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const reasonsId = useId();
  const [open, setOpen] = useState<Offered | null>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [errors, setErrors] = useState<DialogErrors>({});
  const [saving, setSaving] = useState(false);
  const choices = useChoiceOptions(flow, open?.spec.choice ?? null);

  const offered: Offered[] = getFragmentData(CaseActionFragment, refs).flatMap((action) => {
    const spec = actionSpec(flow, action.name);
    return spec ? [{ ...action, spec }] : [];
  });

  const labelOf = (action: Offered) => {
    const key = `name.${flow}.${action.name}` as 'name.CONSULTATION.route';
    return t.has(key) ? t(key) : capitalize(action.label);
  };
  const statusOf = (status: string) => {
    const key = `${flow}.${status}` as 'CONSULTATION.SUBMITTED';
    return statuses.has(key) ? statuses(key) : status;
  };

  function start(action: Offered) {
    setOpen(action);
    setNote('');
    setText(action.spec.text ? (drafts[action.spec.text] ?? '') : '');
    setChoice(null);
    setFiles([]);
    setErrors({});
  }

  async function confirm() {
    if (!open) return;
    const values = { note, text, choice, attachmentFileIds: files.map((file) => file.id) };
    const invalid = checkActionValues(open.spec, open.requiresNote, values, {
      note: t('noteMissing'),
      text: t('textMissing'),
      choice: open.spec.choice === 'organization' ? t('organizationMissing') : t('officerMissing'),
    });
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      return;
    }
    setSaving(true);
    setErrors({});
    const outcome = await open.spec
      .run(client, { id: caseId, revision }, values)
      .catch(() => ({ statusLabel: null, error: undefined }));
    setSaving(false);
    if (outcome.error || outcome.statusLabel === null) {
      const placed = surveyFormErrors(outcome.error, actionFieldPath, ACTION_MESSAGE_FIELDS);
      setErrors({
        ...placed.fields,
        general: placed.general ?? (outcome.error ? null : t('failed')),
        conflict: placed.conflict,
      });
      return;
    }
    notifications.show({
      color: 'green',
      message: t('done', { action: labelOf(open), status: outcome.statusLabel }),
    });
    setOpen(null);
    startTransition(() => router.refresh());
  }

  if (offered.length === 0) return null;
  const blocked = offered.filter((action) => action.blockedReason);
  const spec = open?.spec;
  const showNote = Boolean(open && (open.requiresNote || !spec?.noNote));
  const textLabel = spec?.text
    ? t(
        `text.${spec.text === 'answer' && flow === 'PUBLIC_COMPLAINT' ? 'publicAnswer' : spec.text}`,
      )
    : '';

  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('title')} data-testid="tindakan-kasus">
        {offered.map((action) => {
          const button = (
            <Button
              key={action.name}
              size="sm"
              variant={action.spec.danger ? 'outline' : 'filled'}
              color={action.spec.danger ? 'red.9' : undefined}
              disabled={Boolean(action.blockedReason)}
              aria-describedby={action.blockedReason ? reasonsId : undefined}
              data-action={action.name}
              onClick={() => start(action)}
            >
              {labelOf(action)}
            </Button>
          );
          return action.blockedReason ? (
            <Tooltip key={action.name} label={capitalize(action.blockedReason)} multiline w={280}>
              {/* A disabled button fires no pointer events; the wrapper shows the reason. */}
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Group>
      {blocked.length ? (
        <List size="sm" id={reasonsId} c="dimmed" spacing={2}>
          {blocked.map((action) => (
            <List.Item key={action.name} data-blocked-action={action.name}>
              {t('blocked', { action: labelOf(action), reason: action.blockedReason ?? '' })}
            </List.Item>
          ))}
        </List>
      ) : null}

      <Modal
        opened={open !== null}
        onClose={() => (saving ? undefined : setOpen(null))}
        title={open ? labelOf(open) : ''}
        size="lg"
      >
        {open && spec ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void confirm();
            }}
          >
            <Stack gap="sm">
              {errors.conflict ? (
                <Alert color="orange.9" variant="light" role="alert" title={t('conflictTitle')}>
                  <Stack gap="xs">
                    <Text size="sm">{t('conflict')}</Text>
                    <Button
                      size="xs"
                      variant="white"
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => {
                        setOpen(null);
                        startTransition(() => router.refresh());
                      }}
                    >
                      {t('reload')}
                    </Button>
                  </Stack>
                </Alert>
              ) : null}
              {errors.general ? (
                <Alert color="red" variant="light" role="alert">
                  {errors.general}
                </Alert>
              ) : null}
              <Text size="sm">{t('confirm', { status: statusOf(open.to) })}</Text>
              {spec.choice ? (
                <Select
                  label={spec.choice === 'organization' ? t('organization') : t('officer')}
                  placeholder={
                    choices.loading
                      ? common('loading')
                      : spec.choice === 'organization'
                        ? t('organizationPlaceholder')
                        : t('officerPlaceholder')
                  }
                  required
                  searchable
                  nothingFoundMessage={t('nothingFound')}
                  data={choices.options}
                  value={choice}
                  onChange={(value) => {
                    setChoice(value);
                    setErrors((current) => ({ ...current, choice: undefined }));
                  }}
                  error={errors.choice ?? choices.error}
                  comboboxProps={{ withinPortal: true }}
                />
              ) : null}
              {spec.text ? (
                <Textarea
                  label={textLabel}
                  required
                  autosize
                  minRows={5}
                  maxRows={16}
                  maxLength={MAX_TEXT}
                  value={text}
                  error={errors.text}
                  onChange={(event) => {
                    setText(event.currentTarget.value);
                    setErrors((current) => ({ ...current, text: undefined }));
                  }}
                />
              ) : null}
              {showNote ? (
                <Textarea
                  label={open.requiresNote ? t('noteRequired') : t('note')}
                  required={open.requiresNote}
                  autosize
                  minRows={2}
                  maxLength={MAX_NOTE}
                  value={note}
                  error={errors.note}
                  onChange={(event) => {
                    setNote(event.currentTarget.value);
                    setErrors((current) => ({ ...current, note: undefined }));
                  }}
                />
              ) : null}
              {spec.attachments ? (
                <AttachmentField
                  files={files}
                  onChange={setFiles}
                  disabled={saving}
                  error={errors.attachments}
                />
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)} disabled={saving}>
                  {common('cancel')}
                </Button>
                <Button type="submit" loading={saving} color={spec.danger ? 'red.9' : undefined}>
                  {labelOf(open)}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </Stack>
  );
}

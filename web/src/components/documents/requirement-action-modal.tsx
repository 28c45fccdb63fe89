'use client';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { REQUIREMENT_STATUS_COLORS } from '@/components/status-colors';
import type { ActionKind } from '@/documents/requirement-actions';
import type { UploadPurposeLimits } from '@/documents/upload-precheck';
import { errorMessage } from '@/graphql/error-message';
import {
  ForwardRequirementMutation,
  ReviewRequirementMutation,
  SubmitRequirementVersionMutation,
  WaiveRequirementMutation,
} from './document-operations';
import { FileUploader, type UploadedFile } from './file-uploader';

interface Props {
  requirement: { id: string; title: string };
  action: { kind: ActionKind; label: string; requiresNote: boolean };
  /** The upload purpose of requirement documents (needed for `submit`). */
  purpose: UploadPurposeLimits | null;
  onClose: () => void;
  onDone: () => void;
}

/** Revision requests and waivers must say why; the server requires it too. */
const NOTE_REQUIRED: Record<ActionKind, boolean> = {
  submit: false,
  forward: false,
  approve: false,
  requestRevision: true,
  waive: true,
};

/**
 * One workflow step on a requirement: upload and submit a version, forward to the next reviewer,
 * approve, request a revision (with a message) or waive (with a reason).
 */
export function RequirementActionModal({ requirement, action, purpose, onClose, onDone }: Props) {
  const t = useTranslations('requirements');
  const common = useTranslations('common');
  const [, submitVersion] = useMutation(SubmitRequirementVersionMutation);
  const [, forward] = useMutation(ForwardRequirementMutation);
  const [, review] = useMutation(ReviewRequirementMutation);
  const [, waive] = useMutation(WaiveRequirementMutation);
  const [note, setNote] = useState('');
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteRequired = action.requiresNote || NOTE_REQUIRED[action.kind];

  async function run() {
    const text = note.trim();
    if (noteRequired && !text) {
      setNoteError(t(action.kind === 'waive' ? 'reasonRequired' : 'messageRequired'));
      return;
    }
    if (action.kind === 'submit' && !uploaded) {
      setServerError(t('uploadFirst'));
      return;
    }
    const fileId = uploaded?.id ?? '';
    setSaving(true);
    setServerError(null);
    const id = requirement.id;
    const result =
      action.kind === 'submit'
        ? await submitVersion({ requirementId: id, fileId: fileId, note: text || null })
        : action.kind === 'forward'
          ? await forward({ id, note: text || null })
          : action.kind === 'waive'
            ? await waive({ id, reason: text })
            : await review({
                id,
                decision: action.kind === 'approve' ? 'APPROVE' : 'REQUEST_REVISION',
                message: text || null,
              });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t(`done.${action.kind}`, { title: requirement.title }),
    });
    onDone();
    onClose();
  }

  const noteLabel =
    action.kind === 'waive'
      ? t('reason')
      : action.kind === 'requestRevision' || action.kind === 'approve'
        ? t('message')
        : t('note');

  return (
    <Modal opened onClose={onClose} title={`${action.label}: ${requirement.title}`} size="lg">
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Text size="sm">{t(`explain.${action.kind}`)}</Text>
        {action.kind === 'submit' && purpose ? (
          <FileUploader purpose={purpose} onUploaded={setUploaded} disabled={saving} />
        ) : null}
        <Textarea
          label={noteLabel}
          required={noteRequired}
          value={note}
          error={noteError}
          maxLength={2000}
          autosize
          minRows={3}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {common('cancel')}
          </Button>
          <Button
            loading={saving}
            disabled={action.kind === 'submit' && !uploaded}
            color={
              action.kind === 'requestRevision'
                ? REQUIREMENT_STATUS_COLORS.REVISION_REQUESTED
                : undefined
            }
            onClick={() => void run()}
          >
            {action.label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

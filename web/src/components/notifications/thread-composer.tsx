'use client';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useClient } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { FileUploader, type UploadedFile } from '@/components/documents/file-uploader';
import { formatBytes } from '@/documents/format-bytes';
import { purposeNamed, type UploadPurposeLimits } from '@/documents/upload-precheck';
import { errorMessage } from '@/graphql/error-message';
import { PostThreadMessageMutation } from './notification-operations';

/** The service accepts at most this many attachments per message. */
const MAX_ATTACHMENTS = 10;
const MAX_TEXT = 5000;
const ATTACHMENT_KINDS = ['document', 'photo'] as const;
type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

type Purposes =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'ready'; purposes: Record<AttachmentKind, UploadPurposeLimits | null> }
  | { kind: 'error'; message: string };

interface Props {
  threadId: string;
  onPosted: () => void;
}

/** Writes a message to a thread, with documents or photos uploaded through the tus uploader. */
export function ThreadComposer({ threadId, onPosted }: Props) {
  const t = useTranslations('thread');
  const client = useClient();
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [attachments, setAttachments] = useState<UploadedFile[]>([]);
  const [purposes, setPurposes] = useState<Purposes>({ kind: 'closed' });
  const [kind, setKind] = useState<AttachmentKind>('document');
  // A new key gives a fresh uploader for the next file once one is done.
  const [uploaderKey, setUploaderKey] = useState(0);

  async function openUploader() {
    setPurposes({ kind: 'loading' });
    const result = await client.query(UploadPurposesQuery, {}).toPromise();
    const list = result.data?.uploadPurposes;
    setPurposes(
      list
        ? {
            kind: 'ready',
            purposes: {
              document: purposeNamed(list, 'document'),
              photo: purposeNamed(list, 'photo'),
            },
          }
        : { kind: 'error', message: errorMessage(result.error) ?? t('purposesFailed') },
    );
  }

  function attach(file: UploadedFile) {
    setAttachments((list) => [...list.filter((item) => item.id !== file.id), file]);
    setUploaderKey((key) => key + 1);
  }

  async function send() {
    const message = text.trim();
    if (!message) {
      setTextError(t('messageRequired'));
      return;
    }
    setSending(true);
    setServerError(null);
    const result = await client
      .mutation(PostThreadMessageMutation, {
        input: {
          threadId,
          text: message,
          attachmentIds: attachments.length ? attachments.map((file) => file.id) : null,
        },
      })
      .toPromise();
    setSending(false);
    const problem = errorMessage(result.error);
    if (problem) {
      setServerError(problem);
      return;
    }
    setText('');
    setAttachments([]);
    setPurposes({ kind: 'closed' });
    onPosted();
  }

  const purpose = purposes.kind === 'ready' ? purposes.purposes[kind] : null;
  const full = attachments.length >= MAX_ATTACHMENTS;

  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {serverError ? (
        <Alert color="red" variant="light" role="alert">
          {serverError}
        </Alert>
      ) : null}
      <Textarea
        label={t('message')}
        placeholder={t('messagePlaceholder')}
        description={t('messageHint')}
        value={text}
        error={textError}
        maxLength={MAX_TEXT}
        autosize
        minRows={2}
        maxRows={8}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setTextError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />

      {attachments.length ? (
        <ul aria-label={t('attachments')} style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {attachments.map((file) => (
            <li key={file.id}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" truncate="end">
                  {file.name} ({formatBytes(file.size)})
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="sm"
                  aria-label={t('removeAttachment', { name: file.name })}
                  onClick={() =>
                    setAttachments((list) => list.filter((item) => item.id !== file.id))
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            </li>
          ))}
        </ul>
      ) : null}

      {purposes.kind === 'loading' ? (
        <Loader size="sm" role="status" aria-label={t('loadingPurposes')} />
      ) : null}
      {purposes.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert">
          {purposes.message}
        </Alert>
      ) : null}
      {purposes.kind === 'ready' ? (
        full ? (
          <Text size="sm" c="dimmed">
            {t('attachmentLimit', { max: MAX_ATTACHMENTS })}
          </Text>
        ) : (
          <Stack gap="xs">
            <SegmentedControl
              aria-label={t('attachmentKind')}
              value={kind}
              onChange={(value) => setKind(value === 'photo' ? 'photo' : 'document')}
              data={ATTACHMENT_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
              disabled={sending}
            />
            {purpose ? (
              <FileUploader
                key={`${kind}-${uploaderKey}`}
                purpose={purpose}
                label={t('attachmentFile')}
                onUploaded={attach}
                disabled={sending}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('kindUnavailable')}
              </Text>
            )}
          </Stack>
        )
      ) : null}

      <Group justify="flex-end" gap="xs">
        {purposes.kind === 'closed' ? (
          <Button
            variant="default"
            mr="auto"
            onClick={() => void openUploader()}
            disabled={sending}
          >
            {t('attach')}
          </Button>
        ) : null}
        <Button type="submit" loading={sending}>
          {t('send')}
        </Button>
      </Group>
    </Stack>
  );
}

'use client';
import { ActionIcon, Alert, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { useQuery } from '@urql/next';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { FileUploader, type UploadedFile } from '@/components/documents/file-uploader';
import { formatBytes } from '@/documents/format-bytes';
import { purposeNamed } from '@/documents/upload-precheck';
import { errorMessage } from '@/graphql/error-message';

/** The service takes at most this many files per step. */
const MAX_FILES = 10;
const KINDS = ['document', 'photo'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Files for a case step: documents or photos uploaded one by one over tus (progress, pause,
 * resume), listed with a remove button. The step sends their ids.
 */
export function AttachmentField({
  files,
  onChange,
  disabled = false,
  error,
}: {
  files: readonly UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  disabled?: boolean;
  error?: string | null;
}) {
  const t = useTranslations('cases.attachments');
  const [kind, setKind] = useState<Kind>('document');
  // A new key gives a fresh uploader for the next file once one is done.
  const [uploaderKey, setUploaderKey] = useState(0);
  // Loaded in the browser only, without suspending the form around it.
  const mounted = useMounted();
  const context = useMemo(() => ({ suspense: false }), []);
  const [purposes] = useQuery({ query: UploadPurposesQuery, pause: !mounted, context });
  const purpose = purposeNamed(purposes.data?.uploadPurposes, kind);
  const full = files.length >= MAX_FILES;

  return (
    <Stack gap="xs" role="group" aria-label={t('fieldLabel')}>
      <Text size="sm" fw={500}>
        {t('fieldLabel')}
      </Text>
      {files.length ? (
        <ul aria-label={t('chosen')} style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {files.map((file) => (
            <li key={file.id}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" truncate="end">
                  {file.name} ({formatBytes(file.size)})
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="sm"
                  disabled={disabled}
                  aria-label={t('remove', { name: file.name })}
                  onClick={() => onChange(files.filter((item) => item.id !== file.id))}
                >
                  ×
                </ActionIcon>
              </Group>
            </li>
          ))}
        </ul>
      ) : null}
      {purposes.fetching ? <Loader size="sm" role="status" aria-label={t('loading')} /> : null}
      {purposes.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(purposes.error)}
        </Alert>
      ) : null}
      {full ? (
        <Text size="sm" c="dimmed">
          {t('limit', { max: MAX_FILES })}
        </Text>
      ) : purposes.data ? (
        <>
          <SegmentedControl
            aria-label={t('kind')}
            value={kind}
            onChange={(value) => setKind(value === 'photo' ? 'photo' : 'document')}
            data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            disabled={disabled}
            style={{ alignSelf: 'flex-start' }}
          />
          {purpose ? (
            <FileUploader
              key={`${kind}-${uploaderKey}`}
              purpose={purpose}
              label={t('uploadLabel')}
              disabled={disabled}
              onUploaded={(file) => {
                onChange([...files.filter((item) => item.id !== file.id), file]);
                setUploaderKey((key) => key + 1);
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('kindUnavailable')}
            </Text>
          )}
        </>
      ) : null}
      {error ? (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

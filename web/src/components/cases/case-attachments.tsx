'use client';
import { Anchor, Text } from '@mantine/core';
import { useFormatter, useTranslations } from 'next-intl';
import { formatBytes } from '@/documents/format-bytes';
import { fileHref } from '@/documents/links';
import { getFragmentData, type FragmentType } from '@/gql';
import { CaseAttachmentFragment } from './case-operations';

/** The files attached to a case (downloads through the file BFF), with who added them and when. */
export function CaseAttachments({
  attachments: refs,
}: {
  attachments: readonly FragmentType<typeof CaseAttachmentFragment>[];
}) {
  const t = useTranslations('cases.attachments');
  const format = useFormatter();
  const attachments = getFragmentData(CaseAttachmentFragment, refs);
  if (attachments.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.25rem' }} data-testid="lampiran-kasus">
      {attachments.map((attachment, index) => (
        <li key={attachment.fileId} data-file-id={attachment.fileId}>
          <Anchor href={fileHref(attachment.fileId)} size="sm" c="blue.8">
            {attachment.file
              ? `${attachment.file.filename} (${formatBytes(attachment.file.size)})`
              : t('file', { number: index + 1 })}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('added', {
              name: attachment.addedBy.name ?? t('citizen'),
              date: format.dateTime(new Date(attachment.addedAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

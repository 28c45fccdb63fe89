'use client';
import { Alert, Button, Code, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { getFragmentData, type FragmentType } from '@/gql';
import { formatBytes, shortHash } from '@/documents/format-bytes';
import { fileHref, verificationHref } from '@/documents/links';
import { errorMessage } from '@/graphql/error-message';
import { DocumentVersionItemFragment, SignDocumentVersionMutation } from './document-operations';
import styles from './documents.module.css';

interface Props {
  documentId: string;
  versions: readonly FragmentType<typeof DocumentVersionItemFragment>[];
  /** Whether to offer sealing ("Segel"); the server decides in the end. */
  canSign: boolean;
}

interface Sealed {
  code: string;
  stampedFile: { id: string; filename: string } | null;
}

function SignModal({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: number;
  onClose: (sealed: boolean) => void;
}) {
  const t = useTranslations('versions');
  const common = useTranslations('common');
  const [, sign] = useMutation(SignDocumentVersionMutation);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sealed, setSealed] = useState<Sealed | null>(null);

  async function confirm() {
    setSaving(true);
    setServerError(null);
    const result = await sign({ documentId, version, reason: reason.trim() || null });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message || !result.data) {
      setServerError(message ?? t('signFailed'));
      return;
    }
    setSealed(result.data.signDocumentVersion);
  }

  return (
    <Modal opened onClose={() => onClose(sealed !== null)} title={t('signTitle', { version })}>
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        {sealed ? (
          <Alert color="green" variant="light" role="status" title={t('signed')}>
            <Stack gap={4}>
              <Text size="sm">
                {t('verificationCode')}: <Code data-testid="kode-verifikasi">{sealed.code}</Code>
              </Text>
              <a href={verificationHref(sealed.code)}>{t('openVerification')}</a>
              {sealed.stampedFile ? (
                <a href={fileHref(sealed.stampedFile.id)} download>
                  {t('downloadStamped', { name: sealed.stampedFile.filename })}
                </a>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('signText')}</Text>
            <Textarea
              label={t('signReason')}
              value={reason}
              maxLength={500}
              autosize
              minRows={2}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(sealed !== null)} disabled={saving}>
            {sealed ? common('close') : common('cancel')}
          </Button>
          {sealed ? null : (
            <Button loading={saving} onClick={() => void confirm()}>
              {t('sign')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Every version of a document, newest first: who uploaded it when, its size and SHA-256, a
 * download link, its seals (with the verification code and the stamped PDF), and sealing.
 */
export function VersionHistory({ documentId, versions, canSign }: Props) {
  const t = useTranslations('versions');
  const common = useTranslations('common');
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [signing, setSigning] = useState<number | null>(null);
  const items = [...getFragmentData(DocumentVersionItemFragment, versions)].sort(
    (a, b) => b.number - a.number,
  );
  if (items.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('number')}</Table.Th>
              <Table.Th scope="col">{t('file')}</Table.Th>
              <Table.Th scope="col">{t('note')}</Table.Th>
              <Table.Th scope="col">{t('uploadedBy')}</Table.Th>
              <Table.Th scope="col">{t('sha256')}</Table.Th>
              <Table.Th scope="col">{t('signatures')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((version) => (
              <Table.Tr key={version.number} data-version={version.number}>
                <Table.Td>
                  <Text fw={700}>{version.number}</Text>
                </Table.Td>
                <Table.Td>
                  <a
                    href={fileHref(version.file.id)}
                    download
                    data-testid={`unduh-versi-${version.number}`}
                  >
                    {version.file.filename}
                  </a>
                  <Text size="xs" c="dimmed">
                    {formatBytes(version.file.size, locale)} · {version.file.contentType}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {version.note ?? common('none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {version.uploadedBy.name ?? version.uploadedBy.id}
                    {version.uploadedBy.organizationCode
                      ? ` (${version.uploadedBy.organizationCode})`
                      : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(new Date(version.uploadedAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <span className={styles.hash} title={version.sha256}>
                    {shortHash(version.sha256)}…
                  </span>
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    {version.signatures.map((signature) => (
                      <div key={signature.id} data-signature-code={signature.code}>
                        <Text size="sm">
                          {signature.signer.name ?? common('none')}
                          {signature.signer.organizationCode
                            ? ` (${signature.signer.organizationCode})`
                            : ''}
                          {' · '}
                          {format.dateTime(new Date(signature.signedAt), {
                            dateStyle: 'medium',
                            timeStyle: 'short',
                          })}
                        </Text>
                        <Text size="xs">
                          <a href={verificationHref(signature.code)}>
                            {t('code', { code: signature.code })}
                          </a>
                          {signature.stampedFile ? (
                            <>
                              {' · '}
                              <a href={fileHref(signature.stampedFile.id)} download>
                                {t('stamped')}
                              </a>
                            </>
                          ) : null}
                        </Text>
                      </div>
                    ))}
                    {canSign ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setSigning(version.number)}
                        aria-label={t('signVersion', { version: version.number })}
                      >
                        {t('sign')}
                      </Button>
                    ) : version.signatures.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {common('none')}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {signing !== null ? (
        <SignModal
          documentId={documentId}
          version={signing}
          onClose={(sealed) => {
            setSigning(null);
            if (sealed) startTransition(() => router.refresh());
          }}
        />
      ) : null}
    </>
  );
}

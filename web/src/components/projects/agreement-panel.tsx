'use client';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FileUploader, type UploadedFile } from '@/components/documents/file-uploader';
import { documentHref } from '@/documents/links';
import type { UploadPurposeLimits } from '@/documents/upload-precheck';
import { errorMessage } from '@/graphql/error-message';
import { agreementFormSchema, type AgreementFormValues } from './agreement-form.schema';
import { serverFormErrors } from './project-errors';
import { CreateAgreementDocumentMutation, SetLoanAgreementMutation } from './project-operations';

export interface AgreementDocument {
  id: string;
  title: string;
  latestVersion: number;
  /** Sealed version numbers, newest first. */
  sealedVersions: readonly number[];
}

interface Props {
  projectId: string;
  projectCode: string;
  /** The executing organization and the lender, who may read the agreement. */
  partyOrganizationCodes: readonly string[];
  documents: readonly AgreementDocument[];
  /** The agreement recorded so far, to correct it. */
  current: AgreementFormValues | null;
  /** Limits of document uploads; null hides uploading a new agreement file. */
  purpose: UploadPurposeLimits | null;
  /** Today in the Pemda's time zone (YYYY-MM-DD): the latest allowed signing date. */
  today: string;
}

/**
 * BPKAD records the signed loan agreement once the lender approved: one of the project's
 * documents, its number and date. The chosen document's version must be sealed electronically
 * first (on the document's page); only then may the project move to AGREEMENT_SIGNED. A new
 * agreement file can be uploaded here as a document of the project.
 */
export function AgreementPanel({
  projectId,
  projectCode,
  partyOrganizationCodes,
  documents,
  current,
  purpose,
  today,
}: Props) {
  const t = useTranslations('projects.agreement');
  const validation = useTranslations('projects.validation');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, setAgreement] = useMutation(SetLoanAgreementMutation);
  const [, createDocument] = useMutation(CreateAgreementDocumentMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);
  const [title, setTitle] = useState(t('defaultTitle', { code: projectCode }));
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [uploaderKey, setUploaderKey] = useState(0);
  const schema = agreementFormSchema((key) => validation(key as 'required'), today);
  const form = useForm<AgreementFormValues>({
    mode: 'controlled',
    initialValues: current ?? { documentId: '', number: '', signedOn: '' },
    validate: schemaResolver(schema, { sync: true }),
  });
  const chosen = documents.find((document) => document.id === form.values.documentId) ?? null;

  async function submit(values: AgreementFormValues) {
    const input = schema.parse(values);
    setSaving(true);
    setServerError(null);
    const result = await setAgreement({ projectId, input });
    setSaving(false);
    if (result.error) {
      const errors = serverFormErrors(result.error);
      form.setErrors(errors.fields);
      setServerError(errors.general ?? t('checkFields'));
      return;
    }
    notifications.show({
      color: 'green',
      message: result.data?.setLoanAgreement.agreement?.sealed ? t('savedSealed') : t('saved'),
    });
    startTransition(() => router.refresh());
  }

  async function createAgreementDocument() {
    if (!uploaded || !title.trim()) return;
    setCreating(true);
    setCreateError(null);
    const result = await createDocument({
      input: {
        title: title.trim(),
        subject: { type: 'LoanProject', id: projectId },
        fileId: uploaded.id,
        confidentiality: 'TERBATAS',
        relatedOrganizationCodes: [...partyOrganizationCodes],
      },
    });
    setCreating(false);
    const message = errorMessage(result.error);
    const created = result.data?.createDocument;
    if (message || !created) {
      setCreateError(message ?? t('createFailed'));
      return;
    }
    notifications.show({ color: 'green', message: t('documentCreated', { title: created.title }) });
    form.setFieldValue('documentId', created.id);
    setUploaded(null);
    setUploaderKey((key) => key + 1);
    startTransition(() => router.refresh());
  }

  const documentOptions = documents.map((document) => ({
    value: document.id,
    label: `${document.title} — ${
      document.sealedVersions.length
        ? t('sealedVersion', { number: document.sealedVersions[0] ?? 0 })
        : t('notSealed')
    }`,
  }));
  // A document just created is not in the list until the page has refreshed.
  if (form.values.documentId && !chosen) {
    documentOptions.push({ value: form.values.documentId, label: t('justCreated') });
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="catat-perjanjian">
      <Title order={3} size="h4" id="catat-perjanjian">
        {t('recordTitle')}
      </Title>
      <Text size="sm" mt={4}>
        {t('recordLead')}
      </Text>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="sm" mt="sm">
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <Select
            label={t('document')}
            description={documents.length ? t('documentHint') : t('noDocuments')}
            required
            searchable
            data={documentOptions}
            disabled={saving}
            {...form.getInputProps('documentId')}
          />
          {form.values.documentId ? (
            chosen && chosen.sealedVersions.length ? (
              <Text size="sm">
                {t('sealedInfo', { number: chosen.sealedVersions[0] ?? 0 })}{' '}
                <Anchor component={Link} href={documentHref(chosen.id)} c="blue.8">
                  {t('openDocument')}
                </Anchor>
              </Text>
            ) : (
              <Alert color="yellow" variant="light" title={t('sealFirstTitle')}>
                {t('sealFirst')}{' '}
                <Anchor
                  component={Link}
                  href={documentHref(form.values.documentId)}
                  c="blue.8"
                  fw={600}
                >
                  {t('openToSeal')}
                </Anchor>
              </Alert>
            )
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('number')}
              required
              maxLength={120}
              placeholder="415/PKS-PTSMI/VI/2025"
              disabled={saving}
              {...form.getInputProps('number')}
            />
            <TextInput
              type="date"
              label={t('signedOn')}
              required
              max={today}
              disabled={saving}
              {...form.getInputProps('signedOn')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>

      {purpose ? (
        <details style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{t('uploadTitle')}</summary>
          <Stack gap="sm" mt="sm">
            <Text size="sm">{t('uploadLead')}</Text>
            {createError ? (
              <Alert color="red" variant="light" role="alert">
                {createError}
              </Alert>
            ) : null}
            <TextInput
              label={t('documentTitle')}
              required
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              disabled={creating}
            />
            <FileUploader
              key={uploaderKey}
              purpose={purpose}
              onUploaded={setUploaded}
              label={t('file')}
              disabled={creating}
            />
            <Group justify="flex-end">
              <Button
                variant="light"
                loading={creating}
                disabled={!uploaded || !title.trim()}
                onClick={() => void createAgreementDocument()}
              >
                {t('createDocument')}
              </Button>
            </Group>
          </Stack>
        </details>
      ) : null}
    </Card>
  );
}

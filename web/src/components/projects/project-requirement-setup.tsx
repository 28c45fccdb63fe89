'use client';
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { ApplyRequirementTemplateMutation } from '@/components/documents/document-operations';
import { errorMessage } from '@/graphql/error-message';

export interface RequirementTemplateOption {
  id: string;
  code: string;
  name: string;
  description: string | null;
  reviewerOrganizationCodes: readonly string[];
  items: readonly { title: string; group: string | null }[];
}

interface Props {
  projectId: string;
  templates: readonly RequirementTemplateOption[];
  organizations: readonly { code: string; name: string }[];
  /** The executing organization: it uploads the documents. */
  uploaderOrganizationCode: string;
  /** Whether the project already has requirements (applying again adds more). */
  hasRequirements: boolean;
}

/** The lender's list the seed starts with (SIPOPI step 3): PT SMI's down-payment documents. */
export const DEFAULT_TEMPLATE_CODE = 'PTSMI-PENCAIRAN-UANG-MUKA';

/**
 * BPKAD applies a lender's standard list to this project (DOMAIN.md §3 step 3): the executing
 * organization uploads, the reviewers check in order (BPKAD, then the lender).
 */
export function ProjectRequirementSetup({
  projectId,
  templates,
  organizations,
  uploaderOrganizationCode,
  hasRequirements,
}: Props) {
  const t = useTranslations('projects.requirements');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, applyTemplate] = useMutation(ApplyRequirementTemplateMutation);
  const initial =
    templates.find((template) => template.code === DEFAULT_TEMPLATE_CODE) ?? templates[0] ?? null;
  const [templateId, setTemplateId] = useState<string | null>(initial?.id ?? null);
  const [uploader, setUploader] = useState<string | null>(uploaderOrganizationCode);
  const [reviewers, setReviewers] = useState<string[]>([
    ...(initial?.reviewerOrganizationCodes ?? []),
  ]);
  const [dueDate, setDueDate] = useState('');
  const [group, setGroup] = useState('');
  const [errors, setErrors] = useState<{
    template?: string;
    uploader?: string;
    reviewers?: string;
  }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;
  const options = organizations.map((org) => ({
    value: org.code,
    label: `${org.name} (${org.code})`,
  }));
  const templateGroups = [...new Set(template?.items.map((item) => item.group).filter(Boolean))];

  function chooseTemplate(id: string | null) {
    setTemplateId(id);
    const chosen = templates.find((candidate) => candidate.id === id);
    if (chosen) setReviewers([...chosen.reviewerOrganizationCodes]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required = t('required');
    const found = {
      ...(!templateId ? { template: required } : {}),
      ...(!uploader ? { uploader: required } : {}),
      ...(reviewers.length === 0 ? { reviewers: required } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    setServerError(null);
    const result = await applyTemplate({
      input: {
        templateId: templateId ?? '',
        subject: { type: 'LoanProject', id: projectId },
        uploaderOrganizationCode: uploader ?? '',
        reviewerOrganizationCodes: reviewers,
        dueDate: dueDate || null,
        group: group.trim() || null,
      },
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('applied', { count: result.data?.createRequirementsFromTemplate.length ?? 0 }),
    });
    startTransition(() => router.refresh());
  }

  if (templates.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('noTemplates')}
      </Text>
    );
  }

  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="terapkan-templat"
    >
      <Title order={3} size="h4" id="terapkan-templat">
        {t('setupTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {hasRequirements ? t('setupLeadMore') : t('setupLead')}
      </Text>
      <Stack gap="sm" mt="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Select
          label={t('template')}
          required
          data={templates.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={templateId}
          error={errors.template}
          onChange={chooseTemplate}
          allowDeselect={false}
        />
        {template ? (
          <Text size="sm" c="dimmed">
            {t('items', { count: template.items.length })}:{' '}
            {template.items.map((item) => item.title).join('; ')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('uploader')}
            description={t('uploaderHint')}
            required
            searchable
            data={options}
            value={uploader}
            error={errors.uploader}
            onChange={setUploader}
          />
          <MultiSelect
            label={t('reviewers')}
            description={t('reviewersHint')}
            required
            searchable
            data={options}
            value={reviewers}
            error={errors.reviewers}
            onChange={setReviewers}
          />
          <TextInput
            type="date"
            label={t('dueDate')}
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
          />
          <TextInput
            label={t('group')}
            description={t('groupHint')}
            placeholder={templateGroups[0] ?? undefined}
            maxLength={120}
            value={group}
            onChange={(event) => setGroup(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {t('apply')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

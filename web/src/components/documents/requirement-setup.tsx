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
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { subjectHref } from '@/documents/links';
import type { Confidentiality } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { ApplyRequirementTemplateMutation, CreateRequirementMutation } from './document-operations';

interface Template {
  id: string;
  name: string;
  description: string | null;
  reviewerOrganizationCodes: readonly string[];
  items: readonly { title: string; group: string | null }[];
}

interface Props {
  templates: readonly Template[];
  organizations: readonly { code: string; name: string }[];
}

interface Common {
  subjectType: string;
  subjectId: string;
  uploader: string | null;
  reviewers: string[];
  dueDate: string;
  group: string;
}

const CONFIDENTIALITIES = [
  'PUBLIK',
  'TERBATAS',
  'RAHASIA',
] as const satisfies readonly Confidentiality[];

const EMPTY: Common = {
  subjectType: '',
  subjectId: '',
  uploader: null,
  reviewers: [],
  dueDate: '',
  group: '',
};

/** Fields both forms share: the subject, who uploads, who reviews in which order, due date, group. */
function CommonFields({
  value,
  onChange,
  organizations,
  errors,
}: {
  value: Common;
  onChange: (next: Common) => void;
  organizations: Props['organizations'];
  errors: Partial<Record<keyof Common, string>>;
}) {
  const t = useTranslations('requirementSetup');
  const options = organizations.map((org) => ({
    value: org.code,
    label: `${org.name} (${org.code})`,
  }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('subjectType')}
          description={t('subjectTypeHint')}
          required
          value={value.subjectType}
          error={errors.subjectType}
          maxLength={60}
          onChange={(event) => onChange({ ...value, subjectType: event.currentTarget.value })}
        />
        <TextInput
          label={t('subjectId')}
          required
          value={value.subjectId}
          error={errors.subjectId}
          maxLength={120}
          onChange={(event) => onChange({ ...value, subjectId: event.currentTarget.value })}
        />
        <Select
          label={t('uploader')}
          required
          searchable
          data={options}
          value={value.uploader}
          error={errors.uploader}
          onChange={(uploader) => onChange({ ...value, uploader })}
        />
        <MultiSelect
          label={t('reviewers')}
          description={t('reviewersHint')}
          searchable
          data={options}
          value={value.reviewers}
          error={errors.reviewers}
          onChange={(reviewers) => onChange({ ...value, reviewers })}
        />
        <TextInput
          type="date"
          label={t('dueDate')}
          value={value.dueDate}
          onChange={(event) => onChange({ ...value, dueDate: event.currentTarget.value })}
        />
        <TextInput
          label={t('group')}
          description={t('groupHint')}
          value={value.group}
          maxLength={120}
          onChange={(event) => onChange({ ...value, group: event.currentTarget.value })}
        />
      </SimpleGrid>
    </>
  );
}

function validate(value: Common, t: (key: 'required') => string, needReviewers: boolean) {
  const errors: Partial<Record<keyof Common, string>> = {};
  if (!value.subjectType.trim()) errors.subjectType = t('required');
  if (!value.subjectId.trim()) errors.subjectId = t('required');
  if (!value.uploader) errors.uploader = t('required');
  if (needReviewers && value.reviewers.length === 0) errors.reviewers = t('required');
  return errors;
}

/**
 * For the requesting side (BPKAD): put a lender's standard list on a subject at once, or add one
 * requirement. Both then open the subject's checklist.
 */
export function RequirementSetup({ templates, organizations }: Props) {
  const t = useTranslations('requirementSetup');
  const router = useRouter();
  const [, applyTemplate] = useMutation(ApplyRequirementTemplateMutation);
  const [, createRequirement] = useMutation(CreateRequirementMutation);
  const [tab, setTab] = useState<string | null>(templates.length ? 'templat' : 'tunggal');
  const [common, setCommon] = useState<Common>(EMPTY);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [confidentiality, setConfidentiality] = useState<Confidentiality>('TERBATAS');
  const [errors, setErrors] = useState<
    Partial<Record<keyof Common | 'template' | 'title', string>>
  >({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const template = templates.find((candidate) => candidate.id === templateId) ?? null;

  function chooseTemplate(id: string | null) {
    setTemplateId(id);
    const chosen = templates.find((candidate) => candidate.id === id);
    // The template's reviewers are the default; they can still be changed for this subject.
    if (chosen)
      setCommon((current) => ({ ...current, reviewers: [...chosen.reviewerOrganizationCodes] }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const single = tab === 'tunggal';
    const found = {
      ...validate(common, t, single),
      ...(single && !title.trim() ? { title: t('required') } : {}),
      ...(!single && !templateId ? { template: t('required') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    setServerError(null);
    const subject = { type: common.subjectType.trim(), id: common.subjectId.trim() };
    const shared = {
      subject,
      uploaderOrganizationCode: common.uploader ?? '',
      dueDate: common.dueDate || null,
      group: common.group.trim() || null,
    };
    const result = single
      ? await createRequirement({
          input: {
            ...shared,
            title: title.trim(),
            description: description.trim() || null,
            reviewerOrganizationCodes: common.reviewers,
            confidentiality,
          },
        })
      : await applyTemplate({
          input: {
            ...shared,
            templateId: templateId ?? '',
            reviewerOrganizationCodes: common.reviewers.length ? common.reviewers : null,
          },
        });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({ color: 'green', message: t(single ? 'created' : 'applied') });
    router.push(subjectHref(subject));
  }

  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="templat" disabled={templates.length === 0}>
              {t('fromTemplate')}
            </Tabs.Tab>
            <Tabs.Tab value="tunggal">{t('single')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="templat" pt="sm">
            <Stack gap="xs">
              <Select
                label={t('template')}
                required
                data={templates.map((candidate) => ({
                  value: candidate.id,
                  label: candidate.name,
                }))}
                value={templateId}
                error={errors.template}
                onChange={chooseTemplate}
              />
              {template ? (
                <Text size="sm" c="dimmed">
                  {template.description ? `${template.description} · ` : ''}
                  {t('items', { count: template.items.length })}:{' '}
                  {template.items.map((item) => item.title).join('; ')}
                </Text>
              ) : null}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="tunggal" pt="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('title')}
                required
                value={title}
                error={errors.title}
                maxLength={200}
                onChange={(event) => setTitle(event.currentTarget.value)}
              />
              <Select
                label={t('confidentiality')}
                data={CONFIDENTIALITIES.map((value) => ({
                  value,
                  label: t(`confidentialityOption.${value}`),
                }))}
                value={confidentiality}
                onChange={(value) => {
                  const chosen = CONFIDENTIALITIES.find((candidate) => candidate === value);
                  if (chosen) setConfidentiality(chosen);
                }}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t('description')}
              value={description}
              maxLength={2000}
              autosize
              minRows={2}
              onChange={(event) => setDescription(event.currentTarget.value)}
            />
          </Tabs.Panel>
        </Tabs>
        <CommonFields
          value={common}
          onChange={setCommon}
          organizations={organizations}
          errors={errors}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {tab === 'tunggal' ? t('createSubmit') : t('applySubmit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

'use client';
import { Alert, Button, Group, Paper, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useClient } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { UploadedFile } from '@/components/documents/file-uploader';
import { surveyFormErrors } from '@/components/survey-admin/survey-errors';
import { AttachmentField } from './attachment-field';
import { caseHref } from './case-flow';
import {
  CaseCreateWorkItemMutation,
  CaseFileIctComplaintMutation,
  CaseSubmitConsultationMutation,
} from './case-operations';

/** The flows a staff member opens from the portal (public complaints come from citizens). */
export type NewCaseKind = 'CONSULTATION' | 'WORK_ITEM' | 'ICT_COMPLAINT';

type Field =
  | 'topic'
  | 'detail'
  | 'title'
  | 'description'
  | 'assigneeId'
  | 'unit'
  | 'problem'
  | 'handlingTried';

const FIELDS: Record<NewCaseKind, readonly Field[]> = {
  CONSULTATION: ['topic', 'detail'],
  WORK_ITEM: ['title', 'description', 'assigneeId'],
  ICT_COMPLAINT: ['unit', 'problem', 'handlingTried'],
};
const OPTIONAL: readonly Field[] = ['handlingTried'];
const LONG: readonly Field[] = ['detail', 'description', 'problem', 'handlingTried'];
const MAX_SHORT = 200;
const MAX_LONG = 5000;

const fieldPath = (field: string): string | null => {
  const name = field.replace(/^input\./, '').split('.')[0] ?? '';
  if (name === 'attachmentFileIds') return 'attachments';
  return (Object.values(FIELDS).flat() as string[]).includes(name) ? name : null;
};

/**
 * The form opening a case: a consultation (topic, detail), a work item (title, description, the
 * officer) or an ICT complaint (the form of Lampiran 2: the requester from the session, unit,
 * problem, handling tried), each with files. Refusals show beside their fields.
 */
export function NewCaseForm({
  kind,
  staff = [],
  requesterName,
}: {
  kind: NewCaseKind;
  /** Officers a work item may go to (`assignableStaff(flow: WORK_ITEM)`). */
  staff?: readonly { value: string; label: string }[];
  /** The signed-in requester, shown on the ICT form. */
  requesterName?: string;
}) {
  const t = useTranslations('cases.form');
  const common = useTranslations('common');
  const client = useClient();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = FIELDS[kind];
  const value = (field: Field) => values[field]?.trim() ?? '';

  async function submit() {
    const missing: Record<string, string> = {};
    for (const field of fields) {
      if (!OPTIONAL.includes(field) && !value(field)) missing[field] = t(`missing.${field}`);
    }
    setErrors(missing);
    setGeneral(null);
    if (Object.keys(missing).length) return;
    setSaving(true);
    const attachmentFileIds = files.length ? files.map((file) => file.id) : null;
    const created =
      kind === 'CONSULTATION'
        ? await client
            .mutation(CaseSubmitConsultationMutation, {
              input: { topic: value('topic'), detail: value('detail'), attachmentFileIds },
            })
            .toPromise()
            .then((result) => ({ node: result.data?.submitConsultation, error: result.error }))
        : kind === 'WORK_ITEM'
          ? await client
              .mutation(CaseCreateWorkItemMutation, {
                input: {
                  title: value('title'),
                  description: value('description'),
                  assigneeId: value('assigneeId'),
                  attachmentFileIds,
                },
              })
              .toPromise()
              .then((result) => ({ node: result.data?.createWorkItem, error: result.error }))
          : await client
              .mutation(CaseFileIctComplaintMutation, {
                input: {
                  unit: value('unit'),
                  problem: value('problem'),
                  handlingTried: value('handlingTried') || null,
                  attachmentFileIds,
                },
              })
              .toPromise()
              .then((result) => ({ node: result.data?.fileIctComplaint, error: result.error }));
    setSaving(false);
    const node = created.node;
    if (!node) {
      const placed = surveyFormErrors(created.error, fieldPath);
      setErrors(placed.fields);
      setGeneral(placed.general ?? (Object.keys(placed.fields).length ? null : t('failed')));
      return;
    }
    notifications.show({ color: 'green', message: t(`done.${kind}`, { number: node.number }) });
    startTransition(() => router.push(caseHref(kind, node.id)));
  }

  const set = (field: Field) => (next: string | null) => {
    setValues((current) => ({ ...current, [field]: next ?? '' }));
    setErrors((current) => ({ ...current, [field]: '' }));
  };

  return (
    <Paper withBorder p="md" maw={860}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {general ? (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          ) : null}
          {kind === 'ICT_COMPLAINT' ? (
            <TextInput
              label={t('requester')}
              value={requesterName ?? ''}
              readOnly
              variant="filled"
            />
          ) : null}
          {fields.map((field) =>
            field === 'assigneeId' ? (
              <Select
                key={field}
                label={t(`label.${field}`)}
                description={t(`hint.${field}`)}
                placeholder={t('assigneePlaceholder')}
                required
                searchable
                nothingFoundMessage={t('nothingFound')}
                data={staff}
                value={values.assigneeId || null}
                onChange={set(field)}
                error={errors[field] || undefined}
              />
            ) : LONG.includes(field) ? (
              <Textarea
                key={field}
                label={t(`label.${field}`)}
                description={t(`hint.${field}`)}
                required={!OPTIONAL.includes(field)}
                autosize
                minRows={field === 'handlingTried' ? 2 : 5}
                maxRows={16}
                maxLength={MAX_LONG}
                value={values[field] ?? ''}
                onChange={(event) => set(field)(event.currentTarget.value)}
                error={errors[field] || undefined}
              />
            ) : (
              <TextInput
                key={field}
                label={t(`label.${field}`)}
                description={t(`hint.${field}`)}
                required
                maxLength={MAX_SHORT}
                value={values[field] ?? ''}
                onChange={(event) => set(field)(event.currentTarget.value)}
                error={errors[field] || undefined}
              />
            ),
          )}
          <AttachmentField
            files={files}
            onChange={setFiles}
            disabled={saving}
            error={errors.attachments || null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => router.back()} disabled={saving}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t(`submit.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

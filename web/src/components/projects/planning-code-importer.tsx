'use client';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { formatBytes } from '@/documents/format-bytes';
import { graphql } from '@/gql';
import type { ImportPlanningCodesMutation as ImportResult } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  MAX_IMPORT_BYTES,
  base64OfDataUrl,
  importFormatOf,
  toImportInput,
  validateImport,
  type ImportErrors,
  type ImportKind,
  type ImportValues,
  type LoadedFile,
} from './planning-code-import.schema';
import { PlanningCodeImportReport } from './planning-code-import-report';
import type { PlanningCodeVersionRow } from './planning-code-versions';

const ImportPlanningCodesMutation = graphql(`
  mutation ImportPlanningCodes($input: PlanningCodeImportInput!) {
    importPlanningCodes(input: $input) {
      id
      versionId
      kind
      filename
      dryRun
      totalRows
      accepted
      rejected
      rejections {
        row
        code
        reason
        message
      }
      importedAt
    }
  }
`);

type ImportReport = ImportResult['importPlanningCodes'];

type Reading =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; loaded: number; total: number }
  | { kind: 'failed'; message: string };

/** Reads a file into base64 in the browser, telling how far it got. */
function readAsBase64(
  file: File,
  onProgress: (loaded: number, total: number) => void,
  reader: FileReader,
): Promise<string> {
  return new Promise((resolve, reject) => {
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    reader.readAsDataURL(file);
  });
}

/**
 * BPKAD's importer of Permendagri 90/2019 codes or account codes from CSV/XLSX into an existing
 * or new version: "Periksa saja" checks without saving, "Impor" saves the good rows; both report
 * every refused row with its reason.
 */
export function PlanningCodeImporter({
  versions,
}: {
  versions: readonly PlanningCodeVersionRow[];
}) {
  const t = useTranslations('planningCodes');
  const validation = useTranslations('validation');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, runImport] = useMutation(ImportPlanningCodesMutation);
  const active = versions.find((version) => version.active);
  const [values, setValues] = useState<ImportValues>({
    target: versions.length > 0 ? 'existing' : 'new',
    existingVersionId: active?.id ?? versions[0]?.id ?? null,
    newVersionId: '',
    newVersionName: '',
    legalBasis: '',
    kind: 'NOMENCLATURE',
    file: null,
  });
  const [chosen, setChosen] = useState<File | null>(null);
  const [reading, setReading] = useState<Reading>({ kind: 'idle' });
  const [errors, setErrors] = useState<ImportErrors>({});
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const reader = useRef<FileReader | null>(null);

  async function choose(file: File | null) {
    reader.current?.abort();
    setChosen(file);
    setValues((current) => ({ ...current, file: null }));
    setErrors((current) => ({ ...current, file: undefined }));
    setReport(null);
    if (!file) {
      setReading({ kind: 'idle' });
      return;
    }
    if (!importFormatOf(file.name)) {
      setReading({ kind: 'failed', message: t('formatInvalid') });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setReading({
        kind: 'failed',
        message: t('fileTooLarge', {
          size: formatBytes(file.size),
          max: formatBytes(MAX_IMPORT_BYTES),
        }),
      });
      return;
    }
    const current = new FileReader();
    reader.current = current;
    setReading({ kind: 'reading', name: file.name, loaded: 0, total: file.size });
    try {
      const base64 = await readAsBase64(
        file,
        (loaded, total) => setReading({ kind: 'reading', name: file.name, loaded, total }),
        current,
      );
      if (reader.current !== current) return;
      const loaded: LoadedFile = { name: file.name, size: file.size, base64 };
      setValues((previous) => ({ ...previous, file: loaded }));
      setReading({ kind: 'idle' });
    } catch (error) {
      if ((error as Error).name === 'AbortError' || reader.current !== current) return;
      setReading({ kind: 'failed', message: t('readFailed') });
    }
  }

  async function submit(dryRun: boolean) {
    const found = validateImport(
      values,
      versions.map((version) => version.id),
      {
        required: validation('required'),
        versionId: t('versionIdInvalid'),
        versionTaken: t('versionTaken'),
        format: t('formatInvalid'),
        tooLong: validation('tooLong'),
      },
    );
    setErrors(found);
    if (Object.keys(found).length > 0 || !values.file) return;
    setRunning(dryRun ? 'check' : 'import');
    setServerError(null);
    const result = await runImport({ input: toImportInput(values, values.file, dryRun) });
    setRunning(null);
    const message = errorMessage(result.error);
    if (message || !result.data) {
      setServerError(message ?? t('importFailed'));
      return;
    }
    setReport(result.data.importPlanningCodes);
    // Counts, versions and the history come from the server page.
    startTransition(() => router.refresh());
  }

  const percent =
    reading.kind === 'reading' && reading.total > 0 ? (reading.loaded / reading.total) * 100 : 0;
  const busy = running !== null || reading.kind === 'reading';

  return (
    <Stack gap="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        <Stack gap="sm">
          <Radio.Group
            label={t('targetLabel')}
            value={values.target}
            onChange={(target) =>
              setValues({ ...values, target: target === 'new' ? 'new' : 'existing' })
            }
          >
            <Group gap="lg" mt={4}>
              <Radio
                value="existing"
                label={t('targetExisting')}
                disabled={versions.length === 0}
              />
              <Radio value="new" label={t('targetNew')} />
            </Group>
          </Radio.Group>
          {values.target === 'existing' ? (
            <Select
              label={t('version')}
              required
              data={versions.map((version) => ({
                value: version.id,
                label: version.active ? `${version.name} — ${t('activeVersion')}` : version.name,
              }))}
              value={values.existingVersionId}
              error={errors.existingVersionId}
              onChange={(existingVersionId) => setValues({ ...values, existingVersionId })}
              allowDeselect={false}
              maw={480}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <TextInput
                label={t('newVersionId')}
                description={t('newVersionIdHint')}
                required
                maxLength={64}
                value={values.newVersionId}
                error={errors.newVersionId}
                onChange={(event) =>
                  setValues({ ...values, newVersionId: event.currentTarget.value })
                }
              />
              <TextInput
                label={t('newVersionName')}
                required
                maxLength={200}
                value={values.newVersionName}
                error={errors.newVersionName}
                onChange={(event) =>
                  setValues({ ...values, newVersionName: event.currentTarget.value })
                }
              />
              <TextInput
                label={t('legalBasis')}
                description={t('legalBasisHint')}
                required
                maxLength={300}
                value={values.legalBasis}
                error={errors.legalBasis}
                onChange={(event) =>
                  setValues({ ...values, legalBasis: event.currentTarget.value })
                }
              />
            </SimpleGrid>
          )}
          <div>
            <Text size="sm" fw={500} id="jenis-impor" mb={4}>
              {t('kindLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="jenis-impor"
              value={values.kind}
              onChange={(kind) => setValues({ ...values, kind: kind as ImportKind })}
              data={[
                { value: 'NOMENCLATURE', label: t('kind.NOMENCLATURE') },
                { value: 'ACCOUNT', label: t('kind.ACCOUNT') },
              ]}
            />
          </div>
          <FileInput
            label={t('fileLabel')}
            description={t('fileHint', { max: formatBytes(MAX_IMPORT_BYTES) })}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            clearable
            value={chosen}
            error={errors.file ?? (reading.kind === 'failed' ? reading.message : undefined)}
            onChange={(file) => void choose(file)}
            disabled={running !== null}
            maw={480}
          />
          {reading.kind === 'reading' ? (
            <div>
              <Text size="sm" id="status-baca" aria-live="polite">
                {t('reading', {
                  name: reading.name,
                  percent: Math.floor(percent),
                })}
              </Text>
              <Progress value={percent} aria-labelledby="status-baca" maw={480} />
            </div>
          ) : values.file ? (
            <Text size="sm" c="dimmed" role="status">
              {t('fileReady', { name: values.file.name, size: formatBytes(values.file.size) })}
            </Text>
          ) : null}
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button
              variant="light"
              loading={running === 'check'}
              disabled={busy && running !== 'check'}
              onClick={() => void submit(true)}
            >
              {t('dryRun')}
            </Button>
            <Button
              type="submit"
              loading={running === 'import'}
              disabled={busy && running !== 'import'}
            >
              {t('import')}
            </Button>
          </Group>
        </Stack>
      </form>

      {report ? (
        <Paper withBorder p="md" component="section" aria-labelledby="hasil-impor">
          <Text fw={700} id="hasil-impor" mb="xs">
            {report.dryRun ? t('reportDryRunTitle') : t('reportTitle')}
          </Text>
          <Alert
            color={report.rejected > 0 ? 'yellow' : 'green'}
            variant="light"
            role="status"
            mb="sm"
            data-testid="ringkasan-impor"
          >
            {t('totals', {
              total: report.totalRows,
              accepted: report.accepted,
              rejected: report.rejected,
            })}
            {report.dryRun ? ` ${t('dryRunNote')}` : ''}
          </Alert>
          <PlanningCodeImportReport
            rejections={report.rejections}
            caption={t('rejectionsCaption', { file: report.filename })}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}

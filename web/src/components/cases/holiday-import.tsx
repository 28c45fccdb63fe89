'use client';
import { Alert, Button, FileInput, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useClient } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { errorMessage } from '@/graphql/error-message';
import { CaseImportHolidaysMutation } from './case-operations';

/** A CSV larger than this is surely not a year's holidays. */
const MAX_BYTES = 64 * 1024;

/**
 * super-admin replaces a year's holidays with a CSV `tanggal;jenis;keterangan` (chosen as a file
 * or pasted). Nothing is stored unless every line is valid; the refused lines are listed.
 */
export function HolidayImport({ year }: { year: number }) {
  const t = useTranslations('cases.calendar');
  const client = useClient();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<readonly { line: number; message: string }[]>([]);

  async function choose(chosen: File | null) {
    setFile(chosen);
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setError(t('tooLarge'));
      return;
    }
    setCsv(await chosen.text());
  }

  async function submit() {
    if (!csv.trim()) {
      setError(t('csvMissing'));
      return;
    }
    setSaving(true);
    setError(null);
    setLineErrors([]);
    const result = await client.mutation(CaseImportHolidaysMutation, { year, csv }).toPromise();
    setSaving(false);
    const outcome = result.data?.importHolidays;
    if (!outcome) {
      setError(errorMessage(result.error) ?? t('failed'));
      return;
    }
    if (outcome.errors.length) {
      setLineErrors(outcome.errors);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('imported', { count: outcome.imported, year }),
    });
    setCsv('');
    setFile(null);
    startTransition(() => router.refresh());
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('importLead', { year })}</Text>
        <FileInput
          label={t('file')}
          placeholder={t('filePlaceholder')}
          accept=".csv,text/csv"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          maw={420}
        />
        <Textarea
          label={t('csv')}
          description={t('csvHint')}
          autosize
          minRows={4}
          maxRows={14}
          value={csv}
          onChange={(event) => setCsv(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        {lineErrors.length ? (
          <Alert color="red" variant="light" role="alert" title={t('lineErrorsTitle')}>
            <Table verticalSpacing={4} data-testid="galat-impor-libur">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('line')}</Table.Th>
                  <Table.Th scope="col">{t('problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lineErrors.map((item) => (
                  <Table.Tr key={`${item.line}-${item.message}`} data-line={item.line}>
                    <Table.Td>{item.line}</Table.Td>
                    <Table.Td>{item.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={saving}>
            {t('import')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

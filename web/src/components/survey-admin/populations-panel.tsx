'use client';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, useState, useTransition } from 'react';
import type { SurveyAdminImportPopulationsMutation as ImportResult } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { populationCsvProblem, populationCsvTemplate, populationValue } from './population';
import {
  SurveyAdminImportPopulationsMutation,
  SurveyAdminSetPopulationMutation,
} from './survey-admin-operations';
import {
  monthName,
  partsOf,
  periodInput,
  roman,
  type Granularity,
  type PeriodChoice,
} from './survey-period';
import { formatCount } from './survey-index';

export interface PopulationView {
  population: number;
  minimumSample: number;
  updatedAt: string;
  period: { key: string; label: string };
}

type Rejection = ImportResult['importServicePopulations']['rejected'][number];

const GRANULARITIES: readonly Granularity[] = ['YEAR', 'SEMESTER', 'QUARTER', 'MONTH'];

/** The population of one service in one period, for the Krejcie & Morgan minimum sample. */
function PopulationForm({ serviceId, period }: { serviceId: string; period: PeriodChoice }) {
  const t = useTranslations('surveyAdmin.populations');
  const periods = useTranslations('surveyAdmin.period');
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, setPopulation] = useMutation(SurveyAdminSetPopulationMutation);
  const [granularity, setGranularity] = useState<Granularity>(period.granularity);
  const [part, setPart] = useState<number>(period.part ?? 1);
  const [value, setValue] = useState<number | string>('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const partLabel = (p: number) =>
    granularity === 'SEMESTER'
      ? periods('semesterName', { n: roman(p) })
      : granularity === 'QUARTER'
        ? periods('quarterName', { n: roman(p) })
        : monthName(p, locale);

  async function save() {
    const population = populationValue(value);
    if (population === null) {
      setFieldError(t('populationInvalid'));
      return;
    }
    setSaving(true);
    setServerError(null);
    const choice: PeriodChoice = {
      year: period.year,
      granularity,
      part: granularity === 'YEAR' ? null : part,
    };
    const result = await setPopulation({
      input: { serviceId, period: periodInput(choice), population },
    });
    setSaving(false);
    const saved = result.data?.setServicePopulation;
    if (!saved) {
      setServerError(errorMessage(result.error) ?? t('failed'));
      return;
    }
    notifications.show({
      color: 'green',
      message: t('saved', {
        period: saved.period.label,
        minimum: formatCount(saved.minimumSample, locale),
      }),
    });
    setValue('');
    startTransition(() => router.refresh());
  }

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <NativeSelect
          label={periods('granularity')}
          value={granularity}
          data={GRANULARITIES.map((g) => ({ value: g, label: periods(`granularityName.${g}`) }))}
          onChange={(event) => {
            setGranularity(event.currentTarget.value as Granularity);
            setPart(1);
          }}
          w={150}
        />
        {granularity !== 'YEAR' ? (
          <NativeSelect
            label={periods(`partLabel.${granularity}`)}
            value={String(part)}
            data={partsOf(granularity).map((p) => ({ value: String(p), label: partLabel(p) }))}
            onChange={(event) => setPart(Number(event.currentTarget.value))}
            w={170}
          />
        ) : null}
        <NumberInput
          label={t('population')}
          description={t('populationHint', { year: period.year })}
          value={value}
          onChange={(next) => {
            setValue(next);
            setFieldError(null);
          }}
          error={fieldError}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          hideControls
          w={200}
        />
        <Button mt={24} loading={saving} onClick={() => void save()}>
          {t('save')}
        </Button>
      </Group>
      {serverError ? (
        <Alert color="red" variant="light" role="alert">
          {serverError}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** CSV import `layanan_id;periode;populasi` with the rows the service refused. */
function PopulationImport({
  serviceIds,
  periodKey,
}: {
  serviceIds: readonly string[];
  periodKey: string;
}) {
  const t = useTranslations('surveyAdmin.populations');
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, runImport] = useMutation(SurveyAdminImportPopulationsMutation);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<{ imported: number; rejected: Rejection[] } | null>(null);
  const template = useMemo(
    () =>
      `data:text/csv;charset=utf-8,${encodeURIComponent(populationCsvTemplate(serviceIds, periodKey))}`,
    [serviceIds, periodKey],
  );

  function choose(next: File | null) {
    setFile(next);
    setReport(null);
    setServerError(null);
    const problem = next ? populationCsvProblem(next) : null;
    setFileError(problem ? t(`csvProblem.${problem}`) : null);
  }

  async function upload() {
    if (!file) {
      setFileError(t('csvRequired'));
      return;
    }
    if (fileError) return;
    setRunning(true);
    setServerError(null);
    try {
      const csv = await file.text();
      const result = await runImport({ csv });
      const answer = result.data?.importServicePopulations;
      if (!answer) {
        setServerError(errorMessage(result.error) ?? t('failed'));
        return;
      }
      setReport({ imported: answer.imported, rejected: [...answer.rejected] });
      if (answer.imported > 0) startTransition(() => router.refresh());
    } catch {
      setServerError(t('failed'));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('csvHint')}{' '}
        <Anchor
          href={template}
          download={`populasi-${periodKey}.csv`}
          c="blue.8"
          underline="always"
        >
          {t('template')}
        </Anchor>
      </Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <FileInput
          label={t('csvFile')}
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={choose}
          error={fileError}
          w={300}
        />
        <Button mt={24} variant="light" loading={running} onClick={() => void upload()}>
          {t('import')}
        </Button>
      </Group>
      {serverError ? (
        <Alert color="red" variant="light" role="alert">
          {serverError}
        </Alert>
      ) : null}
      {report ? (
        <Stack gap={6} role="status">
          <Text size="sm" fw={600}>
            {t('imported', {
              imported: formatCount(report.imported, locale),
              rejected: formatCount(report.rejected.length, locale),
            })}
          </Text>
          {report.rejected.length > 0 ? (
            <Table.ScrollContainer minWidth={520}>
              <Table striped verticalSpacing="xs" data-testid="populasi-ditolak">
                <Table.Caption>{t('rejectedCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('row')}</Table.Th>
                    <Table.Th scope="col">{t('reason')}</Table.Th>
                    <Table.Th scope="col">{t('message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...report.rejected]
                    .sort((a, b) => a.row - b.row)
                    .map((rejection, index) => (
                      <Table.Tr key={`${rejection.row}-${index}`}>
                        <Table.Td>{rejection.row}</Table.Td>
                        <Table.Td>
                          <code>{rejection.reason}</code>
                        </Table.Td>
                        <Table.Td>{rejection.message}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * Populations served per service and period (the basis of the minimum sample): the chosen
 * service's figures of the year, a form to record one and the CSV import, for editors.
 */
export function PopulationsPanel({
  service,
  populations,
  period,
  periodKey,
  serviceIds,
  canEdit,
}: {
  service: { id: string; name: string } | null;
  populations: readonly PopulationView[];
  period: PeriodChoice;
  periodKey: string;
  serviceIds: readonly string[];
  canEdit: boolean;
}) {
  const t = useTranslations('surveyAdmin.populations');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Stack gap="md">
      {service ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('serviceTitle', { service: service.name, year: period.year })}
          </Title>
          {populations.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing="xs" data-testid="daftar-populasi">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('period')}</Table.Th>
                    <Table.Th scope="col">{t('population')}</Table.Th>
                    <Table.Th scope="col">{t('minimum')}</Table.Th>
                    <Table.Th scope="col">{t('updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {populations.map((row) => (
                    <Table.Tr key={row.period.key}>
                      <Table.Td>{row.period.label}</Table.Td>
                      <Table.Td>{formatCount(row.population, locale)}</Table.Td>
                      <Table.Td>{formatCount(row.minimumSample, locale)}</Table.Td>
                      <Table.Td>
                        {format.dateTime(new Date(row.updatedAt), { dateStyle: 'medium' })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {canEdit ? (
            <div style={{ marginTop: 12 }}>
              <PopulationForm serviceId={service.id} period={period} />
            </div>
          ) : null}
        </Paper>
      ) : (
        <Text c="dimmed" size="sm">
          {t('chooseService')}
        </Text>
      )}
      {canEdit ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('importTitle')}
          </Title>
          <PopulationImport serviceIds={serviceIds} periodKey={periodKey} />
        </Paper>
      ) : null}
    </Stack>
  );
}

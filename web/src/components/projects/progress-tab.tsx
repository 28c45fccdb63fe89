'use client';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useClient, useMutation, useQuery } from '@urql/next';
import { useSession } from 'next-auth/react';
import { useFormatter, useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { ChartDataTable } from '@/components/charts/chart-data-table';
import { CHART_COLORS, lineChartOption, periodLabel } from '@/components/charts/chart-options';
import { EChart } from '@/components/charts/echart';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { FileUploader } from '@/components/documents/file-uploader';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { STATUS_COLORS } from '@/components/status-colors';
import { purposeNamed, type UploadPurposeLimits } from '@/documents/upload-precheck';
import { graphql } from '@/gql';
import type {
  ProgressReportStatus,
  ProgressTabQuery as ProgressTabData,
  ProgressReviewDecision,
} from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  currentPeriod,
  browserFilePath,
  hasPlanRowErrors,
  hasReportErrors,
  nextPeriod,
  toPlanPoints,
  toReportInput,
  validatePlan,
  validateReport,
  type ExifCapture,
  type MediaEntry,
  type MediaKindName,
  type PlanRow,
  type ReportErrors,
  type ReportValues,
} from './progress-tab.schema';
import { ProjectMap } from './project-map';
import { formatPercent } from './project-stage';

const ProgressTabQuery = graphql(`
  query ProgressTab($id: ID!) {
    loanProject(id: $id) {
      id
      name
      physicalProgress
      financialProgress
      behindPlan
      viewerCanEdit
      viewerCanReportProgress
      locations {
        id
        latitude
        longitude
        address
      }
      progressPlan {
        period
        physicalPercent
        financialPercent
      }
      sCurve {
        period
        plannedPhysical
        actualPhysical
        plannedFinancial
        actualFinancial
      }
      progressReports {
        id
        period
        physicalPercent
        financialPercent
        narrative
        problems
        status
        statusLabel
        submittedBy {
          name
          organizationCode
        }
        submittedAt
        reviewedBy {
          name
          organizationCode
        }
        reviewedAt
        reviewNote
        media {
          fileId
          kind
          caption
          latitude
          longitude
          capturedAt
          locationSource
          file {
            id
            filename
            contentType
            downloadPath
            thumbnailPath
          }
        }
      }
    }
  }
`);

const StoredFileCaptureQuery = graphql(`
  query StoredFileCapture($id: ID!) {
    storedFile(id: $id) {
      id
      capture {
        latitude
        longitude
        takenAt
      }
    }
  }
`);

const SubmitProgressReportMutation = graphql(`
  mutation SubmitProgressReport($projectId: ID!, $input: ProgressReportInput!) {
    submitProgressReport(projectId: $projectId, input: $input) {
      id
      status
    }
  }
`);

const ReviewProgressReportMutation = graphql(`
  mutation ReviewProgressReport(
    $projectId: ID!
    $reportId: ID!
    $decision: ProgressReviewDecision!
    $note: String
  ) {
    reviewProgressReport(
      projectId: $projectId
      reportId: $reportId
      decision: $decision
      note: $note
    ) {
      id
      status
    }
  }
`);

const SaveProgressPlanMutation = graphql(`
  mutation SaveProgressPlan($projectId: ID!, $points: [ProgressPlanPointInput!]!) {
    saveProgressPlan(projectId: $projectId, points: $points) {
      id
    }
  }
`);

type Project = NonNullable<ProgressTabData['loanProject']>;
type Report = Project['progressReports'][number];
type Media = Report['media'][number];

/** Filled report badges (white text, at least 4.5:1): waiting blue, accepted green, fix orange. */
const REPORT_STATUS_COLORS: Record<ProgressReportStatus, string> = {
  SUBMITTED: '#1864ab',
  ACCEPTED: STATUS_COLORS.on,
  REVISION_REQUESTED: '#a33a00',
};

/** Who reviews progress reports (DOMAIN.md §3); the service checks again. */
const REVIEWER_ROLES = ['bpkad', 'super-admin'];

const percentOrNull = (value: number | null | undefined) =>
  typeof value === 'number' ? formatPercent(value) : '—';

function useDateText() {
  const format = useFormatter();
  return (value: string | null | undefined) => {
    if (!value) return '—';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  };
}

function SCurve({ project }: { project: Project }) {
  const t = useTranslations('progress');
  const locale = useLocale();
  const points = project.sCurve;
  const option = useMemo(
    () =>
      lineChartOption({
        categories: points.map((point) => periodLabel(point.period, locale)),
        series: [
          {
            name: t('plannedPhysical'),
            values: points.map((point) => point.plannedPhysical ?? null),
            color: CHART_COLORS.blue,
            dashed: true,
          },
          {
            name: t('actualPhysical'),
            values: points.map((point) => point.actualPhysical ?? null),
            color: CHART_COLORS.blue,
          },
          {
            name: t('plannedFinancial'),
            values: points.map((point) => point.plannedFinancial ?? null),
            color: CHART_COLORS.orange,
            dashed: true,
          },
          {
            name: t('actualFinancial'),
            values: points.map((point) => point.actualFinancial ?? null),
            color: CHART_COLORS.orange,
          },
        ],
        formatValue: formatPercent,
        max: 100,
      }),
    [points, locale, t],
  );
  return (
    <section aria-labelledby="kurva-s">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
        <Title order={3} size="h4" id="kurva-s">
          {t('sCurveTitle')}
        </Title>
        <Group gap="xs">
          <Badge variant="light" tt="none" size="lg">
            {t('physicalNow', { value: formatPercent(project.physicalProgress) })}
          </Badge>
          <Badge variant="light" tt="none" size="lg">
            {t('financialNow', { value: formatPercent(project.financialProgress) })}
          </Badge>
          {project.behindPlan ? (
            <Badge color="#c92a2a" variant="filled" tt="none" size="lg">
              {t('behindPlan')}
            </Badge>
          ) : null}
        </Group>
      </Group>
      {points.length === 0 ? (
        <Text c="dimmed">{t('noCurve')}</Text>
      ) : (
        <Paper withBorder p="sm">
          <EChart option={option} height={320} ariaLabel={t('sCurveLabel')} />
          <ChartDataTable
            caption={t('sCurveTitle')}
            columns={[
              t('period'),
              t('plannedPhysical'),
              t('actualPhysical'),
              t('plannedFinancial'),
              t('actualFinancial'),
            ]}
            rows={points.map((point) => [
              periodLabel(point.period, locale),
              percentOrNull(point.plannedPhysical),
              percentOrNull(point.actualPhysical),
              percentOrNull(point.plannedFinancial),
              percentOrNull(point.actualFinancial),
            ])}
          />
        </Paper>
      )}
    </section>
  );
}

function MediaItem({ media, period }: { media: Media; period: string }) {
  const t = useTranslations('progress');
  const dateText = useDateText();
  const file = media.file;
  const description = media.caption ?? file?.filename ?? t('mediaUnnamed');
  const source =
    media.locationSource === 'EXIF'
      ? t('locationExif')
      : media.locationSource === 'MANUAL'
        ? t('locationManual')
        : t('locationNone');
  return (
    <Paper withBorder p="xs" component="figure" m={0} data-media-kind={media.kind}>
      {!file ? (
        <Text size="sm" c="dimmed">
          {t('mediaUnavailable')}
        </Text>
      ) : media.kind === 'PHOTO' ? (
        <a href={browserFilePath(file.downloadPath)} target="_blank" rel="noreferrer">
          <Image
            src={browserFilePath(file.thumbnailPath ?? file.downloadPath)}
            alt={t('photoAlt', { description, period })}
            w={160}
            h={120}
            fit="cover"
            radius="sm"
            loading="lazy"
          />
        </a>
      ) : (
        <Stack gap={4}>
          <video
            controls
            preload="metadata"
            width={240}
            src={browserFilePath(file.downloadPath)}
            aria-label={t('videoAlt', { description, period })}
          />
          <Anchor href={browserFilePath(file.downloadPath)} size="sm" download>
            {t('downloadVideo', { name: file.filename })}
          </Anchor>
        </Stack>
      )}
      <Text component="figcaption" size="xs" mt={4} maw={240}>
        {description}
        <br />
        <Text span size="xs" c="dimmed">
          {source}
          {media.latitude != null && media.longitude != null
            ? ` · ${media.latitude.toFixed(5)}, ${media.longitude.toFixed(5)}`
            : ''}
          {media.capturedAt ? ` · ${dateText(media.capturedAt)}` : ''}
        </Text>
      </Text>
    </Paper>
  );
}

interface ReviewOpen {
  report: Report;
  decision: ProgressReviewDecision;
}

function ReviewModal({
  projectId,
  open,
  onClose,
  onDone,
}: {
  projectId: string;
  open: ReviewOpen;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations('progress');
  const common = useTranslations('common');
  const locale = useLocale();
  const [, review] = useMutation(ReviewProgressReportMutation);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const revision = open.decision === 'REQUEST_REVISION';

  async function confirm() {
    if (revision && !note.trim()) {
      setNoteError(t('reviewNoteRequired'));
      return;
    }
    setSaving(true);
    setServerError(null);
    const result = await review({
      projectId,
      reportId: open.report.id,
      decision: open.decision,
      note: note.trim() || null,
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: revision ? t('revisionSent') : t('accepted'),
    });
    onDone();
    onClose();
  }

  const period = periodLabel(open.report.period, locale);
  return (
    <Modal
      opened
      onClose={onClose}
      title={revision ? t('requestRevisionTitle', { period }) : t('acceptTitle', { period })}
    >
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Textarea
          label={revision ? t('revisionNote') : t('acceptNote')}
          required={revision}
          value={note}
          maxLength={2000}
          autosize
          minRows={3}
          error={noteError}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {common('cancel')}
          </Button>
          <Button
            loading={saving}
            color={revision ? '#a33a00' : STATUS_COLORS.on}
            onClick={() => void confirm()}
          >
            {revision ? t('requestRevision') : t('accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReportCard({
  report,
  canReview,
  canReport,
  onReview,
  onRevise,
}: {
  report: Report;
  canReview: boolean;
  canReport: boolean;
  onReview: (open: ReviewOpen) => void;
  onRevise: (report: Report) => void;
}) {
  const t = useTranslations('progress');
  const locale = useLocale();
  const dateText = useDateText();
  const period = periodLabel(report.period, locale);
  const headingId = `laporan-${report.id}`;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-report-id={report.id}
      data-status={report.status}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={4} size="h5" id={headingId}>
            {t('reportTitle', { period })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('submittedBy', {
              name: report.submittedBy.name ?? '—',
              organization: report.submittedBy.organizationCode ?? '—',
              date: dateText(report.submittedAt),
            })}
          </Text>
        </div>
        <Badge
          color={REPORT_STATUS_COLORS[report.status]}
          variant="filled"
          tt="none"
          data-status={report.status}
        >
          {report.statusLabel}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm" spacing="xs" component="dl" m={0}>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('physical')}
          </Text>
          <Text component="dd" m={0} fw={700}>
            {formatPercent(report.physicalPercent)}
          </Text>
        </div>
        <div>
          <Text component="dt" size="xs" c="dimmed">
            {t('financial')}
          </Text>
          <Text component="dd" m={0} fw={700}>
            {formatPercent(report.financialPercent)}
          </Text>
        </div>
      </SimpleGrid>
      <Text size="sm" fw={600} mt="sm">
        {t('narrative')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {report.narrative}
      </Text>
      {report.problems ? (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('problems')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.problems}
          </Text>
        </>
      ) : null}
      {report.reviewNote || report.reviewedBy ? (
        <Alert
          mt="sm"
          variant="light"
          color={report.status === 'REVISION_REQUESTED' ? '#a33a00' : '#495057'}
          title={t('reviewTitle', {
            name: report.reviewedBy?.name ?? '—',
            date: dateText(report.reviewedAt),
          })}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.reviewNote ?? t('noReviewNote')}
          </Text>
        </Alert>
      ) : null}
      {report.media.length > 0 ? (
        <Group gap="sm" mt="sm" align="flex-start" aria-label={t('mediaOf', { period })}>
          {report.media.map((media) => (
            <MediaItem key={media.fileId} media={media} period={period} />
          ))}
        </Group>
      ) : null}
      {(canReview && report.status === 'SUBMITTED') ||
      (canReport && report.status === 'REVISION_REQUESTED') ? (
        <Group gap="xs" mt="sm">
          {canReview && report.status === 'SUBMITTED' ? (
            <>
              <Button
                size="xs"
                color={STATUS_COLORS.on}
                onClick={() => onReview({ report, decision: 'ACCEPT' })}
                aria-label={t('acceptTitle', { period })}
              >
                {t('accept')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="#a33a00"
                onClick={() => onReview({ report, decision: 'REQUEST_REVISION' })}
                aria-label={t('requestRevisionTitle', { period })}
              >
                {t('requestRevision')}
              </Button>
            </>
          ) : null}
          {canReport && report.status === 'REVISION_REQUESTED' ? (
            <Button size="xs" variant="light" onClick={() => onRevise(report)}>
              {t('revise')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}

function MediaMap({ project }: { project: Project }) {
  const t = useTranslations('progress');
  const locale = useLocale();
  const points = project.progressReports.flatMap((report) =>
    report.media
      .filter((media) => media.latitude != null && media.longitude != null)
      .map((media) => ({
        id: `${report.id}-${media.fileId}`,
        latitude: media.latitude as number,
        longitude: media.longitude as number,
        label: `${periodLabel(report.period, locale)} — ${
          media.caption ?? media.file?.filename ?? t('mediaUnnamed')
        }`,
        href: media.file ? browserFilePath(media.file.downloadPath) : undefined,
        kind: 'photo' as const,
      })),
  );
  if (points.length === 0) return null;
  const sites = project.locations.map((location) => ({
    id: location.id,
    latitude: location.latitude,
    longitude: location.longitude,
    label: location.address,
    kind: 'project' as const,
  }));
  return (
    <section aria-labelledby="peta-foto">
      <Title order={3} size="h4" id="peta-foto" mb={4}>
        {t('mapTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('mapLead', { count: points.length })}
      </Text>
      <ProjectMap points={[...sites, ...points]} height={360} />
    </section>
  );
}

function MediaEntryFields({
  entry,
  error,
  onChange,
  onRemove,
}: {
  entry: MediaEntry;
  error: string | undefined;
  onChange: (changes: Partial<MediaEntry>) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('progress');
  const dateText = useDateText();
  const exifPosition =
    entry.exif && entry.exif.latitude != null && entry.exif.longitude != null ? entry.exif : null;
  return (
    <fieldset style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <legend>
        <Text span size="sm" fw={600}>
          {entry.kind === 'PHOTO' ? t('photo') : t('video')}: {entry.name}
        </Text>
      </legend>
      {exifPosition ? (
        <Alert color="green" variant="light" role="status" p="xs" mb="xs">
          {t('exifFound', {
            latitude: (exifPosition.latitude as number).toFixed(5),
            longitude: (exifPosition.longitude as number).toFixed(5),
            date: dateText(exifPosition.takenAt),
          })}
        </Alert>
      ) : entry.kind === 'PHOTO' ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('exifMissing')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('caption')}
          maxLength={300}
          value={entry.caption}
          onChange={(event) => onChange({ caption: event.currentTarget.value })}
        />
        <NumberInput
          label={t('latitude')}
          description={exifPosition ? t('overridesExif') : undefined}
          decimalScale={6}
          min={-11.5}
          max={6.5}
          value={entry.latitude}
          error={error}
          onChange={(value) => onChange({ latitude: typeof value === 'number' ? value : '' })}
        />
        <NumberInput
          label={t('longitude')}
          decimalScale={6}
          min={94}
          max={141.5}
          value={entry.longitude}
          error={Boolean(error)}
          onChange={(value) => onChange({ longitude: typeof value === 'number' ? value : '' })}
        />
      </SimpleGrid>
      <Button size="xs" variant="subtle" color="#a33a00" mt="xs" onClick={onRemove}>
        {t('removeMedia', { name: entry.name })}
      </Button>
    </fieldset>
  );
}

function emptyReport(period: string): ReportValues {
  return {
    period,
    physicalPercent: '',
    financialPercent: '',
    narrative: '',
    problems: '',
    media: [],
  };
}

/** The values of an earlier report, to send a corrected one. */
function valuesOf(report: Report): ReportValues {
  return {
    period: report.period,
    physicalPercent: report.physicalPercent,
    financialPercent: report.financialPercent,
    narrative: report.narrative,
    problems: report.problems ?? '',
    media: report.media.map((media) => ({
      fileId: media.fileId,
      name: media.file?.filename ?? media.caption ?? media.fileId,
      kind: media.kind,
      caption: media.caption ?? '',
      latitude: media.locationSource === 'MANUAL' && media.latitude != null ? media.latitude : '',
      longitude:
        media.locationSource === 'MANUAL' && media.longitude != null ? media.longitude : '',
      exif:
        media.locationSource === 'EXIF'
          ? { latitude: media.latitude, longitude: media.longitude, takenAt: media.capturedAt }
          : null,
    })),
  };
}

function ReportForm({
  projectId,
  initial,
  onDone,
  onCancel,
}: {
  projectId: string;
  initial: ReportValues;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('progress');
  const validation = useTranslations('validation');
  const common = useTranslations('common');
  const client = useClient();
  const mounted = useMounted();
  const context = useMemo(() => ({ suspense: false }), []);
  const [purposes] = useQuery({ query: UploadPurposesQuery, pause: !mounted, context });
  const [, submitReport] = useMutation(SubmitProgressReportMutation);
  const [values, setValues] = useState<ReportValues>(initial);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState(0);
  const photo = purposeNamed(purposes.data?.uploadPurposes, 'photo');
  const video = purposeNamed(purposes.data?.uploadPurposes, 'video');

  const messages = {
    required: validation('required'),
    period: t('periodInvalid'),
    percent: t('percentInvalid'),
    tooLong: validation('tooLong'),
    bothCoordinates: t('bothCoordinates'),
    outside: t('outsideIndonesia'),
  };

  async function readCapture(fileId: string): Promise<ExifCapture | null> {
    const result = await client
      .query(StoredFileCaptureQuery, { id: fileId }, { requestPolicy: 'network-only' })
      .toPromise();
    return result.data?.storedFile?.capture ?? null;
  }

  async function added(file: { id: string; name: string }, kind: MediaKindName) {
    setReading((count) => count + 1);
    const exif = kind === 'PHOTO' ? await readCapture(file.id).catch(() => null) : null;
    setReading((count) => count - 1);
    setValues((current) =>
      current.media.some((entry) => entry.fileId === file.id)
        ? current
        : {
            ...current,
            media: [
              ...current.media,
              {
                fileId: file.id,
                name: file.name,
                kind,
                caption: '',
                latitude: '',
                longitude: '',
                exif,
              },
            ],
          },
    );
  }

  function updateMedia(fileId: string, changes: Partial<MediaEntry>) {
    setValues((current) => ({
      ...current,
      media: current.media.map((entry) =>
        entry.fileId === fileId ? { ...entry, ...changes } : entry,
      ),
    }));
  }

  async function submit() {
    const found = validateReport(values, messages);
    setErrors(found);
    if (hasReportErrors(found)) return;
    setSaving(true);
    setServerError(null);
    const result = await submitReport({ projectId, input: toReportInput(values) });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('submitted'),
    });
    onDone();
  }

  const uploader = (purpose: UploadPurposeLimits | null, kind: MediaKindName) =>
    purpose ? (
      <FileUploader
        purpose={purpose}
        label={kind === 'PHOTO' ? t('addPhoto') : t('addVideo')}
        onUploaded={(file) => void added(file, kind)}
      />
    ) : (
      <Text size="sm" c="dimmed">
        {purposes.fetching ? common('loading') : t('uploadUnavailable')}
      </Text>
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="form-laporan">
      <Title order={3} size="h4" id="form-laporan" mb="sm">
        {t('formTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="month"
              label={t('period')}
              description={t('periodHint')}
              placeholder="2026-03"
              required
              value={values.period}
              error={errors.period}
              onChange={(event) => setValues({ ...values, period: event.currentTarget.value })}
            />
            <NumberInput
              label={t('physicalLabel')}
              required
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              suffix=" %"
              value={values.physicalPercent}
              error={errors.physicalPercent}
              onChange={(value) =>
                setValues({ ...values, physicalPercent: typeof value === 'number' ? value : '' })
              }
            />
            <NumberInput
              label={t('financialLabel')}
              required
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              suffix=" %"
              value={values.financialPercent}
              error={errors.financialPercent}
              onChange={(value) =>
                setValues({ ...values, financialPercent: typeof value === 'number' ? value : '' })
              }
            />
          </SimpleGrid>
          <Textarea
            label={t('narrative')}
            description={t('narrativeHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={values.narrative}
            error={errors.narrative}
            onChange={(event) => setValues({ ...values, narrative: event.currentTarget.value })}
          />
          <Textarea
            label={t('problems')}
            description={t('problemsHint')}
            autosize
            minRows={2}
            maxLength={5000}
            value={values.problems}
            error={errors.problems}
            onChange={(event) => setValues({ ...values, problems: event.currentTarget.value })}
          />
          <Text size="sm" fw={600}>
            {t('mediaTitle')}
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('mediaLead')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {uploader(photo, 'PHOTO')}
            {uploader(video, 'VIDEO')}
          </SimpleGrid>
          {reading > 0 ? (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('readingExif')}</Text>
            </Group>
          ) : null}
          {values.media.map((entry) => (
            <MediaEntryFields
              key={entry.fileId}
              entry={entry}
              error={errors.media?.[entry.fileId]}
              onChange={(changes) => updateMedia(entry.fileId, changes)}
              onRemove={() =>
                setValues((current) => ({
                  ...current,
                  media: current.media.filter((item) => item.fileId !== entry.fileId),
                }))
              }
            />
          ))}
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={saving} disabled={reading > 0}>
              {t('submit')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={saving}>
              {common('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

let planKeyCounter = 0;
function planKey(): string {
  planKeyCounter += 1;
  return `rencana-${planKeyCounter}`;
}

function PlanEditor({
  project,
  onSaved,
  onCancel,
}: {
  project: Project;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('progress');
  const common = useTranslations('common');
  const timeZone = useTimeZone();
  const [, save] = useMutation(SaveProgressPlanMutation);
  const [rows, setRows] = useState<PlanRow[]>(() =>
    project.progressPlan.length > 0
      ? project.progressPlan.map((point) => ({
          key: planKey(),
          period: point.period,
          physicalPercent: point.physicalPercent,
          financialPercent: point.financialPercent,
        }))
      : [
          {
            key: planKey(),
            period: currentPeriod(timeZone),
            physicalPercent: 0,
            financialPercent: 0,
          },
        ],
  );
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = validatePlan(rows, {
    period: t('periodInvalid'),
    duplicate: t('periodDuplicate'),
    percent: t('percentInvalid'),
    decreasing: t('planDecreasing'),
    empty: t('planEmpty'),
  });
  const shown = (key: string, field: 'period' | 'physicalPercent' | 'financialPercent') =>
    submitted ? errors.rows[key]?.[field] : undefined;

  function update(key: string, changes: Partial<PlanRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  }

  function addRow() {
    setRows((current) => {
      const last = [...current].sort((a, b) => a.period.localeCompare(b.period)).at(-1);
      return [
        ...current,
        {
          key: planKey(),
          period: last ? nextPeriod(last.period) : currentPeriod(timeZone),
          physicalPercent: last?.physicalPercent ?? 0,
          financialPercent: last?.financialPercent ?? 0,
        },
      ];
    });
  }

  async function submit() {
    setSubmitted(true);
    if (hasPlanRowErrors(errors)) return;
    setSaving(true);
    setServerError(null);
    const result = await save({ projectId: project.id, points: toPlanPoints(rows) });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('planSaved'),
    });
    onSaved();
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="rencana-kemajuan">
      <Title order={3} size="h4" id="rencana-kemajuan">
        {t('planTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('planLead')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          {rows.map((row, index) => (
            <Group
              key={row.key}
              gap="sm"
              align="flex-start"
              wrap="wrap"
              role="group"
              aria-label={t('planRow', { number: index + 1 })}
            >
              <TextInput
                type="month"
                label={t('period')}
                placeholder="2026-03"
                required
                value={row.period}
                error={shown(row.key, 'period')}
                onChange={(event) => update(row.key, { period: event.currentTarget.value })}
                w={170}
              />
              <NumberInput
                label={t('plannedPhysical')}
                required
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                suffix=" %"
                value={row.physicalPercent}
                error={shown(row.key, 'physicalPercent')}
                onChange={(value) =>
                  update(row.key, { physicalPercent: typeof value === 'number' ? value : '' })
                }
                w={170}
              />
              <NumberInput
                label={t('plannedFinancial')}
                required
                min={0}
                max={100}
                decimalScale={2}
                decimalSeparator=","
                suffix=" %"
                value={row.financialPercent}
                error={shown(row.key, 'financialPercent')}
                onChange={(value) =>
                  update(row.key, { financialPercent: typeof value === 'number' ? value : '' })
                }
                w={170}
              />
              <Button
                mt={25}
                size="xs"
                variant="subtle"
                color="#a33a00"
                onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
                aria-label={t('removePlanRow', { number: index + 1 })}
              >
                {t('remove')}
              </Button>
            </Group>
          ))}
          {submitted && errors.plan ? (
            <Text size="sm" c="#c92a2a" role="alert">
              {errors.plan}
            </Text>
          ) : null}
          {serverError ? (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          ) : null}
          <Group gap="sm" mt="xs">
            <Button variant="light" onClick={addRow}>
              {t('addPlanRow')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('savePlan')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={saving}>
              {common('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * The project's progress (progres): plan vs actual S-curve, the reports with their photos and
 * videos and BPKAD's review, a map of geotagged media, the reporting form for the executing
 * agency and the monthly plan editor.
 */
export function ProgressTab({ projectId }: { projectId: string }) {
  const t = useTranslations('progress');
  const common = useTranslations('common');
  const timeZone = useTimeZone();
  const { data: session } = useSession();
  const mounted = useMounted();
  // Fetched in the browser only: the BFF's relative URL is not reachable from the server render.
  const context = useMemo(() => ({ suspense: false }), []);
  const [result, refetch] = useQuery({
    query: ProgressTabQuery,
    variables: { id: projectId },
    pause: !mounted,
    context,
  });
  const [form, setForm] = useState<{ initial: ReportValues; round: number } | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const [reviewing, setReviewing] = useState<ReviewOpen | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const roles: readonly string[] = session?.user.roles ?? [];
  const canReview = roles.some((role) => REVIEWER_ROLES.includes(role));
  const project = result.data?.loanProject;

  if (!project) {
    if (result.error) return <ErrorAlert message={errorMessage(result.error)} />;
    if (result.data) return <Text c="dimmed">{t('notFound')}</Text>;
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">{common('loading')}</Text>
      </Group>
    );
  }

  const canReport = project.viewerCanReportProgress;
  const canPlan = project.viewerCanEdit || project.viewerCanReportProgress;
  const reports = [...project.progressReports].sort(
    (a, b) => b.period.localeCompare(a.period) || b.submittedAt.localeCompare(a.submittedAt),
  );
  const openForm = (initial: ReportValues) =>
    setForm((current) => ({ initial, round: (current?.round ?? 0) + 1 }));

  return (
    <Stack gap="lg" data-testid="tab-progres">
      <ErrorAlert message={errorMessage(result.error)} />
      <SCurve project={project} />
      {canReport || canPlan ? (
        <Group gap="sm">
          {canReport && !form ? (
            <Button onClick={() => openForm(emptyReport(currentPeriod(timeZone)))}>
              {t('newReport')}
            </Button>
          ) : null}
          {canPlan && !editingPlan ? (
            <Button variant="light" onClick={() => setEditingPlan(true)}>
              {project.progressPlan.length > 0 ? t('editPlan') : t('createPlan')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {canPlan && editingPlan ? (
        <PlanEditor
          project={project}
          onCancel={() => setEditingPlan(false)}
          onSaved={() => {
            setEditingPlan(false);
            reload();
          }}
        />
      ) : null}
      {canReport && form ? (
        <ReportForm
          key={form.round}
          projectId={project.id}
          initial={form.initial}
          onCancel={() => setForm(null)}
          onDone={() => {
            setForm(null);
            reload();
          }}
        />
      ) : null}
      <section aria-labelledby="daftar-laporan">
        <Title order={3} size="h4" id="daftar-laporan" mb="sm">
          {t('reportsTitle', { count: reports.length })}
        </Title>
        {reports.length === 0 ? (
          <Text c="dimmed">{t('noReports')}</Text>
        ) : (
          <Stack gap="sm">
            {reports.map((report) => (
              <ReportCard
                key={report.id}
                report={report}
                canReview={canReview}
                canReport={canReport}
                onReview={setReviewing}
                onRevise={(earlier) => openForm(valuesOf(earlier))}
              />
            ))}
          </Stack>
        )}
      </section>
      <MediaMap project={project} />
      {reviewing ? (
        <ReviewModal
          projectId={project.id}
          open={reviewing}
          onClose={() => setReviewing(null)}
          onDone={reload}
        />
      ) : null}
    </Stack>
  );
}

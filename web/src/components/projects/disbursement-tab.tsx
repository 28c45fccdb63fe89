'use client';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@urql/next';
import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { STATUS_COLORS } from '@/components/status-colors';
import { graphql } from '@/gql';
import type {
  DisbursementStatus,
  DisbursementTabQuery as DisbursementTabData,
} from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  hasPlanErrors,
  plannedAmountOf,
  shareTotal,
  toTrancheInputs,
  todayIn,
  validateDisbursement,
  validateTranchePlan,
  type TranchePlanErrors,
  type TranchePlanField,
  type TranchePlanRow,
} from './disbursement-tab.schema';
import { formatRupiah } from './format';
import { formatPercent } from './project-stage';

const DisbursementTabQuery = graphql(`
  query DisbursementTab($id: ID!) {
    loanProject(id: $id) {
      id
      amount
      physicalProgress
      viewerCanEdit
      disbursementSummary {
        plannedAmount
        approvedAmount
        disbursedAmount
        remainingAmount
        disbursedShare
      }
      disbursements {
        id
        sequence
        name
        plannedShare
        plannedAmount
        plannedDate
        minPhysicalProgress
        requirementGroup
        status
        statusLabel
        disbursedAmount
        disbursedOn
        readinessWarnings
        availableActions {
          name
          label
          requiresNote
          blockedReason
        }
        history {
          transition
          actor {
            name
            organizationCode
          }
          at
          note
        }
      }
    }
  }
`);

const TransitionDisbursementMutation = graphql(`
  mutation TransitionDisbursement(
    $projectId: ID!
    $trancheId: ID!
    $transition: String!
    $note: String
    $disbursedAmount: Float
    $disbursedOn: String
  ) {
    transitionDisbursement(
      projectId: $projectId
      trancheId: $trancheId
      transition: $transition
      note: $note
      disbursedAmount: $disbursedAmount
      disbursedOn: $disbursedOn
    ) {
      id
    }
  }
`);

const SaveDisbursementPlanMutation = graphql(`
  mutation SaveDisbursementPlan($projectId: ID!, $tranches: [DisbursementTrancheInput!]!) {
    saveDisbursementPlan(projectId: $projectId, tranches: $tranches) {
      id
    }
  }
`);

type Project = NonNullable<DisbursementTabData['loanProject']>;
type Tranche = Project['disbursements'][number];
type TrancheAction = Tranche['availableActions'][number];

/** Filled status badges (white text, at least 4.5:1): waiting grey, asked blue, approved violet. */
const TRANCHE_STATUS_COLORS: Record<DisbursementStatus, string> = {
  PLANNED: '#495057',
  REQUESTED: '#1864ab',
  APPROVED: '#6741d9',
  DISBURSED: STATUS_COLORS.on,
};

/** Rejections must say why, whatever the server flags. */
const NOTE_REQUIRED = new Set(['reject']);

const TRANSITIONS = ['request', 'approve', 'reject', 'disburse'] as const;

/** A date-only value ("2026-03-01") in the Pemda's calendar; instants with their time. */
function useDateText() {
  const format = useFormatter();
  return (value: string | null | undefined, withTime = false) => {
    if (!value) return '—';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return format.dateTime(
      date,
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
  };
}

function SummaryCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" mt={4}>
        {children}
      </Text>
    </Paper>
  );
}

function Summary({ project }: { project: Project }) {
  const t = useTranslations('disbursement');
  const summary = project.disbursementSummary;
  const share = Math.max(0, Math.min(100, summary.disbursedShare));
  return (
    <section aria-labelledby="ringkasan-pencairan">
      <Title order={3} size="h4" id="ringkasan-pencairan" mb="sm">
        {t('summaryTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <SummaryCard label={t('planned')}>{formatRupiah(summary.plannedAmount)}</SummaryCard>
        <SummaryCard label={t('approved')}>{formatRupiah(summary.approvedAmount)}</SummaryCard>
        <SummaryCard label={t('disbursed')}>{formatRupiah(summary.disbursedAmount)}</SummaryCard>
        <SummaryCard label={t('remaining')}>{formatRupiah(summary.remainingAmount)}</SummaryCard>
        <Paper withBorder p="md">
          <Group gap="sm" wrap="nowrap">
            <RingProgress
              size={72}
              thickness={8}
              roundCaps
              sections={[{ value: share, color: STATUS_COLORS.on }]}
              aria-hidden
            />
            <div>
              <Text size="sm" c="dimmed">
                {t('disbursedShare')}
              </Text>
              <Text fw={700} size="lg" data-testid="persentase-dicairkan">
                {formatPercent(share)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('ofLoan', { amount: formatRupiah(project.amount) })}
              </Text>
            </div>
          </Group>
        </Paper>
      </SimpleGrid>
    </section>
  );
}

interface OpenAction {
  tranche: Tranche;
  action: TrancheAction;
}

function TrancheActionModal({
  projectId,
  open,
  onClose,
  onDone,
}: {
  projectId: string;
  open: OpenAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations('disbursement');
  const common = useTranslations('common');
  const timeZone = useTimeZone();
  const dateText = useDateText();
  const [, transition] = useMutation(TransitionDisbursementMutation);
  const { tranche, action } = open;
  const isDisburse = action.name === 'disburse';
  const noteRequired = action.requiresNote || NOTE_REQUIRED.has(action.name);
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState<number | ''>(
    isDisburse ? Math.round(tranche.plannedAmount) : '',
  );
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [errors, setErrors] = useState<{ note?: string; amount?: string; date?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    const found: typeof errors = isDisburse
      ? validateDisbursement(
          { amount, date },
          { amount: t('amountInvalid'), date: t('dateInvalid') },
        )
      : {};
    if (noteRequired && !note.trim()) found.note = t('noteRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setServerError(null);
    const result = await transition({
      projectId,
      trancheId: tranche.id,
      transition: action.name,
      note: note.trim() || null,
      disbursedAmount: isDisburse && typeof amount === 'number' ? amount : null,
      disbursedOn: isDisburse ? date : null,
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('actionDone', { action: action.label, name: tranche.name }),
    });
    onDone();
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`${action.label} — ${tranche.name}`}>
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <Text size="sm">
          {t('actionLead', {
            name: tranche.name,
            amount: formatRupiah(tranche.plannedAmount),
            date: dateText(tranche.plannedDate),
          })}
        </Text>
        {isDisburse ? (
          <>
            <NumberInput
              label={t('amountLabel')}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp "
              value={amount}
              error={errors.amount}
              onChange={(value) => setAmount(typeof value === 'number' ? value : '')}
            />
            <TextInput
              type="date"
              label={t('dateLabel')}
              required
              value={date}
              error={errors.date}
              onChange={(event) => setDate(event.currentTarget.value)}
            />
          </>
        ) : null}
        <Textarea
          label={t('noteLabel')}
          required={noteRequired}
          value={note}
          maxLength={2000}
          autosize
          minRows={2}
          error={errors.note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {common('cancel')}
          </Button>
          <Button
            loading={saving}
            color={action.name === 'reject' ? '#a33a00' : undefined}
            onClick={() => void confirm()}
          >
            {action.label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TrancheTable({
  project,
  onAction,
}: {
  project: Project;
  onAction: (open: OpenAction) => void;
}) {
  const t = useTranslations('disbursement');
  const dateText = useDateText();
  const transitionLabel = (name: string) => {
    const known = TRANSITIONS.find((candidate) => candidate === name);
    return known ? t(`transition.${known}`) : name;
  };
  const tranches = [...project.disbursements].sort((a, b) => a.sequence - b.sequence);
  if (tranches.length === 0) return <Text c="dimmed">{t('noTranches')}</Text>;
  const columns = 9;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('tranchesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={140}>
              {t('column.name')}
            </Table.Th>
            <Table.Th scope="col">{t('column.share')}</Table.Th>
            <Table.Th scope="col">{t('column.plannedAmount')}</Table.Th>
            <Table.Th scope="col">{t('column.plannedDate')}</Table.Th>
            <Table.Th scope="col">{t('column.minPhysical')}</Table.Th>
            <Table.Th scope="col">{t('column.requirementGroup')}</Table.Th>
            <Table.Th scope="col" miw={130}>
              {t('column.status')}
            </Table.Th>
            <Table.Th scope="col">{t('column.disbursed')}</Table.Th>
            <Table.Th scope="col">{t('column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tranches.map((tranche) => {
            const allowed = tranche.availableActions.filter((action) => !action.blockedReason);
            const blocked = tranche.availableActions.filter((action) => action.blockedReason);
            return [
              <Table.Tr key={tranche.id} data-tranche-id={tranche.id} data-status={tranche.status}>
                <Table.Th scope="row" fw={600}>
                  {tranche.name}
                  {tranche.history.length > 0 ? (
                    <details>
                      <summary>
                        <Text span size="xs">
                          {t('history', { count: tranche.history.length })}
                        </Text>
                      </summary>
                      <ol style={{ margin: 0, paddingLeft: '1.2rem' }}>
                        {tranche.history.map((entry, index) => (
                          <li key={`${entry.at}-${index}`}>
                            <Text size="xs" fw={400}>
                              {transitionLabel(entry.transition)} · {entry.actor.name ?? '—'}
                              {entry.actor.organizationCode
                                ? ` (${entry.actor.organizationCode})`
                                : ''}{' '}
                              · {dateText(entry.at, true)}
                              {entry.note ? ` — “${entry.note}”` : ''}
                            </Text>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </Table.Th>
                <Table.Td>{formatPercent(tranche.plannedShare)}</Table.Td>
                <Table.Td>{formatRupiah(tranche.plannedAmount)}</Table.Td>
                <Table.Td>{dateText(tranche.plannedDate)}</Table.Td>
                <Table.Td>{formatPercent(tranche.minPhysicalProgress)}</Table.Td>
                <Table.Td>{tranche.requirementGroup ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge
                    color={TRANCHE_STATUS_COLORS[tranche.status]}
                    variant="filled"
                    tt="none"
                    data-status={tranche.status}
                  >
                    {tranche.statusLabel}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {tranche.disbursedAmount != null ? (
                    <>
                      <Text size="sm" fw={600}>
                        {formatRupiah(tranche.disbursedAmount)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateText(tranche.disbursedOn)}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {allowed.map((action) => (
                      <Button
                        key={action.name}
                        size="xs"
                        variant={action.name === 'reject' ? 'light' : 'filled'}
                        color={action.name === 'reject' ? '#a33a00' : undefined}
                        onClick={() => onAction({ tranche, action })}
                        aria-label={`${action.label} — ${tranche.name}`}
                      >
                        {action.label}
                      </Button>
                    ))}
                    {blocked.map((action) => (
                      <Text key={action.name} size="xs" c="dimmed">
                        {t('blocked', { action: action.label, reason: action.blockedReason ?? '' })}
                      </Text>
                    ))}
                    {tranche.availableActions.length === 0 ? '—' : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>,
              tranche.readinessWarnings.length > 0 ? (
                <Table.Tr key={`${tranche.id}-warnings`}>
                  <Table.Td colSpan={columns} pt={0}>
                    <Alert
                      color="yellow"
                      variant="light"
                      // Mantine's yellow title is too pale on the yellow ground (WCAG AA).
                      styles={{ title: { color: '#6b4500' } }}
                      title={t('readinessTitle', { name: tranche.name })}
                      data-testid={`peringatan-${tranche.id}`}
                    >
                      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
                        {tranche.readinessWarnings.map((warning) => (
                          <li key={warning}>
                            <Text size="sm">{warning}</Text>
                          </li>
                        ))}
                      </ul>
                    </Alert>
                  </Table.Td>
                </Table.Tr>
              ) : null,
            ];
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

let rowCounter = 0;
function newKey(): string {
  rowCounter += 1;
  return `baru-${rowCounter}`;
}

function rowsOf(tranches: readonly Tranche[]): TranchePlanRow[] {
  return [...tranches]
    .sort((a, b) => a.sequence - b.sequence)
    .map((tranche) => ({
      key: tranche.id,
      id: tranche.id,
      name: tranche.name,
      share: tranche.plannedShare,
      plannedDate: tranche.plannedDate.slice(0, 10),
      minPhysicalProgress: tranche.minPhysicalProgress,
      requirementGroup: tranche.requirementGroup ?? '',
      locked: tranche.status !== 'PLANNED',
    }));
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
  const t = useTranslations('disbursement');
  const validation = useTranslations('validation');
  const [, save] = useMutation(SaveDisbursementPlanMutation);
  const [rows, setRows] = useState<TranchePlanRow[]>(() => {
    const existing = rowsOf(project.disbursements);
    return existing.length > 0 ? existing : [emptyRow(1)];
  });
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  function emptyRow(number: number): TranchePlanRow {
    return {
      key: newKey(),
      id: null,
      name: t('defaultName', { number }),
      share: '',
      plannedDate: '',
      minPhysicalProgress: 0,
      requirementGroup: '',
      locked: false,
    };
  }

  const messages = {
    required: validation('required'),
    percent: t('percentInvalid'),
    sharePositive: t('sharePositive'),
    date: t('dateInvalid'),
    totalOver: t('totalOver'),
    empty: t('planEmpty'),
    tooLong: validation('tooLong'),
  };
  const errors: TranchePlanErrors = validateTranchePlan(rows, messages);
  const total = shareTotal(rows);
  // The live total shows at once; field errors wait for the first save attempt.
  const fieldError = (key: string, field: TranchePlanField) =>
    submitted ? errors.rows[key]?.[field] : undefined;

  function update(key: string, changes: Partial<TranchePlanRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  }

  async function submit() {
    setSubmitted(true);
    if (hasPlanErrors(errors)) return;
    setSaving(true);
    setServerError(null);
    const result = await save({ projectId: project.id, tranches: toTrancheInputs(rows) });
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
    <Card withBorder padding="md" component="section" aria-labelledby="rencana-termin">
      <Title order={3} size="h4" id="rencana-termin">
        {t('planTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('planLead', { amount: formatRupiah(project.amount) })}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {rows.map((row, index) => (
            <fieldset
              key={row.key}
              disabled={row.locked}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            >
              <legend>
                <Text span fw={600} size="sm">
                  {t('rowLegend', { number: index + 1 })}
                  {row.locked ? ` — ${t('locked')}` : ''}
                </Text>
              </legend>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
                <TextInput
                  label={t('rowName')}
                  required
                  maxLength={200}
                  value={row.name}
                  error={fieldError(row.key, 'name')}
                  onChange={(event) => update(row.key, { name: event.currentTarget.value })}
                />
                <NumberInput
                  label={t('rowShare')}
                  description={formatRupiah(plannedAmountOf(row.share, project.amount))}
                  required
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  suffix=" %"
                  value={row.share}
                  error={fieldError(row.key, 'share')}
                  onChange={(value) =>
                    update(row.key, { share: typeof value === 'number' ? value : '' })
                  }
                />
                <TextInput
                  type="date"
                  label={t('rowDate')}
                  required
                  value={row.plannedDate}
                  error={fieldError(row.key, 'plannedDate')}
                  onChange={(event) => update(row.key, { plannedDate: event.currentTarget.value })}
                />
                <NumberInput
                  label={t('rowMinPhysical')}
                  required
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  suffix=" %"
                  value={row.minPhysicalProgress}
                  error={fieldError(row.key, 'minPhysicalProgress')}
                  onChange={(value) =>
                    update(row.key, {
                      minPhysicalProgress: typeof value === 'number' ? value : '',
                    })
                  }
                />
                <TextInput
                  label={t('rowGroup')}
                  description={t('rowGroupHint')}
                  maxLength={120}
                  value={row.requirementGroup}
                  onChange={(event) =>
                    update(row.key, { requirementGroup: event.currentTarget.value })
                  }
                />
              </SimpleGrid>
              {row.locked ? null : (
                <Button
                  mt="xs"
                  size="xs"
                  variant="subtle"
                  color="#a33a00"
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  aria-label={t('removeRow', { number: index + 1 })}
                >
                  {t('remove')}
                </Button>
              )}
            </fieldset>
          ))}
          <Text
            size="sm"
            fw={600}
            c={total > 100 ? '#c92a2a' : undefined}
            aria-live="polite"
            data-testid="jumlah-porsi"
          >
            {t('total', {
              total: `${total.toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`,
            })}
            {total > 100 ? ` — ${t('totalOver')}` : ''}
          </Text>
          {submitted && errors.plan && total <= 100 ? (
            <Text size="sm" c="#c92a2a" role="alert">
              {errors.plan}
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
              onClick={() => setRows((current) => [...current, emptyRow(current.length + 1)])}
            >
              {t('addRow')}
            </Button>
            <Button type="submit" loading={saving} disabled={total > 100}>
              {t('savePlan')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={saving}>
              {t('cancelEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * The project's disbursements (pencairan): totals, the tranches with their conditions, status and
 * readiness warnings, the actions the service allows the user on each, and BPKAD's plan editor.
 */
export function DisbursementTab({ projectId }: { projectId: string }) {
  const t = useTranslations('disbursement');
  const common = useTranslations('common');
  const mounted = useMounted();
  // Fetched in the browser only: the BFF's relative URL is not reachable from the server render.
  const context = useMemo(() => ({ suspense: false }), []);
  const [result, refetch] = useQuery({
    query: DisbursementTabQuery,
    variables: { id: projectId },
    pause: !mounted,
    context,
  });
  const [open, setOpen] = useState<OpenAction | null>(null);
  const [editing, setEditing] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });
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

  return (
    <Stack gap="lg" data-testid="tab-pencairan">
      <ErrorAlert message={errorMessage(result.error)} />
      <Summary project={project} />
      <section aria-labelledby="termin-pencairan">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="termin-pencairan">
            {t('tranchesTitle')}
          </Title>
          {project.viewerCanEdit && !editing ? (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {project.disbursements.length > 0 ? t('editPlan') : t('createPlan')}
            </Button>
          ) : null}
        </Group>
        <TrancheTable project={project} onAction={setOpen} />
      </section>
      {project.viewerCanEdit && editing ? (
        <PlanEditor
          project={project}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
      {open ? (
        <TrancheActionModal
          projectId={project.id}
          open={open}
          onClose={() => setOpen(null)}
          onDone={reload}
        />
      ) : null}
    </Stack>
  );
}

'use client';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LoanProjectUpdateInput } from '@/gql/graphql';
import { formatRupiah } from './format';
import { LocationFields } from './location-fields';
import { PlanningCodeSelect, type PlanningCodeOption } from './planning-code-select';
import { serverFormErrors } from './project-errors';
import {
  LIMITS,
  projectFormSchema,
  toWholeNumber,
  type ProjectFormOutput,
  type ProjectFormValues,
} from './project-form.schema';
import { EMPTY_LOCATION } from './project-locations.schema';
import { CreateLoanProjectMutation, UpdateLoanProjectMutation } from './project-operations';
import { projectHref } from './project-stage';

interface OrganizationOption {
  code: string;
  name: string;
}

type Props = {
  initialValues: ProjectFormValues;
  /** Executing organizations (every kind but lenders). */
  organizations: readonly OrganizationOption[];
  /** Organizations of kind LENDER (e.g. PTSMI). */
  lenders: readonly OrganizationOption[];
  /** Names of the planning codes already cited. */
  knownPlanningCodes: readonly PlanningCodeOption[];
} & (
  | { mode: 'create' }
  | {
      mode: 'edit';
      projectId: string;
      /** BPKAD/super-admin: everything; otherwise (pelaksana) technical data only. */
      canEditAll: boolean;
      /** From APPROVED on: year, executing organization, lender and amount are locked. */
      approvalLocked: boolean;
    }
);

const options = (list: readonly OrganizationOption[]) =>
  list.map((org) => ({ value: org.code, label: `${org.name} (${org.code})` }));

/** The update input: only what the user may change, as the service expects it. */
function updateInput(
  values: ProjectFormOutput,
  canEditAll: boolean,
  approvalLocked: boolean,
): LoanProjectUpdateInput {
  const technical: LoanProjectUpdateInput = {
    description: values.description,
    planningCodes: values.planningCodes,
    ...(values.consultant ? { consultant: values.consultant } : {}),
  };
  if (!canEditAll) return technical;
  return {
    ...technical,
    name: values.name,
    borrowingReason: values.borrowingReason,
    tenorMonths: values.tenorMonths,
    ...(approvalLocked
      ? {}
      : {
          fiscalYear: values.fiscalYear,
          organizationCode: values.organizationCode,
          lenderOrganizationCode: values.lenderOrganizationCode,
          amount: values.amount,
        }),
  };
}

/**
 * The proposal of a loan-financed project (LoanProjectInput): BPKAD enters everything; the
 * executing agency (pelaksana) changes only the technical data (description, consultant,
 * planning codes). Errors the service finds (e.g. a sub-kegiatan code missing from the active
 * nomenclature) appear beside the field concerned.
 */
export function ProjectForm(props: Props) {
  const t = useTranslations('projects.form');
  const projects = useTranslations('projects');
  const common = useTranslations('common');
  const validation = useTranslations('projects.validation');
  const router = useRouter();
  const [, createProject] = useMutation(CreateLoanProjectMutation);
  const [, updateProject] = useMutation(UpdateLoanProjectMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const schema = projectFormSchema((key) => validation(key as 'required'));
  const form = useForm<ProjectFormValues>({
    mode: 'controlled',
    initialValues: props.initialValues,
    validate: schemaResolver(schema, { sync: true }),
  });
  const editing = props.mode === 'edit';
  const technicalOnly = editing && !props.canEditAll;
  const locked = editing && props.approvalLocked;
  const amount = toWholeNumber(form.values.amount);

  async function submit(values: ProjectFormValues) {
    const parsed = schema.parse(values);
    setSaving(true);
    setServerError(null);
    const result =
      props.mode === 'create'
        ? await createProject({ input: parsed }).then((answer) => ({
            error: answer.error,
            id: answer.data?.createLoanProject.id ?? null,
          }))
        : await updateProject({
            id: props.projectId,
            input: updateInput(parsed, props.canEditAll, props.approvalLocked),
          }).then((answer) => ({
            error: answer.error,
            id: answer.data?.updateLoanProject.id ?? null,
          }));
    if (result.error || !result.id) {
      setSaving(false);
      const errors = serverFormErrors(result.error);
      form.setErrors(errors.fields);
      setServerError(
        errors.general ?? (Object.keys(errors.fields).length ? t('checkFields') : t('failed')),
      );
      return;
    }
    notifications.show({
      color: 'green',
      message: props.mode === 'create' ? t('created') : t('saved'),
    });
    router.push(projectHref(result.id));
    router.refresh();
  }

  const fullOnly = { disabled: technicalOnly || saving };
  const lockedField = { disabled: technicalOnly || locked || saving };

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md" maw={960}>
        {serverError ? (
          <Alert color="red" variant="light" role="alert" title={t('failedTitle')}>
            {serverError}
          </Alert>
        ) : null}
        {technicalOnly ? (
          <Alert color="blue" variant="light">
            {t('technicalOnly')}
          </Alert>
        ) : null}
        {locked && !technicalOnly ? (
          <Alert color="blue" variant="light">
            {t('approvalLocked')}
          </Alert>
        ) : null}

        <Fieldset legend={t('identity')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={projects('fiscalYear')}
                required
                min={LIMITS.minYear}
                max={LIMITS.maxYear}
                allowDecimal={false}
                allowNegative={false}
                {...lockedField}
                {...form.getInputProps('fiscalYear')}
              />
              <TextInput
                label={t('name')}
                required
                maxLength={300}
                style={{ gridColumn: 'span 2' }}
                {...fullOnly}
                {...form.getInputProps('name')}
              />
            </SimpleGrid>
            <Textarea
              label={t('description')}
              description={t('descriptionHint')}
              required
              autosize
              minRows={3}
              maxLength={10_000}
              disabled={saving}
              {...form.getInputProps('description')}
            />
            <Textarea
              label={t('borrowingReason')}
              description={t('borrowingReasonHint')}
              required
              autosize
              minRows={3}
              maxLength={10_000}
              {...fullOnly}
              {...form.getInputProps('borrowingReason')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('financing')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={projects('organization')}
              description={t('organizationHint')}
              required
              searchable
              data={options(props.organizations)}
              nothingFoundMessage={t('noOptions')}
              {...lockedField}
              {...form.getInputProps('organizationCode')}
            />
            <Select
              label={projects('lender')}
              description={t('lenderHint')}
              required
              searchable
              data={options(props.lenders)}
              nothingFoundMessage={t('noOptions')}
              {...lockedField}
              {...form.getInputProps('lenderOrganizationCode')}
            />
            <NumberInput
              label={t('amount')}
              description={
                Number.isInteger(amount) && amount > 0 ? formatRupiah(amount) : t('amountHint')
              }
              required
              prefix="Rp "
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              min={1}
              max={LIMITS.maxAmount}
              hideControls
              inputMode="numeric"
              {...lockedField}
              {...form.getInputProps('amount')}
            />
            <NumberInput
              label={t('tenor')}
              description={t('tenorHint')}
              required
              min={LIMITS.minTenor}
              max={LIMITS.maxTenor}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('months')}`}
              {...fullOnly}
              {...form.getInputProps('tenorMonths')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('consultant')}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('consultantHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('consultantName')}
              maxLength={300}
              disabled={saving}
              {...form.getInputProps('consultant.name')}
            />
            <TextInput
              label={t('contractNumber')}
              maxLength={200}
              disabled={saving}
              {...form.getInputProps('consultant.contractNumber')}
            />
            <TextInput
              label={t('supervisor')}
              maxLength={300}
              disabled={saving}
              {...form.getInputProps('consultant.supervisor')}
            />
            <TextInput
              label={t('contact')}
              maxLength={300}
              disabled={saving}
              {...form.getInputProps('consultant.contact')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('planning')}>
          <PlanningCodeSelect
            known={props.knownPlanningCodes}
            disabled={saving}
            {...form.getInputProps('planningCodes')}
          />
        </Fieldset>

        {props.mode === 'create' ? (
          <Fieldset legend={t('locations')}>
            <LocationFields
              locations={form.values.locations}
              inputProps={(path) => form.getInputProps(path)}
              onAdd={() => form.insertListItem('locations', { ...EMPTY_LOCATION })}
              onRemove={(index) => form.removeListItem('locations', index)}
              error={form.errors.locations}
              disabled={saving}
            />
          </Fieldset>
        ) : (
          <Text size="sm">
            <Link href={projectHref(props.projectId, 'lokasi')}>{t('locationsElsewhere')}</Link>
          </Text>
        )}

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            component={Link}
            href={props.mode === 'create' ? '/proyek' : projectHref(props.projectId)}
          >
            {common('cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {props.mode === 'create' ? t('createSubmit') : common('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

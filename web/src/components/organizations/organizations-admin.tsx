'use client';
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ORGANIZATION_KINDS } from '@/components/directory/organization-kinds';
import { graphql } from '@/gql';
import type { OrganizationKind } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import {
  createOrganizationSchema,
  type CreateOrganizationValues,
} from './organization-forms.schema';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      code
    }
  }
`);

export interface OrganizationRow {
  code: string;
  name: string;
  kind: OrganizationKind;
  parent: { code: string } | null;
}

interface Props {
  organizations: readonly OrganizationRow[];
  totalCount: number;
  search: string;
  nextCursor: string | null;
  isFirstPage: boolean;
  /** Every organization, as parents to choose from. */
  parents: readonly { code: string; name: string }[];
}

/** Organization master data (super-admin): list, search, add. */
export function OrganizationsAdmin(props: Props) {
  const t = useTranslations('organizations');
  const common = useTranslations('common');
  const kindLabel = useTranslations('kind');
  const validation = useTranslations('validation');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [opened, setOpened] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [, createOrganization] = useMutation(CreateOrganizationMutation);
  const [saving, setSaving] = useState(false);
  const form = useForm<CreateOrganizationValues>({
    mode: 'controlled',
    initialValues: { code: '', name: '', kind: '', parentCode: null },
    validate: schemaResolver(
      createOrganizationSchema((key) => validation(key as 'required')),
      {
        sync: true,
      },
    ),
    transformValues: (values) => ({ ...values, code: values.code.trim().toUpperCase() }),
  });

  const searchLater = useDebouncedCallback((value: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('setelah');
    if (value.trim()) params.set('q', value.trim());
    else params.delete('q');
    startTransition(() => router.replace(`${pathname}?${params.toString()}`));
  }, 350);

  function close() {
    form.reset();
    setServerError(null);
    setOpened(false);
  }

  async function submit(values: CreateOrganizationValues) {
    setSaving(true);
    setServerError(null);
    const result = await createOrganization({
      input: {
        code: values.code,
        name: values.name.trim(),
        kind: values.kind as OrganizationKind,
        parentCode: values.parentCode || null,
      },
    });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({ color: 'green', message: t('created', { code: values.code }) });
    close();
    startTransition(() => router.refresh());
  }

  const nextHref = props.nextCursor
    ? `${pathname}?${new URLSearchParams({ ...(props.search ? { q: props.search } : {}), setelah: props.nextCursor })}`
    : null;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('search')}
          type="search"
          defaultValue={props.search}
          onChange={(event) => searchLater(event.currentTarget.value)}
          rightSection={pending ? <Loader size="xs" aria-label={common('loading')} /> : null}
          style={{ flex: '1 1 16rem' }}
        />
        <Button onClick={() => setOpened(true)}>{t('add')}</Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: props.totalCount })}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-busy={pending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columnCode')}</Table.Th>
              <Table.Th scope="col">{t('columnName')}</Table.Th>
              <Table.Th scope="col">{t('columnKind')}</Table.Th>
              <Table.Th scope="col">{t('columnParent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.organizations.map((organization) => (
              <Table.Tr key={organization.code}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {organization.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Link href={`/direktori/${encodeURIComponent(organization.code)}`}>
                    {organization.name}
                  </Link>
                </Table.Td>
                <Table.Td>{kindLabel(organization.kind)}</Table.Td>
                <Table.Td>{organization.parent?.code ?? common('none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md">
        {!props.isFirstPage ? (
          <Link href={`${pathname}${props.search ? `?q=${encodeURIComponent(props.search)}` : ''}`}>
            {common('first')}
          </Link>
        ) : null}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>

      <Modal
        opened={opened}
        onClose={close}
        title={t('add')}
        styles={{ content: { overflow: 'visible' } }}
      >
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack gap="sm">
            {serverError ? (
              <Alert color="red" variant="light" role="alert">
                {serverError}
              </Alert>
            ) : null}
            <TextInput
              label={t('fieldCode')}
              description={t('fieldCodeHint')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('code')}
            />
            <TextInput label={t('fieldName')} withAsterisk {...form.getInputProps('name')} />
            <Select
              label={t('fieldKind')}
              withAsterisk
              comboboxProps={{ withinPortal: false }}
              data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('fieldParent')}
              clearable
              searchable
              comboboxProps={{ withinPortal: false }}
              data={props.parents.map((org) => ({
                value: org.code,
                label: `${org.name} (${org.code})`,
              }))}
              {...form.getInputProps('parentCode')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={saving}>
                {common('cancel')}
              </Button>
              <Button type="submit" loading={saving}>
                {common('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

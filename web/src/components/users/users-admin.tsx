'use client';
import { Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { getFragmentData, type FragmentType } from '@/gql';
import { CreateUserModal } from './create-user-modal';
import { useRoleLabel } from './role-label';
import { UserActivationModal } from './user-activation-modal';
import { UserRowFragment } from './user-row.fragment';
import { UserRolesModal } from './user-roles-modal';
import { STATUS_COLORS } from '@/components/status-colors';
import { useListNavigation } from '@/navigation/use-list-navigation';

interface Props {
  users: readonly FragmentType<typeof UserRowFragment>[];
  totalCount: number;
  nextCursor: string | null;
  isFirstPage: boolean;
  search: string;
  organizationFilter: string | null;
  /** Organizations a super-admin may pick; null for admin-opd (own organization only). */
  organizations: readonly { code: string; name: string }[] | null;
  ownOrganization: string | null;
  grantableRoles: readonly string[];
  currentUserId: string;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'roles'; user: { id: string; username: string; roles: readonly string[] } }
  | { kind: 'activation'; user: { id: string; username: string; active: boolean } }
  | null;

/** User administration: list, search, create, (de)activate and change roles. */
export function UsersAdmin(props: Props) {
  const t = useTranslations('users');
  const common = useTranslations('common');
  const roleLabel = useRoleLabel();
  const router = useRouter();
  const { pending, startTransition, navigate, nextHref, firstHref } = useListNavigation(
    props.nextCursor,
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = getFragmentData(UserRowFragment, props.users);

  const searchLater = useDebouncedCallback((value: string) => navigate({ q: value.trim() }), 350);
  const refresh = () => startTransition(() => router.refresh());

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          type="search"
          defaultValue={props.search}
          onChange={(event) => searchLater(event.currentTarget.value)}
          rightSection={pending ? <Loader size="xs" aria-label={common('loading')} /> : null}
          style={{ flex: '1 1 16rem' }}
        />
        {props.organizations ? (
          <Select
            label={t('filterOrganization')}
            placeholder={t('allOrganizations')}
            clearable
            searchable
            value={props.organizationFilter}
            data={props.organizations.map((org) => ({
              value: org.code,
              label: `${org.name} (${org.code})`,
            }))}
            onChange={(value) => navigate({ organisasi: value })}
            style={{ flex: '1 1 16rem' }}
          />
        ) : null}
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('add')}</Button>
      </Group>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('count', { count: props.totalCount })}
      </Text>

      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={pending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columnUsername')}</Table.Th>
              <Table.Th scope="col">{t('columnName')}</Table.Th>
              <Table.Th scope="col">{t('columnOrganization')}</Table.Th>
              <Table.Th scope="col">{t('columnRoles')}</Table.Th>
              <Table.Th scope="col">{t('columnStatus')}</Table.Th>
              <Table.Th scope="col">{t('columnActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const self = user.id === props.currentUserId;
              return (
                <Table.Tr key={user.id} data-username={user.username}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {user.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.name}</Text>
                    {user.email ? (
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={user.organization?.name}>
                      {user.organization?.code ?? common('none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.roles.map((role) => (
                        <Badge key={role} variant="light" size="sm" tt="none">
                          {roleLabel(role)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 100 }}>
                    <Badge
                      color={user.active ? STATUS_COLORS.on : STATUS_COLORS.off}
                      variant="filled"
                      size="sm"
                    >
                      {user.active ? common('active') : common('inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {self ? (
                      <Text size="sm" c="dimmed">
                        {t('you')}
                      </Text>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() =>
                            setDialog({
                              kind: 'roles',
                              user: { id: user.id, username: user.username, roles: user.roles },
                            })
                          }
                        >
                          {t('changeRoles')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color={user.active ? 'red' : 'blue'}
                          onClick={() =>
                            setDialog({
                              kind: 'activation',
                              user: { id: user.id, username: user.username, active: user.active },
                            })
                          }
                        >
                          {user.active ? t('deactivate') : t('activate')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Group gap="md">
        {!props.isFirstPage ? <Link href={firstHref}>{common('first')}</Link> : null}
        {nextHref ? <Link href={nextHref}>{common('next')}</Link> : null}
      </Group>

      <CreateUserModal
        opened={dialog?.kind === 'create'}
        onClose={() => setDialog(null)}
        onCreated={refresh}
        grantableRoles={props.grantableRoles}
        organizations={props.organizations}
        ownOrganization={props.ownOrganization}
      />
      {dialog?.kind === 'roles' ? (
        <UserRolesModal
          user={dialog.user}
          grantableRoles={props.grantableRoles}
          onClose={() => setDialog(null)}
          onSaved={refresh}
        />
      ) : null}
      {dialog?.kind === 'activation' ? (
        <UserActivationModal user={dialog.user} onClose={() => setDialog(null)} onSaved={refresh} />
      ) : null}
    </Stack>
  );
}

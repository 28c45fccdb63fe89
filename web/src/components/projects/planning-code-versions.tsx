'use client';
import { Alert, Badge, Button, Modal, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { STATUS_COLORS } from '@/components/status-colors';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';

const ActivatePlanningCodeVersionMutation = graphql(`
  mutation ActivatePlanningCodeVersion($id: ID!) {
    activatePlanningCodeVersion(id: $id) {
      id
      active
    }
  }
`);

export interface PlanningCodeVersionRow {
  id: string;
  name: string;
  legalBasis: string;
  active: boolean;
  nomenclatureCount: number;
  accountCount: number;
  createdAt: string;
}

/** The nomenclature versions with their counts; BPKAD makes one the active version. */
export function PlanningCodeVersions({
  versions,
  canActivate,
}: {
  versions: readonly PlanningCodeVersionRow[];
  canActivate: boolean;
}) {
  const t = useTranslations('planningCodes');
  const common = useTranslations('common');
  const format = useFormatter();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, activate] = useMutation(ActivatePlanningCodeVersionMutation);
  const [confirming, setConfirming] = useState<PlanningCodeVersionRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(version: PlanningCodeVersionRow) {
    setSaving(true);
    setError(null);
    const result = await activate({ id: version.id });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setError(message);
      return;
    }
    setConfirming(null);
    notifications.show({
      color: 'green',
      message: t('activated', { name: version.name }),
    });
    startTransition(() => router.refresh());
  }

  if (versions.length === 0) return <Text c="dimmed">{t('noVersions')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" striped captionSide="top">
          <Table.Caption>{t('versionsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('column.version')}</Table.Th>
              <Table.Th scope="col">{t('column.legalBasis')}</Table.Th>
              <Table.Th scope="col">{t('column.nomenclatureCount')}</Table.Th>
              <Table.Th scope="col">{t('column.accountCount')}</Table.Th>
              <Table.Th scope="col">{t('column.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('column.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.id} data-version-id={version.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {version.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <code>{version.id}</code>
                  </Text>
                </Table.Td>
                <Table.Td>{version.legalBasis}</Table.Td>
                <Table.Td>{version.nomenclatureCount.toLocaleString('id-ID')}</Table.Td>
                <Table.Td>{version.accountCount.toLocaleString('id-ID')}</Table.Td>
                <Table.Td>
                  {format.dateTime(new Date(version.createdAt), { dateStyle: 'medium' })}
                </Table.Td>
                <Table.Td>
                  {version.active ? (
                    <Badge color={STATUS_COLORS.on} variant="filled" tt="none">
                      {t('activeVersion')}
                    </Badge>
                  ) : canActivate ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        setError(null);
                        setConfirming(version);
                      }}
                      aria-label={t('activateVersion', { name: version.name })}
                    >
                      {t('activate')}
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {common('inactive')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {confirming ? (
        <Modal
          opened
          onClose={() => setConfirming(null)}
          title={t('activateVersion', { name: confirming.name })}
        >
          <Stack gap="sm">
            <Text size="sm">{t('activateText', { name: confirming.name })}</Text>
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)} disabled={saving}>
                {common('cancel')}
              </Button>
              <Button loading={saving} onClick={() => void confirm(confirming)}>
                {t('activate')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </>
  );
}

import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { DataBreachActions } from '@/components/personal-data/data-breach-actions';
import { DataBreachForm } from '@/components/personal-data/data-breach-form';
import {
  DataBreachesQuery,
  PersonalDataRequestsQuery,
} from '@/components/personal-data/personal-data-operations';
import { environment } from '@/config/environment';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('personalData');
  return { title: t('title') };
}

/**
 * Pelindungan data pribadi (UU 27/2022): the record of citizens' requests on their complaint data
 * (admin-opd sees its agency's) and, for super-admin and pimpinan, the breach records with their
 * 3 × 24 hour notice deadline.
 */
export default async function PersonalDataPage() {
  const user = await requirePage('/admin/data-pribadi');
  const t = await getTranslations('personalData');
  const format = await getFormatter();
  const timeZone = environment().TIME_ZONE;
  const seesBreaches = user.roles.some((role) => role === 'super-admin' || role === 'pimpinan');
  const recordsBreaches = user.roles.includes('super-admin');
  const [requests, breaches] = await Promise.all([
    runQuery(getClient(), PersonalDataRequestsQuery, {}),
    seesBreaches ? runQuery(getClient(), DataBreachesQuery, {}) : Promise.resolve(null),
  ]);
  const when = (value: string | null | undefined) =>
    value
      ? format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short', timeZone })
      : '—';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>

      <section aria-labelledby="permintaan-judul">
        <Title order={2} id="permintaan-judul" size="h3" mb="xs">
          {t('requestsTitle')}
        </Title>
        <ErrorAlert message={requests.error} />
        {requests.data?.personalDataRequests.length ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="permintaan-data-pribadi">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('column.number')}</Table.Th>
                  <Table.Th>{t('column.kind')}</Table.Th>
                  <Table.Th>{t('column.case')}</Table.Th>
                  <Table.Th>{t('column.organization')}</Table.Th>
                  <Table.Th>{t('column.fields')}</Table.Th>
                  <Table.Th>{t('column.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.data.personalDataRequests.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{row.requestNumber}</Table.Td>
                    <Table.Td>{t(`kind.${row.kind}`)}</Table.Td>
                    <Table.Td>{row.caseNumber}</Table.Td>
                    <Table.Td>{row.organizationCode}</Table.Td>
                    <Table.Td>{row.changedFields.join(', ') || '—'}</Table.Td>
                    <Table.Td>{when(row.receivedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed">{t('requestsEmpty')}</Text>
        )}
      </section>

      {breaches ? (
        <section aria-labelledby="insiden-judul">
          <Title order={2} id="insiden-judul" size="h3" mb="xs">
            {t('breachesTitle')}
          </Title>
          <Text c="dimmed" mb="sm">
            {t('breachesLead')}
          </Text>
          <ErrorAlert message={breaches.error} />
          {breaches.data?.dataBreaches.length ? (
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="insiden-data-pribadi">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('column.number')}</Table.Th>
                    <Table.Th>{t('column.title')}</Table.Th>
                    <Table.Th>{t('column.discovered')}</Table.Th>
                    <Table.Th>{t('column.deadline')}</Table.Th>
                    <Table.Th>{t('column.notified')}</Table.Th>
                    <Table.Th>{t('column.status')}</Table.Th>
                    {recordsBreaches ? <Table.Th>{t('column.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {breaches.data.dataBreaches.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{row.number}</Table.Td>
                      <Table.Td>
                        <Text fw={500}>{row.title}</Text>
                        <Text size="sm" c="dimmed">
                          {row.dataCategories.join(', ')}
                          {row.affectedSubjects !== null && row.affectedSubjects !== undefined
                            ? ` · ${t('subjects', { count: row.affectedSubjects })}`
                            : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{when(row.discoveredAt)}</Table.Td>
                      <Table.Td>
                        {when(row.notificationDueAt)}
                        {row.notificationOverdue ? (
                          <Badge color="red" ml="xs">
                            {t('overdue')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t('subjectsNotified')}: {when(row.subjectsNotifiedAt)}
                        </Text>
                        <Text size="sm">
                          {t('authorityNotified')}: {when(row.authorityNotifiedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={row.status === 'OPEN' ? 'orange' : 'gray'}>
                          {t(`status.${row.status}`)}
                        </Badge>
                      </Table.Td>
                      {recordsBreaches ? (
                        <Table.Td>
                          <DataBreachActions
                            id={row.id}
                            revision={row.revision}
                            subjectsNotified={Boolean(row.subjectsNotifiedAt)}
                            authorityNotified={Boolean(row.authorityNotifiedAt)}
                            open={row.status === 'OPEN'}
                          />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text c="dimmed">{t('breachesEmpty')}</Text>
          )}
          {recordsBreaches ? (
            <Paper withBorder p="md" mt="md">
              <Title order={3} size="h4" mb="sm">
                {t('breachForm.heading')}
              </Title>
              <DataBreachForm />
            </Paper>
          ) : null}
        </section>
      ) : null}
    </Stack>
  );
}

import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requirePage } from '@/auth/page-guard';
import { isRole } from '@/auth/roles';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const ProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      username
      name
      email
      nip
      phone
      position
      roles
      createdAt
      organization {
        code
        name
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

export default async function ProfilePage() {
  await requirePage('/profil');
  const t = await getTranslations();
  const format = await getFormatter();
  const { data, error } = await runQuery(getClient(), ProfileQuery, {});
  const me = data?.me;
  const none = t('common.none');
  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{t('profile.title')}</Title>
      <ErrorAlert message={error} />
      {me ? (
        <Paper withBorder p="lg">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Field label={t('profile.name')}>{me.name}</Field>
            <Field label={t('profile.username')}>{me.username}</Field>
            <Field label={t('profile.email')}>{me.email ?? none}</Field>
            <Field label={t('profile.organization')}>
              {me.organization ? `${me.organization.name} (${me.organization.code})` : none}
            </Field>
            <Field label={t('profile.nip')}>{me.nip ?? none}</Field>
            <Field label={t('profile.position')}>{me.position ?? none}</Field>
            <Field label={t('profile.phone')}>{me.phone ?? none}</Field>
            <Field label={t('profile.createdAt')}>
              {format.dateTime(new Date(me.createdAt), { dateStyle: 'long', timeStyle: 'short' })}
            </Field>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="lg" mb={4}>
            {t('profile.roles')}
          </Text>
          <Group gap="xs">
            {me.roles.map((role) => (
              <Badge key={role} variant="light" tt="none">
                {isRole(role) ? t(`role.${role}`) : role}
              </Badge>
            ))}
          </Group>
        </Paper>
      ) : error ? null : (
        <Text>{t('profile.noRecord')}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t('profile.keycloakHint')}
      </Text>
    </Stack>
  );
}

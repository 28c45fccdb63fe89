import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { isRole } from '@/auth/roles';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { menuFor } from '@/navigation/menu';

const DashboardQuery = graphql(`
  query Dashboard {
    me {
      id
      name
      organization {
        code
        name
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const user = await requirePage('/dasbor');
  const t = await getTranslations();
  const { data, error } = await runQuery(getClient(), DashboardQuery, {});
  const name = data?.me?.name ?? user.name;
  const organization = data?.me?.organization;
  const menus = menuFor(user.roles).filter((item) => item.href !== '/dasbor');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('dashboard.greeting', { name })}</Title>
        <Text c="dimmed" mt={4}>
          {organization
            ? t('dashboard.organization', {
                organization: `${organization.name} (${organization.code})`,
              })
            : user.organization
              ? t('dashboard.organization', { organization: user.organization })
              : t('dashboard.noOrganization')}
        </Text>
        <Group gap="xs" mt="sm" aria-label={t('dashboard.roles')}>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" tt="none">
              {isRole(role) ? t(`role.${role}`) : role}
            </Badge>
          ))}
        </Group>
      </div>
      <ErrorAlert message={error} />
      <section aria-labelledby="menu-anda">
        <Title order={2} size="h3" id="menu-anda" mb="sm">
          {t('dashboard.yourMenus')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {menus.map((item) => (
            <Card key={item.href} withBorder padding="lg">
              <Link
                href={item.href}
                style={{ color: 'var(--mantine-color-blue-8)', fontWeight: 700 }}
              >
                {t(`menu.${item.key}`)}
              </Link>
              <Text size="sm" c="dimmed" mt={6}>
                {t(`menuDescription.${item.key}`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { OfficersEditor } from '@/components/organizations/officers-editor';
import { OrganizationProfileForm } from '@/components/organizations/organization-profile-form';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const ProfileQuery = graphql(`
  query EditableOrganizationProfile($code: String!) {
    organization(code: $code) {
      code
      name
      profile {
        address
        phone
        email
        website
        headName
        headPosition
        legalBasis
        tasksAndFunctions
        openingHours {
          days
          hours
        }
        latitude
        longitude
      }
      officers {
        id
        name
        position
        competence
        published
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organizationProfile');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizationProfilePage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const user = await requirePage('/organisasi/profil');
  const t = await getTranslations();
  const params = await searchParams;
  const seesAll = user.roles.includes('super-admin');
  // admin-opd edits only the own organization (the service refuses others as well).
  const requested = seesAll && typeof params.kode === 'string' ? params.kode : null;
  const code = requested ?? user.organization;
  if (!code) {
    return (
      <Stack>
        <Title order={1}>{t('organizationProfile.title')}</Title>
        <Text>{t('dashboard.noOrganization')}</Text>
      </Stack>
    );
  }
  const [{ data, error }, organizations] = await Promise.all([
    runQuery(getClient(), ProfileQuery, { code }),
    seesAll ? organizationOptions() : Promise.resolve(null),
  ]);
  const organization = data?.organization;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('organizationProfile.title')}</Title>
        {organization ? (
          <Text c="dimmed">
            {t('organizationProfile.lead', { name: `${organization.name} (${organization.code})` })}
          </Text>
        ) : null}
      </div>
      <ErrorAlert message={error ?? (organization ? null : t('directory.notFound'))} />
      {organization ? (
        <OrganizationProfileForm
          key={organization.code}
          code={organization.code}
          name={organization.name}
          organizations={organizations}
          initialValues={{
            address: organization.profile.address ?? '',
            phone: organization.profile.phone ?? '',
            email: organization.profile.email ?? '',
            website: organization.profile.website ?? '',
            headName: organization.profile.headName ?? '',
            headPosition: organization.profile.headPosition ?? '',
            legalBasis: organization.profile.legalBasis.join('\n'),
            tasksAndFunctions: organization.profile.tasksAndFunctions ?? '',
            openingHours: organization.profile.openingHours.map(({ days, hours }) => ({
              days,
              hours,
            })),
            latitude: organization.profile.latitude?.toString() ?? '',
            longitude: organization.profile.longitude?.toString() ?? '',
          }}
        />
      ) : null}
      {organization ? (
        <OfficersEditor
          key={`officers-${organization.code}`}
          code={organization.code}
          officers={organization.officers}
        />
      ) : null}
    </Stack>
  );
}

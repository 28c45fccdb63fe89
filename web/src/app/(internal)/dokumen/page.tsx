import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { RequirementChecklist } from '@/components/documents/requirement-checklist';
import { RequirementSetup } from '@/components/documents/requirement-setup';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { REQUIREMENT_PURPOSE, purposeNamed } from '@/documents/upload-precheck';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const MyRequirementsQuery = graphql(`
  query MyRequirements($after: String) {
    myRequirements(first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...RequirementItem
        }
      }
    }
  }
`);

const RequirementTemplatesQuery = graphql(`
  query RequirementTemplates {
    requirementTemplates {
      id
      name
      description
      reviewerOrganizationCodes
      items {
        title
        group
      }
    }
  }
`);

/** Roles that enter requirements for others (DOMAIN.md §3 step 3); the service checks again. */
const SETUP_ROLES = ['bpkad', 'super-admin'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('documents');
  return { title: t('title') };
}

export default async function DocumentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/dokumen');
  const after = single((await searchParams).setelah) ?? null;
  const t = await getTranslations('documents');
  const common = await getTranslations('common');
  const mayRequest = user.roles.some((role) => SETUP_ROLES.includes(role));
  const client = getClient();
  const [mine, purposes, templates, organizations] = await Promise.all([
    runQuery(client, MyRequirementsQuery, { after }),
    runQuery(client, UploadPurposesQuery, {}),
    mayRequest ? runQuery(client, RequirementTemplatesQuery, {}) : null,
    mayRequest ? organizationOptions() : null,
  ]);
  const connection = mine.data?.myRequirements;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <ErrorAlert message={mine.error ?? purposes.error ?? templates?.error ?? null} />

      <section aria-labelledby="menunggu-tindakan">
        <Title order={2} size="h3" id="menunggu-tindakan" mb={4}>
          {t('waitingTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
          {t('waitingCount', {
            count: connection?.totalCount ?? 0,
            organization: user.organization ?? '—',
          })}
        </Text>
        <RequirementChecklist
          requirements={connection?.edges.map((edge) => edge.node) ?? []}
          purpose={purposeNamed(purposes.data?.uploadPurposes, REQUIREMENT_PURPOSE)}
          showSubject
        />
        <Group gap="md" mt="sm">
          {after ? <Link href="/dokumen">{common('first')}</Link> : null}
          {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
            <Link href={`/dokumen?setelah=${encodeURIComponent(connection.pageInfo.endCursor)}`}>
              {common('next')}
            </Link>
          ) : null}
        </Group>
      </section>

      <section aria-labelledby="buka-subjek">
        <Title order={2} size="h3" id="buka-subjek" mb="xs">
          {t('openSubjectTitle')}
        </Title>
        <form method="get" action="/dokumen/subjek">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              name="jenis"
              label={t('subjectType')}
              required
              maxLength={60}
              style={{ flex: '1 1 12rem' }}
            />
            <TextInput
              name="id"
              label={t('subjectId')}
              required
              maxLength={120}
              style={{ flex: '1 1 12rem' }}
            />
            <Button type="submit" variant="light">
              {t('openSubject')}
            </Button>
          </Group>
        </form>
      </section>

      {mayRequest ? (
        <section aria-labelledby="buat-persyaratan">
          <Title order={2} size="h3" id="buat-persyaratan" mb={4}>
            {t('setupTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('setupLead')}
          </Text>
          <RequirementSetup
            templates={templates?.data?.requirementTemplates ?? []}
            organizations={organizations ?? []}
          />
        </section>
      ) : null}
    </Stack>
  );
}

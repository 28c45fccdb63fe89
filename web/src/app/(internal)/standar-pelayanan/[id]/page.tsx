import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { StandardEditor } from '@/components/survey-admin/standard-editor';
import { standardFormValues } from '@/components/survey-admin/standard-form.schema';
import { StandardStatusBadge } from '@/components/survey-admin/survey-badges';
import {
  publicServiceHref,
  servicePosterHref,
  standardHref,
} from '@/components/survey-admin/survey-links';
import { VersionHistory } from '@/components/survey-admin/version-history';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import { getClient } from '@/graphql/server-client';

const SMALL_LINK_STYLE = { ...LINK_STYLE, fontSize: 'var(--mantine-font-size-sm)' } as const;

const StandardEditorQuery = graphql(`
  query SurveyAdminStandardEditor($id: ID!) {
    serviceStandard(id: $id) {
      id
      name
      category
      organizationCode
      organizationName
      status
      surveyPath
      updatedAt
      draft {
        version
        revision
        name
        category
        description
        onlineServiceUrl
        updatedAt
        components {
          legalBasis
          requirements
          procedure
          completionTime
          completionDays
          cost
          products
          facilities
          officerCompetence
          internalSupervision
          complaintHandling
          numberOfOfficers
          serviceGuarantee
          securityGuarantee
          performanceEvaluation
        }
      }
      published {
        version
        publishedAt
        name
        category
        description
        onlineServiceUrl
        components {
          legalBasis
          requirements
          procedure
          completionTime
          completionDays
          cost
          products
          facilities
          officerCompetence
          internalSupervision
          complaintHandling
          numberOfOfficers
          serviceGuarantee
          securityGuarantee
          performanceEvaluation
        }
      }
      versions {
        version
        state
        updatedAt
        updatedBy {
          id
          name
        }
        publishedAt
        publishedBy {
          id
          name
        }
      }
    }
    serviceDirectoryFacets {
      categories {
        value
      }
    }
  }
`);

const hasCode = (error: CombinedError | undefined, code: string) =>
  error?.graphQLErrors.some((item) => item.extensions?.code === code) ?? false;

const loadStandard = cache(async (id: string) => {
  const result = await getClient().query(
    StandardEditorQuery,
    { id },
    { requestPolicy: 'network-only' },
  );
  return {
    standard: result.data?.serviceStandard ?? null,
    categories: result.data?.serviceDirectoryFacets.categories.map((c) => c.value) ?? [],
    forbidden: hasCode(result.error, 'FORBIDDEN'),
    error: errorMessage(result.error),
  };
});

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = decodeURIComponent((await params).id);
  const { standard } = await loadStandard(id);
  const t = await getTranslations('surveyAdmin.standards');
  return { title: standard ? standard.name : t('title') };
}

/**
 * One service's standard: status, links to its public page and counter poster, the editor of the
 * draft (made from the published version when there is none), and the version history.
 */
export default async function ServiceStandardPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(standardHref(id));
  const t = await getTranslations('surveyAdmin');
  const format = await getFormatter();
  const { standard, categories, forbidden: refused, error } = await loadStandard(id);
  if (refused) forbidden();
  const back = (
    <Link href="/standar-pelayanan" style={LINK_STYLE}>
      ← {t('standards.back')}
    </Link>
  );
  if (!standard) {
    if (!error) notFound();
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert message={error} />
      </Stack>
    );
  }
  // Without a draft field the caller is not an editor of this organization (public view only).
  const editable = standard.draft !== null || standard.versions.length > 0;
  const source = standard.draft ?? standard.published;
  const editorKey = `${standard.status}-${standard.draft?.revision ?? 'x'}-${standard.published?.version ?? 0}`;

  return (
    <Stack gap="lg">
      <div>
        {back}
        <Paper withBorder p="md" mt="xs" component="header" aria-labelledby="judul-standar">
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <StandardStatusBadge status={standard.status} />
              <Text size="sm" c="dimmed">
                {standard.organizationName} ({standard.organizationCode}) · {standard.category}
              </Text>
            </Group>
            <Title order={1} id="judul-standar" style={{ overflowWrap: 'anywhere' }}>
              {standard.name}
            </Title>
            {standard.published ? (
              <Group gap="md" wrap="wrap">
                <Text size="sm">
                  {t('editor.publishedVersion', {
                    version: standard.published.version,
                    date: standard.published.publishedAt
                      ? format.dateTime(new Date(standard.published.publishedAt), {
                          dateStyle: 'medium',
                        })
                      : '—',
                  })}
                </Text>
                {/* Plain links: a server component cannot hand next/link to Mantine's Anchor. */}
                <Link
                  href={publicServiceHref(standard.id)}
                  style={SMALL_LINK_STYLE}
                  data-testid="tautan-publik"
                >
                  {t('editor.publicPage')}
                </Link>
                <Link href={servicePosterHref(standard.id)} style={SMALL_LINK_STYLE}>
                  {t('editor.qrPoster')}
                </Link>
                <Link href={standard.surveyPath} style={SMALL_LINK_STYLE}>
                  {t('editor.surveyLink')}
                </Link>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('editor.notPublished')}
              </Text>
            )}
          </Stack>
        </Paper>
      </div>

      {editable ? (
        <StandardEditor
          key={editorKey}
          mode="edit"
          standardId={standard.id}
          status={standard.status}
          revision={standard.draft?.revision ?? null}
          initialValues={standardFormValues(source, standard.organizationCode)}
          categories={categories}
        />
      ) : (
        <ErrorAlert message={t('editor.readOnly')} />
      )}

      <section aria-labelledby="riwayat-versi">
        <Title order={2} size="h3" id="riwayat-versi" mb="sm">
          {t('versions.title')}
        </Title>
        <VersionHistory versions={standard.versions} />
      </section>
    </Stack>
  );
}

import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { OrganizationPicker } from '@/components/survey-admin/organization-picker';
import { PledgeEditor } from '@/components/survey-admin/pledge-editor';
import { pledgeFormValues } from '@/components/survey-admin/pledge-form.schema';
import { dateOnly } from '@/components/survey-admin/survey-dates';
import { editsAllOrganizations } from '@/components/survey-admin/survey-scope';
import { LINK_STYLE } from '@/documents/links';
import { graphql } from '@/gql';
import { organizationOptions } from '@/graphql/organization-options';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { single, type SearchParams } from '@/navigation/search-params';

const PledgeQuery = graphql(`
  query SurveyAdminPledge($organizationCode: String!) {
    servicePledge(organizationCode: $organizationCode) {
      organizationCode
      organizationName
      published {
        version
        text
        commitments
        signatoryName
        signatoryPosition
        effectiveDate
        publishedAt
      }
      draft {
        version
        text
        commitments
        signatoryName
        signatoryPosition
        effectiveDate
        updatedAt
      }
    }
  }
`);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyAdmin.pledge');
  return { title: t('title') };
}

/**
 * The organization's service pledge (Maklumat Pelayanan): the published one as citizens read it,
 * and the editor of the draft. super-admin chooses the organization (`?organisasi=`).
 */
export default async function ServicePledgePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePage('/standar-pelayanan/maklumat');
  const t = await getTranslations('surveyAdmin');
  const format = await getFormatter();
  const superAdmin = editsAllOrganizations(user.roles);
  const chosen =
    single((await searchParams).organisasi)
      ?.trim()
      .toUpperCase() || null;
  const organizationCode = superAdmin ? chosen : user.organization;
  const [pledge, organizations] = await Promise.all([
    organizationCode
      ? runQuery(getClient(), PledgeQuery, { organizationCode })
      : Promise.resolve(null),
    superAdmin ? organizationOptions() : Promise.resolve([]),
  ]);
  const data = pledge?.data?.servicePledge ?? null;
  const published = data?.published ?? null;
  const draft = data?.draft ?? null;
  const organizationName =
    data?.organizationName ??
    organizations.find((org) => org.code === organizationCode)?.name ??
    organizationCode ??
    '';

  return (
    <Stack gap="lg">
      <div>
        <Link href="/standar-pelayanan" style={LINK_STYLE}>
          ← {t('standards.back')}
        </Link>
        <Title order={1} mt={4}>
          {t('pledge.title')}
        </Title>
        <Text c="dimmed">{t('pledge.lead')}</Text>
      </div>
      {superAdmin ? (
        <OrganizationPicker
          value={organizationCode}
          options={organizations.map((org) => ({
            value: org.code,
            label: `${org.name} (${org.code})`,
          }))}
        />
      ) : null}
      {!organizationCode ? (
        <Text c="dimmed">
          {superAdmin ? t('pledge.chooseOrganization') : t('pledge.noOrganization')}
        </Text>
      ) : (
        <>
          <ErrorAlert message={pledge?.error ?? null} />
          <section aria-labelledby="maklumat-terbit">
            <Title order={2} size="h3" id="maklumat-terbit" mb="sm">
              {t('pledge.publishedTitle', { organization: organizationName })}
            </Title>
            {published ? (
              <Paper withBorder p="md" data-testid="maklumat-terbit">
                <Text style={{ whiteSpace: 'pre-line' }}>{published.text}</Text>
                <List type="ordered" mt="sm" spacing={4}>
                  {published.commitments.map((commitment, index) => (
                    <List.Item key={index}>{commitment}</List.Item>
                  ))}
                </List>
                <Group justify="flex-end" mt="md">
                  <div style={{ textAlign: 'right' }}>
                    <Text size="sm">{published.signatoryPosition}</Text>
                    <Text fw={700}>{published.signatoryName}</Text>
                    <Text size="xs" c="dimmed">
                      {t('pledge.effective', {
                        date: format.dateTime(dateOnly(published.effectiveDate), {
                          dateStyle: 'long',
                        }),
                        version: published.version,
                      })}
                    </Text>
                  </div>
                </Group>
              </Paper>
            ) : (
              <Text c="dimmed">{t('pledge.nonePublished')}</Text>
            )}
          </section>
          <section aria-labelledby="sunting-maklumat">
            <Title order={2} size="h3" id="sunting-maklumat" mb="xs">
              {t('pledge.editTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {draft
                ? t('pledge.draftFrom', {
                    date: format.dateTime(new Date(draft.updatedAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                  })
                : published
                  ? t('pledge.draftFromPublished')
                  : t('pledge.draftNew')}
            </Text>
            <PledgeEditor
              key={`${organizationCode}-${draft?.version ?? 0}-${draft?.updatedAt ?? ''}-${published?.version ?? 0}`}
              organizationCode={organizationCode}
              initialValues={pledgeFormValues(draft ?? published)}
              hasDraft={draft !== null}
            />
          </section>
        </>
      )}
    </Stack>
  );
}

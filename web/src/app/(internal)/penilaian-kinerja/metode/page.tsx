import {
  Paper,
  Stack,
  Table,
  TableCaption,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import {
  ScoringMethodFieldsFragment,
  ScoringMethodHistoryQuery,
  ScoringMethodQuery,
} from '@/components/assessment/assessment-operations';
import { ScoringMethodForm } from '@/components/assessment/scoring-method-form';
import { ScoringMethodView } from '@/components/assessment/scoring-method-view';
import { loadCaseData } from '@/components/cases/case-data';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LINK_STYLE } from '@/documents/links';
import { getFragmentData } from '@/gql';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assessment.method');
  return { title: t('title') };
}

/**
 * The scoring method as data: components, weights, formulas, parameters and predicate
 * thresholds, with its version history for leaders; super-admin publishes a new version here.
 */
export default async function ScoringMethodPage() {
  const user = await requirePage('/penilaian-kinerja/metode');
  const t = await getTranslations('assessment.method');
  const back = await getTranslations('assessment');
  const format = await getFormatter();
  // The history is for leaders and super-admin; everyone else reads the method in force.
  const leader = user.roles.includes('pimpinan') || user.roles.includes('super-admin');
  const history = leader ? await loadCaseData(ScoringMethodHistoryQuery, {}) : null;
  const plain = leader ? null : await loadCaseData(ScoringMethodQuery, {});
  const masked = history?.data?.scoringMethod ?? plain?.data?.scoringMethod;
  const method = masked ? getFragmentData(ScoringMethodFieldsFragment, masked) : null;
  const versions = [...(history?.data?.scoringMethodVersions ?? [])].sort(
    (a, b) => b.version - a.version,
  );
  const componentLabels = method?.components.map(({ key, label }) => ({ key, label })) ?? [];

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link href="/penilaian-kinerja" style={LINK_STYLE}>
          ← {back('back')}
        </Link>
      </Text>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <ErrorAlert message={history?.error ?? plain?.error ?? null} />
      {method ? <ScoringMethodView method={method} /> : null}

      {masked && user.roles.includes('super-admin') ? (
        <Paper withBorder p="md">
          <ScoringMethodForm method={masked} />
        </Paper>
      ) : null}

      {leader ? (
        <section aria-labelledby="riwayat-metode">
          <Title order={2} size="h3" id="riwayat-metode" mb="sm">
            {t('historyTitle')}
          </Title>
          {versions.length === 0 ? (
            <Text c="dimmed">{t('noHistory')}</Text>
          ) : (
            <TableScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" data-testid="riwayat-metode">
                <TableCaption>{t('historyCaption')}</TableCaption>
                <TableThead>
                  <TableTr>
                    <TableTh scope="col">{t('version')}</TableTh>
                    <TableTh scope="col">{t('name')}</TableTh>
                    {componentLabels.map((component) => (
                      <TableTh scope="col" key={component.key}>
                        {component.label}
                      </TableTh>
                    ))}
                    <TableTh scope="col">{t('publishedAt')}</TableTh>
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {versions.map((version) => (
                    <TableTr key={version.version} data-version={version.version}>
                      <TableTh scope="row">{version.version}</TableTh>
                      <TableTd>{version.name}</TableTd>
                      {componentLabels.map((component) => {
                        const weight = version.components.find(
                          (c) => c.key === component.key,
                        )?.weight;
                        return (
                          <TableTd key={component.key}>
                            {weight === undefined
                              ? '—'
                              : format.number(weight, { maximumFractionDigits: 2 })}
                          </TableTd>
                        );
                      })}
                      <TableTd>
                        {format.dateTime(new Date(version.publishedAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })}
                        <Text span size="xs" c="dimmed" display="block">
                          {version.publishedBy ?? t('system')}
                        </Text>
                      </TableTd>
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            </TableScrollContainer>
          )}
        </section>
      ) : null}
    </Stack>
  );
}

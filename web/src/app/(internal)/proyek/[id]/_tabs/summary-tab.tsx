import { Alert, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/auth/next-auth';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { AgreementPanel } from '@/components/projects/agreement-panel';
import { sealedVersions } from '@/components/projects/agreement-form.schema';
import { formatRupiah } from '@/components/projects/format';
import { mayManageProjects } from '@/components/projects/project-roles';
import { formatPercent, projectHref } from '@/components/projects/project-stage';
import { LINK_STYLE, documentHref } from '@/documents/links';
import { REQUIREMENT_PURPOSE, purposeNamed } from '@/documents/upload-precheck';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import { dateOnly, todayInJakarta, type ProjectHeader } from '../project-data';
import { Fact, Facts } from '@/components/fact-list';

const LoanProjectSummaryQuery = graphql(`
  query LoanProjectSummary($id: ID!) {
    loanProject(id: $id) {
      id
      description
      borrowingReason
      consultant {
        name
        contractNumber
        supervisor
        contact
      }
      planningCodes {
        code
        name
      }
      requirementSummary {
        total
        approved
        waived
        submitted
        revisionRequested
        outstanding
      }
      agreement {
        documentId
        number
        signedOn
        sealed
        recordedAt
        recordedBy {
          name
          organizationCode
        }
      }
      disbursementSummary {
        plannedAmount
        approvedAmount
        disbursedAmount
        remainingAmount
        disbursedShare
      }
      physicalProgress
      financialProgress
      createdAt
      updatedAt
    }
  }
`);

// Apart from the summary: documents come from the documents service through federation.
const AgreementDocumentsQuery = graphql(`
  query LoanProjectAgreementDocuments($id: ID!) {
    loanProject(id: $id) {
      id
      documents {
        id
        title
        latestVersion {
          number
        }
        versions {
          number
          signatures {
            id
          }
        }
      }
    }
  }
`);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Ringkasan: what the project is, why it borrows, its codes, documents, agreement and money. */
export async function SummaryTab({ header, user }: { header: ProjectHeader; user: SessionUser }) {
  const t = await getTranslations('projects');
  const format = await getFormatter();
  const recordsAgreement =
    header.stage === 'APPROVED' && header.viewerCanEdit && mayManageProjects(user.roles);
  const client = getClient();
  const [{ data, error }, documents, purposes] = await Promise.all([
    runQuery(client, LoanProjectSummaryQuery, { id: header.id }),
    recordsAgreement ? runQuery(client, AgreementDocumentsQuery, { id: header.id }) : null,
    recordsAgreement ? runQuery(client, UploadPurposesQuery, {}) : null,
  ]);
  const project = data?.loanProject;
  if (!project) return <ErrorAlert message={error ?? t('notFound')} />;
  const summary = project.requirementSummary;
  const money = project.disbursementSummary;
  const agreement = project.agreement;
  const date = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' });
  const instant = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Stack gap="md">
      <ErrorAlert message={error} />
      <Section id="uraian" title={t('summary.description')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{project.description || t('summary.none')}</Text>
      </Section>
      <Section id="alasan" title={t('summary.borrowingReason')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {project.borrowingReason || t('summary.none')}
        </Text>
      </Section>

      <Section id="konsultan" title={t('summary.consultant')}>
        {project.consultant ? (
          <Facts>
            <Fact label={t('form.consultantName')}>{project.consultant.name}</Fact>
            <Fact label={t('form.contractNumber')}>
              {project.consultant.contractNumber ?? t('summary.none')}
            </Fact>
            <Fact label={t('form.supervisor')}>
              {project.consultant.supervisor ?? t('summary.none')}
            </Fact>
            <Fact label={t('form.contact')}>{project.consultant.contact ?? t('summary.none')}</Fact>
          </Facts>
        ) : (
          <Text c="dimmed">{t('summary.noConsultant')}</Text>
        )}
      </Section>

      <Section id="kode-perencanaan" title={t('planningCodes')}>
        {project.planningCodes.length ? (
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {project.planningCodes.map((citation) => (
              <li key={citation.code}>
                <Text span ff="monospace" size="sm">
                  {citation.code}
                </Text>{' '}
                <Text span size="sm">
                  {citation.name}
                </Text>
              </li>
            ))}
          </ul>
        ) : (
          <Text c="dimmed">{t('summary.noPlanningCodes')}</Text>
        )}
      </Section>

      <Section id="ringkasan-persyaratan" title={t('summary.requirements')}>
        {summary.total === 0 ? (
          <Text c="dimmed">{t('summary.noRequirements')}</Text>
        ) : (
          <Facts cols={6}>
            <Fact label={t('summary.total')}>{summary.total}</Fact>
            <Fact label={t('summary.approved')}>{summary.approved}</Fact>
            <Fact label={t('summary.waived')}>{summary.waived}</Fact>
            <Fact label={t('summary.submitted')}>{summary.submitted}</Fact>
            <Fact label={t('summary.revisionRequested')}>{summary.revisionRequested}</Fact>
            <Fact label={t('summary.outstanding')}>{summary.outstanding}</Fact>
          </Facts>
        )}
        <Text size="sm" mt="sm">
          <Link href={projectHref(header.id, 'dokumen')} style={LINK_STYLE}>
            {t('summary.openRequirements')}
          </Link>
        </Text>
      </Section>

      <Section id="perjanjian" title={t('summary.agreement')}>
        <Stack gap="sm">
          {agreement ? (
            <>
              <Facts>
                <Fact label={t('agreement.number')}>{agreement.number}</Fact>
                <Fact label={t('agreement.signedOn')}>{date(agreement.signedOn)}</Fact>
                <Fact label={t('agreement.sealedLabel')}>
                  <Badge
                    color={agreement.sealed ? '#1b5e20' : '#a33a00'}
                    variant="filled"
                    tt="none"
                  >
                    {agreement.sealed ? t('agreement.isSealed') : t('agreement.notSealedYet')}
                  </Badge>
                </Fact>
                <Fact label={t('agreement.recordedBy')}>
                  {agreement.recordedBy.name ?? t('summary.none')}
                  {agreement.recordedBy.organizationCode
                    ? ` (${agreement.recordedBy.organizationCode})`
                    : ''}
                  , {instant(agreement.recordedAt)}
                </Fact>
              </Facts>
              <Text size="sm">
                <Link href={documentHref(agreement.documentId)} style={LINK_STYLE}>
                  {t('agreement.openDocument')}
                </Link>
              </Text>
            </>
          ) : (
            <Text c="dimmed">{t('summary.noAgreement')}</Text>
          )}
          {recordsAgreement ? (
            <>
              <ErrorAlert message={documents?.error ?? null} />
              <AgreementPanel
                projectId={header.id}
                projectCode={header.code}
                partyOrganizationCodes={[header.organizationCode, header.lenderOrganizationCode]}
                documents={(documents?.data?.loanProject?.documents ?? []).map((document) => ({
                  id: document.id,
                  title: document.title,
                  latestVersion: document.latestVersion.number,
                  sealedVersions: sealedVersions(document.versions),
                }))}
                current={
                  agreement
                    ? {
                        documentId: agreement.documentId,
                        number: agreement.number,
                        signedOn: agreement.signedOn.slice(0, 10),
                      }
                    : null
                }
                purpose={purposeNamed(purposes?.data?.uploadPurposes, REQUIREMENT_PURPOSE)}
                today={todayInJakarta()}
              />
            </>
          ) : header.stage === 'APPROVED' && !agreement ? (
            <Alert color="blue" variant="light">
              {t('summary.agreementPending')}
            </Alert>
          ) : null}
        </Stack>
      </Section>

      <Section id="jumlah" title={t('summary.totals')}>
        <Stack gap="md">
          <Facts cols={4}>
            <Fact label={t('amount')}>{formatRupiah(header.amount)}</Fact>
            <Fact label={t('summary.planned')}>{formatRupiah(money.plannedAmount)}</Fact>
            <Fact label={t('summary.approvedAmount')}>{formatRupiah(money.approvedAmount)}</Fact>
            <Fact label={t('summary.disbursed')}>
              {formatRupiah(money.disbursedAmount)} ({formatPercent(money.disbursedShare)})
            </Fact>
            <Fact label={t('summary.remaining')}>{formatRupiah(money.remainingAmount)}</Fact>
            <Fact label={t('form.tenor')}>
              {t('summary.months', { count: header.tenorMonths })}
            </Fact>
          </Facts>
          <Group grow align="flex-start" wrap="wrap" gap="lg">
            <div style={{ minWidth: 220 }}>
              <Text size="sm" id="fisik">
                {t('summary.physical')}: <strong>{formatPercent(project.physicalProgress)}</strong>
                {header.behindPlan ? (
                  <Badge color="#c92a2a" variant="filled" tt="none" size="sm" ml={6}>
                    {t('behindPlan')}
                  </Badge>
                ) : null}
              </Text>
              <Progress
                value={Math.max(0, Math.min(100, project.physicalProgress))}
                color={header.behindPlan ? '#c92a2a' : 'blue.8'}
                aria-labelledby="fisik"
                mt={4}
              />
            </div>
            <div style={{ minWidth: 220 }}>
              <Text size="sm" id="keuangan">
                {t('summary.financial')}:{' '}
                <strong>{formatPercent(project.financialProgress)}</strong>
              </Text>
              <Progress
                value={Math.max(0, Math.min(100, project.financialProgress))}
                color="teal.9"
                aria-labelledby="keuangan"
                mt={4}
              />
            </div>
          </Group>
          <Text size="xs" c="dimmed">
            {t('summary.timestamps', {
              created: instant(project.createdAt),
              updated: instant(project.updatedAt),
            })}
          </Text>
        </Stack>
      </Section>
    </Stack>
  );
}

import {
  Badge,
  Group,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/auth/next-auth';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { RequirementChecklist } from '@/components/documents/requirement-checklist';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { sealedVersions } from '@/components/projects/agreement-form.schema';
import { ProjectRequirementSetup } from '@/components/projects/project-requirement-setup';
import { mayManageProjects } from '@/components/projects/project-roles';
import { LINK_STYLE, documentHref, subjectHref } from '@/documents/links';
import { REQUIREMENT_PURPOSE, purposeNamed } from '@/documents/upload-precheck';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';
import type { ProjectHeader } from '../project-data';

// Through federation: the documents service resolves `LoanProject.requirements` and `documents`.
const ProjectRequirementsQuery = graphql(`
  query ProjectRequirements($id: ID!) {
    loanProject(id: $id) {
      id
      requirements {
        id
        ...RequirementItem
      }
    }
  }
`);

const ProjectDocumentsQuery = graphql(`
  query ProjectDocuments($id: ID!) {
    loanProject(id: $id) {
      id
      documents {
        id
        title
        organizationCode
        latestVersion {
          number
          uploadedAt
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

// Apart from the rest: the threads come from the notifications service, and the checklist stays
// usable (its thread buttons without counts) when that service does not answer.
const ProjectRequirementThreadsQuery = graphql(`
  query ProjectRequirementThreads($type: String!, $id: ID!) {
    requirements(subjectType: $type, subjectId: $id) {
      id
      thread {
        id
        unreadCount
      }
    }
  }
`);

const ProjectRequirementTemplatesQuery = graphql(`
  query ProjectRequirementTemplates {
    requirementTemplates {
      id
      code
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

const ProjectSetupOrganizationsQuery = graphql(`
  query ProjectSetupOrganizations {
    organizations(first: 100) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

/**
 * Dokumen Persyaratan: the project's requirement checklist (the executing agency uploads, BPKAD
 * forwards, the lender approves or asks for a revision in the requirement's thread), the lender's
 * list for BPKAD to apply, and the project's documents.
 */
export async function DocumentsTab({ header, user }: { header: ProjectHeader; user: SessionUser }) {
  const t = await getTranslations('projects');
  const documentsText = await getTranslations('documents');
  const format = await getFormatter();
  const setsUp = header.viewerCanEdit && mayManageProjects(user.roles);
  const subject = { type: 'LoanProject', id: header.id };
  const client = getClient();
  const [requirements, documents, threads, purposes, templates, organizations] = await Promise.all([
    runQuery(client, ProjectRequirementsQuery, { id: header.id }),
    runQuery(client, ProjectDocumentsQuery, { id: header.id }),
    runQuery(client, ProjectRequirementThreadsQuery, subject),
    runQuery(client, UploadPurposesQuery, {}),
    setsUp ? runQuery(client, ProjectRequirementTemplatesQuery, {}) : null,
    setsUp ? runQuery(client, ProjectSetupOrganizationsQuery, {}) : null,
  ]);
  const threadUnread = Object.fromEntries(
    (threads.data?.requirements ?? []).map((item) => [item.id, item.thread?.unreadCount ?? 0]),
  );
  const items = requirements.data?.loanProject?.requirements ?? [];
  const projectDocuments = documents.data?.loanProject?.documents ?? [];
  return (
    <Stack gap="lg">
      <ErrorAlert message={requirements.error ?? purposes.error} />
      <section aria-labelledby="persyaratan-proyek">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="persyaratan-proyek">
            {t('requirements.title')}
          </Title>
          <Link href={subjectHref(subject)} style={LINK_STYLE}>
            {t('requirements.openSubject')}
          </Link>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('requirements.lead')}
        </Text>
        <RequirementChecklist
          requirements={items}
          purpose={purposeNamed(purposes.data?.uploadPurposes, REQUIREMENT_PURPOSE)}
          threadUnread={threadUnread}
        />
      </section>

      {setsUp ? (
        <section aria-label={t('requirements.setupTitle')}>
          <ErrorAlert message={templates?.error ?? organizations?.error ?? null} />
          <ProjectRequirementSetup
            projectId={header.id}
            templates={templates?.data?.requirementTemplates ?? []}
            organizations={(organizations?.data?.organizations.edges ?? []).map(({ node }) => node)}
            uploaderOrganizationCode={header.organizationCode}
            hasRequirements={items.length > 0}
          />
        </section>
      ) : null}

      <section aria-labelledby="dokumen-proyek">
        <Title order={2} size="h3" id="dokumen-proyek" mb="sm">
          {t('requirements.documentsTitle')}
        </Title>
        <ErrorAlert message={documents.error} />
        {projectDocuments.length === 0 ? (
          <Text c="dimmed">{documentsText('noDocuments')}</Text>
        ) : (
          <TableScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" striped>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">{documentsText('columnTitle')}</TableTh>
                  <TableTh scope="col">{documentsText('columnOwner')}</TableTh>
                  <TableTh scope="col">{documentsText('columnLatest')}</TableTh>
                  <TableTh scope="col">{t('requirements.columnSeal')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {projectDocuments.map((document) => {
                  const sealed = sealedVersions(document.versions);
                  return (
                    <TableTr key={document.id}>
                      <TableTd>
                        <Link
                          href={documentHref(document.id)}
                          style={{ ...LINK_STYLE, fontWeight: 600 }}
                        >
                          {document.title}
                        </Link>
                      </TableTd>
                      <TableTd>{document.organizationCode}</TableTd>
                      <TableTd>
                        {documentsText('latestVersion', {
                          number: document.latestVersion.number,
                          date: format.dateTime(new Date(document.latestVersion.uploadedAt), {
                            dateStyle: 'medium',
                            timeStyle: 'short',
                          }),
                        })}
                      </TableTd>
                      <TableTd>
                        {sealed.length ? (
                          <Badge color="#1b5e20" variant="filled" tt="none">
                            {t('agreement.sealedVersion', { number: sealed[0] ?? 0 })}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('agreement.notSealed')}
                          </Text>
                        )}
                      </TableTd>
                    </TableTr>
                  );
                })}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </section>
    </Stack>
  );
}

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
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePage } from '@/auth/page-guard';
import { UploadPurposesQuery } from '@/components/documents/document-operations';
import { RequirementChecklist } from '@/components/documents/requirement-checklist';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LINK_STYLE, documentHref, subjectHref } from '@/documents/links';
import { REQUIREMENT_PURPOSE, purposeNamed } from '@/documents/upload-precheck';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const SubjectDocumentsQuery = graphql(`
  query SubjectDocuments($type: String!, $id: ID!) {
    requirements(subjectType: $type, subjectId: $id) {
      id
      ...RequirementItem
    }
    documents(subjectType: $type, subjectId: $id, includeWithdrawn: true) {
      id
      title
      confidentiality
      organizationCode
      withdrawn {
        at
      }
      latestVersion {
        number
        uploadedAt
      }
    }
  }
`);

// Apart from the main query: the threads come from the notifications service, and the checklist
// stays usable (its thread buttons without counts) when that service does not answer.
const RequirementThreadsQuery = graphql(`
  query RequirementThreads($type: String!, $id: ID!) {
    requirements(subjectType: $type, subjectId: $id) {
      id
      thread {
        id
        unreadCount
      }
    }
  }
`);

type Params = Promise<{ type: string; id: string }>;

async function subjectOf(params: Params) {
  const { type, id } = await params;
  return { type: decodeURIComponent(type), id: decodeURIComponent(id) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('documents');
  const subject = await subjectOf(params);
  return { title: t('subjectTitle', subject) };
}

// Server component: Mantine's compound members (Table.Tr…) are not reachable through a client
// reference, so the table parts are imported by their own names.
export default async function SubjectDocumentsPage({ params }: { params: Params }) {
  const subject = await subjectOf(params);
  await requirePage(subjectHref(subject));
  const t = await getTranslations();
  const format = await getFormatter();
  const client = getClient();
  const [{ data, error }, purposes, threads] = await Promise.all([
    runQuery(client, SubjectDocumentsQuery, subject),
    runQuery(client, UploadPurposesQuery, {}),
    runQuery(client, RequirementThreadsQuery, subject),
  ]);
  const threadUnread = Object.fromEntries(
    (threads.data?.requirements ?? []).map((item) => [item.id, item.thread?.unreadCount ?? 0]),
  );
  const documents = data?.documents ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Link href="/dokumen" style={LINK_STYLE}>
          ← {t('documents.back')}
        </Link>
        <Title order={1} mt={4}>
          {t('documents.subjectTitle', subject)}
        </Title>
      </div>
      <ErrorAlert message={error} />

      <section aria-labelledby="daftar-persyaratan">
        <Title order={2} size="h3" id="daftar-persyaratan" mb="sm">
          {t('documents.requirementsTitle')}
        </Title>
        <RequirementChecklist
          requirements={data?.requirements ?? []}
          purpose={purposeNamed(purposes.data?.uploadPurposes, REQUIREMENT_PURPOSE)}
          threadUnread={threadUnread}
        />
      </section>

      <section aria-labelledby="daftar-dokumen">
        <Title order={2} size="h3" id="daftar-dokumen" mb="sm">
          {t('documents.documentsTitle')}
        </Title>
        {documents.length === 0 ? (
          <Text c="dimmed">{t('documents.noDocuments')}</Text>
        ) : (
          <TableScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" striped>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">{t('documents.columnTitle')}</TableTh>
                  <TableTh scope="col">{t('documents.columnOwner')}</TableTh>
                  <TableTh scope="col">{t('documents.columnConfidentiality')}</TableTh>
                  <TableTh scope="col">{t('documents.columnLatest')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {documents.map((document) => (
                  <TableTr key={document.id}>
                    <TableTd>
                      <Group gap="xs">
                        <Link
                          href={documentHref(document.id)}
                          style={{ ...LINK_STYLE, fontWeight: 600 }}
                        >
                          {document.title}
                        </Link>
                        {document.withdrawn ? (
                          <Badge color="gray.7" variant="filled" tt="none">
                            {t('documents.withdrawn')}
                          </Badge>
                        ) : null}
                      </Group>
                    </TableTd>
                    <TableTd>{document.organizationCode}</TableTd>
                    <TableTd>{t(`confidentiality.${document.confidentiality}`)}</TableTd>
                    <TableTd>
                      {t('documents.latestVersion', {
                        number: document.latestVersion.number,
                        date: format.dateTime(new Date(document.latestVersion.uploadedAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        }),
                      })}
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </section>
    </Stack>
  );
}

import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache, type ReactNode } from 'react';
import { requirePage } from '@/auth/page-guard';
import { VersionHistory } from '@/components/documents/version-history';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { LINK_STYLE, documentHref, subjectHref } from '@/documents/links';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const DocumentQuery = graphql(`
  query DocumentDetail($id: ID!) {
    document(id: $id) {
      id
      title
      organizationCode
      confidentiality
      createdAt
      viewerCanSign
      subject {
        type
        id
      }
      createdBy {
        name
        organizationCode
      }
      withdrawn {
        at
        reason
        by {
          name
          organizationCode
        }
      }
      versions {
        number
        ...DocumentVersionItem
      }
    }
  }
`);

type Params = Promise<{ id: string }>;

const loadDocument = cache((id: string) => runQuery(getClient(), DocumentQuery, { id }));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const { data } = await loadDocument(decodeURIComponent(id));
  return { title: data?.document?.title ?? decodeURIComponent(id) };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
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

export default async function DocumentPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  await requirePage(documentHref(id));
  const t = await getTranslations();
  const format = await getFormatter();
  const { data, error } = await loadDocument(id);
  if (error) return <ErrorAlert message={error} />;
  const document = data?.document;
  if (!document) notFound();
  return (
    <Stack gap="lg">
      <div>
        <Link href={subjectHref(document.subject)} style={LINK_STYLE}>
          ← {t('documents.subjectTitle', document.subject)}
        </Link>
        <Group gap="sm" mt={4}>
          <Title order={1}>{document.title}</Title>
          <Badge variant="light" tt="none" size="lg">
            {t(`confidentiality.${document.confidentiality}`)}
          </Badge>
        </Group>
      </div>
      {document.withdrawn ? (
        <Alert color="red" variant="light" title={t('documents.withdrawnTitle')}>
          {t('documents.withdrawnText', {
            date: format.dateTime(new Date(document.withdrawn.at), {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
            name: document.withdrawn.by.name ?? '—',
            reason: document.withdrawn.reason,
          })}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
          <Fact label={t('documents.columnOwner')}>{document.organizationCode}</Fact>
          <Fact label={t('documents.createdBy')}>
            {document.createdBy.name ?? '—'}
            {document.createdBy.organizationCode ? ` (${document.createdBy.organizationCode})` : ''}
          </Fact>
          <Fact label={t('documents.createdAt')}>
            {format.dateTime(new Date(document.createdAt), {
              dateStyle: 'medium',
              timeStyle: 'short',
            })}
          </Fact>
        </SimpleGrid>
      </Paper>
      <section aria-labelledby="riwayat-versi">
        <Title order={2} size="h3" id="riwayat-versi" mb="sm">
          {t('versions.title', { count: document.versions.length })}
        </Title>
        <VersionHistory
          documentId={document.id}
          versions={document.versions}
          canSign={document.viewerCanSign}
        />
      </section>
    </Stack>
  );
}

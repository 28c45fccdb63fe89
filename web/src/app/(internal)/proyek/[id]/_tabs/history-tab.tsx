import { Stack, Title } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { StageHistory } from '@/components/projects/stage-history';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const ProjectHistoryQuery = graphql(`
  query ProjectHistory($id: ID!) {
    loanProject(id: $id) {
      id
      createdAt
      createdBy {
        name
        organizationCode
      }
      history {
        transition
        from
        to
        at
        note
        actor {
          name
          organizationCode
        }
      }
    }
  }
`);

/** Riwayat: every stage move with who made it, when, and the note. */
export async function HistoryTab({ projectId }: { projectId: string }) {
  const t = await getTranslations('projects.history');
  const { data, error } = await runQuery(getClient(), ProjectHistoryQuery, { id: projectId });
  const project = data?.loanProject;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('title')}
      </Title>
      <ErrorAlert message={error} />
      {project ? (
        <StageHistory
          entries={project.history}
          created={{ at: project.createdAt, actor: project.createdBy }}
        />
      ) : null}
    </Stack>
  );
}

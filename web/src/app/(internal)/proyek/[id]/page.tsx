import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requirePage } from '@/auth/page-guard';
import { ErrorAlert } from '@/components/feedback/error-alert';
import { ThreadPanel } from '@/components/notifications/thread-panel';
import { DisbursementTab } from '@/components/projects/disbursement-tab';
import { formatRupiah } from '@/components/projects/format';
import { LinkButton } from '@/components/projects/link-button';
import { ProgressTab } from '@/components/projects/progress-tab';
import { ProjectTabs } from '@/components/projects/project-tabs';
import { projectHref, projectTabOf, type ProjectTab } from '@/components/projects/project-stage';
import { StageActions } from '@/components/projects/stage-actions';
import { StageBadge } from '@/components/projects/stage-badge';
import { LINK_STYLE } from '@/documents/links';
import { single, type SearchParams } from '@/navigation/search-params';
import { DocumentsTab } from './_tabs/documents-tab';
import { Fact, Facts } from '@/components/fact-list';
import { HistoryTab } from './_tabs/history-tab';
import { LocationsTab } from './_tabs/locations-tab';
import { SummaryTab } from './_tabs/summary-tab';
import { loadProjectHeader, loadProjectThread } from './project-data';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = decodeURIComponent((await params).id);
  const { project } = await loadProjectHeader(id);
  const t = await getTranslations('projects');
  return { title: project ? `${project.code} · ${project.name}` : t('title') };
}

/**
 * One loan project: its header with the stage moves the user may take, and seven tabs (Ringkasan,
 * Dokumen Persyaratan, Progres, Pencairan, Lokasi, Korespondensi, Riwayat) chosen with `?tab=`.
 */
export default async function ProjectPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const id = decodeURIComponent((await params).id);
  const user = await requirePage(projectHref(id));
  const tab = projectTabOf(single((await searchParams).tab));
  const t = await getTranslations('projects');
  const [header, thread] = await Promise.all([loadProjectHeader(id), loadProjectThread(id)]);
  if (header.forbidden) forbidden();
  const project = header.project;
  const back = (
    <Link href="/proyek" style={LINK_STYLE}>
      ← {t('back')}
    </Link>
  );
  if (!project) {
    if (!header.error) notFound();
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert message={header.error} />
      </Stack>
    );
  }

  const content: Record<ProjectTab, () => ReactNode> = {
    ringkasan: () => <SummaryTab header={project} user={user} />,
    dokumen: () => <DocumentsTab header={project} user={user} />,
    progres: () => <ProgressTab projectId={project.id} />,
    pencairan: () => <DisbursementTab projectId={project.id} />,
    lokasi: () => <LocationsTab header={project} />,
    korespondensi: () =>
      thread ? (
        <ThreadPanel
          threadId={thread.id}
          title={t('correspondenceTitle', { code: project.code })}
        />
      ) : (
        // Not known (yet) through LoanProject.thread: the panel looks the subject up itself.
        <ThreadPanel
          subjectType="LoanProject"
          subjectId={project.id}
          title={t('correspondenceTitle', { code: project.code })}
        />
      ),
    riwayat: () => <HistoryTab projectId={project.id} />,
  };
  const edits = project.viewerCanEdit || project.viewerCanEditTechnical;

  return (
    <Stack gap="lg">
      <div>
        {back}
        <Paper withBorder p="md" mt="xs" component="header" aria-labelledby="judul-proyek">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div style={{ minWidth: 0, flex: '1 1 24rem' }}>
                <Group gap="xs" wrap="wrap">
                  <Text ff="monospace" fw={700} c="dimmed" data-testid="kode-proyek">
                    {project.code}
                  </Text>
                  <StageBadge stage={project.stage} />
                  {project.behindPlan ? (
                    <Badge color="#c92a2a" variant="filled" tt="none">
                      {t('behindPlan')}
                    </Badge>
                  ) : null}
                </Group>
                <Title order={1} id="judul-proyek" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {project.name}
                </Title>
              </div>
              {edits ? (
                <LinkButton href={`${projectHref(project.id)}/ubah`} variant="light">
                  {project.viewerCanEdit ? t('edit') : t('editTechnical')}
                </LinkButton>
              ) : null}
            </Group>
            <Facts cols={4}>
              <Fact label={t('organization')}>
                {project.organizationName} ({project.organizationCode})
              </Fact>
              <Fact label={t('lender')}>
                {project.lenderName} ({project.lenderOrganizationCode})
              </Fact>
              <Fact label={t('amount')}>{formatRupiah(project.amount)}</Fact>
              <Fact label={t('fiscalYear')}>{project.fiscalYear}</Fact>
            </Facts>
            <StageActions
              projectId={project.id}
              projectName={project.name}
              actions={project.availableActions}
            />
          </Stack>
        </Paper>
      </div>

      <ProjectTabs
        projectId={project.id}
        active={tab}
        badges={{
          dokumen: { count: project.requirementSummary.revisionRequested, kind: 'attention' },
          korespondensi: { count: thread?.unreadCount ?? 0, kind: 'unread' },
        }}
      >
        {content[tab]()}
      </ProjectTabs>
    </Stack>
  );
}

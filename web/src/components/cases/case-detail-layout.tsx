import { Grid, GridCol, Group, Paper, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ThreadPanel } from '@/components/notifications/thread-panel';
import { LINK_STYLE } from '@/documents/links';
import type { FragmentType } from '@/gql';
import type { CaseFlow } from '@/gql/graphql';
import { CaseActions } from './case-actions';
import type { ActionTextField } from './case-action-specs';
import { CaseAttachments } from './case-attachments';
import { CaseClock, type ClockView } from './case-clock';
import { CASE_BASE_PATHS } from './case-flow';
import { CaseHistory } from './case-history';
import type {
  CaseActionFragment,
  CaseAttachmentFragment,
  CaseHistoryFragment,
} from './case-operations';
import { CaseStatusBadge } from './case-status-badge';

export interface CaseDetailView {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  revision: number;
  clock: ClockView;
  actions: readonly FragmentType<typeof CaseActionFragment>[];
  history: readonly FragmentType<typeof CaseHistoryFragment>[];
  attachments: readonly FragmentType<typeof CaseAttachmentFragment>[];
  thread: { type: string; id: string };
  submittedAt: string;
}

/**
 * One case of any flow: the header with number, status, title, the flow's facts, the service
 * clock and the steps the user may take; then the flow's own sections, the attachments and the
 * correspondence thread beside the history.
 */
export async function CaseDetailLayout({
  flow,
  view,
  title,
  facts,
  drafts,
  attachmentsTitle,
  submittedBy,
  children,
}: {
  flow: CaseFlow;
  view: CaseDetailView;
  title: string;
  facts: ReactNode;
  drafts?: Partial<Record<ActionTextField, string | null>>;
  /** Heading of the attachments ("Bukti" for a citizen's evidence). */
  attachmentsTitle?: string;
  /** Who filed the case (null: a citizen). */
  submittedBy: string | null;
  /** The flow's own sections (detail, answer, result…). */
  children: ReactNode;
}) {
  const t = await getTranslations('cases.detail');
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Link href={CASE_BASE_PATHS[flow]} style={LINK_STYLE}>
          ← {t(`back.${flow}`)}
        </Link>
        <Paper withBorder p="md" mt="xs" component="header" aria-labelledby="judul-kasus">
          <Stack gap="sm">
            <Group gap="xs" wrap="wrap">
              <Text ff="monospace" fw={700} c="dimmed" data-testid="nomor-kasus">
                {view.number}
              </Text>
              <span data-testid="status-kasus">
                <CaseStatusBadge flow={flow} status={view.status} label={view.statusLabel} />
              </span>
            </Group>
            <Title order={1} id="judul-kasus" size="h2" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {facts}
            <section aria-label={t('clock')}>
              <CaseClock clock={view.clock} />
            </section>
            <CaseActions
              flow={flow}
              caseId={view.id}
              revision={view.revision}
              actions={view.actions}
              drafts={drafts}
            />
          </Stack>
        </Paper>
      </div>

      <Grid gap="lg">
        <GridCol span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {children}
            <section aria-labelledby="lampiran-kasus-judul">
              <Title order={2} size="h3" id="lampiran-kasus-judul" mb="sm">
                {attachmentsTitle ?? t('attachments')}
              </Title>
              <CaseAttachments attachments={view.attachments} />
            </section>
            <ThreadPanel
              subjectType={view.thread.type}
              subjectId={view.thread.id}
              title={t('thread')}
            />
          </Stack>
        </GridCol>
        <GridCol span={{ base: 12, md: 4 }}>
          <section aria-labelledby="riwayat-kasus-judul">
            <Title order={2} size="h3" id="riwayat-kasus-judul" mb="sm">
              {t('history')}
            </Title>
            <CaseHistory
              entries={view.history}
              submitted={{ at: view.submittedAt, by: submittedBy }}
            />
          </section>
        </GridCol>
      </Grid>
    </Stack>
  );
}

/** A titled block of text of a case (the detail, the answer, the result…). */
export function CaseSection({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <Paper withBorder p="md" data-testid={testId}>
        {children}
      </Paper>
    </section>
  );
}

/** Multi-line text as the user wrote it. */
export function CaseText({ children }: { children: ReactNode }) {
  return <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{children}</Text>;
}

'use client';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ThreadDrawerButton } from '@/components/notifications/thread-drawer-button';
import { REQUIREMENT_STATUS_COLORS } from '@/components/status-colors';
import { getFragmentData, type FragmentType } from '@/gql';
import type { RequirementItemFragment as RequirementItem } from '@/gql/graphql';
import {
  actionKind,
  groupRequirements,
  type ActionKind,
  type RequirementStatusName,
} from '@/documents/requirement-actions';
import { documentHref, subjectHref } from '@/documents/links';
import type { UploadPurposeLimits } from '@/documents/upload-precheck';
import { RequirementItemFragment } from './document-operations';
import { RequirementActionModal } from './requirement-action-modal';
import styles from './documents.module.css';

interface Props {
  requirements: readonly FragmentType<typeof RequirementItemFragment>[];
  /** Upload purpose of requirement documents; null hides uploading. */
  purpose: UploadPurposeLimits | null;
  /** Show which subject each requirement belongs to (lists across subjects). */
  showSubject?: boolean;
  /**
   * Unread messages of each requirement's correspondence, by requirement id; when given, every
   * card offers its thread ("Korespondensi"), also for requirements missing from the map.
   */
  threadUnread?: Readonly<Record<string, number>>;
}

type OpenAction = {
  requirement: { id: string; title: string };
  action: { kind: ActionKind; label: string; requiresNote: boolean };
} | null;

/** A date-only value ("2026-03-01") or an instant, shown in the Pemda's time zone. */
function useDateText() {
  const format = useFormatter();
  return (value: string, withTime = false) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return format.dateTime(
      date,
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
  };
}

function StatusBadge({ status }: { status: RequirementStatusName }) {
  const t = useTranslations('requirementStatus');
  return (
    <Badge
      color={REQUIREMENT_STATUS_COLORS[status]}
      variant="filled"
      tt="none"
      data-status={status}
    >
      {t(status)}
    </Badge>
  );
}

function RequirementCard({
  requirement,
  showSubject,
  canUpload,
  threadUnread,
  onAction,
}: {
  requirement: RequirementItem;
  showSubject: boolean;
  canUpload: boolean;
  /** Unread messages of the requirement's thread; undefined hides the thread button. */
  threadUnread: number | undefined;
  onAction: (open: OpenAction) => void;
}) {
  const t = useTranslations('requirements');
  const common = useTranslations('common');
  const statusText = useTranslations('requirementStatus');
  const dateText = useDateText();
  // The newest submitted version, from the history (keeps the list query within the gateway's cost limit).
  const latest = Math.max(0, ...requirement.history.map((entry) => entry.documentVersion ?? 0));
  const actions = requirement.availableActions
    .map((action) => ({ action, kind: actionKind(action) }))
    .filter(
      (entry): entry is { action: (typeof entry)['action']; kind: ActionKind } =>
        entry.kind !== null && (entry.kind !== 'submit' || canUpload),
    );
  const transitionLabel = (entry: RequirementItem['history'][number]) => {
    const known = ['submit', 'forward', 'approve', 'requestRevision', 'waive'] as const;
    const name = known.find((candidate) => candidate === entry.transition);
    return name ? t(`transition.${name}`) : statusText(entry.to as RequirementStatusName);
  };
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={`persyaratan-${requirement.id}`}
      data-requirement-id={requirement.id}
      data-status={requirement.status}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={3} size="h4" id={`persyaratan-${requirement.id}`}>
            {requirement.title}
          </Title>
          {requirement.description ? (
            <Text size="sm" c="dimmed" mt={2}>
              {requirement.description}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          <StatusBadge status={requirement.status} />
          {requirement.overdue ? (
            <Badge color="#c92a2a" variant="filled" tt="none">
              {t('overdue')}
            </Badge>
          ) : null}
        </Group>
      </Group>

      <dl className={styles.facts}>
        {showSubject ? (
          <>
            <dt>{t('subject')}</dt>
            <dd>
              <Link href={subjectHref(requirement.subject)}>
                {requirement.subject.type} · {requirement.subject.id}
              </Link>
            </dd>
          </>
        ) : null}
        {requirement.dueDate ? (
          <>
            <dt>{t('dueDate')}</dt>
            <dd>{dateText(requirement.dueDate)}</dd>
          </>
        ) : null}
        <dt>{t('uploader')}</dt>
        <dd>{requirement.uploaderOrganizationCode}</dd>
        <dt>{t('reviewers')}</dt>
        <dd>
          {requirement.reviewerOrganizationCodes.map((code, index) => (
            <span key={code}>
              {index > 0 ? ' → ' : ''}
              {code === requirement.currentReviewerOrganizationCode ? (
                <strong>{code}</strong>
              ) : (
                code
              )}
            </span>
          ))}
          {requirement.currentReviewerOrganizationCode ? (
            <Text span size="sm" c="dimmed">
              {' '}
              ({t('currentReviewer', { code: requirement.currentReviewerOrganizationCode })})
            </Text>
          ) : null}
        </dd>
        {requirement.document && latest > 0 ? (
          <>
            <dt>{t('document')}</dt>
            <dd>
              <Link href={documentHref(requirement.document.id)}>
                {t('versions', { number: latest })}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      {actions.some(({ action }) => !action.blockedReason) || threadUnread !== undefined ? (
        <Group gap="xs" mt="sm">
          {actions
            .filter(({ action }) => !action.blockedReason)
            .map(({ action, kind }) => (
              <Button
                key={action.name}
                size="xs"
                variant={kind === 'submit' || kind === 'approve' ? 'filled' : 'light'}
                color={
                  kind === 'requestRevision'
                    ? REQUIREMENT_STATUS_COLORS.REVISION_REQUESTED
                    : undefined
                }
                onClick={() =>
                  onAction({
                    requirement: { id: requirement.id, title: requirement.title },
                    action: { kind, label: t(`action.${kind}`), requiresNote: action.requiresNote },
                  })
                }
              >
                {t(`action.${kind}`)}
              </Button>
            ))}
          {threadUnread !== undefined ? (
            <ThreadDrawerButton
              subjectType="DocumentRequirement"
              subjectId={requirement.id}
              title={requirement.title}
              unreadCount={threadUnread}
            />
          ) : null}
        </Group>
      ) : null}
      {actions
        .filter(({ action }) => action.blockedReason)
        .map(({ action, kind }) => (
          <Text key={action.name} size="xs" c="dimmed" mt={4}>
            {t('action.blocked', {
              action: t(`action.${kind}`),
              reason: action.blockedReason ?? '',
            })}
          </Text>
        ))}

      {requirement.history.length ? (
        <details className={styles.history}>
          <summary>{t('history', { count: requirement.history.length })}</summary>
          <ol>
            {requirement.history.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <Text size="sm">
                  <strong>{transitionLabel(entry)}</strong>
                  {entry.documentVersion
                    ? ` · ${t('version', { number: entry.documentVersion })}`
                    : ''}
                  {' · '}
                  {entry.actor.name ?? common('none')}
                  {entry.actor.organizationCode ? ` (${entry.actor.organizationCode})` : ''}
                  {' · '}
                  {dateText(entry.at, true)}
                </Text>
                {entry.note ? <blockquote className={styles.note}>{entry.note}</blockquote> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </Card>
  );
}

/**
 * Checklist of document requirements (persyaratan dokumen), grouped by stage or tranche, with
 * coloured status badges, due dates and the actions the server allows the user right now.
 */
export function RequirementChecklist({
  requirements,
  purpose,
  showSubject = false,
  threadUnread,
}: Props) {
  const t = useTranslations('requirements');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [open, setOpen] = useState<OpenAction>(null);
  const items = getFragmentData(RequirementItemFragment, requirements);
  if (items.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Stack gap="lg">
      {groupRequirements(items).map(({ group, items: groupItems }) => (
        <section key={group ?? ''} aria-label={group ?? t('ungrouped')}>
          {group ? (
            <Title order={2} size="h3" mb="xs">
              {group}
            </Title>
          ) : null}
          <Stack gap="sm">
            {groupItems.map((requirement) => (
              <RequirementCard
                key={requirement.id}
                requirement={requirement}
                showSubject={showSubject}
                canUpload={purpose !== null}
                threadUnread={threadUnread ? (threadUnread[requirement.id] ?? 0) : undefined}
                onAction={setOpen}
              />
            ))}
          </Stack>
        </section>
      ))}
      {open ? (
        <RequirementActionModal
          requirement={open.requirement}
          action={open.action}
          purpose={purpose}
          onClose={() => setOpen(null)}
          onDone={() => startTransition(() => router.refresh())}
        />
      ) : null}
    </Stack>
  );
}

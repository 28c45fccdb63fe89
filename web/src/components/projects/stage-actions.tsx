'use client';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import type { LoanProjectStage } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { TransitionLoanProjectMutation } from './project-operations';

export interface StageAction {
  name: string;
  label: string;
  to: LoanProjectStage;
  requiresNote: boolean;
  blockedReason: string | null;
}

interface Props {
  projectId: string;
  projectName: string;
  actions: readonly StageAction[];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The stage moves the service offers the user now (`availableActions`): a button each, disabled
 * with the reason when a guard blocks it, and a confirmation dialog taking a note (required when
 * the move asks for one, e.g. cancelling).
 */
export function StageActions({ projectId, projectName, actions }: Props) {
  const t = useTranslations('projects.actions');
  const stages = useTranslations('projects.stage');
  const common = useTranslations('common');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, transition] = useMutation(TransitionLoanProjectMutation);
  const [open, setOpen] = useState<StageAction | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const reasonsId = useId();

  const labelOf = (action: StageAction) => {
    const key = `name.${action.name}` as 'name.submitProposal';
    return t.has(key) ? t(key) : capitalize(action.label);
  };

  function start(action: StageAction) {
    setOpen(action);
    setNote('');
    setNoteError(null);
    setServerError(null);
  }

  async function confirm() {
    if (!open) return;
    const text = note.trim();
    if (open.requiresNote && !text) {
      setNoteError(t('noteRequired'));
      return;
    }
    setSaving(true);
    setServerError(null);
    const result = await transition({ id: projectId, transition: open.name, note: text || null });
    setSaving(false);
    const message = errorMessage(result.error);
    if (message) {
      setServerError(message);
      return;
    }
    notifications.show({
      color: 'green',
      message: t('done', { stage: stages(result.data?.transitionLoanProject.stage ?? open.to) }),
    });
    setOpen(null);
    startTransition(() => router.refresh());
  }

  if (actions.length === 0) return null;
  const blocked = actions.filter((action) => action.blockedReason);
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap" aria-label={t('title')} role="group">
        {actions.map((action) => {
          const label = labelOf(action);
          const danger = action.to === 'CANCELLED';
          const button = (
            <Button
              key={action.name}
              size="sm"
              variant={danger ? 'outline' : 'filled'}
              color={danger ? 'red.8' : undefined}
              disabled={Boolean(action.blockedReason)}
              aria-describedby={action.blockedReason ? reasonsId : undefined}
              data-action={action.name}
              onClick={() => start(action)}
            >
              {label}
            </Button>
          );
          return action.blockedReason ? (
            <Tooltip key={action.name} label={capitalize(action.blockedReason)} multiline w={280}>
              {/* A disabled button fires no pointer events; the wrapper shows the reason. */}
              <span>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Group>
      {blocked.length ? (
        <List size="sm" id={reasonsId} c="dimmed" spacing={2}>
          {blocked.map((action) => (
            <List.Item key={action.name} data-blocked-action={action.name}>
              {t('blocked', {
                action: labelOf(action),
                reason: action.blockedReason ?? '',
              })}
            </List.Item>
          ))}
        </List>
      ) : null}

      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? labelOf(open) : ''}
        size="lg"
      >
        {open ? (
          <Stack gap="sm">
            {serverError ? (
              <Alert color="red" variant="light" role="alert">
                {serverError}
              </Alert>
            ) : null}
            <Text size="sm">{t('confirm', { project: projectName, stage: stages(open.to) })}</Text>
            <Textarea
              label={open.requiresNote ? t('noteRequiredLabel') : t('note')}
              required={open.requiresNote}
              value={note}
              error={noteError}
              maxLength={2000}
              autosize
              minRows={3}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setNoteError(null);
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)} disabled={saving}>
                {common('cancel')}
              </Button>
              <Button
                loading={saving}
                color={open.to === 'CANCELLED' ? 'red.8' : undefined}
                onClick={() => void confirm()}
              >
                {labelOf(open)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

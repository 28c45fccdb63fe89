'use client';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useClient } from '@urql/next';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { portalPath } from '@/components/notifications/live-notification';
import { LINK_STYLE } from '@/documents/links';
import { errorMessage } from '@/graphql/error-message';
import { AcknowledgeDashboardAlertMutation, DashboardAlertsQuery } from './dashboard-operations';
import { withAcknowledged, type DashboardAlertItem } from './dashboard-view';

/** How many alerts the "with followed up" view reads. */
const ALL_ALERTS = 50;
const MAX_NOTE = 1000;

/** The insights service's severities (TINGGI, SEDANG); anything else shows blue. */
const SEVERITY_COLORS: Record<string, string> = {
  TINGGI: 'red.9',
  SEDANG: 'orange.9',
};

/**
 * The dashboard's alerts (a project behind plan, an IKM that fell a grade, an overdue complaint),
 * each marked "followed up" by a leader with an optional note. The followed-up ones can be shown
 * too, read from `dashboardAlerts`.
 */
export function AlertList({
  alerts,
  onAcknowledged,
}: {
  alerts: readonly DashboardAlertItem[];
  onAcknowledged: () => void;
}) {
  const t = useTranslations('leaderDashboard.alerts');
  const common = useTranslations('common');
  const format = useFormatter();
  const client = useClient();
  const [all, setAll] = useState<DashboardAlertItem[] | null>(null);
  const [loadingAll, setLoadingAll] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState<DashboardAlertItem[]>([]);
  const [open, setOpen] = useState<DashboardAlertItem | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // Acknowledged here stay visible (marked) until the next refresh replaces the list.
  const shown = acknowledged.reduce(
    (list, item) => withAcknowledged(list, item),
    [...(all ?? alerts)],
  );
  const time = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  async function toggleAll(checked: boolean) {
    setListError(null);
    if (!checked) {
      setAll(null);
      return;
    }
    setLoadingAll(true);
    const result = await client
      .query(
        DashboardAlertsQuery,
        { includeAcknowledged: true, first: ALL_ALERTS },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoadingAll(false);
    if (result.data) setAll(result.data.dashboardAlerts);
    else setListError(errorMessage(result.error));
  }

  async function confirm() {
    if (!open) return;
    setSaving(true);
    setSaveError(null);
    const result = await client
      .mutation(AcknowledgeDashboardAlertMutation, { id: open.id, note: note.trim() || null })
      .toPromise();
    setSaving(false);
    const done = result.data?.acknowledgeDashboardAlert;
    if (!done) {
      setSaveError(errorMessage(result.error));
      return;
    }
    setAcknowledged((list) => [
      ...list.filter((item) => item.id !== done.id),
      { ...open, ...done },
    ]);
    setOpen(null);
    setNote('');
    notifications.show({ color: 'green', message: t('done') });
    onAcknowledged();
  }

  return (
    <section aria-labelledby="dasbor-peringatan" data-testid="dasbor-peringatan">
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="dasbor-peringatan">
          {t('title')}
        </Title>
        <Checkbox
          label={t('showAcknowledged')}
          checked={all !== null}
          disabled={loadingAll}
          onChange={(event) => void toggleAll(event.currentTarget.checked)}
        />
      </Group>
      {listError ? (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {listError}
        </Alert>
      ) : null}
      {shown.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((alert) => {
            const href = portalPath(alert.href);
            return (
              <Paper
                key={alert.id}
                component="li"
                withBorder
                p="sm"
                data-alert-id={alert.id}
                data-acknowledged={alert.acknowledgedAt ? 'true' : 'false'}
              >
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ flex: '1 1 320px' }}>
                    <Group gap="xs">
                      <Badge
                        color={SEVERITY_COLORS[alert.severity.toUpperCase()] ?? 'blue.8'}
                        variant="light"
                        tt="none"
                      >
                        {t(`kind.${alert.kind}`)}
                      </Badge>
                      <Text fw={600}>{alert.title}</Text>
                    </Group>
                    <Text size="sm">{alert.detail}</Text>
                    <Text size="xs" c="dimmed">
                      {t('raisedAt', { time: time(alert.raisedAt) })}
                      {alert.reference ? ` · ${alert.reference}` : ''}
                    </Text>
                    {alert.acknowledgedAt ? (
                      <Text size="xs" c="green.9">
                        {alert.acknowledgedBy
                          ? t('acknowledgedBy', {
                              time: time(alert.acknowledgedAt),
                              name: alert.acknowledgedBy,
                            })
                          : t('acknowledged', { time: time(alert.acknowledgedAt) })}
                        {alert.note ? ` — ${alert.note}` : ''}
                      </Text>
                    ) : null}
                  </Stack>
                  <Group gap="sm">
                    {href ? (
                      <Link href={href} style={LINK_STYLE}>
                        {t('open')}
                      </Link>
                    ) : null}
                    {alert.acknowledgedAt ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => {
                          setSaveError(null);
                          setNote('');
                          setOpen(alert);
                        }}
                      >
                        {t('acknowledge')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}

      <Modal
        opened={open !== null}
        onClose={() => (saving ? undefined : setOpen(null))}
        title={t('acknowledge')}
      >
        {open ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void confirm();
            }}
          >
            <Stack gap="sm">
              {saveError ? (
                <Alert color="red" variant="light" role="alert">
                  {saveError}
                </Alert>
              ) : null}
              <Text size="sm" fw={600}>
                {open.title}
              </Text>
              <Textarea
                label={t('note')}
                description={t('noteHint')}
                autosize
                minRows={3}
                maxLength={MAX_NOTE}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)} disabled={saving}>
                  {common('cancel')}
                </Button>
                <Button type="submit" loading={saving}>
                  {t('acknowledge')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </section>
  );
}

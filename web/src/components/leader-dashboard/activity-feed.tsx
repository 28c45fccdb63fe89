'use client';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { portalPath } from '@/components/notifications/live-notification';
import { LINK_STYLE } from '@/documents/links';
import type { Dashboard } from './dashboard-view';

/** The newest events of every module (new complaints, approved requirements, progress reports). */
export function ActivityFeed({ activity }: { activity: Dashboard['activity'] }) {
  const t = useTranslations('leaderDashboard.activity');
  const format = useFormatter();
  return (
    <section aria-labelledby="dasbor-kegiatan">
      <Title order={2} size="h3" id="dasbor-kegiatan" mb="sm">
        {t('title')}
      </Title>
      {activity.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap={6}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          data-testid="kegiatan-terbaru"
        >
          {activity.map((item) => {
            const href = portalPath(item.href);
            return (
              <li key={item.id} data-activity-id={item.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge variant="light" color="gray" tt="none" style={{ flex: 'none' }}>
                    {item.module}
                  </Badge>
                  <Text size="sm" style={{ minWidth: 0 }}>
                    {href ? (
                      <Link href={href} style={LINK_STYLE}>
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}{' '}
                    <Text span size="xs" c="dimmed">
                      {item.organizationCode ? `${item.organizationCode} · ` : ''}
                      <time dateTime={item.occurredAt}>
                        {format.dateTime(new Date(item.occurredAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        })}
                      </time>
                    </Text>
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </section>
  );
}

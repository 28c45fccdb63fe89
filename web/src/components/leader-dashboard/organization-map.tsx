'use client';
import { Box, Group, Text } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import { PointMap, type MapMarker } from '@/components/maps/point-map';
import { assessmentHref, formatScore, gradeColor, type MapEntry } from './dashboard-view';

const LEGEND_GRADES = ['A', 'B', 'C', 'D'] as const;

const withGrade = (score: number | null | undefined, grade: string | null | undefined) =>
  `${formatScore(score)}${grade ? ` (${grade})` : ''}`;

/**
 * Organizations' offices on the map, each point coloured by its performance grade, its popup
 * giving IKM and score with a link to the assessment. The same points follow as a list for screen
 * readers and keyboard users.
 */
export function OrganizationMap({
  points,
  periodKey,
  height = 380,
}: {
  points: readonly MapEntry[];
  periodKey: string;
  height?: number;
}) {
  const t = useTranslations('leaderDashboard.map');
  const listId = useId();
  const markers = useMemo(
    () =>
      points.map((point): MapMarker => ({
        latitude: point.latitude,
        longitude: point.longitude,
        title: point.organizationName,
        fillColor: gradeColor(point.grade),
        radius: 10,
        lines: [
          `${t('ikm')}: ${withGrade(point.ikm, point.ikmGrade)}`,
          `${t('score')}: ${withGrade(point.score, point.grade)}`,
        ],
        link: { href: assessmentHref(point.organizationCode, periodKey), label: t('open') },
      })),
    [points, periodKey, t],
  );

  return (
    <Box>
      <PointMap
        markers={markers}
        label={t('label')}
        describedBy={listId}
        testId="peta-organisasi"
        height={height}
        maxZoom={15}
      />
      <Group gap="md" mt="xs" aria-label={t('legend')} role="list">
        {[...LEGEND_GRADES, null].map((grade) => (
          <Group key={grade ?? 'none'} gap={6} role="listitem" wrap="nowrap">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                borderRadius: '50%',
                background: gradeColor(grade),
              }}
            />
            <Text size="xs">{grade ?? t('noGrade')}</Text>
          </Group>
        ))}
      </Group>
      <Text size="sm" fw={600} id={listId} mt="xs">
        {points.length ? t('listTitle', { count: points.length }) : t('empty')}
      </Text>
      {points.length ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.25rem' }}>
          {points.map((point) => (
            <li key={point.organizationCode}>
              <Text size="sm" span>
                {point.organizationName} — {t('score')} {withGrade(point.score, point.grade)},{' '}
                {t('ikm')} {withGrade(point.ikm, point.ikmGrade)}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Box>
  );
}

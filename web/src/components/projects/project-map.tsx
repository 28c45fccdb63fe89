'use client';
import { Anchor, Box, Text } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import {
  HAS_BASEMAP,
  PointMap,
  type MapMarker,
  type MapOutline,
} from '@/components/maps/point-map';

export interface ProjectMapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  href?: string;
  kind?: 'project' | 'photo';
}

interface Props {
  points: ProjectMapPoint[];
  outlines?: MapOutline[];
  height?: number;
}

/** Project points blue, progress photos orange; both dark enough to read on a blank map. */
const MARKER_STYLE = {
  project: { fillColor: '#1864ab', radius: 9 },
  photo: { fillColor: '#a33a00', radius: 7 },
} as const;

const coordinate = (value: number) =>
  value.toLocaleString('id-ID', { minimumFractionDigits: 4, maximumFractionDigits: 6 });

/**
 * Locations of loan projects (and the GPS points of progress photos) on a map, areas outlined.
 * The same points follow as a list for screen readers and keyboard users.
 */
export function ProjectMap({ points, outlines, height = 360 }: Props) {
  const t = useTranslations('projects.map');
  const listId = useId();
  const openLabel = t('open');
  const markers = useMemo(
    () =>
      points.map((point): MapMarker => ({
        latitude: point.latitude,
        longitude: point.longitude,
        title: point.label,
        ...MARKER_STYLE[point.kind ?? 'project'],
        link: point.href ? { href: point.href, label: openLabel } : undefined,
      })),
    [points, openLabel],
  );

  return (
    <Box>
      <PointMap
        markers={markers}
        outlines={outlines}
        label={t('label')}
        describedBy={listId}
        testId="peta-proyek"
        height={height}
        maxZoom={16}
      />
      {!HAS_BASEMAP ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('noBasemap')}
        </Text>
      ) : null}
      <Box component="section" mt="sm" aria-label={t('listLabel')}>
        <Text size="sm" fw={600} id={listId}>
          {points.length ? t('listTitle', { count: points.length }) : t('empty')}
        </Text>
        {points.length ? (
          <ul
            style={{ margin: '4px 0 0', paddingInlineStart: '1.25rem' }}
            data-testid="daftar-titik-peta"
          >
            {points.map((point) => (
              <li key={point.id} data-point-id={point.id} data-kind={point.kind ?? 'project'}>
                <Text size="sm" span>
                  {point.href ? (
                    <Anchor href={point.href} size="sm" c="blue.8">
                      {point.label}
                    </Anchor>
                  ) : (
                    point.label
                  )}{' '}
                  <Text span size="xs" c="dimmed">
                    ({point.kind === 'photo' ? t('photo') : t('location')}:{' '}
                    {coordinate(point.latitude)}, {coordinate(point.longitude)})
                  </Text>
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </Box>
    </Box>
  );
}

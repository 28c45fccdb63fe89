'use client';
import 'leaflet/dist/leaflet.css';
import { Box, Group, Text } from '@mantine/core';
import type * as Leaflet from 'leaflet';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { DEFAULT_CENTER } from '@/components/projects/project-map';
import { assessmentHref, formatScore, gradeColor, type MapEntry } from './dashboard-view';

/** Basemap tiles as the project map reads them (inlined at build time); empty: no basemap. */
const TILE_URL = process.env.NEXT_PUBLIC_MAP_TILE_URL ?? '';
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_MAP_TILE_ATTRIBUTION ?? '';

const LEGEND_GRADES = ['A', 'B', 'C', 'D'] as const;

interface Labels {
  ikm: string;
  score: string;
  open: string;
  zoomIn: string;
  zoomOut: string;
}

function line(label: string, value: string): HTMLElement {
  const row = document.createElement('div');
  row.textContent = `${label}: ${value}`;
  return row;
}

function popupContent(point: MapEntry, periodKey: string, labels: Labels): HTMLElement {
  // Built from DOM nodes, never HTML strings: names are data.
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = point.organizationName;
  box.append(title);
  const grade = (value: string | null | undefined) => (value ? ` (${value})` : '');
  box.append(line(labels.ikm, `${formatScore(point.ikm)}${grade(point.ikmGrade)}`));
  box.append(line(labels.score, `${formatScore(point.score)}${grade(point.grade)}`));
  const link = document.createElement('a');
  link.href = assessmentHref(point.organizationCode, periodKey);
  link.textContent = labels.open;
  link.style.display = 'block';
  link.style.marginTop = '4px';
  box.append(link);
  return box;
}

/**
 * Organizations' offices on a Leaflet map (the project map's library), each point coloured by its
 * performance grade, its popup giving IKM and score with a link to the assessment. The same
 * points follow as a list for screen readers and keyboard users.
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
  const tMap = useTranslations('projects.map');
  const container = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [failed, setFailed] = useState(false);
  // Live refreshes bring new arrays with the same content: redraw only on a real change.
  const key = useMemo(() => JSON.stringify({ points, periodKey }), [points, periodKey]);
  const labels = useMemo<Labels>(
    () => ({
      ikm: t('ikm'),
      score: t('score'),
      open: t('open'),
      zoomIn: tMap('zoomIn'),
      zoomOut: tMap('zoomOut'),
    }),
    [t, tMap],
  );

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const shown = JSON.parse(key) as { points: MapEntry[]; periodKey: string };
    let map: Leaflet.Map | null = null;
    let disposed = false;
    import('leaflet')
      .then((module) => {
        if (disposed) return;
        const L = ((module as { default?: typeof Leaflet }).default ?? module) as typeof Leaflet;
        map = L.map(element, {
          center: DEFAULT_CENTER,
          zoom: 12,
          scrollWheelZoom: false,
          zoomControl: false,
          attributionControl: Boolean(TILE_URL),
        });
        L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
        if (TILE_URL) {
          L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(map);
        }
        const bounds: [number, number][] = [];
        for (const point of shown.points) {
          L.circleMarker([point.latitude, point.longitude], {
            color: '#ffffff',
            fillColor: gradeColor(point.grade),
            radius: 10,
            weight: 2,
            fillOpacity: 0.95,
          })
            .bindPopup(popupContent(point, shown.periodKey, labels))
            .bindTooltip(point.organizationName)
            .addTo(map);
          bounds.push([point.latitude, point.longitude]);
        }
        if (bounds.length === 1) map.setView(bounds[0] ?? DEFAULT_CENTER, 15);
        else if (bounds.length > 1)
          map.fitBounds(L.latLngBounds(bounds), { padding: [32, 32], maxZoom: 15 });
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [key, labels]);

  return (
    <Box>
      <div
        ref={container}
        role="region"
        aria-label={t('label')}
        aria-describedby={listId}
        data-testid="peta-organisasi"
        data-points={points.length}
        style={{
          height,
          width: '100%',
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-gray-4)',
          // Without a basemap, a light background keeps the markers visible.
          background: '#eef3f8',
          zIndex: 0,
          position: 'relative',
        }}
      />
      {failed ? (
        <Text size="sm" c="red.8" mt={4} role="alert">
          {tMap('failed')}
        </Text>
      ) : null}
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
                {point.organizationName} — {t('score')} {formatScore(point.score)}
                {point.grade ? ` (${point.grade})` : ''}, {t('ikm')} {formatScore(point.ikm)}
                {point.ikmGrade ? ` (${point.ikmGrade})` : ''}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Box>
  );
}

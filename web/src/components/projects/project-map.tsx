'use client';
import 'leaflet/dist/leaflet.css';
import { Anchor, Box, Text } from '@mantine/core';
import type * as Leaflet from 'leaflet';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';

export interface ProjectMapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  href?: string;
  kind?: 'project' | 'photo';
}

export interface ProjectMapOutline {
  id: string;
  points: { lng: number; lat: number }[];
}

interface Props {
  points: ProjectMapPoint[];
  outlines?: ProjectMapOutline[];
  height?: number;
}

/** Kota Jambi, where the Pemda sits: the map's centre before there is anything to show. */
export const DEFAULT_CENTER: [number, number] = [-1.61, 103.61];
const DEFAULT_ZOOM = 12;

/**
 * Basemap tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; empty means no basemap
 * (markers still render: they are vector circles, not images). Inlined at build time.
 */
const TILE_URL = process.env.NEXT_PUBLIC_MAP_TILE_URL ?? '';
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_MAP_TILE_ATTRIBUTION ?? '';

/** Project points blue, progress photos orange; both dark enough to read on a blank map. */
const MARKER_STYLE = {
  project: { color: '#ffffff', fillColor: '#1864ab', radius: 9 },
  photo: { color: '#ffffff', fillColor: '#a33a00', radius: 7 },
} as const;

function popupContent(point: ProjectMapPoint, openLabel: string): HTMLElement {
  // Built from DOM nodes, never HTML strings: labels are user text.
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = point.label;
  box.append(title);
  if (point.href) {
    const link = document.createElement('a');
    link.href = point.href;
    link.textContent = openLabel;
    link.style.display = 'block';
    link.style.marginTop = '4px';
    box.append(link);
  }
  return box;
}

const coordinate = (value: number) =>
  value.toLocaleString('id-ID', { minimumFractionDigits: 4, maximumFractionDigits: 6 });

/**
 * Locations of loan projects (and the GPS points of progress photos) on a Leaflet map. Leaflet
 * is loaded in the browser only; without a configured tile URL the points show on a blank
 * background. The same points follow as a list for screen readers and keyboard users.
 */
export function ProjectMap({ points, outlines = [], height = 360 }: Props) {
  const t = useTranslations('projects.map');
  const container = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [failed, setFailed] = useState(false);
  // Arrays arrive anew with every render; redraw only when their content changes.
  const key = useMemo(() => JSON.stringify({ points, outlines }), [points, outlines]);
  const openLabel = t('open');
  const zoomIn = t('zoomIn');
  const zoomOut = t('zoomOut');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { points: shown, outlines: areas } = JSON.parse(key) as {
      points: ProjectMapPoint[];
      outlines: ProjectMapOutline[];
    };
    const labels = { zoomIn, zoomOut };
    let map: Leaflet.Map | null = null;
    let disposed = false;
    import('leaflet')
      .then((module) => {
        if (disposed) return;
        const L = ((module as { default?: typeof Leaflet }).default ?? module) as typeof Leaflet;
        map = L.map(element, {
          center: DEFAULT_CENTER,
          zoom: DEFAULT_ZOOM,
          scrollWheelZoom: false,
          zoomControl: false,
          attributionControl: Boolean(TILE_URL),
        });
        L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
        if (TILE_URL) {
          L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(map);
        }
        const bounds: [number, number][] = [];
        for (const area of areas) {
          const latLngs = area.points.map((point): [number, number] => [point.lat, point.lng]);
          if (latLngs.length < 3) continue;
          L.polygon(latLngs, { color: '#1864ab', weight: 2, fillOpacity: 0.15 }).addTo(map);
          bounds.push(...latLngs);
        }
        for (const point of shown) {
          const style = MARKER_STYLE[point.kind ?? 'project'];
          L.circleMarker([point.latitude, point.longitude], {
            ...style,
            weight: 2,
            fillOpacity: 0.95,
          })
            .bindPopup(popupContent(point, openLabel))
            .bindTooltip(point.label)
            .addTo(map);
          bounds.push([point.latitude, point.longitude]);
        }
        if (bounds.length === 1) map.setView(bounds[0] ?? DEFAULT_CENTER, 15);
        else if (bounds.length > 1)
          map.fitBounds(L.latLngBounds(bounds), { padding: [32, 32], maxZoom: 16 });
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [key, openLabel, zoomIn, zoomOut]);

  return (
    <Box>
      <div
        ref={container}
        role="region"
        aria-label={t('label')}
        aria-describedby={listId}
        data-testid="peta-proyek"
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
          {t('failed')}
        </Text>
      ) : null}
      {!TILE_URL ? (
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

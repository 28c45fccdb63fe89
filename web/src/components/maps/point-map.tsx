'use client';
import 'leaflet/dist/leaflet.css';
import { Text } from '@mantine/core';
import type * as Leaflet from 'leaflet';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';

/** Kota Jambi, where the Pemda sits: the map's centre before there is anything to show. */
const DEFAULT_CENTER: [number, number] = [-1.61, 103.61];
const DEFAULT_ZOOM = 12;

/**
 * Basemap tiles, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; empty means no basemap
 * (markers still render: they are vector circles, not images). Inlined at build time.
 */
const TILE_URL = process.env.NEXT_PUBLIC_MAP_TILE_URL ?? '';
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_MAP_TILE_ATTRIBUTION ?? '';

export const HAS_BASEMAP = Boolean(TILE_URL);

export interface MapMarker {
  latitude: number;
  longitude: number;
  /** The tooltip and the popup's heading. */
  title: string;
  fillColor: string;
  radius: number;
  /** Popup rows under the heading ("IKM: 82,50 (B)"). */
  lines?: string[];
  link?: { href: string; label: string };
}

/** An area drawn as a polygon; fewer than three points draw nothing. */
export interface MapOutline {
  id: string;
  points: { lng: number; lat: number }[];
}

function popupContent(marker: MapMarker): HTMLElement {
  // Built from DOM nodes, never HTML strings: titles and lines are data.
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = marker.title;
  box.append(title);
  for (const text of marker.lines ?? []) {
    const row = document.createElement('div');
    row.textContent = text;
    box.append(row);
  }
  if (marker.link) {
    const link = document.createElement('a');
    link.href = marker.link.href;
    link.textContent = marker.link.label;
    link.style.display = 'block';
    link.style.marginTop = '4px';
    box.append(link);
  }
  return box;
}

/**
 * A Leaflet map of circle markers (and outlined areas), fitted to what it shows. Leaflet is loaded
 * in the browser only; without a configured tile URL the markers show on a blank background.
 * Callers follow it with the same points as a list (`describedBy`) for screen readers.
 */
export function PointMap({
  markers,
  outlines = [],
  label,
  describedBy,
  testId,
  height,
  maxZoom,
}: {
  markers: readonly MapMarker[];
  outlines?: readonly MapOutline[];
  label: string;
  describedBy: string;
  testId: string;
  height: number;
  /** The closest zoom when fitting several points. */
  maxZoom: number;
}) {
  const t = useTranslations('projects.map');
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Arrays arrive anew with every render (and every live refresh): redraw only on a real change.
  const key = useMemo(() => JSON.stringify({ markers, outlines }), [markers, outlines]);
  const zoomIn = t('zoomIn');
  const zoomOut = t('zoomOut');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const shown = JSON.parse(key) as { markers: MapMarker[]; outlines: MapOutline[] };
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
          attributionControl: HAS_BASEMAP,
        });
        L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
        if (HAS_BASEMAP) {
          L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(map);
        }
        const bounds: [number, number][] = [];
        for (const area of shown.outlines) {
          const latLngs = area.points.map((point): [number, number] => [point.lat, point.lng]);
          if (latLngs.length < 3) continue;
          L.polygon(latLngs, { color: '#1864ab', weight: 2, fillOpacity: 0.15 }).addTo(map);
          bounds.push(...latLngs);
        }
        for (const marker of shown.markers) {
          L.circleMarker([marker.latitude, marker.longitude], {
            color: '#ffffff',
            fillColor: marker.fillColor,
            radius: marker.radius,
            weight: 2,
            fillOpacity: 0.95,
          })
            .bindPopup(popupContent(marker))
            .bindTooltip(marker.title)
            .addTo(map);
          bounds.push([marker.latitude, marker.longitude]);
        }
        if (bounds.length === 1) map.setView(bounds[0] ?? DEFAULT_CENTER, 15);
        else if (bounds.length > 1)
          map.fitBounds(L.latLngBounds(bounds), { padding: [32, 32], maxZoom });
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      map?.remove();
    };
  }, [key, maxZoom, zoomIn, zoomOut]);

  return (
    <>
      <div
        ref={container}
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        data-testid={testId}
        data-points={markers.length}
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
    </>
  );
}

import { z } from 'zod';

type Translate = (key: string) => string;

/** Indonesia's extent, as the projects service checks it. */
export const INDONESIA = { minLat: -11.5, maxLat: 6.5, minLng: 94, maxLng: 141.5 } as const;

export function insideIndonesia(lat: number, lng: number): boolean {
  return (
    lat >= INDONESIA.minLat &&
    lat <= INDONESIA.maxLat &&
    lng >= INDONESIA.minLng &&
    lng <= INDONESIA.maxLng
  );
}

/** One location as the form edits it (number inputs give numbers, or '' while empty). */
export interface LocationFormValues {
  latitude: number | string;
  longitude: number | string;
  address: string;
  administrativeArea: string;
  /** Outline, one `lng,lat` pair per line; empty for none. */
  outline: string;
}

export const EMPTY_LOCATION: LocationFormValues = {
  latitude: '',
  longitude: '',
  address: '',
  administrativeArea: '',
  outline: '',
};

/** A number typed in Indonesian or English style ("-1,61" or "-1.61"); null when not a number. */
export function parseCoordinate(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

export type OutlineParse =
  | { ok: true; points: { lng: number; lat: number }[] }
  | { ok: false; line: number; reason: 'format' | 'outside' | 'tooFew' };

/**
 * An outline typed as lines of `lng,lat` (longitude first, as in GeoJSON): blank lines are
 * skipped; an outline needs at least three points inside Indonesia.
 */
export function parseOutline(text: string): OutlineParse {
  const points: { lng: number; lat: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/.exec(line);
    if (!match) return { ok: false, line: index + 1, reason: 'format' };
    const lng = Number(match[1]);
    const lat = Number(match[2]);
    if (!insideIndonesia(lat, lng)) return { ok: false, line: index + 1, reason: 'outside' };
    points.push({ lng, lat });
  }
  if (points.length > 0 && points.length < 3) return { ok: false, line: 0, reason: 'tooFew' };
  return { ok: true, points };
}

/** The outline as the form shows it, one `lng,lat` per line. */
export function outlineText(outline: readonly { lng: number; lat: number }[] | null | undefined) {
  return (outline ?? []).map((point) => `${point.lng},${point.lat}`).join('\n');
}

/** A stored location back into form values. */
export function locationFormValues(location: {
  latitude: number;
  longitude: number;
  address: string;
  administrativeArea: string;
  outline?: readonly { lng: number; lat: number }[] | null;
}): LocationFormValues {
  return {
    latitude: location.latitude,
    longitude: location.longitude,
    address: location.address,
    administrativeArea: location.administrativeArea,
    outline: outlineText(location.outline),
  };
}

/**
 * One location: coordinates inside Indonesia (the service's own rule, with its message), address
 * and administrative area required, an optional outline. Parses into `ProjectLocationInput`.
 */
export function locationFieldsSchema(t: Translate) {
  return z
    .object({
      latitude: z.union([z.number(), z.string()]),
      longitude: z.union([z.number(), z.string()]),
      address: z.string().trim().min(1, t('required')).max(500, t('tooLong')),
      administrativeArea: z.string().trim().min(1, t('required')).max(200, t('tooLong')),
      outline: z.string().max(20_000, t('tooLong')),
    })
    .superRefine((value, context) => {
      // A refinement, not the transform: it runs even when the address is missing, so every
      // mistake shows at once.
      const latitude = parseCoordinate(value.latitude);
      const longitude = parseCoordinate(value.longitude);
      if (latitude === null) {
        context.addIssue({ code: 'custom', path: ['latitude'], message: t('coordinate') });
      } else if (latitude < INDONESIA.minLat || latitude > INDONESIA.maxLat) {
        context.addIssue({ code: 'custom', path: ['latitude'], message: t('outsideIndonesia') });
      }
      if (longitude === null) {
        context.addIssue({ code: 'custom', path: ['longitude'], message: t('coordinate') });
      } else if (longitude < INDONESIA.minLng || longitude > INDONESIA.maxLng) {
        context.addIssue({ code: 'custom', path: ['longitude'], message: t('outsideIndonesia') });
      }
      const outline = parseOutline(value.outline);
      if (!outline.ok) {
        const message =
          outline.reason === 'tooFew'
            ? t('outlineTooFew')
            : `${t(outline.reason === 'outside' ? 'outlineOutside' : 'outlineFormat')} (${outline.line})`;
        context.addIssue({ code: 'custom', path: ['outline'], message });
      }
    });
}

/** A validated location as `ProjectLocationInput`. */
export function toLocationInput(value: LocationFormValues) {
  const outline = parseOutline(value.outline);
  return {
    latitude: parseCoordinate(value.latitude) ?? 0,
    longitude: parseCoordinate(value.longitude) ?? 0,
    address: value.address.trim(),
    administrativeArea: value.administrativeArea.trim(),
    outline: outline.ok && outline.points.length ? outline.points : null,
  };
}

/** One location, parsed into `ProjectLocationInput`. */
export function locationSchema(t: Translate) {
  return locationFieldsSchema(t).transform(toLocationInput);
}

/** The Lokasi tab's editor: every location of a project at once (`setProjectLocations`). */
export function locationsSchema(t: Translate) {
  return z
    .object({ locations: z.array(locationFieldsSchema(t)).max(50, t('tooMany')) })
    .transform(({ locations }) => ({ locations: locations.map(toLocationInput) }));
}

export type LocationInput = ReturnType<typeof toLocationInput>;

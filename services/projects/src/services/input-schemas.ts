import { z } from 'zod';

/** Input shapes shared by the projects services; every message in Bahasa Indonesia. */
export const text = (max: number) =>
  z
    .string({ error: 'Wajib diisi.' })
    .trim()
    .min(1, 'Wajib diisi.')
    .max(max, `Paling banyak ${max} karakter.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Paling banyak ${max} karakter.`)
    .nullish()
    .transform((value) => value || null);

export const organizationCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'Kode organisasi tidak valid.');

/** A calendar date YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
  .refine((value) => {
    // An impossible day (2026-02-32) is an Invalid Date, whose toISOString() throws.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Tanggal tidak valid.');

const OUTSIDE_INDONESIA = 'Koordinat di luar wilayah Indonesia';

/** Latitude and longitude inside Indonesia's bounding box (Sabang–Merauke, Rote–Miangas). */
export const latitude = z
  .number({ error: 'Lintang wajib berupa angka.' })
  .min(-11.5, OUTSIDE_INDONESIA)
  .max(6.5, OUTSIDE_INDONESIA);
export const longitude = z
  .number({ error: 'Bujur wajib berupa angka.' })
  .min(94, OUTSIDE_INDONESIA)
  .max(141.5, OUTSIDE_INDONESIA);

export const locationSchema = z.object({
  latitude,
  longitude,
  address: text(500),
  administrativeArea: text(200),
  outline: z
    .array(z.object({ lng: longitude, lat: latitude }))
    .min(3, 'Garis batas area minimal 3 titik.')
    .max(2_000, 'Garis batas area paling banyak 2.000 titik.')
    .nullish()
    .transform((value) => value ?? null),
});

export const locationsSchema = z
  .array(locationSchema)
  .max(100, 'Paling banyak 100 lokasi per proyek.');

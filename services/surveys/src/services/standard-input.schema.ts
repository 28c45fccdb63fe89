import { z } from 'zod';

// Inputs of the service standards and pledges (ServiceStandardInput, ServicePledgeInput), with
// messages in Bahasa Indonesia naming the field. Strings are trimmed; empty list items dropped.

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(min, min <= 1 ? `${label} wajib diisi.` : `${label} sedikitnya ${min} karakter.`)
    .max(max, `${label} paling banyak ${max} karakter.`);

/** Free text that may be left empty (stored as ''). */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} paling banyak ${max} karakter.`)
    .nullish()
    .transform((value) => value ?? '');

/** A text that may be absent (stored as null). */
const nullableText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} paling banyak ${max} karakter.`)
    .nullish()
    .transform((value) => (value ? value : null));

const list = (
  label: string,
  options: { required: boolean; maxItems?: number; maxLength?: number },
) => {
  const maxItems = options.maxItems ?? 50;
  const maxLength = options.maxLength ?? 1_000;
  return z
    .array(
      z
        .string()
        .trim()
        .max(maxLength, `${label}: setiap butir paling banyak ${maxLength} karakter.`),
      { error: `${label} harus berupa daftar.` },
    )
    .transform((items) => items.filter((item) => item.length > 0))
    .refine((items) => !options.required || items.length > 0, {
      message: `${label} wajib diisi sedikitnya satu butir.`,
    })
    .refine((items) => items.length <= maxItems, {
      message: `${label} paling banyak ${maxItems} butir.`,
    });
};

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} harus berupa bilangan bulat.` })
    .int(`${label} harus berupa bilangan bulat.`)
    .min(min, `${label} tidak boleh kurang dari ${min}.`)
    .max(max, `${label} tidak boleh lebih dari ${max}.`)
    .nullish()
    .transform((value) => value ?? null);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const standardComponentsSchema = z.object({
  legalBasis: list('Dasar hukum', { required: false }),
  requirements: list('Persyaratan', { required: true }),
  procedure: list('Sistem, mekanisme, dan prosedur', { required: true }),
  completionTime: text('Jangka waktu penyelesaian', 1, 200),
  completionDays: count('Jangka waktu penyelesaian (hari kerja)', 0, 365),
  cost: text('Biaya/tarif', 1, 1_000),
  products: list('Produk pelayanan', { required: true }),
  facilities: list('Sarana, prasarana, dan/atau fasilitas', { required: false }),
  officerCompetence: list('Kompetensi pelaksana', { required: false }),
  internalSupervision: optionalText('Pengawasan internal', 2_000),
  complaintHandling: optionalText('Penanganan pengaduan, saran, dan masukan', 2_000),
  numberOfOfficers: count('Jumlah pelaksana', 0, 100_000),
  serviceGuarantee: optionalText('Jaminan pelayanan', 2_000),
  securityGuarantee: optionalText('Jaminan keamanan dan keselamatan pelayanan', 2_000),
  performanceEvaluation: optionalText('Evaluasi kinerja pelaksana', 2_000),
});

export const standardInputSchema = z.object({
  organizationCode: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null)),
  name: text('Nama layanan', 3, 160),
  category: text('Kategori layanan', 2, 80),
  description: nullableText('Uraian layanan', 2_000),
  onlineServiceUrl: nullableText('Tautan layanan daring', 500).refine(
    (value) => value === null || isHttpUrl(value),
    'Tautan layanan daring harus alamat lengkap yang diawali http:// atau https://.',
  ),
  components: standardComponentsSchema,
});

export type StandardInput = z.infer<typeof standardInputSchema>;
export type StandardComponentsInput = z.infer<typeof standardComponentsSchema>;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const pledgeInputSchema = z.object({
  text: text('Isi maklumat', 10, 4_000),
  commitments: list('Butir janji maklumat', { required: true, maxItems: 30, maxLength: 500 }),
  signatoryName: text('Nama penanda tangan', 3, 120),
  signatoryPosition: text('Jabatan penanda tangan', 3, 160),
  effectiveDate: z
    .string({ error: 'Tanggal berlaku wajib diisi.' })
    .trim()
    .refine(isCalendarDate, 'Tanggal berlaku harus tanggal yang sah dengan format TTTT-BB-HH.'),
});

export type PledgeInput = z.infer<typeof pledgeInputSchema>;

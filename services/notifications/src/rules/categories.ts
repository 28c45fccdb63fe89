import type { CategoryPreferenceRecord, PreferenceRecord } from '../models/preference.model.js';

export type NotificationCategory =
  | 'PERSYARATAN'
  | 'DOKUMEN'
  | 'KORESPONDENSI'
  | 'PENGINGAT'
  | 'AKUN'
  | 'PROYEK'
  | 'SURVEI'
  | 'LAYANAN';
export type Channel = 'IN_APP' | 'EMAIL' | 'SMS';

export interface CategoryInfo {
  category: NotificationCategory;
  label: string;
  description: string;
  defaults: { inApp: boolean; email: boolean; sms: boolean };
}

/** The categories people choose channels for, with the channels they start with. */
export const CATEGORIES: readonly CategoryInfo[] = [
  {
    category: 'PERSYARATAN',
    label: 'Persyaratan dokumen',
    description: 'Permintaan, pengajuan, penerusan, persetujuan dan permintaan revisi persyaratan.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'DOKUMEN',
    label: 'Dokumen',
    description: 'Penarikan dokumen, tanda tangan/segel elektronik, akses dokumen rahasia.',
    defaults: { inApp: true, email: false, sms: false },
  },
  {
    category: 'KORESPONDENSI',
    label: 'Korespondensi',
    description: 'Pesan baru pada korespondensi yang Anda ikuti.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'PENGINGAT',
    label: 'Pengingat',
    description: 'Tenggat yang mendekat atau terlewati dan waktu layanan yang habis.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'AKUN',
    label: 'Akun dan organisasi',
    description: 'Pembuatan akun, perubahan peran, aktivasi dan profil organisasi.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'PROYEK',
    label: 'Proyek pinjaman',
    description:
      'Usulan dan tahap proyek pinjaman daerah, perjanjian, pencairan termin dan laporan kemajuan.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'SURVEI',
    label: 'Layanan publik dan SKM',
    description:
      'Standar dan maklumat pelayanan yang diterbitkan, rekomendasi evaluator hasil survei kepuasan masyarakat dan tindak lanjutnya.',
    defaults: { inApp: true, email: true, sms: false },
  },
  {
    category: 'LAYANAN',
    label: 'Konsultasi dan pengaduan',
    description:
      'Konsultasi, pekerjaan, pengaduan TIK dan pengaduan masyarakat: disposisi, tindak lanjut, penyelesaian dan rekap bulanan.',
    defaults: { inApp: true, email: true, sms: false },
  },
];

export function isCategory(value: string): value is NotificationCategory {
  return CATEGORIES.some((info) => info.category === value);
}

export function categoryInfo(category: NotificationCategory): CategoryInfo {
  return CATEGORIES.find((info) => info.category === category)!;
}

export function defaultChannels(info: CategoryInfo): Channel[] {
  return [
    ...(info.defaults.inApp ? (['IN_APP'] as const) : []),
    ...(info.defaults.email ? (['EMAIL'] as const) : []),
    ...(info.defaults.sms ? (['SMS'] as const) : []),
  ];
}

export interface EffectivePreferences {
  categories: CategoryPreferenceRecord[];
  dailyDigest: boolean;
  phone: string | null;
}

/** A user's stored choices over the defaults, one entry per category in catalogue order. */
export function effectivePreferences(record: PreferenceRecord | null): EffectivePreferences {
  return {
    categories: CATEGORIES.map((info) => {
      const chosen = record?.categories.find((entry) => entry.category === info.category);
      return {
        category: info.category,
        inApp: chosen?.inApp ?? info.defaults.inApp,
        email: chosen?.email ?? info.defaults.email,
        sms: chosen?.sms ?? info.defaults.sms,
      };
    }),
    dailyDigest: record?.dailyDigest ?? false,
    phone: record?.phone ?? null,
  };
}

import type { Holiday } from '../calendar.js';

/**
 * National holidays and cuti bersama 2026 per the SKB of the Minister of Religious Affairs, the
 * Minister of Manpower and the Minister of PANRB No. 1497/2025, 2/2025 and 5/2025 (17 holidays,
 * 8 cuti bersama). Holidays on a weekend are listed too: they change nothing in the count but keep
 * the list complete for display. A later SKB revision is imported as a new list.
 */
export const INDONESIA_HOLIDAYS_2026: readonly Holiday[] = Object.freeze([
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur-nasional' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad S.A.W.', kind: 'libur-nasional' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek', kind: 'cuti-bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur-nasional' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi', kind: 'cuti-bersama' },
  {
    date: '2026-03-19',
    name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)',
    kind: 'libur-nasional',
  },
  { date: '2026-03-20', name: 'Cuti Bersama Idulfitri 1447 H', kind: 'cuti-bersama' },
  { date: '2026-03-21', name: 'Idulfitri 1447 H', kind: 'libur-nasional' },
  { date: '2026-03-22', name: 'Idulfitri 1447 H', kind: 'libur-nasional' },
  { date: '2026-03-23', name: 'Cuti Bersama Idulfitri 1447 H', kind: 'cuti-bersama' },
  { date: '2026-03-24', name: 'Cuti Bersama Idulfitri 1447 H', kind: 'cuti-bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur-nasional' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur-nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur-nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur-nasional' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-05-27', name: 'Iduladha 1447 H', kind: 'libur-nasional' },
  { date: '2026-05-28', name: 'Cuti Bersama Iduladha 1447 H', kind: 'cuti-bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur-nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur-nasional' },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 H', kind: 'libur-nasional' },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: 'libur-nasional' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad S.A.W.', kind: 'libur-nasional' },
  { date: '2026-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: 'cuti-bersama' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'libur-nasional' },
]);

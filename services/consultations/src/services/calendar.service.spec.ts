import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from './calendar.service.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return String((error as GraphQLError).extensions?.code);
  }
  return 'OK';
};

describe('parseHolidayCsv', () => {
  it('reads rows with or without a header, `;` or `,`, sorted by date', () => {
    const withHeader = parseHolidayCsv(
      2027,
      '\uFEFFtanggal;jenis;keterangan\r\n2027-05-01;libur-nasional;Hari Buruh\r\n\r\n2027-01-01;libur-nasional;Tahun Baru 2027 Masehi\r\n',
    );
    expect(withHeader.errors).toEqual([]);
    expect(withHeader.holidays).toEqual([
      { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur-nasional' },
      { date: '2027-05-01', name: 'Hari Buruh', kind: 'libur-nasional' },
    ]);

    const commas = parseHolidayCsv(
      2027,
      '2027-03-10,cuti-bersama,"Cuti Bersama Idulfitri, 1448 H"\n10/03/2027 ,  Libur Nasional ,x',
    );
    expect(commas.holidays[0]).toEqual({
      date: '2027-03-10',
      name: 'Cuti Bersama Idulfitri, 1448 H',
      kind: 'cuti-bersama',
    });
    // DD/MM/YYYY as spreadsheets export it; the duplicate date is reported on line 2.
    expect(commas.errors).toEqual([
      { line: 2, message: 'Tanggal 2027-03-10 sudah tercantum pada baris 1.' },
    ]);
  });

  it('reports every invalid row with its line number', () => {
    const { errors } = parseHolidayCsv(
      2027,
      [
        'tanggal;jenis;keterangan',
        '2027-02-30;libur-nasional;Tanggal tidak ada',
        '2026-12-25;libur-nasional;Natal tahun lalu',
        '2027-08-17;libur-daerah;HUT RI',
        '2027-08-18;cuti-bersama;',
        '2027-09-01',
        '2027-12-25;libur-nasional;Hari Raya Natal',
      ].join('\n'),
    );
    expect(errors).toEqual([
      { line: 2, message: 'Tanggal "2027-02-30" tidak valid: gunakan format YYYY-MM-DD.' },
      { line: 3, message: 'Tanggal 2026-12-25 tidak berada pada tahun 2027.' },
      {
        line: 4,
        message: 'Jenis "libur-daerah" tidak dikenal: gunakan libur-nasional atau cuti-bersama.',
      },
      { line: 5, message: 'Keterangan (nama hari libur) wajib diisi.' },
      { line: 6, message: 'Baris harus berisi tiga kolom: tanggal;jenis;keterangan.' },
    ]);
  });

  it('refuses a CSV without any holiday row (BAD_USER_INPUT)', () => {
    expect(code(() => parseHolidayCsv(2027, ''))).toBe('BAD_USER_INPUT');
    expect(code(() => parseHolidayCsv(2027, ' \n\n'))).toBe('BAD_USER_INPUT');
    expect(code(() => parseHolidayCsv(2027, 'tanggal;jenis;keterangan\n'))).toBe('BAD_USER_INPUT');
    expect(code(() => parseHolidayCsv(2027, '2027-01-01;libur-nasional;Tahun Baru'))).toBe('OK');
  });
});

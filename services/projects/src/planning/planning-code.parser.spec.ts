import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  checkCode,
  csvTable,
  decodeText,
  describeCode,
  detectDelimiter,
  LEVEL_LABELS,
  parseCsv,
  rowsFromTable,
  validateRows,
  type SourceRow,
} from './planning-code.parser.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Rows as a file would give them: the header is row 1, so data starts at row 2. */
const fileRows = (...pairs: [string, string][]): SourceRow[] =>
  pairs.map(([code, name], index) => ({ row: index + 2, code, name }));

function badInputMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('planning codes: levels and parents', () => {
  it.each([
    ['1', 'URUSAN', 1, null],
    ['1.03', 'BIDANG_URUSAN', 2, '1'],
    ['1.03.03', 'PROGRAM', 3, '1.03'],
    ['1.03.03.2.01', 'KEGIATAN', 4, '1.03.03'],
    ['1.03.03.2.01.01', 'SUB_KEGIATAN', 5, '1.03.03.2.01'],
    ['1.02.02.2.01.0001', 'SUB_KEGIATAN', 5, '1.02.02.2.01'],
    ['1.01.02.1.01', 'KEGIATAN', 4, '1.01.02'],
  ] as const)('nomenclature %s is %s at depth %i with parent %s', (code, level, depth, parent) => {
    expect(describeCode('NOMENCLATURE', code)).toEqual({
      code,
      kind: 'NOMENCLATURE',
      level,
      depth,
      parentCode: parent,
    });
  });

  it.each([
    ['6', 'AKUN', 1, null],
    ['6.1', 'KELOMPOK', 2, '6'],
    ['6.1.04', 'JENIS', 3, '6.1'],
    ['6.1.04.04', 'OBJEK', 4, '6.1.04'],
    ['6.1.04.04.01', 'RINCIAN_OBJEK', 5, '6.1.04.04'],
    ['5.1.02.01.01.0024', 'SUB_RINCIAN_OBJEK', 6, '5.1.02.01.01'],
  ] as const)('account %s is %s at depth %i with parent %s', (code, level, depth, parent) => {
    expect(describeCode('ACCOUNT', code)).toEqual({
      code,
      kind: 'ACCOUNT',
      level,
      depth,
      parentCode: parent,
    });
  });

  it('labels every level in Indonesian', () => {
    expect(LEVEL_LABELS).toEqual({
      URUSAN: 'Urusan',
      BIDANG_URUSAN: 'Bidang Urusan',
      PROGRAM: 'Program',
      KEGIATAN: 'Kegiatan',
      SUB_KEGIATAN: 'Sub Kegiatan',
      AKUN: 'Akun',
      KELOMPOK: 'Kelompok',
      JENIS: 'Jenis',
      OBJEK: 'Objek',
      RINCIAN_OBJEK: 'Rincian Objek',
      SUB_RINCIAN_OBJEK: 'Sub Rincian Objek',
    });
  });

  it('lists the ancestors from the top, skipping the level digit of a kegiatan', () => {
    expect(ancestorCodes('NOMENCLATURE', '1.03.10.2.01.0002')).toEqual([
      '1',
      '1.03',
      '1.03.10',
      '1.03.10.2.01',
    ]);
    expect(ancestorCodes('ACCOUNT', '6.2.03.04.01.0001')).toEqual([
      '6',
      '6.2',
      '6.2.03',
      '6.2.03.04',
      '6.2.03.04.01',
    ]);
    expect(ancestorCodes('NOMENCLATURE', '1')).toEqual([]);
  });

  it('ignores spaces in codes', () => {
    expect(describeCode('NOMENCLATURE', ' 1.03 .03 ')?.code).toBe('1.03.03');
  });

  it.each([
    ['1.03.3.2.01', "kode '1.03.3.2.01' tidak sesuai format kegiatan (U.BB.PP.L.KK)"],
    ['1.03.03.3.01', "kode '1.03.03.3.01' tidak sesuai format kegiatan (U.BB.PP.L.KK)"],
    [
      '1.03.03.2.01.001',
      "kode '1.03.03.2.01.001' tidak sesuai format sub kegiatan " +
        '(U.BB.PP.L.KK.SS atau U.BB.PP.L.KK.SSSS)',
    ],
    ['9', "kode '9' tidak sesuai format urusan (U)"],
    ['1.00', "kode '1.00' tidak sesuai format bidang urusan (U.BB)"],
    ['1.033', "kode '1.033' tidak sesuai format bidang urusan (U.BB)"],
    [
      '1.03.03.01',
      "kode '1.03.03.01' tidak sesuai format kode nomenklatur " +
        '(U, U.BB, U.BB.PP, U.BB.PP.L.KK, U.BB.PP.L.KK.SS/U.BB.PP.L.KK.SSSS)',
    ],
    ['1.03.O3', "kode '1.03.O3' tidak sesuai format program (U.BB.PP)"],
  ])('rejects the malformed nomenclature code %s', (code, message) => {
    expect(checkCode('NOMENCLATURE', code)).toEqual({
      ok: false,
      reason: 'MALFORMED_CODE',
      message,
    });
  });

  it('tells an account code in a nomenclature file, and the reverse, as the wrong kind', () => {
    expect(checkCode('NOMENCLATURE', '6.1.04')).toEqual({
      ok: false,
      reason: 'WRONG_KIND',
      message: "kode '6.1.04' adalah kode rekening (jenis), bukan kode nomenklatur",
    });
    expect(checkCode('ACCOUNT', '1.03.10.2.01.0002')).toEqual({
      ok: false,
      reason: 'WRONG_KIND',
      message:
        "kode '1.03.10.2.01.0002' adalah kode nomenklatur (sub kegiatan), bukan kode rekening",
    });
    // A single digit is an urusan and an akun alike.
    expect(checkCode('ACCOUNT', '1').ok).toBe(true);
    expect(checkCode('ACCOUNT', '5.2.04.01.01.003')).toMatchObject({
      reason: 'MALFORMED_CODE',
      message: "kode '5.2.04.01.01.003' tidak sesuai format sub rincian objek (A.K.JJ.OO.RR.SSSS)",
    });
  });
});

describe('planning codes: validating the rows of a file', () => {
  it('accepts a whole branch listed children first', () => {
    const rows = fileRows(
      ['1.03.03.2.01.0001', 'Pembangunan SPAM Jaringan Perpipaan di Kawasan Perkotaan'],
      ['1.03.03.2.01', 'Pengelolaan dan Pengembangan SPAM di Daerah Kabupaten/Kota'],
      ['1.03.03.2.01.02', 'Perluasan SPAM Jaringan Perpipaan di Kawasan Perkotaan'],
      ['1.03.03', 'Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum'],
      ['1.03', 'Urusan Pemerintahan Bidang Pekerjaan Umum dan Penataan Ruang'],
      ['1', 'Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar'],
    );
    const { accepted, rejections } = validateRows('NOMENCLATURE', rows, new Map());
    expect(rejections).toEqual([]);
    expect(accepted.map((row) => [row.row, row.code, row.level])).toEqual([
      [2, '1.03.03.2.01.0001', 'SUB_KEGIATAN'],
      [3, '1.03.03.2.01', 'KEGIATAN'],
      [4, '1.03.03.2.01.02', 'SUB_KEGIATAN'],
      [5, '1.03.03', 'PROGRAM'],
      [6, '1.03', 'BIDANG_URUSAN'],
      [7, '1', 'URUSAN'],
    ]);
  });

  it('reports each rejected row with its row number, reason and message', () => {
    const rows = fileRows(
      ['1', 'Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar'], // 2
      ['1.03', 'Urusan Pemerintahan Bidang Pekerjaan Umum dan Penataan Ruang'], // 3
      ['1.03.10', 'Program Penyelenggaraan Jalan'], // 4
      ['1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'], // 5
      ['1.03.10.2.01.0002', 'Pembangunan Jalan'], // 6
      ['1.03.3.2.01', 'Kegiatan salah ketik'], // 7 malformed
      ['1.03.10.2.01.0003', '   '], // 8 missing name
      ['1.03.10.2.01.0002', 'Pembangunan Jalan'], // 9 duplicate of row 6
      ['1.03.05.2.01.0001', 'Pembangunan Sistem Drainase'], // 10 parent missing
      ['6.1.04', 'Penerimaan Pinjaman Daerah'], // 11 wrong kind
      ['', 'Tanpa kode'], // 12 empty code
      ['1.03.06.2.01', 'Drainase'], // 13 parent 1.03.06 missing
      ['1.03.06.2.01.0001', 'Anak dari kegiatan yang ditolak'], // 14 cascade
    );
    const { accepted, rejections } = validateRows('NOMENCLATURE', rows, new Map());
    expect(accepted.map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);
    expect(rejections).toEqual([
      {
        row: 7,
        code: '1.03.3.2.01',
        reason: 'MALFORMED_CODE',
        message: "Baris 7: kode '1.03.3.2.01' tidak sesuai format kegiatan (U.BB.PP.L.KK)",
      },
      {
        row: 8,
        code: '1.03.10.2.01.0003',
        reason: 'MISSING_NAME',
        message: "Baris 8: nama untuk kode '1.03.10.2.01.0003' kosong",
      },
      {
        row: 9,
        code: '1.03.10.2.01.0002',
        reason: 'DUPLICATE',
        message: "Baris 9: kode '1.03.10.2.01.0002' sudah ada pada baris 6",
      },
      {
        row: 10,
        code: '1.03.05.2.01.0001',
        reason: 'MISSING_PARENT',
        message:
          "Baris 10: induk '1.03.05.2.01' (kegiatan) dari kode '1.03.05.2.01.0001' tidak ada " +
          'pada berkas maupun pada versi tujuan',
      },
      {
        row: 11,
        code: '6.1.04',
        reason: 'WRONG_KIND',
        message: "Baris 11: kode '6.1.04' adalah kode rekening (jenis), bukan kode nomenklatur",
      },
      {
        row: 12,
        code: null,
        reason: 'MALFORMED_CODE',
        message: "Baris 12: kode kosong (nama 'Tanpa kode')",
      },
      {
        row: 13,
        code: '1.03.06.2.01',
        reason: 'MISSING_PARENT',
        message:
          "Baris 13: induk '1.03.06' (program) dari kode '1.03.06.2.01' tidak ada pada berkas " +
          'maupun pada versi tujuan',
      },
      {
        row: 14,
        code: '1.03.06.2.01.0001',
        reason: 'MISSING_PARENT',
        message:
          "Baris 14: induk '1.03.06.2.01' (kegiatan) dari kode '1.03.06.2.01.0001' tidak ada " +
          'pada berkas maupun pada versi tujuan',
      },
    ]);
  });

  it('finds parents in the target version; the same name again is an update, another a duplicate', () => {
    const existing = new Map([
      ['6', 'Pembiayaan Daerah'],
      ['6.2', 'Pengeluaran Pembiayaan'],
      ['6.2.03', 'Pembayaran Cicilan Pokok Utang yang Jatuh Tempo'],
    ]);
    const rows = fileRows(
      ['6.2.03', 'Pembayaran  Cicilan Pokok Utang yang Jatuh Tempo'], // same name, spaces aside
      ['6.2', 'Pengeluaran Pembiayaan Daerah'], // renamed
      [
        '6.2.03.04',
        'Pembayaran Cicilan Pokok Utang yang Jatuh Tempo kepada Lembaga Keuangan Bukan Bank',
      ],
    );
    const { accepted, rejections } = validateRows('ACCOUNT', rows, existing);
    expect(accepted.map((row) => [row.code, row.unchanged])).toEqual([
      ['6.2.03', true],
      ['6.2.03.04', false],
    ]);
    expect(rejections).toEqual([
      {
        row: 3,
        code: '6.2',
        reason: 'DUPLICATE',
        message:
          "Baris 3: kode '6.2' sudah ada pada versi tujuan dengan nama lain ('Pengeluaran Pembiayaan')",
      },
    ]);
  });
});

describe('planning codes: reading files', () => {
  it('parses `;` CSV with a BOM, quoted fields, doubled quotes and line breaks in quotes', () => {
    const text =
      '\ufeffkode;nama\r\n' +
      '1.03;"Urusan Pemerintahan Bidang Pekerjaan Umum; dan Penataan Ruang"\r\n' +
      '1.03.10;"Program ""Penyelenggaraan"" Jalan"\r\n' +
      '1.03.10.2.01;"Penyelenggaraan Jalan\nKabupaten/Kota"\r\n' +
      '\r\n' +
      '1.03.10.2.01.0002;Pembangunan Jalan\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text)).toEqual([
      ['kode', 'nama'],
      ['1.03', 'Urusan Pemerintahan Bidang Pekerjaan Umum; dan Penataan Ruang'],
      ['1.03.10', 'Program "Penyelenggaraan" Jalan'],
      ['1.03.10.2.01', 'Penyelenggaraan Jalan\nKabupaten/Kota'],
      [''],
      ['1.03.10.2.01.0002', 'Pembangunan Jalan'],
    ]);
  });

  it('detects the comma and reads the BOM off UTF-8 bytes', () => {
    const table = csvTable(
      utf8('\ufeffcode,name\n1.02,"Urusan Pemerintahan Bidang Kesehatan, Bidang"\n'),
    );
    expect(table).toEqual([
      { row: 1, cells: ['code', 'name'] },
      { row: 2, cells: ['1.02', 'Urusan Pemerintahan Bidang Kesehatan, Bidang'] },
    ]);
  });

  it('falls back to Windows-1252 for older Excel CSVs', () => {
    const bytes = Uint8Array.from([0x6b, 0x6f, 0x64, 0x65, 0x3b, 0x6e, 0x61, 0x6d, 0x61, 0xe9]);
    expect(decodeText(bytes)).toBe('kode;namaé');
  });

  it('finds the code and name columns by their header and keeps file row numbers', () => {
    const table = csvTable(
      utf8(
        'No;Kode Rekening;Uraian;Keterangan\n' +
          '1;6;Pembiayaan Daerah;\n' +
          ';;;\n' +
          '2;6.1;Penerimaan Pembiayaan;x\n' +
          '3;6.1.04;;\n',
      ),
    );
    expect(rowsFromTable(table)).toEqual({
      rows: [
        { row: 2, code: '6', name: 'Pembiayaan Daerah' },
        { row: 4, code: '6.1', name: 'Penerimaan Pembiayaan' },
        { row: 5, code: '6.1.04', name: '' },
      ],
      totalRows: 3,
    });
    expect(rowsFromTable(csvTable(utf8('kode,nomenklatur\n1,Urusan\n'))).rows).toEqual([
      { row: 2, code: '1', name: 'Urusan' },
    ]);
  });

  it('refuses a file without the code and name columns', () => {
    expect(badInputMessage(() => rowsFromTable(csvTable(utf8('nomor;judul\n1;x\n'))))).toBe(
      "Baris judul (baris 1) harus memuat kolom 'kode' dan 'nama' (atau 'nomenklatur'/'uraian'); " +
        "terbaca: 'nomor', 'judul'.",
    );
    expect(badInputMessage(() => rowsFromTable(csvTable(utf8('\n\n'))))).toBe(
      'Berkas kosong: tidak ada baris judul maupun data.',
    );
  });
});

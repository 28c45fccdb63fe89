import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import ExcelJS from 'exceljs';
import { RequestLoaders, type Principal } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import type * as GraphQL from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlanningCodeService } from './planning-code.service.js';
import { planningResolvers } from './planning.resolver.js';

const DATABASE = 'sipadu_projects_planning_spec';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
// @apollo/subgraph loads graphql's CommonJS build: execute with that same instance.
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof GraphQL;

const ACTIVE_NAME =
  'Kepmendagri 050-5889 Tahun 2021 (pemutakhiran nomenklatur Permendagri 90/2019)';

let connection: Connection;
let planning: PlanningCodeService;

function principal(roles: Principal['roles'], organizationCode = 'BPKAD'): Principal {
  return {
    kind: 'user',
    id: `u-${roles[0]}`,
    username: roles[0]!,
    name: `Pengguna ${roles[0]}`,
    email: null,
    organizationCode,
    roles,
    clientId: 'sipadu-web',
    scopes: [],
    expiresAt: Date.now() / 1000 + 3600,
  };
}
const bpkad = principal(['bpkad']);
const pelaksana = principal(['pelaksana'], 'DPUPR');

async function rejection(run: () => Promise<unknown>): Promise<GraphQLError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

/** An XLSX workbook (first sheet) from rows of cells, as base64. */
async function xlsx(rows: (string | number | null)[][], extraSheet = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nomenklatur');
  rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 1);
    cells.forEach((value, column) => {
      if (value !== null) row.getCell(column + 1).value = value;
    });
    row.commit();
  });
  if (extraSheet) workbook.addWorksheet('Catatan').getCell('A1').value = 'kode;nama';
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const goodAndBad: (string | number | null)[][] = [
  ['No', 'Kode', 'Nomenklatur'], // 1
  [1, '1.03.10.2.01.0002', 'Pembangunan Jalan'], // 2 (child before its parents)
  [2, 1, 'Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar'], // 3 numeric cell
  [3, '1.03', 'Urusan Pemerintahan Bidang Pekerjaan Umum dan Penataan Ruang'], // 4
  [4, '1.03.10', 'Program Penyelenggaraan Jalan'], // 5
  [5, '1.03.10.2.01', 'Penyelenggaraan Jalan Kabupaten/Kota'], // 6
  [null, null, null], // 7 blank
  [6, '1.03.10.2.01.03', 'Rekonstruksi Jalan'], // 8 (2-digit suffix)
  [7, '1.03.1.2.01', 'Kode salah ketik'], // 9 MALFORMED_CODE
  [8, '1.03.10.2.01.0006', null], // 10 MISSING_NAME
  [9, '1.03.10.2.01.0002', 'Pembangunan Jalan'], // 11 DUPLICATE of row 2
  [10, '1.03.03.2.01.0001', 'Pembangunan SPAM Jaringan Perpipaan di Kawasan Perkotaan'], // 12
  [11, '6.2.03', 'Pembayaran Cicilan Pokok Utang yang Jatuh Tempo'], // 13 WRONG_KIND
];

const importInput = (contentBase64: string, overrides: Record<string, unknown> = {}) => ({
  versionId: 'uji-nomenklatur-2024',
  versionName: 'Uji nomenklatur 2024',
  legalBasis: 'Kepmendagri uji',
  kind: 'NOMENCLATURE',
  format: 'XLSX',
  filename: 'nomenklatur-uji.xlsx',
  contentBase64,
  ...overrides,
});

beforeAll(async () => {
  connection = await mongoose
    .createConnection(MONGO_URL, { dbName: DATABASE, retryWrites: false, monitorCommands: true })
    .asPromise();
  planning = new PlanningCodeService(connection);
});

beforeEach(async () => {
  await connection.dropDatabase();
  await planning.init();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('planning codes: import', () => {
  it('imports an XLSX file with good and bad rows and reports every bad row precisely', async () => {
    const report = await planning.import(bpkad, importInput(await xlsx(goodAndBad, true)));
    expect(report).toMatchObject({
      versionId: 'uji-nomenklatur-2024',
      kind: 'NOMENCLATURE',
      format: 'XLSX',
      filename: 'nomenklatur-uji.xlsx',
      dryRun: false,
      totalRows: 11,
      accepted: 6,
      rejected: 5,
      inserted: 6,
      importedBy: { id: 'u-bpkad', name: 'Pengguna bpkad', organizationCode: 'BPKAD' },
    });
    expect(report.rejections).toEqual([
      {
        row: 9,
        code: '1.03.1.2.01',
        reason: 'MALFORMED_CODE',
        message: "Baris 9: kode '1.03.1.2.01' tidak sesuai format kegiatan (U.BB.PP.L.KK)",
      },
      {
        row: 10,
        code: '1.03.10.2.01.0006',
        reason: 'MISSING_NAME',
        message: "Baris 10: nama untuk kode '1.03.10.2.01.0006' kosong",
      },
      {
        row: 11,
        code: '1.03.10.2.01.0002',
        reason: 'DUPLICATE',
        message: "Baris 11: kode '1.03.10.2.01.0002' sudah ada pada baris 2",
      },
      {
        row: 12,
        code: '1.03.03.2.01.0001',
        reason: 'MISSING_PARENT',
        message:
          "Baris 12: induk '1.03.03.2.01' (kegiatan) dari kode '1.03.03.2.01.0001' tidak ada " +
          'pada berkas maupun pada versi tujuan',
      },
      {
        row: 13,
        code: '6.2.03',
        reason: 'WRONG_KIND',
        message: "Baris 13: kode '6.2.03' adalah kode rekening (jenis), bukan kode nomenklatur",
      },
    ]);

    // The version was created and, being the first, made active.
    const [version] = await planning.versions();
    expect(version).toMatchObject({
      _id: 'uji-nomenklatur-2024',
      name: 'Uji nomenklatur 2024',
      legalBasis: 'Kepmendagri uji',
      active: true,
      counts: { NOMENCLATURE: 6, ACCOUNT: 0 },
    });
    const kegiatan = await planning.list({ parentCode: '1.03.10.2.01' });
    expect(kegiatan.map((code) => [code.code, code.name, code.level])).toEqual([
      ['1.03.10.2.01.0002', 'Pembangunan Jalan', 'SUB_KEGIATAN'],
      ['1.03.10.2.01.03', 'Rekonstruksi Jalan', 'SUB_KEGIATAN'],
    ]);
    const stored = await planning.imports();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ _id: report._id, rejected: 5, accepted: 6 });
  });

  it('checks without writing anything on a dry run', async () => {
    const report = await planning.import(
      bpkad,
      importInput(await xlsx(goodAndBad), { dryRun: true }),
    );
    expect(report).toMatchObject({ dryRun: true, totalRows: 11, accepted: 6, rejected: 5 });
    expect(await planning.versions()).toEqual([]);
    expect(await planning.imports()).toEqual([]);
    expect(await connection.db!.collection('planning_codes').countDocuments()).toBe(0);
  });

  it('re-imports the same file idempotently', async () => {
    const file = await xlsx(goodAndBad);
    const first = await planning.import(bpkad, importInput(file));
    const before = await connection
      .db!.collection('planning_codes')
      .find({}, { sort: { _id: 1 } })
      .toArray();
    const second = await planning.import(bpkad, importInput(file));
    const after = await connection
      .db!.collection('planning_codes')
      .find({}, { sort: { _id: 1 } })
      .toArray();
    expect(second).toMatchObject({ accepted: first.accepted, rejected: 5, inserted: 0 });
    expect(after).toEqual(before);
    expect((await planning.versions())[0]!.counts).toEqual({ NOMENCLATURE: 6, ACCOUNT: 0 });
    expect(await planning.imports()).toHaveLength(2);
  });

  it('adds to an existing version: parents already stored count, a renamed code is refused', async () => {
    await planning.import(bpkad, importInput(await xlsx(goodAndBad)));
    const report = await planning.import(
      bpkad,
      importInput(
        csv(
          'kode;nama\n' +
            '1.03.10.2.01.0006;Rehabilitasi Jalan\n' +
            '1.03.10;Program Jalan (nama lain)\n',
        ),
        { format: 'CSV', filename: 'tambahan.csv', versionName: null, legalBasis: null },
      ),
    );
    expect(report).toMatchObject({ totalRows: 2, accepted: 1, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ row: 3, reason: 'DUPLICATE' });
    expect((await planning.get('1.03.10.2.01.0006'))?.name).toBe('Rehabilitasi Jalan');
  });

  it('lists at most 1,000 rejections but counts them all', async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) => `9.${i};Salah`).join('\n');
    const report = await planning.import(
      bpkad,
      importInput(csv(`kode,nama\n${lines}\n`), { format: 'CSV', filename: 'salah.csv' }),
    );
    expect(report).toMatchObject({ totalRows: 1_200, accepted: 0, rejected: 1_200 });
    expect(report.rejections).toHaveLength(1_000);
    expect(report.rejections[999]!.row).toBe(1_001);
  });

  it('refuses callers other than BPKAD and bad files', async () => {
    const file = await xlsx(goodAndBad);
    expect(
      (await rejection(() => planning.import(pelaksana, importInput(file)))).extensions.code,
    ).toBe('FORBIDDEN');

    const tooBig = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41).toString('base64');
    const big = await rejection(() => planning.import(bpkad, importInput(tooBig)));
    expect([big.extensions.code, big.message]).toEqual([
      'BAD_USER_INPUT',
      'Berkas melebihi batas 10 MB.',
    ]);

    const notXlsx = await rejection(() =>
      planning.import(bpkad, importInput(csv('kode;nama\n1;Urusan\n'))),
    );
    expect(notXlsx.message).toBe('Berkas bukan XLSX yang sah (bukan arsip Office Open XML).');

    const noName = await rejection(() =>
      planning.import(bpkad, importInput(file, { versionName: null })),
    );
    expect(noName.message).toBe(
      "Versi 'uji-nomenklatur-2024' belum ada: isi nama versi dan dasar hukumnya untuk membuatnya.",
    );
  });
});

describe('planning codes: seed, browsing and citing', () => {
  beforeEach(async () => {
    expect(await planning.seedIfEmpty()).toBe(86 + 47 + 24);
  });

  it('seeds once, through the validated import, with the 2021 update active', async () => {
    expect(await planning.seedIfEmpty()).toBe(0);
    const versions = await planning.versions();
    expect(versions.map((v) => [v._id, v.active, v.counts.NOMENCLATURE, v.counts.ACCOUNT])).toEqual(
      expect.arrayContaining([
        ['kepmendagri-050-5889-2021', true, 86, 47],
        ['permendagri-90-2019', false, 24, 0],
      ]),
    );
    const imports = await planning.imports();
    expect(imports.every((report) => report.rejected === 0)).toBe(true);
  });

  it('browses the tree: top level, children with counts, search, path', async () => {
    expect((await planning.list({})).map((code) => code.code)).toEqual(['1']);
    expect((await planning.list({ kind: 'ACCOUNT' })).map((code) => code.code)).toEqual(['5', '6']);
    const programs = await planning.list({ parentCode: '1.03' });
    expect(programs.map((code) => code.code)).toEqual([
      '1.03.01',
      '1.03.02',
      '1.03.03',
      '1.03.06',
      '1.03.10',
    ]);
    const counts = await planning.childCounts(programs.map((code) => code._id));
    expect(Object.fromEntries(counts.map((c) => [c.parentId.split('|')[2], c.count]))).toEqual({
      '1.03.01': 2,
      '1.03.02': 2,
      '1.03.03': 1,
      '1.03.06': 1,
      '1.03.10': 1,
    });
    const found = await planning.list({ search: 'rumah sakit', level: 'SUB_KEGIATAN' });
    expect(found.map((code) => code.code)).toEqual([
      '1.02.02.2.01.0001',
      '1.02.02.2.01.0005',
      '1.02.02.2.01.0008',
    ]);
    const lkbb = await planning.get('6.1.04.04.01.0001', 'ACCOUNT');
    expect(lkbb?.name).toBe('Penerimaan Pinjaman Daerah dari Lembaga Keuangan Bukan Bank');
    expect((await planning.path(lkbb!)).map((code) => code.code)).toEqual([
      '6',
      '6.1',
      '6.1.04',
      '6.1.04.04',
      '6.1.04.04.01',
      '6.1.04.04.01.0001',
    ]);
    const old = await planning.get('1.03.03.2.01.01', 'NOMENCLATURE', 'permendagri-90-2019');
    expect(old?.level).toBe('SUB_KEGIATAN');
  });

  it('resolves cited sub kegiatan codes against the active version', async () => {
    expect(
      await planning.resolveSubKegiatan([
        '1.03.10.2.01.0002',
        ' 1.03.10.2.01.0002',
        '1.02.02.2.01.0001',
      ]),
    ).toEqual([
      {
        code: '1.03.10.2.01.0002',
        name: 'Pembangunan Jalan',
        versionId: 'kepmendagri-050-5889-2021',
      },
      {
        code: '1.02.02.2.01.0001',
        name: 'Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya',
        versionId: 'kepmendagri-050-5889-2021',
      },
    ]);

    const unknown = await rejection(() => planning.resolveSubKegiatan(['1.03.99.2.01.01']));
    expect([unknown.extensions.code, unknown.message]).toEqual([
      'BAD_USER_INPUT',
      `Kode sub kegiatan 1.03.99.2.01.01 tidak ada pada nomenklatur ${ACTIVE_NAME}.`,
    ]);
    const kegiatan = await rejection(() => planning.resolveSubKegiatan(['1.03.10.2.01']));
    expect(kegiatan.message).toBe(
      'Kode 1.03.10.2.01 adalah kode kegiatan, bukan kode sub kegiatan.',
    );
    const account = await rejection(() => planning.resolveSubKegiatan(['6.1.04.04.01.0001']));
    expect(account.message).toBe(
      'Kode 6.1.04.04.01.0001 adalah kode rekening, bukan kode sub kegiatan.',
    );
    // The 2019 code exists only in the inactive version, until that version is activated.
    const old = await rejection(() => planning.resolveSubKegiatan(['1.03.03.2.01.01']));
    expect(old.message).toContain('tidak ada pada nomenklatur');
    expect((await planning.activate(bpkad, 'permendagri-90-2019')).active).toBe(true);
    expect(await planning.resolveSubKegiatan(['1.03.03.2.01.01'])).toEqual([
      {
        code: '1.03.03.2.01.01',
        name: 'Pembangunan SPAM Jaringan Perpipaan di Kawasan Perkotaan',
        versionId: 'permendagri-90-2019',
      },
    ]);
    expect(
      (await planning.versions()).filter((version) => version.active).map((v) => v._id),
    ).toEqual(['permendagri-90-2019']);
    expect((await rejection(() => planning.activate(pelaksana, 'x'))).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('serves the GraphQL fields with a constant number of commands per list', async () => {
    const schema = buildSubgraphSchema([
      {
        typeDefs: cjsGraphql.parse(
          readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8'),
        ),
        resolvers: planningResolvers as never,
      },
    ]);
    const query = `query ($first: Int) {
      planningCodeVersions { id name active nomenclatureCount accountCount createdAt }
      planningCodes(level: SUB_KEGIATAN, first: $first) {
        code level levelLabel childCount path { code levelLabel childCount }
      }
      planningCodeImports(first: 1) { id importedAt importedBy { id name } rejections { row } }
    }`;
    const run = async (first: number, user: Principal | null = bpkad) => {
      let commands = 0;
      const count = () => (commands += 1);
      const client = connection.getClient();
      client.on('commandStarted', count);
      const result = await cjsGraphql.graphql({
        schema,
        source: query,
        variableValues: { first },
        contextValue: {
          principal: user,
          services: { planning },
          loaders: new RequestLoaders(),
        },
      });
      client.off('commandStarted', count);
      return { result, commands };
    };
    const small = await run(5);
    const large = await run(50);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const data = large.result.data as {
      planningCodeVersions: { id: string; active: boolean; createdAt: string }[];
      planningCodes: {
        code: string;
        levelLabel: string;
        childCount: number;
        path: { code: string; levelLabel: string; childCount: number }[];
      }[];
      planningCodeImports: { id: string; importedAt: string; importedBy: { id: string } }[];
    };
    expect(data.planningCodes).toHaveLength(50);
    expect(data.planningCodes[0]).toEqual({
      code: '1.02.01.2.01.0001',
      level: 'SUB_KEGIATAN',
      levelLabel: 'Sub Kegiatan',
      childCount: 0,
      path: [
        { code: '1', levelLabel: 'Urusan', childCount: 2 },
        { code: '1.02', levelLabel: 'Bidang Urusan', childCount: 2 },
        { code: '1.02.01', levelLabel: 'Program', childCount: 2 },
        { code: '1.02.01.2.01', levelLabel: 'Kegiatan', childCount: 7 },
        { code: '1.02.01.2.01.0001', levelLabel: 'Sub Kegiatan', childCount: 0 },
      ],
    });
    expect(data.planningCodeVersions.find((v) => v.active)?.id).toBe('kepmendagri-050-5889-2021');
    expect(data.planningCodeVersions[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(data.planningCodeImports[0]!.importedBy.id).toBe('system');
    expect(small.commands).toBe(large.commands);
    expect(small.commands).toBeLessThanOrEqual(9);

    const anonymous = await run(5, null);
    expect(anonymous.result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

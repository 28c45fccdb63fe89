import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  unauthenticated,
  type Principal,
  type Role,
  type TokenVerifier,
} from '@sipadu/service-kit';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSetModel } from '../models/data-set.model.js';
import { openDataRoutes, toCsv } from '../routes/open-data.routes.js';
import type { AssessmentService } from './assessment.service.js';
import { DataSetService } from './data-set.service.js';
import { OwnerUnavailableError, type OwnerClient } from './owner-client.js';

// The walidata registry against the real FerretDB (seeded once, edits kept, reader rules,
// walidata-only edits) and the open-data routes over HTTP: the DCAT catalog, CSV and JSON of the
// numbers the stand-in owners give, 401/403/404/503 as Indonesian JSON errors.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-insights-datasets-${randomUUID().slice(0, 8)}`;

const user = (role: Role, organizationCode: string | null, id: string = role): Principal => ({
  kind: 'user',
  id,
  username: id,
  name: `Nama ${id}`,
  email: null,
  organizationCode,
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: 0,
});
const principals: Record<string, Principal> = {
  superAdmin: user('super-admin', 'DISKOMINFO'),
  pimpinan: user('pimpinan', 'SETDA'),
  adminDpupr: user('admin-opd', 'DPUPR', 'admin-dpupr'),
  adminSetda: user('admin-opd', 'SETDA', 'admin-setda'),
  adminBpkad: user('admin-opd', 'BPKAD', 'admin-bpkad'),
  pelaksana: user('pelaksana', 'DPUPR'),
  statistik: { ...user('publik', null), kind: 'client', roles: [], scopes: ['sipadu:statistik'] },
};
const verifyToken: TokenVerifier = async (token) => {
  const principal = principals[token];
  if (!principal) throw unauthenticated('Token akses tidak valid.');
  return principal;
};

let surveysDown = false;
const owners = {
  organizations: async () =>
    ['SETDA', 'BPKAD', 'DISKOMINFO', 'DPUPR', 'RSUD'].map((code) => ({
      code,
      name: code === 'SETDA' ? 'Sekretariat Daerah Kota Jambi' : `Organisasi ${code}`,
      kind: 'DINAS',
      latitude: null,
      longitude: null,
    })),
  organizationSatisfaction: async () => {
    if (surveysDown) throw new OwnerUnavailableError('surveys');
    return [
      {
        organizationCode: 'DPUPR',
        organizationName: 'Dinas PUPR, Kota "Jambi"',
        ikm: 3.1,
        ikmConverted: 77.5,
        grade: 'B',
        performance: 'Baik',
        respondents: 40,
        sampleAdequate: true,
      },
    ];
  },
  loanProjects: async (filter: { fiscalYear?: number }) =>
    [
      { code: 'PIN-2026-001', fiscalYear: 2026, stage: 'IMPLEMENTATION' },
      { code: 'PIN-2025-001', fiscalYear: 2025, stage: 'COMPLETED' },
      { code: 'PIN-2026-002', fiscalYear: 2026, stage: 'DRAFT' },
    ]
      .filter((p) => !filter.fiscalYear || p.fiscalYear === filter.fiscalYear)
      .map((p) => ({
        ...p,
        id: p.code,
        name: `Proyek ${p.code}`,
        organizationCode: 'DPUPR',
        organizationName: 'Dinas PUPR',
        lenderOrganizationCode: 'PTSMI',
        lenderName: 'PT SMI',
        stageLabel: p.stage,
        amount: 1_000_000,
        physicalProgress: 40,
        financialProgress: 30,
        behindPlan: false,
        progressPlan: [],
      })),
  complaintStatisticsByRange: async (ranges: Array<{ from: string }>) =>
    ranges.map((range) => ({
      organizations: range.from.startsWith('2026-02')
        ? [{ organizationCode: 'DPUPR', organizationName: 'Dinas PUPR', received: 3 }]
        : [],
    })),
} as unknown as OwnerClient;
const assessments = {
  list: async (period: string) => ({
    items: ['DPUPR', 'RSUD'].map((code, index) => ({
      organizationCode: code,
      organizationName: code,
      period: { key: period },
      rank: index + 1,
      score: 80 - index,
      grade: 'B',
      gradeLabel: 'Baik',
      coverage: 35,
      methodVersion: 1,
      components: [{ key: 'SATISFACTION', score: 70 }],
    })),
  }),
} as unknown as AssessmentService;

let connection: Connection;
let dataSets: DataSetService;
let server: Server;
let base: string;

const get = (path: string, token?: string) =>
  fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { extensions?: { code?: string } }).extensions?.code);
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  dataSets = new DataSetService({
    connection,
    owners,
    assessments,
    publicApiUrl: 'https://api.sipadu.example/',
    publisher: 'Pemerintah Kota Jambi',
    timeZone: 'Asia/Jakarta',
  });
  await Promise.all([dataSets.init(), dataSets.init()]);
  const app = express();
  openDataRoutes(app, { dataSets, verifyToken, logger: createLogger('insights-test', 'silent') });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await connection?.dropDatabase();
  await connection?.close();
});

describe('data set registry', () => {
  it('shows the public only the open data sets; readers also their internal ones', async () => {
    const ids = async (principal: Principal | null) =>
      (await dataSets.list(principal)).map((d) => d.id);
    const open = [
      'ikm-per-organisasi',
      'standar-pelayanan-terbit',
      'proyek-pinjaman-daerah',
      'statistik-pengaduan',
    ];
    expect(await ids(null)).toEqual(open);
    expect(await ids(principals.pelaksana!)).toEqual(open);
    expect(await ids(principals.pimpinan!)).toEqual([
      ...open,
      'kinerja-organisasi',
      'kepatuhan-waktu-layanan',
    ]);
    expect(await ids(principals.adminDpupr!)).toEqual([...open, 'kinerja-organisasi']);
    expect(await ids(principals.statistik!)).toHaveLength(6);
    expect(await dataSets.get(null, 'kinerja-organisasi')).toBeNull();
    expect(await dataSets.get(null, 'tidak-ada')).toBeNull();

    const ikm = (await dataSets.get(null, 'ikm-per-organisasi'))!;
    expect(ikm).toMatchObject({
      walidataCode: 'SETDA',
      walidataName: 'Sekretariat Daerah Kota Jambi',
      classification: 'TERBUKA',
      license: 'CC-BY-4.0',
      downloads: [
        { format: 'CSV', mediaType: 'text/csv', url: '/open-data/ikm-per-organisasi.csv' },
        {
          format: 'JSON',
          mediaType: 'application/json',
          url: '/open-data/ikm-per-organisasi.json',
        },
      ],
    });
    expect(ikm.period).toMatch(/^\d{4}$/);
  });

  it('lets super-admin and the walidata edit, keeps edits across restarts', async () => {
    const id = 'kepatuhan-waktu-layanan';
    expect(
      await failure(
        dataSets.update(principals.adminDpupr!, id, { readerOrganizations: ['DPUPR'] }),
      ),
    ).toBe('FORBIDDEN');
    expect(await failure(dataSets.update(principals.pelaksana!, id, {}))).toBe('FORBIDDEN');
    expect(await failure(dataSets.update(principals.superAdmin!, 'tidak-ada', {}))).toBe(
      'NOT_FOUND',
    );
    for (const input of [
      { readerRoles: ['raja'] },
      { readerOrganizations: ['XYZ'] },
      { readerOrganizations: ['bukan kode!'] },
      { updateFrequency: 'Kadang' },
      { description: 'pendek' },
    ]) {
      expect(
        await failure(dataSets.update(principals.superAdmin!, id, input)),
        JSON.stringify(input),
      ).toBe('BAD_USER_INPUT');
    }
    const updated = await dataSets.update(principals.superAdmin!, id, {
      readerOrganizations: ['dpupr'],
      updateFrequency: 'Bulanan',
    });
    expect(updated).toMatchObject({ readerOrganizations: ['DPUPR'], updateFrequency: 'Bulanan' });
    // DPUPR now reads it, whatever its role.
    expect(await dataSets.get(principals.pelaksana!, id)).not.toBeNull();

    const walidata = await dataSets.update(principals.adminSetda!, 'kinerja-organisasi', {
      classification: 'TERBATAS',
      readerRoles: ['pimpinan'],
    });
    expect(walidata.classification).toBe('TERBATAS');
    // TERBATAS: only the walidata and reader organizations.
    expect(await dataSets.get(principals.adminDpupr!, 'kinerja-organisasi')).toBeNull();
    expect(await dataSets.get(principals.adminSetda!, 'kinerja-organisasi')).not.toBeNull();

    await dataSets.init();
    const stored = await dataSetModel(connection).findById(id).lean().exec();
    expect(stored).toMatchObject({
      readerOrganizations: ['DPUPR'],
      updateFrequency: 'Bulanan',
      modifiedBy: { id: 'super-admin' },
    });
    await dataSets.update(principals.superAdmin!, 'kinerja-organisasi', {
      classification: 'INTERNAL',
      readerRoles: ['pimpinan', 'super-admin', 'evaluator', 'admin-opd'],
    });
  });
});

describe('open data routes', () => {
  it('publishes a DCAT catalog of the open data sets', async () => {
    const response = await get('/open-data/catalog.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const catalog = (await response.json()) as Record<string, unknown> & {
      'dcat:dataset': Array<Record<string, unknown>>;
    };
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:publisher']).toEqual({
      '@type': 'foaf:Agent',
      'foaf:name': 'Pemerintah Kota Jambi',
    });
    expect(catalog['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual([
      'ikm-per-organisasi',
      'standar-pelayanan-terbit',
      'proyek-pinjaman-daerah',
      'statistik-pengaduan',
    ]);
    const ikm = catalog['dcat:dataset'][0]!;
    expect(ikm).toMatchObject({
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dcat:contactPoint': { 'vcard:fn': 'Sekretariat Daerah Kota Jambi' },
      'dct:accrualPeriodicity': {
        '@id': 'http://publications.europa.eu/resource/authority/frequency/CONT',
      },
    });
    expect(ikm['dcat:distribution']).toEqual([
      expect.objectContaining({
        'dcat:downloadURL': {
          '@id': 'https://api.sipadu.example/open-data/ikm-per-organisasi.csv',
        },
        'dcat:mediaType': 'text/csv',
      }),
      expect.objectContaining({ 'dcat:mediaType': 'application/json' }),
    ]);
    expect(ikm['dct:temporal']).toBeDefined();
  });

  it('downloads an open data set as CSV (BOM, RFC 4180) and JSON with the same rows', async () => {
    const csv = await get('/open-data/ikm-per-organisasi.csv?period=2026-S1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('ikm-per-organisasi-2026-S1.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      'organizationCode,organizationName,period,respondents,ikm,ikmConverted,grade,performance\r\n' +
        'DPUPR,"Dinas PUPR, Kota ""Jambi""",2026-S1,40,3.1,77.5,B,Baik\r\n',
    );

    const json = await get('/open-data/ikm-per-organisasi.json?period=2026-S1');
    const body = (await json.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      dataSet: { id: 'ikm-per-organisasi', classification: 'TERBUKA' },
      period: { key: '2026-S1', label: 'Semester I 2026', from: '2026-01-01', to: '2026-06-30' },
      rows: [{ organizationCode: 'DPUPR', ikmConverted: 77.5, period: '2026-S1' }],
    });
    expect(typeof body.generatedAt).toBe('string');

    const projects = (await (await get('/open-data/proyek-pinjaman-daerah.json')).json()) as {
      period: unknown;
      rows: Array<{ code: string }>;
    };
    expect(projects.period).toBeNull();
    expect(projects.rows.map((r) => r.code)).toEqual(['PIN-2026-001', 'PIN-2025-001']);
    const year = (await (
      await get('/open-data/proyek-pinjaman-daerah.json?period=2025')
    ).json()) as {
      rows: Array<{ code: string }>;
    };
    expect(year.rows.map((r) => r.code)).toEqual(['PIN-2025-001']);

    const complaints = (await (
      await get('/open-data/statistik-pengaduan.json?period=2026-Q1')
    ).json()) as { rows: Array<Record<string, unknown>> };
    expect(complaints.rows).toEqual([
      expect.objectContaining({ month: '2026-02', organizationCode: 'DPUPR', received: 3 }),
    ]);
  });

  it('answers 400, 404 and 503 as Indonesian JSON errors', async () => {
    const bad = await get('/open-data/ikm-per-organisasi.csv?period=2026-Q7');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect((await get('/open-data/proyek-pinjaman-daerah.csv?period=2026-S1')).status).toBe(400);
    expect((await get('/open-data/standar-pelayanan-terbit.csv?period=2026')).status).toBe(400);
    expect((await get('/open-data/tidak-ada.csv')).status).toBe(404);
    expect((await get('/open-data/ikm-per-organisasi.xml')).status).toBe(404);
    surveysDown = true;
    const down = await get('/open-data/ikm-per-organisasi.json');
    surveysDown = false;
    expect(down.status).toBe(503);
    const body = (await down.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toContain('SIPUTRI');
  });

  it('asks a token for internal data sets and applies the reader rules and row scope', async () => {
    const path = '/open-data/kinerja-organisasi.json?period=2026';
    expect((await get(path)).status).toBe(401);
    expect((await get(path, 'token-palsu')).status).toBe(401);
    expect((await get(path, 'pelaksana')).status).toBe(403);
    const rowsOf = async (token: string) =>
      (
        (await (await get(path, token)).json()) as { rows: Array<{ organizationCode: string }> }
      ).rows.map((row) => row.organizationCode);
    expect(await rowsOf('pimpinan')).toEqual(['DPUPR', 'RSUD']);
    expect(await rowsOf('adminSetda')).toEqual(['DPUPR', 'RSUD']);
    expect(await rowsOf('adminDpupr')).toEqual(['DPUPR']);
    expect(await rowsOf('statistik')).toEqual(['DPUPR', 'RSUD']);
    const csv = await get('/open-data/kinerja-organisasi.csv?period=2026', 'pimpinan');
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('csv', () => {
  it('quotes commas, quotes and line breaks and leaves null empty', () => {
    const fields = ['a', 'b', 'c'].map((name) => ({
      name,
      title: name,
      type: 'string',
      description: null,
    }));
    expect(toCsv(fields, [{ a: 'x\ny', b: null, c: true }])).toBe(
      '\uFEFFa,b,c\r\n"x\ny",,true\r\n',
    );
  });
});

import { randomUUID } from 'node:crypto';
import { OrganizationDirectory } from '@sipadu/directory';
import { createEvent, Outbox, PENDING_EVENTS_FIELD, type OutboxRow } from '@sipadu/events';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITE_CLAIMS } from '@sipadu/events';
import { seedDemoStandards } from '../seed/standards.seed.js';
import { ServicePledgeService } from './service-pledge.service.js';
import { ServiceStandardService } from './service-standard.service.js';

// Standards, the directory and pledges against the real FerretDB: claimed writes per revision,
// events stored with the record and moved to the outbox.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const suffix = randomUUID().slice(0, 8);
const DATABASE = `test-surveys-std-${suffix}`;
const SEED_DATABASE = `test-surveys-seed-${suffix}`;

const ORGANIZATIONS = [
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'DINAS' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS' },
  { code: 'RSUD', name: 'RSUD H. Abdul Manap Kota Jambi', kind: 'RSUD' },
  { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP', kind: 'DINAS' },
  { code: 'KEC-KOTABARU', name: 'Kecamatan Kota Baru', kind: 'KECAMATAN' },
  { code: 'PTSMI', name: 'PT Sarana Multi Infrastruktur (Persero)', kind: 'LENDER' },
];

const user = (role: Role, organizationCode: string | null, id = `${role}-${organizationCode}`) =>
  ({
    kind: 'user',
    id,
    username: role,
    name: `${role} ${organizationCode ?? ''}`.trim(),
    email: null,
    organizationCode,
    roles: [role],
    clientId: null,
    scopes: [],
    expiresAt: 0,
  }) satisfies Principal;

const adminDukcapil = user('admin-opd', 'DISDUKCAPIL');
const adminDinkes = user('admin-opd', 'DINKES');
const superAdmin = user('super-admin', 'DISKOMINFO');
const evaluator = user('evaluator', 'INSPEKTORAT');

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return {
      code: String((error as GraphQLError).extensions.code),
      message: (error as Error).message,
    };
  }
  throw new Error('expected a failure');
}

function standardInput(
  over: Record<string, unknown> = {},
  components: Record<string, unknown> = {},
) {
  return {
    name: 'Penerbitan KTP Elektronik',
    category: 'Administrasi Kependudukan',
    description: 'Perekaman dan pencetakan KTP-el.',
    onlineServiceUrl: null,
    ...over,
    components: {
      legalBasis: ['Undang-Undang Nomor 24 Tahun 2013'],
      requirements: ['  Kartu Keluarga asli  ', ''],
      procedure: ['Ambil antrean', 'Perekaman biometrik', 'Pencetakan'],
      completionTime: '1 hari kerja',
      completionDays: 1,
      cost: 'Gratis',
      products: ['KTP-el'],
      facilities: ['Ruang tunggu'],
      officerCompetence: ['Menguasai SIAK'],
      internalSupervision: 'Atasan langsung',
      complaintHandling: 'SP4N-LAPOR!',
      numberOfOfficers: 5,
      serviceGuarantee: 'Sesuai standar',
      securityGuarantee: 'Data dijaga',
      performanceEvaluation: 'SKM tiap semester',
      ...components,
    },
  };
}

interface Stack {
  connection: Connection;
  outbox: Outbox;
  organizations: OrganizationDirectory;
  standards: ServiceStandardService;
  pledges: ServicePledgeService;
}

async function startStack(database: string): Promise<Stack> {
  const connection = await mongoose.createConnection(MONGO_URL, { dbName: database }).asPromise();
  await connection.dropDatabase();
  const outbox = new Outbox({ connection });
  const organizations = new OrganizationDirectory(connection);
  const standards = new ServiceStandardService({ connection, outbox, organizations });
  const pledges = new ServicePledgeService({ connection, outbox, organizations });
  await Promise.all([organizations.init(), standards.init(), pledges.init(), outbox.init()]);
  return { connection, outbox, organizations, standards, pledges };
}

function organizationCreated(code: string, name: string, kind: string) {
  return createEvent(
    'identity.organization.created',
    { organizationCode: code, name, kind, parentCode: null },
    { actor: { type: 'system', id: null }, subject: { type: 'organization', id: code }, org: code },
  );
}

async function announceOrganizations(organizations: OrganizationDirectory): Promise<void> {
  for (const org of ORGANIZATIONS) {
    await organizations.applyIdentity(organizationCreated(org.code, org.name, org.kind));
  }
}

let stack: Stack;
let standards: ServiceStandardService;
let pledges: ServicePledgeService;

beforeAll(async () => {
  stack = await startStack(DATABASE);
  ({ standards, pledges } = stack);
  await announceOrganizations(stack.organizations);
});

beforeEach(async () => {
  await standards.model.deleteMany({});
  await pledges.model.deleteMany({});
  await stack.outbox.rows.deleteMany({});
  // Pledges keep their id (the organization code): their old revision claims must go too.
  await stack.connection.collection(WRITE_CLAIMS).deleteMany({});
});

afterAll(async () => {
  await stack?.connection.dropDatabase();
  await stack?.connection.close();
});

async function outboxRows(type: string): Promise<OutboxRow[]> {
  return stack.outbox.rows.find({ type }).sort({ seq: 1 }).toArray();
}

async function publishedStandard(
  principal: Principal,
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await standards.create(principal, standardInput(over));
  await standards.publish(principal, created.id);
  return created.id;
}

describe('organization directory', () => {
  it('knows agencies from identity events and keeps lenders out', async () => {
    const { organizations } = stack;
    expect(await organizations.name('DINKES')).toBe('Dinas Kesehatan');
    expect(await organizations.exists('DINKES')).toBe(true);
    expect(await organizations.exists('PTSMI')).toBe(false);
    expect(await organizations.exists('TIDAKADA')).toBe(false);
    const names = await organizations.names(['DINKES', 'RSUD', 'TIDAKADA']);
    expect([...names.keys()].sort()).toEqual(['DINKES', 'RSUD']);
    const list = await organizations.list();
    expect(list.map((org) => org.code)).not.toContain('PTSMI');
    expect(list.map((org) => org.name)).toEqual([...list.map((org) => org.name)].sort());
  });
});

describe('service standards', () => {
  it('creates a service with its first draft, invisible to the public', async () => {
    const created = await standards.create(adminDukcapil, standardInput());
    expect(created).toMatchObject({
      organizationCode: 'DISDUKCAPIL',
      organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
      status: 'DRAFT',
      published: null,
      name: 'Penerbitan KTP Elektronik',
      surveyPath: `/survei/${created.id}`,
    });
    expect(created.draft).toMatchObject({ version: 1, state: 'DRAFT', revision: 0 });
    // Trimmed, blank items dropped.
    expect(created.draft?.components.requirements).toEqual(['Kartu Keluarga asli']);
    expect(created.versions.map((v) => v.state)).toEqual(['DRAFT']);

    expect(await standards.get(null, created.id)).toBeNull();
    expect(await standards.get(adminDinkes, created.id)).toBeNull();
    expect((await standards.get(adminDukcapil, created.id))?.draft?.name).toBe(
      'Penerbitan KTP Elektronik',
    );
    expect((await standards.get(superAdmin, created.id))?.status).toBe('DRAFT');
    expect((await standards.directory({})).totalCount).toBe(0);
    const managed = await standards.managed(adminDukcapil, {});
    expect(managed.edges.map((edge) => edge.node.id)).toEqual([created.id]);
  });

  it('validates the input with Indonesian messages naming the field', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ name: 'KT' }, {}, 'Nama layanan'],
      [{ category: ' ' }, {}, 'Kategori layanan'],
      [{}, { requirements: ['  '] }, 'Persyaratan'],
      [{}, { procedure: [] }, 'prosedur'],
      [{}, { products: [] }, 'Produk pelayanan'],
      [{ onlineServiceUrl: 'ftp://contoh.go.id' }, {}, 'Tautan layanan daring'],
      [{ onlineServiceUrl: 'bukan alamat' }, {}, 'Tautan layanan daring'],
      [{}, { completionDays: 400 }, 'hari kerja'],
      [{}, { numberOfOfficers: -1 }, 'Jumlah pelaksana'],
    ];
    for (const [over, components, field] of cases) {
      const { code, message } = await failure(
        standards.create(adminDukcapil, standardInput(over, components)),
      );
      expect(code).toBe('BAD_USER_INPUT');
      expect(message).toContain(field);
    }
    const unknown = await failure(
      standards.create(superAdmin, standardInput({ organizationCode: 'TIDAKADA' })),
    );
    expect(unknown).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Organisasi TIDAKADA tidak dikenal.',
    });
    expect(
      (await failure(standards.create(superAdmin, standardInput({ organizationCode: 'PTSMI' }))))
        .code,
    ).toBe('BAD_USER_INPUT');
    // A super-admin must name the organization.
    expect((await failure(standards.create(superAdmin, standardInput()))).code).toBe(
      'BAD_USER_INPUT',
    );
    const created = await standards.create(
      superAdmin,
      standardInput({ organizationCode: 'RSUD', onlineServiceUrl: ' https://rsud.go.id/antrean ' }),
    );
    expect(created.organizationCode).toBe('RSUD');
    expect(created.draft?.onlineServiceUrl).toBe('https://rsud.go.id/antrean');
  });

  it('lets an admin-opd edit only its own organization', async () => {
    expect(
      (
        await failure(
          standards.create(adminDinkes, standardInput({ organizationCode: 'DISDUKCAPIL' })),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await failure(standards.create(null, standardInput()))).code).toBe('UNAUTHENTICATED');
    expect((await failure(standards.create(evaluator, standardInput()))).code).toBe('FORBIDDEN');

    const own = await standards.create(adminDinkes, standardInput({ organizationCode: 'DINKES' }));
    expect(own.organizationCode).toBe('DINKES');
    const id = (await standards.create(adminDukcapil, standardInput())).id;
    expect((await failure(standards.saveDraft(adminDinkes, id, standardInput()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(standards.publish(adminDinkes, id))).code).toBe('FORBIDDEN');
    expect((await failure(standards.discardDraft(adminDinkes, id))).code).toBe('FORBIDDEN');
    expect((await failure(standards.publish(null, id))).code).toBe('UNAUTHENTICATED');
    expect((await failure(standards.publish(adminDinkes, randomUUID()))).code).toBe('NOT_FOUND');
    expect(
      (await failure(standards.managed(adminDinkes, { organizationCode: 'DISDUKCAPIL' }))).code,
    ).toBe('FORBIDDEN');
    // The owner cannot be moved by a save.
    expect(
      (
        await failure(
          standards.saveDraft(superAdmin, id, standardInput({ organizationCode: 'RSUD' })),
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
    // super-admin edits any organization.
    expect((await standards.publish(superAdmin, id)).status).toBe('PUBLISHED');
  });

  it('publishes, keeps the published version public while a draft is edited, and versions', async () => {
    const created = await standards.create(adminDukcapil, standardInput());
    const v1 = await standards.publish(adminDukcapil, created.id);
    expect(v1.status).toBe('PUBLISHED');
    expect(v1.draft).toBeNull();
    expect(v1.published).toMatchObject({
      version: 1,
      state: 'PUBLISHED',
      publishedBy: { id: adminDukcapil.id, organizationCode: 'DISDUKCAPIL' },
    });

    const publicView = await standards.get(null, created.id);
    expect(publicView).toMatchObject({ status: 'PUBLISHED', draft: null, versions: [] });
    expect(publicView?.published?.name).toBe('Penerbitan KTP Elektronik');

    const revision = (await standards.get(adminDukcapil, created.id))!.published!.revision;
    const edited = await standards.saveDraft(
      adminDukcapil,
      created.id,
      standardInput({ name: 'Penerbitan KTP-el dan IKD' }, { cost: 'Gratis (UU 24/2013)' }),
      revision,
    );
    expect(edited.status).toBe('PUBLISHED_WITH_DRAFT');
    expect(edited.draft).toMatchObject({ version: 2, name: 'Penerbitan KTP-el dan IKD' });
    expect(edited.name).toBe('Penerbitan KTP Elektronik');

    // The public still reads version 1, in the item and in the directory.
    const stillPublic = await standards.get(null, created.id);
    expect(stillPublic?.published?.name).toBe('Penerbitan KTP Elektronik');
    expect(stillPublic?.published?.components.cost).toBe('Gratis');
    expect(stillPublic?.draft).toBeNull();
    const listed = await standards.directory({});
    expect(listed.edges.map((edge) => edge.node.name)).toEqual(['Penerbitan KTP Elektronik']);
    expect(listed.edges[0]!.node.draft).toBeNull();
    expect((await standards.directory({ search: 'ikd' })).totalCount).toBe(0);

    const v2 = await standards.publish(adminDukcapil, created.id);
    expect(v2.status).toBe('PUBLISHED');
    expect(v2.name).toBe('Penerbitan KTP-el dan IKD');
    expect(v2.versions.map((v) => [v.version, v.state])).toEqual([
      [2, 'PUBLISHED'],
      [1, 'SUPERSEDED'],
    ]);
    expect((await standards.get(null, created.id))?.published?.components.cost).toBe(
      'Gratis (UU 24/2013)',
    );
    expect((await standards.directory({ search: 'IKD' })).totalCount).toBe(1);

    // Events: one per publication, payload per the schema, none left on the record.
    const rows = await outboxRows('surveys.standard.published');
    expect(rows).toHaveLength(2);
    const envelope = JSON.parse(rows[1]!.envelope) as Record<string, unknown>;
    expect(envelope).toMatchObject({
      subject: { type: 'ServiceStandard', id: created.id },
      org: 'DISDUKCAPIL',
      actor: { type: 'user', id: adminDukcapil.id },
      data: {
        standard: {
          id: created.id,
          name: 'Penerbitan KTP-el dan IKD',
          category: 'Administrasi Kependudukan',
          organizationCode: 'DISDUKCAPIL',
          organizationName: 'Dinas Kependudukan dan Pencatatan Sipil',
        },
        version: 2,
        publishedBy: {
          id: adminDukcapil.id,
          name: adminDukcapil.name,
          organizationCode: 'DISDUKCAPIL',
        },
      },
    });
    expect(rows.every((row) => row.sentAt === null)).toBe(true);
    const raw = await standards.model.collection.findOne({ _id: created.id as never });
    expect(raw?.[PENDING_EVENTS_FIELD] ?? []).toEqual([]);
  });

  it('discards a draft without touching the published version', async () => {
    const id = await publishedStandard(adminDukcapil);
    expect((await failure(standards.discardDraft(adminDukcapil, id))).code).toBe('BAD_USER_INPUT');
    await standards.saveDraft(adminDukcapil, id, standardInput({ name: 'Nama baru' }));
    const discarded = await standards.discardDraft(adminDukcapil, id);
    expect(discarded).toMatchObject({
      status: 'PUBLISHED',
      draft: null,
      name: 'Penerbitan KTP Elektronik',
    });
    expect(discarded.published?.version).toBe(1);
    expect((await failure(standards.publish(adminDukcapil, id))).code).toBe('BAD_USER_INPUT');

    const draftOnly = await standards.create(
      adminDukcapil,
      standardInput({ name: 'Akta Kematian' }),
    );
    const never = await failure(standards.discardDraft(adminDukcapil, draftOnly.id));
    expect(never.code).toBe('BAD_USER_INPUT');
  });

  it('lets exactly one of two saves at the same revision win', async () => {
    const created = await standards.create(adminDukcapil, standardInput());
    const revision = created.draft!.revision;
    const results = await Promise.allSettled([
      standards.saveDraft(
        adminDukcapil,
        created.id,
        standardInput({ name: 'Versi Ani' }),
        revision,
      ),
      standards.saveDraft(superAdmin, created.id, standardInput({ name: 'Versi Budi' }), revision),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(
      String(((lost[0] as PromiseRejectedResult).reason as GraphQLError).extensions.code),
    ).toBe('CONFLICT');
    const winner = (won[0] as PromiseFulfilledResult<{ name: string }>).value.name;
    expect((await standards.get(adminDukcapil, created.id))?.draft?.name).toBe(winner);
    // A stale revision is refused; saving without one writes on the latest.
    expect(
      (await failure(standards.saveDraft(adminDukcapil, created.id, standardInput(), revision)))
        .code,
    ).toBe('CONFLICT');
    const latest = await standards.saveDraft(
      adminDukcapil,
      created.id,
      standardInput({ name: 'Akhir' }),
    );
    expect(latest.draft?.revision).toBe(revision + 2);
  });

  it('serves many concurrent saves without losing the record', async () => {
    const created = await standards.create(adminDukcapil, standardInput());
    const saves = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        standards.saveDraft(adminDukcapil, created.id, standardInput({ name: `Versi ${i}` })),
      ),
    );
    const ok = saves.filter((save) => save.status === 'fulfilled').length;
    expect(ok).toBeGreaterThan(0);
    const record = await standards.get(adminDukcapil, created.id);
    expect(record?.draft?.revision).toBe(ok);
  });
});

describe('public directory', () => {
  beforeEach(async () => {
    await publishedStandard(adminDukcapil, { name: 'Penerbitan KTP Elektronik' });
    await publishedStandard(adminDukcapil, { name: 'Penerbitan Kartu Keluarga' });
    await publishedStandard(adminDukcapil, {
      name: 'Penerbitan Akta Kelahiran',
      category: 'Pencatatan Sipil',
    });
    await publishedStandard(superAdmin, {
      organizationCode: 'RSUD',
      name: 'Pelayanan Rawat Jalan',
      category: 'Kesehatan',
    });
    await publishedStandard(superAdmin, {
      organizationCode: 'RSUD',
      name: 'Pelayanan Instalasi Gawat Darurat',
      category: 'Kesehatan',
    });
    await publishedStandard(adminDinkes, {
      name: 'Penerbitan Surat Izin Praktik Tenaga Kesehatan',
      category: 'Perizinan Kesehatan',
    });
    // Never published: in no public list or count.
    await standards.create(
      adminDinkes,
      standardInput({ name: 'Sertifikat Laik Higiene Sanitasi' }),
    );
  });

  it('lists published standards by organization name then service name', async () => {
    const all = await standards.directory({ first: 50 });
    expect(all.totalCount).toBe(6);
    expect(all.edges.map((edge) => `${edge.node.organizationCode}: ${edge.node.name}`)).toEqual([
      'DISDUKCAPIL: Penerbitan Akta Kelahiran',
      'DISDUKCAPIL: Penerbitan Kartu Keluarga',
      'DISDUKCAPIL: Penerbitan KTP Elektronik',
      'DINKES: Penerbitan Surat Izin Praktik Tenaga Kesehatan',
      'RSUD: Pelayanan Instalasi Gawat Darurat',
      'RSUD: Pelayanan Rawat Jalan',
    ]);
    expect(
      all.edges.every((edge) => edge.node.draft === null && edge.node.versions.length === 0),
    ).toBe(true);
  });

  it('searches service name, organization name and category, case-insensitively', async () => {
    const names = async (args: Parameters<ServiceStandardService['directory']>[0]) =>
      (await standards.directory(args)).edges.map((edge) => edge.node.name);
    expect(await names({ search: 'ktp' })).toEqual(['Penerbitan KTP Elektronik']);
    expect(await names({ search: '  KARTU keluarga ' })).toEqual(['Penerbitan Kartu Keluarga']);
    expect(await names({ search: 'abdul manap' })).toHaveLength(2);
    expect(await names({ search: 'kesehatan' })).toEqual([
      'Penerbitan Surat Izin Praktik Tenaga Kesehatan',
      'Pelayanan Instalasi Gawat Darurat',
      'Pelayanan Rawat Jalan',
    ]);
    expect(await names({ search: 'higiene' })).toEqual([]);
    expect(await names({ search: '(.*' })).toEqual([]);
    expect(await names({ category: 'Kesehatan' })).toEqual([
      'Pelayanan Instalasi Gawat Darurat',
      'Pelayanan Rawat Jalan',
    ]);
    expect(await names({ organizationCode: 'DISDUKCAPIL', search: 'penerbitan' })).toHaveLength(3);
  });

  it('counts published standards per category and organization', async () => {
    const facets = await standards.facets();
    expect(facets.categories).toEqual([
      { value: 'Administrasi Kependudukan', label: 'Administrasi Kependudukan', count: 2 },
      { value: 'Kesehatan', label: 'Kesehatan', count: 2 },
      { value: 'Pencatatan Sipil', label: 'Pencatatan Sipil', count: 1 },
      { value: 'Perizinan Kesehatan', label: 'Perizinan Kesehatan', count: 1 },
    ]);
    expect(facets.organizations).toEqual([
      { value: 'DISDUKCAPIL', label: 'Dinas Kependudukan dan Pencatatan Sipil', count: 3 },
      { value: 'DINKES', label: 'Dinas Kesehatan', count: 1 },
      { value: 'RSUD', label: 'RSUD H. Abdul Manap Kota Jambi', count: 2 },
    ]);
  });

  it('pages with cursors and a total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result = await standards.directory({ first: 4, after });
      expect(result.totalCount).toBe(6);
      seen.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect((await failure(standards.directory({ after: 'rusak' }))).code).toBe('BAD_USER_INPUT');
    expect((await failure(standards.directory({ first: 0 }))).code).toBe('BAD_USER_INPUT');
  });

  it('gives editors their organization, super-admins all or one', async () => {
    expect((await standards.managed(adminDinkes, {})).totalCount).toBe(2);
    expect((await standards.managed(superAdmin, {})).totalCount).toBe(7);
    expect((await standards.managed(superAdmin, { organizationCode: 'RSUD' })).totalCount).toBe(2);
    const drafts = await standards.managed(adminDinkes, { search: 'higiene' });
    expect(drafts.edges.map((edge) => edge.node.status)).toEqual(['DRAFT']);
    expect((await failure(standards.managed(null, {}))).code).toBe('UNAUTHENTICATED');
    expect((await failure(standards.managed(evaluator, {}))).code).toBe('FORBIDDEN');
  });

  it('names services for the survey and the index', async () => {
    const refs = await standards.serviceRefs({ organizationCode: 'DINKES' });
    expect(refs.map((ref) => [ref.name, ref.published])).toEqual([
      ['Penerbitan Surat Izin Praktik Tenaga Kesehatan', true],
      ['Sertifikat Laik Higiene Sanitasi', false],
    ]);
    expect(await standards.serviceRefs({ publishedOnly: true })).toHaveLength(6);
    const ref = await standards.serviceRef(refs[0]!.id);
    expect(ref).toEqual({
      id: refs[0]!.id,
      name: 'Penerbitan Surat Izin Praktik Tenaga Kesehatan',
      category: 'Perizinan Kesehatan',
      organizationCode: 'DINKES',
      organizationName: 'Dinas Kesehatan',
      published: true,
    });
    expect(await standards.serviceRef(randomUUID())).toBeNull();
  });

  it('follows a new organization name announced by identity', async () => {
    await pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput());
    await stack.organizations.applyIdentity(
      organizationCreated('DINKES', 'Dinas Kesehatan Kota Jambi', 'DINAS'),
    );
    const refs = await standards.serviceRefs({ organizationCode: 'DINKES' });
    expect(refs.every((ref) => ref.organizationName === 'Dinas Kesehatan Kota Jambi')).toBe(true);
    expect(
      (await standards.directory({ search: 'kota jambi' })).edges.map(
        (e) => e.node.organizationCode,
      ),
    ).toContain('DINKES');
    expect((await pledges.get(adminDinkes, 'DINKES'))?.organizationName).toBe(
      'Dinas Kesehatan Kota Jambi',
    );
    await stack.organizations.applyIdentity(
      organizationCreated('DINKES', 'Dinas Kesehatan', 'DINAS'),
    );
  });
});

function pledgeInput(over: Record<string, unknown> = {}) {
  return {
    text: 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan.',
    commitments: ['Tidak memungut biaya di luar ketentuan', ' ', 'Melayani dengan ramah'],
    signatoryName: 'dr. Ida Yuliati, M.K.M.',
    signatoryPosition: 'Kepala Dinas Kesehatan',
    effectiveDate: '2026-01-02',
    ...over,
  };
}

describe('service pledges', () => {
  it('keeps the draft to editors and publishes it', async () => {
    expect(await pledges.get(null, 'DINKES')).toBeNull();
    const draft = await pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput());
    expect(draft).toMatchObject({
      organizationCode: 'DINKES',
      organizationName: 'Dinas Kesehatan',
      published: null,
      draft: {
        version: 1,
        commitments: ['Tidak memungut biaya di luar ketentuan', 'Melayani dengan ramah'],
      },
    });
    expect(await pledges.get(null, 'DINKES')).toBeNull();
    expect((await pledges.get(adminDinkes, 'DINKES'))?.draft?.version).toBe(1);

    const published = await pledges.publish(adminDinkes, 'DINKES');
    expect(published.published).toMatchObject({ version: 1, effectiveDate: '2026-01-02' });
    expect(published.draft).toBeNull();

    await pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput({ signatoryName: 'Pejabat Baru' }));
    const publicView = await pledges.get(null, 'DINKES');
    expect(publicView?.published?.signatoryName).toBe('dr. Ida Yuliati, M.K.M.');
    expect(publicView?.draft).toBeNull();
    expect((await pledges.get(adminDinkes, 'DINKES'))?.draft).toMatchObject({
      version: 2,
      signatoryName: 'Pejabat Baru',
    });
    expect((await pledges.publish(superAdmin, 'DINKES')).published?.version).toBe(2);

    const rows = await outboxRows('surveys.pledge.published');
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]!.envelope)).toMatchObject({
      subject: { type: 'ServicePledge', id: 'DINKES' },
      org: 'DINKES',
      data: {
        organizationCode: 'DINKES',
        organizationName: 'Dinas Kesehatan',
        version: 1,
        publishedBy: { id: adminDinkes.id, organizationCode: 'DINKES' },
      },
    });
  });

  it('checks who edits and what is saved', async () => {
    expect((await failure(pledges.saveDraft(adminDukcapil, 'DINKES', pledgeInput()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(pledges.publish(adminDukcapil, 'DINKES'))).code).toBe('FORBIDDEN');
    expect((await failure(pledges.saveDraft(null, 'DINKES', pledgeInput()))).code).toBe(
      'UNAUTHENTICATED',
    );
    const badDate = await failure(
      pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput({ effectiveDate: '2026-02-30' })),
    );
    expect(badDate.code).toBe('BAD_USER_INPUT');
    expect(badDate.message).toContain('Tanggal berlaku');
    const noCommitments = await failure(
      pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput({ commitments: [] })),
    );
    expect(noCommitments.message).toContain('Butir janji');
    expect((await failure(pledges.publish(adminDinkes, 'DINKES'))).code).toBe('BAD_USER_INPUT');
    expect((await failure(pledges.saveDraft(superAdmin, 'PTSMI', pledgeInput()))).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('creates one pledge when two editors save at once', async () => {
    const saves = await Promise.allSettled([
      pledges.saveDraft(adminDinkes, 'DINKES', pledgeInput({ signatoryName: 'Penanda Satu' })),
      pledges.saveDraft(superAdmin, 'DINKES', pledgeInput({ signatoryName: 'Penanda Dua' })),
    ]);
    expect(saves.filter((save) => save.status === 'fulfilled').length).toBeGreaterThan(0);
    expect(await pledges.model.countDocuments({ _id: 'DINKES' })).toBe(1);
  });
});

describe('demo seed', () => {
  let seedStack: Stack;

  beforeAll(async () => {
    seedStack = await startStack(SEED_DATABASE);
    await announceOrganizations(seedStack.organizations);
  });

  afterAll(async () => {
    await seedStack?.connection.dropDatabase();
    await seedStack?.connection.close();
  });

  it('loads standards and pledges once, with every status', async () => {
    const logger = createLogger('surveys-spec', 'silent');
    const first = await seedDemoStandards({ ...seedStack, logger, waitMs: 2_000 });
    expect(first).toEqual({ standards: 10, pledges: 5 });
    const again = await seedDemoStandards({ ...seedStack, logger, waitMs: 2_000 });
    expect(again).toEqual({ standards: 0, pledges: 0 });

    const all = await seedStack.standards.managed(superAdmin, { first: 50 });
    const byName = new Map(all.edges.map((edge) => [edge.node.name, edge.node]));
    expect(byName.get('Penerbitan KTP Elektronik')?.versions.map((v) => v.state)).toEqual([
      'PUBLISHED',
      'SUPERSEDED',
    ]);
    expect(byName.get('Penerbitan Kartu Keluarga')?.status).toBe('PUBLISHED_WITH_DRAFT');
    expect(byName.get('Penerbitan Sertifikat Laik Higiene Sanitasi')?.status).toBe('DRAFT');
    expect((await seedStack.standards.directory({ first: 50 })).totalCount).toBe(9);
    expect((await seedStack.pledges.get(null, 'RSUD'))?.published?.version).toBe(1);
    const events = await seedStack.outbox.rows
      .find({ type: 'surveys.standard.published' })
      .toArray();
    expect(events).toHaveLength(10);
    expect(JSON.parse(events[0]!.envelope)).toMatchObject({ actor: { type: 'system', id: null } });
  });
});

import { randomUUID } from 'node:crypto';
import { createLogger, type Principal, type Role } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoringMethodInput } from '../generated/graphql.js';
import { ScoringMethodService } from './scoring-method.service.js';

// The versioned scoring method against the real FerretDB: version 1 inserted once, new versions
// validated and numbered, concurrent publishers from the same version → one CONFLICT.
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DATABASE = `test-insights-scoring-${randomUUID().slice(0, 8)}`;

const user = (role: Role, id: string): Principal => ({
  kind: 'user',
  id,
  username: id,
  name: `Nama ${id}`,
  email: null,
  organizationCode: 'DISKOMINFO',
  roles: [role],
  clientId: null,
  scopes: [],
  expiresAt: 0,
});
const superAdmin = user('super-admin', 'admin-1');

const input = (over: Partial<ScoringMethodInput> = {}): ScoringMethodInput => ({
  name: 'Metode 2027',
  description: 'Bobot IKM dinaikkan untuk tahun 2027.',
  components: [
    { key: 'SATISFACTION', weight: 40, parameters: [{ key: 'ikmFloor', value: 50 }] },
    { key: 'COMPLAINT_HANDLING', weight: 30 },
    { key: 'SERVICE_TIME', weight: 20 },
    { key: 'LOAN_PROJECT_DELAY', weight: 10 },
  ],
  grades: [
    { grade: 'A', label: 'Sangat Baik', minScore: 90 },
    { grade: 'B', label: 'Baik', minScore: 75 },
    { grade: 'C', label: 'Cukup', minScore: 0 },
  ],
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { extensions?: { code?: string }; message: string };
    return { code: String(e.extensions?.code ?? e.message), message: e.message };
  }
  throw new Error('expected a failure');
}

let connection: Connection;
let service: ScoringMethodService;

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  service = new ScoringMethodService({
    connection,
    logger: createLogger('insights-test', 'silent'),
  });
  // Two replicas starting together insert version 1 once.
  await Promise.all([service.init(), service.init()]);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('scoring method versions', () => {
  it('starts with the documented version 1', async () => {
    const current = await service.current();
    expect(current.version).toBe(1);
    expect(current.publishedBy).toBeNull();
    expect(current.components.map((c) => c.weight)).toEqual([35, 30, 20, 15]);
    expect(current.minimumCoverage).toBe(50);
    expect(current.components[0]!.parameters).toEqual([
      expect.objectContaining({ key: 'ikmFloor', value: 25 }),
    ]);
    expect(await service.versions()).toHaveLength(1);
  });

  it('publishes the next version, keeping unspecified parameters', async () => {
    const published = await service.publish(input(), superAdmin);
    expect(published.version).toBe(2);
    expect(published.publishedBy).toBe('Nama admin-1');
    const satisfaction = published.components.find((c) => c.key === 'SATISFACTION')!;
    expect(satisfaction.parameters[0]!.value).toBe(50);
    // Left out: the current version's value is kept.
    expect(published.minimumCoverage).toBe(50);
    const complaints = published.components.find((c) => c.key === 'COMPLAINT_HANDLING')!;
    expect(complaints.parameters.map((p) => p.value)).toEqual([50, 25, 25]);
    expect((await service.current()).version).toBe(2);
    expect((await service.versions()).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses everyone but super-admin', async () => {
    expect((await failure(service.publish(input(), user('pimpinan', 'p-1')))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(service.publish(input(), null))).code).toBe('UNAUTHENTICATED');
  });

  it('validates components, weights, parameters and grades in Indonesian', async () => {
    const cases: Array<[Partial<ScoringMethodInput>, string]> = [
      [{ minimumCoverage: 120 }, 'Cakupan data minimum harus antara 0 dan 100'],
      [
        {
          components: input().components.filter((c) => c.key !== 'SERVICE_TIME'),
        },
        'tepat satu kali',
      ],
      [
        {
          components: [...input().components, { key: 'SERVICE_TIME', weight: 0 }],
        },
        'tepat satu kali',
      ],
      [
        {
          components: input().components.map((c) =>
            c.key === 'LOAN_PROJECT_DELAY' ? { ...c, weight: 5 } : c,
          ),
        },
        'harus 100 (sekarang 95)',
      ],
      [
        {
          components: input().components.map((c) =>
            c.key === 'LOAN_PROJECT_DELAY' ? { ...c, weight: -10 } : c,
          ),
        },
        'antara 0 dan 100',
      ],
      [
        {
          components: input().components.map((c) =>
            c.key === 'SATISFACTION' ? { ...c, parameters: [{ key: 'lantai', value: 1 }] } : c,
          ),
        },
        'tidak dikenal',
      ],
      [
        {
          components: input().components.map((c) =>
            c.key === 'SATISFACTION' ? { ...c, parameters: [{ key: 'ikmFloor', value: 100 }] } : c,
          ),
        },
        'antara 0 dan 99',
      ],
      [
        {
          components: input().components.map((c) =>
            c.key === 'COMPLAINT_HANDLING'
              ? { ...c, parameters: [{ key: 'rating', value: 40 }] }
              : c,
          ),
        },
        'berjumlah 100',
      ],
      [
        {
          grades: [
            { grade: 'A', label: 'Sangat Baik', minScore: 70 },
            { grade: 'B', label: 'Baik', minScore: 80 },
            { grade: 'C', label: 'Cukup', minScore: 0 },
          ],
        },
        'harus menurun',
      ],
      [
        {
          grades: [
            { grade: 'A', label: 'Sangat Baik', minScore: 90 },
            { grade: 'B', label: 'Baik', minScore: 10 },
          ],
        },
        'minimum 0',
      ],
      [{ grades: [] }, 'minimal satu'],
      [{ name: ' ' }, 'Nama metode'],
    ];
    for (const [over, message] of cases) {
      const result = await failure(service.publish(input(over), superAdmin));
      expect(result.code, message).toBe('BAD_USER_INPUT');
      expect(result.message).toContain(message);
    }
    expect((await service.current()).version).toBe(2);
  });

  it('refuses the second of two publishers working from the same version (CONFLICT)', async () => {
    const stale = await service.currentRecord();
    const other = new ScoringMethodService({
      connection,
      logger: createLogger('insights-test', 'silent'),
    });
    // The other editor read version 2 before this one published version 3.
    other.currentRecord = async () => stale;
    expect((await service.publish(input({ name: 'Versi A' }), superAdmin)).version).toBe(3);
    const result = await failure(other.publish(input({ name: 'Versi B' }), superAdmin));
    expect(result.code).toBe('CONFLICT');
    expect(result.message).toContain('Muat ulang');
    const versions = await service.versions();
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [3, 'Versi A'],
      [2, 'Metode 2027'],
      [1, 'Penilaian Kinerja Penyelenggara Pelayanan Publik'],
    ]);
  });
});

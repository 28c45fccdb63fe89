import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntryModel, type AuditInput, type AuditRecord } from '../models/audit-entry.model.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { actorOf, AuditLog } from './audit-log.js';

const DATABASE = 'sipadu_documents_audit_spec';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

let connection: Connection;
let log: AuditLog;

const connect = () => mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
const entries = () => connection.db!.collection<AuditRecord>('audit_entries');

const budi = { id: 'u-budi', name: 'Budi', organizationCode: 'DPUPR' };
const sari = { id: 'u-sari', name: 'Sari', organizationCode: 'BPKAD' };

function input(n: number, overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    action: 'DOWNLOAD',
    actor: budi,
    targetType: 'file',
    targetId: `file-${n}`,
    detail: `unduhan ke-${n}`,
    ...overrides,
  };
}

async function appendMany(count: number): Promise<void> {
  for (let n = 1; n <= count; n++) await log.append(input(n));
}

function badInputMessage(error: unknown): string {
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  return (error as GraphQLError).message;
}

beforeAll(async () => {
  connection = await connect();
  log = new AuditLog(connection);
});

beforeEach(async () => {
  await connection.dropDatabase();
  await log.init();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('audit log: hash chain', () => {
  it('links every entry to its predecessor and verifies the intact chain', async () => {
    await appendMany(25);
    const stored = await entries().find({}).sort({ sequence: 1 }).toArray();
    expect(stored.map((e) => e.sequence)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(stored[0]!.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < stored.length; i++) {
      expect(stored[i]!.previousHash).toBe(stored[i - 1]!.hash);
    }
    expect(await log.verify()).toEqual({
      ok: true,
      checked: 25,
      firstBrokenSequence: null,
      reason: null,
    });
  });

  it('walks chains longer than one cursor batch', async () => {
    // Written straight to the collection (valid links, computed here) to keep the spec fast.
    const chain = [];
    let previousHash = GENESIS_HASH;
    for (let sequence = 1; sequence <= 1234; sequence++) {
      const content = {
        sequence,
        action: 'DOWNLOAD' as const,
        actor: budi,
        targetType: 'file',
        targetId: `file-${sequence}`,
        organizationCode: 'DPUPR',
        detail: null,
        at: new Date(1_700_000_000_000 + sequence),
        previousHash,
      };
      previousHash = entryHash(content);
      chain.push({ _id: `e-${sequence}`, ...content, hash: previousHash });
    }
    await entries().insertMany(chain);
    expect(await log.verify()).toMatchObject({ ok: true, checked: 1234 });
    await entries().updateOne({ sequence: 1111 }, { $set: { 'actor.name': 'Orang Lain' } });
    expect(await log.verify()).toMatchObject({
      ok: false,
      checked: 1110,
      firstBrokenSequence: 1111,
    });
    // The next append continues the chain from the stored head.
    expect(await log.append(input(1))).toMatchObject({ sequence: 1235, previousHash });
  });

  it('verifies an empty log', async () => {
    expect(await log.verify()).toMatchObject({ ok: true, checked: 0 });
  });

  it('returns the stored record, with explicit nulls and the organization defaulting to the actor', async () => {
    const record = await log.append({
      action: 'UPLOAD',
      actor: { id: 'u-x', name: null, organizationCode: 'DINKES' },
      targetType: 'file',
      targetId: 'f-1',
    });
    expect(record).toMatchObject({ sequence: 1, organizationCode: 'DINKES', detail: null });
    const explicit = await log.append(input(2, { organizationCode: null }));
    expect(explicit.organizationCode).toBeNull();
    const stored = await entries().findOne({ sequence: 1 });
    expect(stored).toMatchObject({ hash: record.hash, detail: null, organizationCode: 'DINKES' });
    expect(stored!.at).toEqual(record.at);
  });

  it('detects an entry edited directly in the database, at exactly that entry', async () => {
    await appendMany(12);
    await entries().updateOne({ sequence: 7 }, { $set: { detail: 'diubah diam-diam' } });
    expect(await log.verify()).toEqual({
      ok: false,
      checked: 6,
      firstBrokenSequence: 7,
      reason: 'hash entri tidak cocok dengan isinya',
    });
  });

  it('detects an edit whose hash was recomputed, at the next link', async () => {
    await appendMany(6);
    const original = await entries().findOne({ sequence: 3 });
    const forgedHash = entryHash({ ...original!, detail: 'versi palsu' });
    await entries().updateOne(
      { sequence: 3 },
      { $set: { detail: 'versi palsu', hash: forgedHash } },
    );
    expect(await log.verify()).toEqual({
      ok: false,
      checked: 3,
      firstBrokenSequence: 4,
      reason: 'rantai terputus: previousHash tidak sama dengan hash entri sebelumnya',
    });
  });

  it('detects a deleted entry in the middle', async () => {
    await appendMany(10);
    await entries().deleteOne({ sequence: 5 });
    expect(await log.verify()).toEqual({
      ok: false,
      checked: 4,
      firstBrokenSequence: 5,
      reason: 'nomor urut hilang',
    });
  });

  it('keeps one valid chain when two replicas append concurrently', async () => {
    const otherConnection = await connect();
    try {
      const other = new AuditLog(otherConnection);
      await other.init();
      const results = await Promise.all([
        ...Array.from({ length: 50 }, (_, n) => log.append(input(n, { actor: budi }))),
        ...Array.from({ length: 50 }, (_, n) => other.append(input(n, { actor: sari }))),
      ]);
      expect(new Set(results.map((r) => r.sequence)).size).toBe(100);
      expect(Math.max(...results.map((r) => r.sequence))).toBe(100);
      expect(await log.verify()).toEqual({
        ok: true,
        checked: 100,
        firstBrokenSequence: null,
        reason: null,
      });
    } finally {
      await otherConnection.close();
    }
  }, 120_000);

  it('refuses updates and deletions through the model', async () => {
    await appendMany(2);
    const model = auditEntryModel(connection);
    const refused = /hanya dapat ditambah/;
    await expect(model.updateOne({ sequence: 1 }, { detail: 'x' })).rejects.toThrow(refused);
    await expect(model.updateMany({}, { detail: 'x' })).rejects.toThrow(refused);
    await expect(model.findOneAndUpdate({ sequence: 1 }, { detail: 'x' })).rejects.toThrow(refused);
    await expect(model.replaceOne({ sequence: 1 }, {})).rejects.toThrow(refused);
    await expect(model.deleteOne({ sequence: 1 })).rejects.toThrow(refused);
    await expect(model.deleteMany({})).rejects.toThrow(refused);
    await expect(model.findOneAndDelete({ sequence: 1 })).rejects.toThrow(refused);
    const doc = await model.findOne({ sequence: 2 }).orFail();
    doc.detail = 'x';
    await expect(doc.save()).rejects.toThrow(refused);
    await expect(doc.deleteOne()).rejects.toThrow(refused);
    await expect(model.bulkWrite([{ deleteOne: { filter: { sequence: 1 } } }])).rejects.toThrow(
      refused,
    );
    expect(await log.verify()).toMatchObject({ ok: true, checked: 2 });
  });
});

describe('audit log: paging and filters', () => {
  it('pages newest first with a stable keyset cursor', async () => {
    await appendMany(17);
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await log.page({}, { first: 5, after });
      expect(page.totalCount).toBe(pages === 0 ? 17 : 18);
      seen.push(...page.edges.map((e) => e.node.sequence));
      pages++;
      if (pages === 1) {
        // A new entry between pages neither shifts nor repeats the following pages.
        await log.append(input(18));
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 17 }, (_, i) => 17 - i));
  });

  it('filters by action, target, actor and organization', async () => {
    await log.append(input(1, { action: 'UPLOAD' }));
    await log.append(input(2, { actor: sari }));
    await log.append(input(3, { targetType: 'document', targetId: 'doc-1', action: 'REVIEW' }));
    await log.append(input(4, { organizationCode: 'SETDA' }));
    const sequences = async (filter: Parameters<AuditLog['page']>[0]) =>
      (await log.page(filter, { first: 100 })).edges.map((e) => e.node.sequence);
    expect(await sequences({ action: 'UPLOAD' })).toEqual([1]);
    expect(await sequences({ targetType: 'document', targetId: 'doc-1' })).toEqual([3]);
    expect(await sequences({ targetType: 'file' })).toEqual([4, 2, 1]);
    expect(await sequences({ actorId: sari.id })).toEqual([2]);
    expect(await sequences({ organizationCode: 'BPKAD' })).toEqual([2]);
    expect(await sequences({ organizationCode: 'DPUPR' })).toEqual([3, 1]);
    expect(await sequences({ action: null, actorId: null })).toEqual([4, 3, 2, 1]);
  });

  it('filters by period', async () => {
    await appendMany(3);
    await sleep(30);
    const middle = new Date().toISOString();
    await sleep(30);
    await log.append(input(4));
    await log.append(input(5));
    const count = async (filter: Parameters<AuditLog['page']>[0]) =>
      (await log.page(filter, { first: 100 })).totalCount;
    expect(await count({ from: middle })).toBe(2);
    expect(await count({ to: middle })).toBe(3);
    const today = middle.slice(0, 10);
    expect(await count({ from: today, to: today })).toBe(5);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await count({ from: tomorrow })).toBe(0);
    expect(await count({ from: '2020-01-01T00:00:00+07:00' })).toBe(5);
  });

  it.each([
    [{ from: 'kemarin' }, /"from".*ISO 8601/],
    [{ to: '2025-13-45' }, /"to".*ISO 8601/],
    [{ to: '2025-01-31T08:00' }, /"to".*ISO 8601/],
    [{ from: '2025-02-01', to: '2025-01-01' }, /tidak boleh setelah/],
  ])('refuses a bad period %j in Indonesian', async (filter, message) => {
    const error = await log.page(filter, {}).catch((e: unknown) => e);
    expect(badInputMessage(error)).toMatch(message);
  });

  it('refuses a bad cursor or page size', async () => {
    expect(badInputMessage(await log.page({}, { after: 'bukan-kursor' }).catch((e) => e))).toBe(
      'Kursor halaman tidak valid.',
    );
    expect(badInputMessage(await log.page({}, { first: 0 }).catch((e) => e))).toMatch(/first/);
  });
});

describe('audit log: actors', () => {
  it('records anonymous callers and principals', () => {
    expect(actorOf(null)).toEqual({ id: 'anonim', name: null, organizationCode: null });
    const principal = {
      kind: 'client',
      id: 'sa-1',
      username: 'service-account-sipopi',
      name: null,
      email: null,
      organizationCode: null,
      roles: [],
      clientId: 'sipopi',
      scopes: [],
      expiresAt: 0,
    } satisfies Principal;
    expect(actorOf(principal)).toEqual({
      id: 'sa-1',
      name: 'service-account-sipopi',
      organizationCode: null,
    });
    expect(
      actorOf({ ...principal, kind: 'user', name: 'Budi', organizationCode: 'DPUPR' }),
    ).toEqual({ id: 'sa-1', name: 'Budi', organizationCode: 'DPUPR' });
  });
});

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  badInput,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Connection as Page,
  type PageArgs,
  type Principal,
} from '@sipadu/service-kit';
import type { Connection, QueryFilter } from 'mongoose';
import {
  auditEntryModel,
  type AuditAction,
  type AuditActor,
  type AuditEntryModel,
  type AuditInput,
  type AuditRecord,
} from '../models/audit-entry.model.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';

export type { AuditAction, AuditActor, AuditInput, AuditRecord };

/** GraphQL `AuditLogFilter`; `from`/`to` are ISO 8601 dates or instants. */
export interface AuditLogFilter {
  action?: AuditAction | null;
  targetType?: string | null;
  targetId?: string | null;
  actorId?: string | null;
  organizationCode?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface AuditChainVerification {
  ok: boolean;
  /** Entries found intact before the first break (all entries when ok). */
  checked: number;
  firstBrokenSequence: number | null;
  reason: string | null;
}

const ANONYMOUS: AuditActor = { id: 'anonim', name: null, organizationCode: null };

/** Who did it, as recorded in the audit log; `anonim` for callers without a token. */
export function actorOf(principal: Principal | null): AuditActor {
  if (!principal) return ANONYMOUS;
  return {
    id: principal.id,
    name: principal.name ?? principal.username,
    organizationCode: principal.organizationCode,
  };
}

/** Another replica took the sequence number we computed: re-read the head and try again. */
const MAX_APPEND_ATTEMPTS = 30;
const VERIFY_BATCH = 500;

/**
 * Append-only, hash-chained audit log. Each entry carries the hash of its predecessor, so
 * editing, deleting or reordering stored entries breaks the chain at that point. FerretDB v1 has no
 * transactions: appenders race on a unique `sequence` index instead and the loser retries.
 */
export class AuditLog {
  private readonly model: AuditEntryModel;
  /** Appends of this process go one at a time; only other replicas can make us retry. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(connection: Connection) {
    this.model = auditEntryModel(connection);
  }

  async init(): Promise<void> {
    await this.model.init();
    // init() builds indexes only with autoIndex on; the unique sequence index is load-bearing.
    await this.model.createIndexes();
  }

  /**
   * Appends one entry. `id` makes the append idempotent: a consumer redelivering an event after a
   * crash (entry written, event not yet marked processed) gets the entry already written.
   */
  append(input: AuditInput, options: { id?: string } = {}): Promise<AuditRecord> {
    const result = this.queue.then(() => this.appendWithRetry(input, options.id));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async appendWithRetry(input: AuditInput, id?: string): Promise<AuditRecord> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.model
        .findOne({}, { sequence: 1, hash: 1 })
        .sort({ sequence: -1 })
        .lean<Pick<AuditRecord, 'sequence' | 'hash'>>()
        .exec();
      const entry = seal(input, head, id);
      try {
        await this.model.create(entry);
        return entry;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (id) {
          const existing = await this.model.findById(id).lean<AuditRecord>().exec();
          if (existing) return existing;
        }
        if (attempt >= MAX_APPEND_ATTEMPTS) throw error;
        // Jittered, growing pause so two replicas stop colliding on the same number.
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  /** Newest first, keyset-paginated on the sequence number. */
  async page(filter: AuditLogFilter = {}, args: PageArgs = {}): Promise<Page<AuditRecord>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`Parameter "first" harus antara 1 dan ${MAX_PAGE_SIZE}.`);
    }
    const query = toQuery(filter);
    const pageQuery: QueryFilter<AuditRecord> = args.after
      ? { $and: [query, { sequence: { $lt: decodeCursor(args.after) } }] }
      : query;
    const [rows, totalCount] = await Promise.all([
      this.model
        .find(pageQuery)
        .sort({ sequence: -1 })
        .limit(first + 1)
        .lean<AuditRecord[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    const edges = rows
      .slice(0, first)
      .map((node) => ({ cursor: encodeCursor(node.sequence), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount,
    };
  }

  /**
   * Walks the whole chain in sequence order with a cursor (constant memory), recomputing every
   * hash. Stops at the first broken entry. Deleting the newest entries cannot be seen from the
   * chain alone; everything else (edits, deletions in the middle, reordering) can.
   */
  async verify(): Promise<AuditChainVerification> {
    const cursor = this.model
      .find({})
      .sort({ sequence: 1 })
      .batchSize(VERIFY_BATCH)
      .lean<Record<string, unknown>>()
      .cursor();
    let checked = 0;
    let previousHash = GENESIS_HASH;
    const broken = (sequence: number, reason: string): AuditChainVerification => ({
      ok: false,
      checked,
      firstBrokenSequence: sequence,
      reason,
    });
    for await (const entry of cursor) {
      const expected = checked + 1;
      if (entry.sequence !== expected) return broken(expected, 'nomor urut hilang');
      if (entryHash(entry) !== entry.hash) {
        return broken(expected, 'hash entri tidak cocok dengan isinya');
      }
      if (entry.previousHash !== previousHash) {
        return broken(
          expected,
          'rantai terputus: previousHash tidak sama dengan hash entri sebelumnya',
        );
      }
      previousHash = entry.hash;
      checked = expected;
    }
    return { ok: true, checked, firstBrokenSequence: null, reason: null };
  }
}

function seal(
  input: AuditInput,
  head: Pick<AuditRecord, 'sequence' | 'hash'> | null,
  id: string = randomUUID(),
): AuditRecord {
  const content = {
    sequence: (head?.sequence ?? 0) + 1,
    action: input.action,
    actor: {
      id: input.actor.id,
      name: input.actor.name ?? null,
      organizationCode: input.actor.organizationCode ?? null,
    },
    targetType: input.targetType,
    targetId: input.targetId,
    organizationCode:
      input.organizationCode === undefined
        ? (input.actor.organizationCode ?? null)
        : input.organizationCode,
    detail: input.detail ?? null,
    at: new Date(),
    previousHash: head?.hash ?? GENESIS_HASH,
  };
  return { _id: id, ...content, hash: entryHash(content) };
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

function encodeCursor(sequence: number): string {
  return Buffer.from(`audit:${sequence}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^audit:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('Kursor halaman tidak valid.');
  return Number(match[1]);
}

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A bound of the period filter; a bare date as `to` includes that whole (UTC) day. */
function parseBound(value: string, name: 'from' | 'to'): Date {
  const time = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw badInput(
      `Filter "${name}" harus berupa tanggal ISO 8601, mis. 2025-01-31 atau 2025-01-31T08:00:00+07:00.`,
    );
  }
  return new Date(name === 'to' && DATE_ONLY.test(value) ? time + DAY_MS - 1 : time);
}

function toQuery(filter: AuditLogFilter): QueryFilter<AuditRecord> {
  const query: Record<string, unknown> = {};
  if (filter.action) query.action = filter.action;
  if (filter.targetType) query.targetType = filter.targetType;
  if (filter.targetId) query.targetId = filter.targetId;
  if (filter.actorId) query['actor.id'] = filter.actorId;
  if (filter.organizationCode) query.organizationCode = filter.organizationCode;
  const from = filter.from ? parseBound(filter.from, 'from') : null;
  const to = filter.to ? parseBound(filter.to, 'to') : null;
  if (from && to && from > to) throw badInput('Filter "from" tidak boleh setelah "to".');
  if (from || to) query.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
  return query as QueryFilter<AuditRecord>;
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  PENDING_EVENTS_FIELD,
  withEvents,
  type EventEnvelope,
  type Outbox,
  type PendingEvent,
} from '@sipadu/events';
import { conflict, type Logger } from '@sipadu/service-kit';
import { storeListSummary } from './loan-project-list.model.js';
import type { LoanProjectModel, LoanProjectRecord } from './loan-project.model.js';

// ---------------------------------------------------------------------------------------------
// The one way to change a `loan_projects` record (creation aside, an insert).
//
// FerretDB v1 does not apply a conditional update atomically: two concurrent
// `findOneAndUpdate({_id, revision})` may both match, and every update (`$set`, `$pullAll`, …) is a
// read-modify-write of the whole document, so an unguarded write can undo a concurrent one. A
// writer therefore first claims the revision it read with a unique-`_id` insert into
// `loan_project_revision_claims` (FerretDB does enforce unique `_id`s): one writer per revision,
// every other one retries on a fresh read. The events of a change travel in the same
// single-document write, are stored in the outbox and cleared by a second claimed write. Every
// writer of the collection goes through here — the services' mutations, the documents consumer's
// requirement summary, the project creation's event release and the stranded-event sweep (which
// replaces the relay's unguarded `$pullAll` sweep for this collection). Each write also refreshes
// the project's row in the slim `loan_project_list` read model (storeListSummary).
// ---------------------------------------------------------------------------------------------

/** Claims of `<projectId>:<revision>`: one writer per revision (see updateAtRevision). */
export const REVISION_CLAIMS = 'loan_project_revision_claims';
/** A claim older than this whose revision was never written belongs to a crashed writer. */
export const STALE_CLAIM_MS = 30_000;
/** Attempts of a request's write (each on a fresh read) before it answers CONFLICT. */
export const MAX_ATTEMPTS = 8;
/** Pending events older than this are stranded (their writer crashed) and swept. */
export const STRANDED_AFTER_MS = 10_000;

export const REVISION_CONFLICT_MESSAGE =
  'Proyek baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.';

/** CONFLICT when the project kept changing under a writer through all its attempts. */
export const revisionConflict = () => conflict(REVISION_CONFLICT_MESSAGE);

/**
 * A random pause before retrying a write that lost the race for a revision: up to 25 ms × 2^attempt
 * (at most 1 s) plus 10 ms, so writers that collided spread out instead of colliding again.
 */
export const backoff = (attempt: number) =>
  sleep(10 + Math.floor(Math.random() * Math.min(25 * 2 ** attempt, 1_000)));

interface ClaimRecord {
  _id: string;
  at: Date;
}

const claimId = (projectId: string, revision: number) => `${projectId}:${revision}`;

const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;

const claimsOf = (projects: LoanProjectModel) =>
  projects.db.collection<ClaimRecord>(REVISION_CLAIMS);

/** A record as far as its writers need it: id, revision and any events it still carries. */
export type RevisionedRecord = Pick<LoanProjectRecord, '_id' | 'revision'> & {
  [PENDING_EVENTS_FIELD]?: PendingEvent[];
};

/**
 * Single-document update of a project at the revision it was read at, bumping the revision; null
 * when another writer got there first (the caller reads again and retries).
 *
 * Claims and their cleanup. A reader holding a stale revision must never claim it again, and
 * FerretDB may still show a reader the document as it was before the last write. So the claim of
 * revision r stays while it can matter and is deleted by the writer of revision r + 2 (the one
 * that claimed r + 1 and wrote): by then a reader of r is two complete claimed writes behind and
 * its conditional update can no longer match. Each project thus keeps about one claim (the
 * latest), instead of one per write forever. A claim inserted by a stale reader whose update then
 * matches nothing is deleted by that reader at once. A claim left by a writer that crashed before
 * writing is taken over once it is older than STALE_CLAIM_MS and the project still carries that
 * revision. Every path costs a constant number of commands: claim, update, cleanup.
 */
export async function updateAtRevision(
  projects: LoanProjectModel,
  record: Pick<LoanProjectRecord, '_id' | 'revision'>,
  update: Record<string, unknown>,
): Promise<LoanProjectRecord | null> {
  const claims = claimsOf(projects);
  const id = claimId(record._id, record.revision);
  const at = new Date();
  try {
    await claims.insertOne({ _id: id, at });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const claim = await claims.findOne({ _id: id });
    if (claim && Date.now() - new Date(claim.at).getTime() > STALE_CLAIM_MS) {
      const current = await projects.findById(record._id, { revision: 1 }).lean().exec();
      if (current?.revision === record.revision) {
        await claims.deleteOne({ _id: id, at: claim.at });
      }
    }
    return null;
  }
  // Every write moves the revision on, whatever the caller's update says about it.
  const bumped = { ...update, $inc: { ...(update.$inc as object | undefined), revision: 1 } };
  const written = await projects
    .findOneAndUpdate({ _id: record._id, revision: record.revision }, bumped, {
      returnDocument: 'after',
    })
    .lean<LoanProjectRecord>()
    .exec();
  // Best effort: a claim that stays behind is one small document, harmless. Without a write,
  // this reader was behind (the revision it claimed was written, and its claim cleaned up, before):
  // its own claim need not stay.
  const obsolete = written
    ? record.revision > 0 && { _id: claimId(record._id, record.revision - 1) }
    : { _id: id, at };
  if (obsolete) await claims.deleteOne(obsolete).catch(() => undefined);
  // The list's slim row (loan-project-list.model.ts) follows every write of the record.
  if (written) await storeListSummary(projects, written);
  return written;
}

/**
 * Stores the events a record carries in the outbox (idempotent by event id) and clears them with
 * a claimed write. Null when there was nothing to release, when the outbox did not take them all
 * (they stay on the record), or when the clearing write lost its claim: the writer that won it
 * read the record with these events and releases them in turn.
 * Outbox.flush is not used: its unconditional `$pullAll` is itself a write that FerretDB v1 may
 * interleave with a concurrent update of the same document and so undo it.
 */
export async function releasePendingEvents(
  projects: LoanProjectModel,
  outbox: Outbox,
  record: RevisionedRecord,
): Promise<LoanProjectRecord | null> {
  const pending = record[PENDING_EVENTS_FIELD] ?? [];
  if (pending.length === 0) return null;
  // Not stored after all: the events stay on the record for the next writer or the sweep.
  if (!(await storeEvents(outbox, pending))) return null;
  return updateAtRevision(projects, record, { $set: { [PENDING_EVENTS_FIELD]: [] } });
}

/** Attempts to get every event of a record into the outbox before giving up for now. */
const STORE_ATTEMPTS = 3;

/**
 * Stores events in the outbox and checks they are there (one query by id). On FerretDB v1 the
 * outbox's `$inc` of its sequence counter is not atomic either: two concurrent stores may take the
 * same `seq`, and Outbox.store skips the row whose insert then hits the unique `seq` index as if
 * it had been stored already. Such an event is stored again (with a new `seq`); the event id keeps
 * it from being stored twice. False when some are still missing: the caller must not clear them.
 */
async function storeEvents(outbox: Outbox, pending: readonly PendingEvent[]): Promise<boolean> {
  const ids = pending.map((event) => event.id);
  let missing = pending;
  for (let attempt = 0; attempt < STORE_ATTEMPTS; attempt += 1) {
    await outbox.enqueue(missing.map((event) => JSON.parse(event.envelope) as EventEnvelope));
    const rows = await outbox.rows
      .find({ _id: { $in: ids } }, { projection: { _id: 1 } })
      .toArray();
    const stored = new Set(rows.map((row) => row._id));
    missing = pending.filter((event) => !stored.has(event.id));
    if (missing.length === 0) return true;
  }
  return false;
}

/**
 * A project write with its events: the update and its events land in one claimed single-document
 * write (updateAtRevision); the events on the record (with any an earlier writer left there) are
 * then released to the outbox (releasePendingEvents). Null when another writer got the revision
 * first.
 */
export async function commitAtRevision(
  projects: LoanProjectModel,
  outbox: Outbox,
  record: Pick<LoanProjectRecord, '_id' | 'revision'>,
  events: readonly EventEnvelope[],
  update: Record<string, unknown>,
): Promise<LoanProjectRecord | null> {
  const written = await updateAtRevision(
    projects,
    record,
    events.length > 0 ? withEvents(events, update) : update,
  );
  if (!written) return null;
  return (await releasePendingEvents(projects, outbox, written)) ?? written;
}

/**
 * Runs `attempt` (read the record, decide, write at its revision) until it returns a result;
 * null means the revision moved, so it runs again after a backoff. Errors thrown by `attempt`
 * end the loop. After `attempts` lost races: CONFLICT.
 */
export async function retryAtRevision<T>(
  attempt: () => Promise<T | null>,
  attempts = MAX_ATTEMPTS,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const result = await attempt();
    if (result !== null) return result;
    if (i < attempts - 1) await backoff(i);
  }
  throw revisionConflict();
}

/**
 * Releases the events of records whose writer crashed between its write and the release (the
 * outbox relay's own sweep is not used for `loan_projects`: it clears with an unguarded
 * `$pullAll`). Only records untouched for STRANDED_AFTER_MS, so writers still in flight are left
 * alone; a sweep racing one anyway only makes one of them retry. Returns the events moved.
 */
export async function sweepStrandedEvents(
  projects: LoanProjectModel,
  outbox: Outbox,
  options: { now?: Date; limit?: number } = {},
): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - STRANDED_AFTER_MS);
  const stranded = await projects.collection
    .find(
      { [`${PENDING_EVENTS_FIELD}.0`]: { $exists: true }, updatedAt: { $lt: before } },
      { projection: { _id: 1, revision: 1, [PENDING_EVENTS_FIELD]: 1 } },
    )
    .limit(options.limit ?? 100)
    .toArray();
  let moved = 0;
  const failures: unknown[] = [];
  for (const record of stranded as unknown as RevisionedRecord[]) {
    try {
      await releasePendingEvents(projects, outbox, record);
      moved += record[PENDING_EVENTS_FIELD]?.length ?? 0;
    } catch (err) {
      // One record that cannot be released (e.g. an event no longer valid) holds up no other.
      failures.push(err);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} loan project(s) kept their events`);
  }
  return moved;
}

export interface RunningSweep {
  stop(): Promise<void>;
}

/** Sweeps stranded events now and then every `intervalMs` until stopped. */
export function startStrandedEventSweep(options: {
  projects: LoanProjectModel;
  outbox: Outbox;
  intervalMs: number;
  logger: Logger;
}): RunningSweep {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const moved = await sweepStrandedEvents(options.projects, options.outbox);
      if (moved > 0) options.logger.info({ moved }, 'moved events left on loan projects');
    } catch (err) {
      options.logger.warn({ err }, 'stranded loan project events could not be swept');
    }
    if (!stopped) timer = setTimeout(tick, options.intervalMs).unref();
  };
  const tick = () => {
    running = run();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

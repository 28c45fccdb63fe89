import { setTimeout as sleep } from 'node:timers/promises';
import { conflict } from '@sipadu/service-kit';
import type { Model } from 'mongoose';
import type { EventEnvelope } from './envelope.js';
import { PENDING_EVENTS_FIELD, withEvents, type Outbox, type PendingEvent } from './outbox.js';

// ---------------------------------------------------------------------------------------------
// Claimed writes: the one way to change a revisioned record once it exists.
//
// FerretDB v1 does not apply a conditional update atomically: two concurrent
// `findOneAndUpdate({_id, revision})` may both match, and every update is a read-modify-write of
// the whole document. A writer therefore first claims the revision it read with a unique-`_id`
// insert into `write_claims` (FerretDB does enforce unique `_id`s): one writer per revision, the
// others read again (or answer CONFLICT when the editor named the revision). A change and its
// events travel in one single-document write; the events are then stored in the outbox and
// cleared from the record by a second claimed write (never by an unguarded `$pullAll`).
// Same design as the projects service's loan-project-writer; shared by surveys and consultations.
// ---------------------------------------------------------------------------------------------

/** Claims of `<collection>/<id>@<revision>`: one writer per revision of a record. */
export const WRITE_CLAIMS = 'write_claims';
/** A claim older than this whose revision was never written belongs to a crashed writer. */
export const STALE_CLAIM_MS = 30_000;
/** Attempts of a write (each on a fresh read) before it answers CONFLICT. */
export const MAX_ATTEMPTS = 8;

/** A record written through here: string id, a revision bumped by every write, maybe events. */
export interface RevisionedRecord {
  _id: string;
  revision: number;
  [PENDING_EVENTS_FIELD]?: PendingEvent[];
}

export const isDuplicateKey = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;

/** A random pause before retrying a write that lost the race for a revision. */
export const backoff = (attempt: number) =>
  sleep(10 + Math.floor(Math.random() * Math.min(25 * 2 ** attempt, 1_000)));

interface ClaimRecord {
  _id: string;
  at: Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any revisioned model
type AnyModel = Model<any>;

const claimId = (model: AnyModel, id: string, revision: number) =>
  `${model.collection.collectionName}/${id}@${revision}`;

const claimsOf = (model: AnyModel) => model.db.collection<ClaimRecord>(WRITE_CLAIMS);

/**
 * Single-document update of a record at the revision it was read at, bumping the revision; null
 * when another writer got there first. The claim of revision r stays until the writer of r + 1
 * has written (it deletes the claim of r − 1), so a reader still shown revision r by FerretDB can
 * never claim it again; a claim left by a crashed writer is taken over after STALE_CLAIM_MS.
 */
export async function updateAtRevision<T extends RevisionedRecord>(
  model: Model<T>,
  record: Pick<RevisionedRecord, '_id' | 'revision'>,
  update: Record<string, unknown>,
): Promise<T | null> {
  const claims = claimsOf(model);
  const id = claimId(model, record._id, record.revision);
  const at = new Date();
  try {
    await claims.insertOne({ _id: id, at });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const claim = await claims.findOne({ _id: id });
    if (claim && Date.now() - new Date(claim.at).getTime() > STALE_CLAIM_MS) {
      const current = await model.findById(record._id, { revision: 1 }).lean<T>().exec();
      if (current?.revision === record.revision) {
        await claims.deleteOne({ _id: id, at: claim.at });
      }
    }
    return null;
  }
  const bumped = { ...update, $inc: { ...(update.$inc as object | undefined), revision: 1 } };
  const written = await model
    .findOneAndUpdate({ _id: record._id, revision: record.revision }, bumped, {
      returnDocument: 'after',
    })
    .lean<T>()
    .exec();
  const obsolete = written
    ? record.revision > 0 && { _id: claimId(model, record._id, record.revision - 1) }
    : { _id: id, at };
  if (obsolete) await claims.deleteOne(obsolete).catch(() => undefined);
  return written;
}

const STORE_ATTEMPTS = 3;

/**
 * Stores events in the outbox and checks they are there: the outbox's sequence `$inc` is not
 * atomic on FerretDB v1 either, so an event may be skipped and must be stored again.
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
 * Moves the events a record carries to the outbox and clears them with a claimed write. Null when
 * there was nothing to release, the outbox did not take them all, or another writer won the
 * revision (that writer read them and releases them in turn; the relay's sweep is the backstop).
 */
export async function releasePendingEvents<T extends RevisionedRecord>(
  model: Model<T>,
  outbox: Outbox,
  record: T,
): Promise<T | null> {
  const pending = record[PENDING_EVENTS_FIELD] ?? [];
  if (pending.length === 0) return null;
  if (!(await storeEvents(outbox, pending))) return null;
  return updateAtRevision(model, record, { $set: { [PENDING_EVENTS_FIELD]: [] } });
}

/**
 * A write with its events: one claimed single-document write, then the release of the events
 * (with any an earlier writer left on the record). Null when another writer got the revision.
 */
export async function commitAtRevision<T extends RevisionedRecord>(
  model: Model<T>,
  outbox: Outbox,
  record: Pick<RevisionedRecord, '_id' | 'revision'>,
  events: readonly EventEnvelope[],
  update: Record<string, unknown>,
): Promise<T | null> {
  const written = await updateAtRevision(
    model,
    record,
    events.length > 0 ? withEvents(events, update) : update,
  );
  if (!written) return null;
  return (await releasePendingEvents(model, outbox, written)) ?? written;
}

/**
 * Runs `attempt` (read, decide, write at the revision read) until it returns a result; null means
 * the revision moved, so it runs again after a backoff. After `attempts` lost races: CONFLICT.
 */
export async function retryAtRevision<T>(
  attempt: () => Promise<T | null>,
  message: string,
  attempts = MAX_ATTEMPTS,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const result = await attempt();
    if (result !== null) return result;
    if (i < attempts - 1) await backoff(i);
  }
  throw conflict(message);
}

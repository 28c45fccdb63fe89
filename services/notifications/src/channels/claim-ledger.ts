import type { Connection } from 'mongoose';

interface ClaimDocument {
  /** `<scope>#<attempt>`, e.g. `delivery:<id>:email#3`. */
  _id: string;
  until: Date;
}

export interface AttemptWrites {
  /** Records on the row that `attempt` is under way until `until`. */
  claimed(attempt: number, until: Date): Promise<void>;
  /** Marks `attempt` as used on the row without sending, so the next one can be claimed. */
  abandoned(attempt: number): Promise<void>;
}

/**
 * Who sends attempt N of a delivery or digest, decided by inserting `<scope>#<N>` under a unique
 * _id. FerretDB v1 runs a conditional update (`findOneAndUpdate({status: 'pending'}, …)`) without
 * isolation: measured on 1.24, several of eight concurrent callers all "won" the same document.
 * A unique insert is the one write on which exactly one caller succeeds, on FerretDB and MongoDB.
 * Claims are kept: a worker reading a row late tries an attempt number that is already taken.
 */
export class ClaimLedger {
  private readonly claims;

  constructor(connection: Connection) {
    this.claims = connection.collection<ClaimDocument>('channel_claims');
  }

  /**
   * Claims attempt `attempts + 1` of `scope` for `leaseMs`; returns it, or null when another
   * process holds it. A holder that took the claim but never recorded it on the row (it failed
   * between the two writes) would block the row for good, so once its lease is over the attempt
   * is written off through `abandoned` (idempotent: every caller writes the same number).
   */
  async claimAttempt(
    scope: string,
    attempts: number,
    leaseMs: number,
    now: Date,
    writes: AttemptWrites,
  ): Promise<{ attempt: number; claimedUntil: Date } | null> {
    const attempt = attempts + 1;
    const key = `${scope}#${attempt}`;
    const claimedUntil = new Date(now.getTime() + leaseMs);
    try {
      await this.claims.insertOne({ _id: key, until: claimedUntil });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const holder = await this.claims.findOne({ _id: key });
      if (holder && holder.until < now) await writes.abandoned(attempt);
      return null;
    }
    await writes.claimed(attempt, claimedUntil);
    return { attempt, claimedUntil };
  }
}

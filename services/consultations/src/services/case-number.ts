import { isDuplicateKey } from '@sipadu/events';
import type { Connection, mongo } from 'mongoose';

/** One claimed human number; the unique `_id` is the number itself. */
interface CaseNumberRecord {
  _id: string;
  prefix: string;
  year: number;
  seq: number;
  at: Date;
}

/** Claims before giving up (each lost race re-reads the highest number taken). */
const MAX_ATTEMPTS = 50;

/** `KNS-2026-00012`: five digits until a year outgrows them. */
export const formatCaseNumber = (prefix: string, year: number, seq: number) =>
  `${prefix}-${year}-${String(seq).padStart(5, '0')}`;

/**
 * Human case numbers `<prefix>-<year>-<nnnnn>`, consecutive per prefix (flow) and local year.
 * FerretDB v1 has no atomic `$inc`, so a number is claimed by inserting it as the `_id` of
 * `case_numbers`: of two writers taking the same number exactly one insert succeeds and the other
 * tries the next one. A case whose insert fails after the claim leaves a gap, never a duplicate.
 */
export class CaseNumbers {
  private readonly numbers: mongo.Collection<CaseNumberRecord>;

  constructor(connection: Connection) {
    this.numbers = connection.collection<CaseNumberRecord>(
      'case_numbers',
    ) as unknown as mongo.Collection<CaseNumberRecord>;
  }

  async init(): Promise<void> {
    await this.numbers.createIndex({ prefix: 1, year: 1, seq: -1 }, { name: 'latest_per_year' });
  }

  /** The next free number of `prefix` in `year` (the case's local year). */
  async claim(prefix: string, year: number): Promise<string> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const latest = await this.numbers
        .find({ prefix, year }, { projection: { seq: 1 } })
        .sort({ seq: -1 })
        .limit(1)
        .toArray();
      const seq = (latest[0]?.seq ?? 0) + 1;
      const number = formatCaseNumber(prefix, year, seq);
      try {
        await this.numbers.insertOne({ _id: number, prefix, year, seq, at: new Date() });
        return number;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`No free case number for ${prefix}-${year} after ${MAX_ATTEMPTS} attempts`);
  }
}

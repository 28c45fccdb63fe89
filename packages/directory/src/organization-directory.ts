import type { AnyEventEnvelope } from '@sipadu/events';
import type { Connection } from 'mongoose';
import {
  LENDER_KIND,
  organizationModel,
  type OrganizationModel,
  type OrganizationRecord,
} from './organization.model.js';

export interface OrganizationEntry {
  code: string;
  name: string;
  kind: string;
}

/** Called with an organization's name each time identity announces it (may be unchanged). */
export type OrganizationNameListener = (code: string, name: string) => Promise<void>;

/**
 * Identity's organizations as a service knows them (projection `organizations` in the service's
 * own database, kept by the identity consumer). A lender (kind LENDER) is known (`get`, `name`)
 * but never counts as a Pemda agency (`exists`, `list`).
 */
export class OrganizationDirectory {
  readonly model: OrganizationModel;
  private readonly nameListeners = new Set<OrganizationNameListener>();

  constructor(connection: Connection) {
    this.model = organizationModel(connection);
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /**
   * Lets the owners of denormalised organization names (e.g. surveys' standards) follow a name;
   * the listener runs inside the event's handling, so a failure makes the event come again.
   */
  onName(listener: OrganizationNameListener): () => void {
    this.nameListeners.add(listener);
    return () => this.nameListeners.delete(listener);
  }

  /** Idempotent: an upsert by code, then the name listeners (which skip what is up to date). */
  async applyIdentity(event: AnyEventEnvelope): Promise<void> {
    // profileUpdated changes only the public profile, never the name or kind kept here.
    if (event.type !== 'identity.organization.created') return;
    const { organizationCode: code, name, kind } = event.data;
    await this.model
      .updateOne({ _id: code }, { $set: { name, kind, updatedAt: new Date() } }, { upsert: true })
      .exec();
    for (const listener of this.nameListeners) await listener(code, name);
  }

  /** The organization with its kind, lenders included; null when identity never announced it. */
  async get(code: string): Promise<OrganizationEntry | null> {
    const row = await this.model.findById(code).lean<OrganizationRecord>().exec();
    return row ? { code: row._id, name: row.name, kind: row.kind } : null;
  }

  async name(code: string): Promise<string | null> {
    return (await this.get(code))?.name ?? null;
  }

  /** Names of the known organizations among `codes` (unknown codes are absent from the map). */
  async names(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.model
      .find({ _id: { $in: unique } }, { name: 1 })
      .lean<Pick<OrganizationRecord, '_id' | 'name'>[]>()
      .exec();
    return new Map(rows.map((row) => [row._id, row.name]));
  }

  /** Whether the code names a known Pemda agency (not a lender). */
  async exists(code: string): Promise<boolean> {
    const row = await this.get(code);
    return row !== null && row.kind !== LENDER_KIND;
  }

  /** Every known Pemda agency (lenders excluded), by name. */
  async list(): Promise<OrganizationEntry[]> {
    const rows = await this.model
      .find({ kind: { $ne: LENDER_KIND } })
      .sort({ name: 1, _id: 1 })
      .lean<OrganizationRecord[]>()
      .exec();
    return rows.map((row) => ({ code: row._id, name: row.name, kind: row.kind }));
  }
}

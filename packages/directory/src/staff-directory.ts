import type { AnyEventEnvelope } from '@sipadu/events';
import type { Principal } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import {
  staffMemberModel,
  type StaffMemberDocument,
  type StaffMemberModel,
} from './staff-member.model.js';

export interface StaffMemberRecord {
  id: string;
  username: string;
  name: string;
  organizationCode: string | null;
  roles: string[];
  active: boolean;
}

type StaffFields = Partial<Omit<StaffMemberDocument, '_id' | 'updatedAt'>>;

/**
 * Identity's users as a service knows them (projection `staff`, kept by the identity consumer and
 * refreshed from every token seen): names, organizations and roles of the officers a service
 * assigns, routes to or names.
 */
export class StaffDirectory {
  readonly model: StaffMemberModel;

  constructor(connection: Connection) {
    this.model = staffMemberModel(connection);
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /** Idempotent: each event sets what it knows of the user (partial events upsert a row). */
  async applyIdentity(event: AnyEventEnvelope): Promise<void> {
    switch (event.type) {
      case 'identity.user.created':
        await this.upsert(event.data.userId, {
          username: event.data.username,
          organizationCode: event.data.organizationCode,
          roles: event.data.roles,
          ...(event.data.name ? { name: event.data.name } : {}),
        });
        return;
      case 'identity.user.mirrored':
        await this.upsert(event.data.userId, {
          organizationCode: event.data.organizationCode,
          ...(event.data.username ? { username: event.data.username } : {}),
          ...(event.data.roles ? { roles: event.data.roles } : {}),
          ...(event.data.name ? { name: event.data.name } : {}),
        });
        return;
      case 'identity.user.rolesChanged':
        await this.upsert(event.data.userId, { roles: event.data.roles });
        return;
      case 'identity.user.activationChanged':
        await this.upsert(event.data.userId, { active: event.data.active });
        return;
      default:
        return;
    }
  }

  /** The caller as their token describes them (the freshest source); partner systems are no staff. */
  async remember(principal: Principal): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.upsert(principal.id, {
      username: principal.username,
      name: principal.name ?? principal.username,
      organizationCode: principal.organizationCode,
      roles: [...principal.roles],
      active: true,
    });
  }

  async get(id: string): Promise<StaffMemberRecord | null> {
    const row = await this.model.findById(id).lean<StaffMemberDocument>().exec();
    return row ? recordOf(row) : null;
  }

  /** The known users among `ids` (unknown ids are absent from the map). */
  async many(ids: string[]): Promise<Map<string, StaffMemberRecord>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.model
      .find({ _id: { $in: unique } })
      .lean<StaffMemberDocument[]>()
      .exec();
    return new Map(rows.map((row) => [row._id, recordOf(row)]));
  }

  /** Active users holding `role` (of one organization when given), by name. */
  async withRole(role: string, organizationCode?: string | null): Promise<StaffMemberRecord[]> {
    return this.find({
      roles: role,
      active: true,
      ...(organizationCode ? { organizationCode } : {}),
    });
  }

  /** Active users of an organization, by name. */
  async ofOrganization(code: string): Promise<StaffMemberRecord[]> {
    return this.find({ organizationCode: code, active: true });
  }

  private async find(filter: Record<string, unknown>): Promise<StaffMemberRecord[]> {
    const rows = await this.model
      .find(filter)
      .sort({ name: 1, _id: 1 })
      .lean<StaffMemberDocument[]>()
      .exec();
    return rows.map(recordOf);
  }

  /**
   * Sets the known fields; a user first seen through a partial event starts with placeholders
   * (the id as username and name, no organization or role, active) that later events fill in.
   */
  private async upsert(id: string, fields: StaffFields): Promise<void> {
    const defaults: Required<StaffFields> = {
      username: fields.username ?? id,
      name: fields.name ?? fields.username ?? id,
      organizationCode: null,
      roles: [],
      active: true,
    };
    const onInsert = Object.fromEntries(
      Object.entries(defaults).filter(([key]) => !(key in fields)),
    );
    await this.model
      .updateOne(
        { _id: id },
        { $set: { ...fields, updatedAt: new Date() }, $setOnInsert: onInsert },
        { upsert: true },
      )
      .exec();
  }
}

function recordOf(row: StaffMemberDocument): StaffMemberRecord {
  return {
    id: row._id,
    username: row.username,
    name: row.name,
    organizationCode: row.organizationCode ?? null,
    roles: row.roles ?? [],
    active: row.active,
  };
}

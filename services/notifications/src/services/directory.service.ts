import type { AnyEventEnvelope } from '@sipadu/events';
import type { Principal } from '@sipadu/service-kit';
import type { RecipientModel, RecipientRecord } from '../models/recipient.model.js';
import type { RecipientSpec } from '../rules/rule.js';
import type { SubjectService } from './subject.service.js';

/**
 * The recipients directory: identity's users as this service needs them, kept from identity's
 * events and refreshed from every token seen (the freshest source of name, e-mail and roles).
 */
export class DirectoryService {
  constructor(
    private readonly recipients: RecipientModel,
    private readonly subjects: SubjectService,
  ) {}

  async init(): Promise<void> {
    await this.recipients.init();
  }

  async rememberPrincipal(principal: Principal): Promise<void> {
    if (principal.kind !== 'user') return;
    await this.recipients.updateOne(
      { _id: principal.id },
      {
        $set: {
          username: principal.username,
          name: principal.name ?? principal.username,
          email: principal.email,
          organizationCode: principal.organizationCode,
          roles: [...principal.roles],
          active: true,
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    );
  }

  /** Applies an identity event to the directory; other events are ignored. */
  async apply(event: AnyEventEnvelope): Promise<void> {
    const now = new Date();
    switch (event.type) {
      case 'identity.user.created':
        await this.upsert(event.data.userId, {
          username: event.data.username,
          organizationCode: event.data.organizationCode,
          roles: event.data.roles,
          ...(event.data.name ? { name: event.data.name } : {}),
          ...(event.data.email ? { email: event.data.email } : {}),
          updatedAt: now,
        });
        return;
      case 'identity.user.mirrored':
        await this.upsert(event.data.userId, {
          organizationCode: event.data.organizationCode,
          ...(event.data.roles ? { roles: event.data.roles } : {}),
          ...(event.data.name ? { name: event.data.name } : {}),
          ...(event.data.email ? { email: event.data.email } : {}),
          updatedAt: now,
        });
        return;
      case 'identity.user.rolesChanged':
        await this.upsert(event.data.userId, { roles: event.data.roles, updatedAt: now });
        return;
      case 'identity.user.activationChanged':
        await this.upsert(event.data.userId, { active: event.data.active, updatedAt: now });
        return;
      default:
        return;
    }
  }

  private async upsert(id: string, fields: Partial<RecipientRecord>): Promise<void> {
    await this.recipients.updateOne({ _id: id }, { $set: fields }, { upsert: true });
  }

  async get(id: string): Promise<RecipientRecord | null> {
    return this.recipients.findById(id).lean<RecipientRecord>().exec();
  }

  async many(ids: readonly string[]): Promise<Map<string, RecipientRecord>> {
    const rows = await this.recipients
      .find({ _id: { $in: [...ids] } })
      .lean<RecipientRecord[]>()
      .exec();
    return new Map(rows.map((row) => [row._id, row]));
  }

  /** The user ids a list of specs names (deduplicated, inactive users left out). */
  async resolve(specs: readonly RecipientSpec[]): Promise<string[]> {
    const ids = new Set<string>();
    const organizations = new Map<string, string[] | null>();
    const addOrganization = (code: string, roles: string[] | undefined) => {
      const known = organizations.get(code);
      // Without a role filter the whole organization is named; a filter never narrows it again.
      if (known === null || !roles) organizations.set(code, null);
      else organizations.set(code, [...(known ?? []), ...roles]);
    };
    for (const spec of specs) {
      switch (spec.kind) {
        case 'user':
          ids.add(spec.id);
          break;
        case 'organization':
          addOrganization(spec.code, spec.roles);
          break;
        case 'role': {
          const rows = await this.recipients
            .find({ roles: spec.role, active: true }, { _id: 1 })
            .lean<{ _id: string }[]>()
            .exec();
          for (const row of rows) ids.add(row._id);
          break;
        }
        case 'participants': {
          const parties = await this.subjects.parties(spec.subject);
          for (const code of parties.organizationCodes) addOrganization(code, undefined);
          for (const id of parties.userIds) ids.add(id);
          break;
        }
      }
    }
    for (const [code, roles] of organizations) {
      const rows = await this.recipients
        .find(
          { organizationCode: code, active: true, ...(roles ? { roles: { $in: roles } } : {}) },
          { _id: 1 },
        )
        .lean<{ _id: string }[]>()
        .exec();
      for (const row of rows) ids.add(row._id);
    }
    return [...ids];
  }
}

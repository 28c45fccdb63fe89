import {
  actorOf,
  badInput,
  conflict,
  containsPattern,
  forbidden,
  isRole,
  notFound,
  paginate,
  parseInput,
  RESTRICTED_ROLES,
  ROLES,
  type Logger,
  type PageArgs,
  type Principal,
  type RequestLoaders,
  type Role,
} from '@sipadu/service-kit';
import { createEvent, eventsForInsert, withEvents, type Outbox } from '@sipadu/events';
import { z } from 'zod';
import { access } from '../access.js';
import {
  KeycloakRefusal,
  type KeycloakAdmin,
  type KeycloakUser,
} from '../keycloak/keycloak-admin.js';
import type { OrganizationModel } from '../models/organization.model.js';
import {
  userSearchText,
  type ActivationChangeRecord,
  type UserModel,
  type UserRecord,
} from '../models/user.model.js';

const rolesSchema = z
  .array(z.string())
  .min(1, 'pilih minimal satu peran')
  .max(ROLES.length)
  .refine((roles) => roles.every(isRole), 'ada peran yang tidak dikenal')
  .transform((roles) => [...new Set(roles)] as Role[]);

const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,63}$/,
      'nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah, tanda hubung',
    ),
  name: z.string().trim().min(3, 'nama minimal 3 karakter').max(200),
  email: z.email('alamat email tidak valid').trim().toLowerCase(),
  nip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, 'NIP harus 18 digit angka')
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-\s]{5,40}$/, 'nomor telepon tidak valid')
    .nullish()
    .or(z.literal('').transform(() => null)),
  position: z.string().trim().max(200).nullish(),
  organizationCode: z.string().trim().min(1, 'organisasi wajib dipilih'),
  roles: rolesSchema,
  password: z.string().min(10, 'kata sandi minimal 10 karakter').max(128),
  temporaryPassword: z.boolean().nullish(),
});

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  const firstName = parts.shift() ?? name;
  return { firstName, lastName: parts.join(' ') };
}

function attribute(user: KeycloakUser, key: string): string | null {
  return user.attributes[key]?.[0] ?? null;
}

export class UserService {
  constructor(
    private readonly users: UserModel,
    private readonly organizations: OrganizationModel,
    private readonly keycloak: KeycloakAdmin,
    private readonly outbox: Outbox,
    private readonly logger: Logger,
  ) {}

  byId(loaders: RequestLoaders, id: string) {
    return loaders
      .get<UserRecord>(
        'User.id',
        (ids) =>
          this.users
            .find({ _id: { $in: [...ids] } })
            .lean<UserRecord[]>()
            .exec(),
        (user) => user._id,
      )
      .load(id);
  }

  /** The signed-in person; partner systems have no user record. */
  async me(principal: Principal | null, loaders: RequestLoaders): Promise<UserRecord | null> {
    const caller = access.require(principal, 'Query.me');
    return caller.kind === 'user' ? this.byId(loaders, caller.id) : null;
  }

  /**
   * Mirrors the caller from the token the first time this process sees them: new users get a
   * record (and one `identity.user.mirrored` event); known users get their claims refreshed.
   */
  async mirror(principal: Principal): Promise<void> {
    if (principal.kind !== 'user') return;
    const name = principal.name ?? principal.username;
    const event = createEvent(
      'identity.user.mirrored',
      {
        userId: principal.id,
        organizationCode: principal.organizationCode,
        username: principal.username,
        name,
        email: principal.email,
        roles: [...principal.roles],
      },
      {
        actor: actorOf(principal),
        subject: { type: 'user', id: principal.id },
        org: principal.organizationCode,
      },
    );
    const history = await this.retireStaleRecord(principal.id, principal.username);
    const result = await this.users
      .updateOne(
        { _id: principal.id },
        {
          $set: {
            username: principal.username,
            name,
            email: principal.email,
            organizationCode: principal.organizationCode,
            roles: [...principal.roles],
            searchText: userSearchText(principal.username, name, null),
          },
          $setOnInsert: { active: true, activationHistory: history, ...eventsForInsert([event]) },
        },
        { upsert: true },
      )
      .exec();
    if (result.upsertedCount > 0) await this.outbox.flush(this.users, principal.id);
  }

  /**
   * Brings the mirror in line with Keycloak (start-up and seeding), so lists include users who
   * never signed in. A user new to the mirror gets one `identity.user.mirrored` event, so the
   * notification directory knows them before their first sign-in.
   */
  async syncFromKeycloak(): Promise<number> {
    let count = 0;
    for await (const user of this.keycloak.allUsers()) {
      const roles = (await this.keycloak.realmRolesOf(user.id)).filter(isRole);
      const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
      const nip = attribute(user, 'nip');
      const organizationCode = attribute(user, 'org');
      const event = createEvent(
        'identity.user.mirrored',
        {
          userId: user.id,
          organizationCode,
          username: user.username,
          name,
          email: user.email,
          roles,
        },
        { actor: actorOf(null), subject: { type: 'user', id: user.id }, org: organizationCode },
      );
      const history = await this.retireStaleRecord(user.id, user.username);
      const result = await this.users
        .updateOne(
          { _id: user.id },
          {
            $set: {
              username: user.username,
              name,
              email: user.email,
              nip,
              phone: attribute(user, 'phone'),
              position: attribute(user, 'position'),
              organizationCode,
              roles,
              active: user.enabled,
              searchText: userSearchText(user.username, name, nip),
            },
            $setOnInsert: { activationHistory: history, ...eventsForInsert([event]) },
          },
          { upsert: true },
        )
        .exec();
      if (result.upsertedCount > 0) await this.outbox.flush(this.users, user.id);
      count += 1;
    }
    return count;
  }

  list(
    principal: Principal | null,
    filter: { organizationCode?: string | null; search?: string | null },
    page: PageArgs,
  ) {
    const caller = access.require(principal, 'Query.users');
    const organizationCode = access.seesAllOrganizations(caller, 'Query.users')
      ? filter.organizationCode
      : (filter.organizationCode ?? caller.organizationCode);
    access.assert(caller, 'Query.users', { organizationCode: organizationCode ?? null });
    const query: Record<string, unknown> = {};
    if (organizationCode) query.organizationCode = organizationCode;
    if (filter.search?.trim()) query.searchText = { $regex: containsPattern(filter.search) };
    return paginate(this.users, query, page, 'username');
  }

  async get(principal: Principal | null, id: string): Promise<UserRecord> {
    const caller = access.require(principal, 'Query.user');
    const user = await this.users.findById(id).lean<UserRecord>().exec();
    if (!user) throw notFound('Pengguna tidak ditemukan.');
    access.assert(caller, 'Query.user', { organizationCode: user.organizationCode });
    return user;
  }

  async create(principal: Principal | null, input: unknown): Promise<UserRecord> {
    access.require(principal, 'Mutation.createUser');
    const data = parseInput(createUserSchema, input);
    const caller = access.require(principal, 'Mutation.createUser', {
      organizationCode: data.organizationCode,
    });
    this.assertGrantable(caller, data.roles);
    if (!(await this.organizations.exists({ code: data.organizationCode }))) {
      throw badInput(`Organisasi ${data.organizationCode} tidak ditemukan.`);
    }
    if (await this.users.exists({ username: data.username })) {
      throw conflict(`Nama pengguna ${data.username} sudah dipakai.`);
    }
    const attributes: Record<string, string[]> = { org: [data.organizationCode] };
    if (data.nip) attributes.nip = [data.nip];
    if (data.phone) attributes.phone = [data.phone];
    if (data.position) attributes.position = [data.position];
    let id: string;
    try {
      id = await this.keycloak.createUser({
        username: data.username,
        ...splitName(data.name),
        email: data.email,
        attributes,
        password: data.password,
        temporaryPassword: data.temporaryPassword ?? false,
        roles: data.roles,
      });
    } catch (error) {
      throw this.translate(error);
    }
    const event = createEvent(
      'identity.user.created',
      {
        userId: id,
        username: data.username,
        organizationCode: data.organizationCode,
        roles: data.roles,
        name: data.name,
        email: data.email,
      },
      { actor: actorOf(caller), subject: { type: 'user', id }, org: data.organizationCode },
    );
    const now = new Date();
    const created = await this.users.create({
      _id: id,
      username: data.username,
      name: data.name,
      searchText: userSearchText(data.username, data.name, data.nip ?? null),
      nip: data.nip ?? null,
      email: data.email,
      phone: data.phone ?? null,
      position: data.position ?? null,
      organizationCode: data.organizationCode,
      roles: data.roles,
      active: true,
      activationHistory: [{ active: true, at: now, byUserId: caller.id, reason: 'Akun dibuat' }],
      ...eventsForInsert([event]),
    });
    await this.outbox.flush(this.users, id);
    this.logger.info({ userId: id, by: caller.username }, 'pengguna dibuat');
    return created.toObject();
  }

  async setActive(
    principal: Principal | null,
    id: string,
    active: boolean,
    reason: string | null | undefined,
  ) {
    access.require(principal, 'Mutation.setUserActive');
    const user = await this.users.findById(id).lean<UserRecord>().exec();
    if (!user) throw notFound('Pengguna tidak ditemukan.');
    const caller = access.require(principal, 'Mutation.setUserActive', {
      organizationCode: user.organizationCode,
    });
    if (caller.id === id && !active)
      throw forbidden('Anda tidak dapat menonaktifkan akun sendiri.');
    this.assertManageable(caller, user);
    const note = reason?.trim().slice(0, 500) || null;
    if (user.active === active) return user;
    try {
      await this.keycloak.setEnabled(id, active);
    } catch (error) {
      throw this.translate(error);
    }
    const event = createEvent(
      'identity.user.activationChanged',
      { userId: id, active, ...(note ? { reason: note } : {}) },
      { actor: actorOf(caller), subject: { type: 'user', id }, org: user.organizationCode },
    );
    const updated = await this.users
      .findOneAndUpdate(
        { _id: id },
        withEvents([event], {
          $set: { active },
          $push: {
            activationHistory: { active, at: new Date(), byUserId: caller.id, reason: note },
          },
        }),
        { returnDocument: 'after' },
      )
      .lean<UserRecord>()
      .exec();
    await this.outbox.flush(this.users, id);
    return updated ?? user;
  }

  async setRoles(principal: Principal | null, id: string, rolesInput: unknown) {
    access.require(principal, 'Mutation.setUserRoles');
    const roles = parseInput(rolesSchema, rolesInput);
    const user = await this.users.findById(id).lean<UserRecord>().exec();
    if (!user) throw notFound('Pengguna tidak ditemukan.');
    const caller = access.require(principal, 'Mutation.setUserRoles', {
      organizationCode: user.organizationCode,
    });
    this.assertManageable(caller, user);
    this.assertGrantable(caller, roles);
    let previousRoles: Role[];
    try {
      previousRoles = (await this.keycloak.realmRolesOf(id)).filter(isRole);
      await this.keycloak.setRoles(id, roles, ROLES);
    } catch (error) {
      throw this.translate(error);
    }
    const event = createEvent(
      'identity.user.rolesChanged',
      { userId: id, roles, previousRoles },
      { actor: actorOf(caller), subject: { type: 'user', id }, org: user.organizationCode },
    );
    const updated = await this.users
      .findOneAndUpdate({ _id: id }, withEvents([event], { $set: { roles } }), {
        returnDocument: 'after',
      })
      .lean<UserRecord>()
      .exec();
    await this.outbox.flush(this.users, id);
    return updated ?? user;
  }

  /** Roles beyond one agency are granted only by those who hold the whole platform. */
  /**
   * Keycloak ids are the mirror's keys, but a re-imported or restored realm gives the same username
   * a new id. The old record is replaced (carrying its activation history) instead of blocking the
   * unique username index for good.
   */
  private async retireStaleRecord(id: string, username: string): Promise<ActivationChangeRecord[]> {
    const stale = await this.users
      .findOne({ username, _id: { $ne: id } })
      .lean()
      .exec();
    if (!stale) return [];
    this.logger.warn(
      { username, staleId: stale._id, id },
      'id Keycloak berubah; catatan lama diganti',
    );
    await this.users.deleteOne({ _id: stale._id }).exec();
    return stale.activationHistory;
  }

  private assertGrantable(caller: Principal, roles: readonly Role[]) {
    if (caller.roles.includes('super-admin')) return;
    const restricted = roles.filter((role) => RESTRICTED_ROLES.includes(role));
    if (restricted.length) {
      throw forbidden(`Admin OPD tidak boleh memberikan peran ${restricted.join(', ')}.`);
    }
  }

  /** An admin-opd cannot change accounts that hold platform-wide roles, even in their agency. */
  private assertManageable(caller: Principal, user: UserRecord) {
    if (caller.roles.includes('super-admin')) return;
    if (user.roles.some((role) => RESTRICTED_ROLES.includes(role as Role))) {
      throw forbidden(
        'Akun ini memegang peran lintas organisasi dan hanya dapat diubah oleh super-admin.',
      );
    }
  }

  private translate(error: unknown): Error {
    if (error instanceof KeycloakRefusal) {
      return error.status === 409 ? conflict(error.message) : badInput(error.message);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

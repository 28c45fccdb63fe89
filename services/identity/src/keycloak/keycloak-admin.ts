import KcAdminClient from '@keycloak/keycloak-admin-client';
import type { Logger } from '@sipadu/service-kit';

export interface KeycloakUser {
  id: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  enabled: boolean;
  attributes: Record<string, string[]>;
}

export interface NewKeycloakUser {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  attributes: Record<string, string[]>;
  password: string;
  temporaryPassword: boolean;
  roles: string[];
}

export interface KeycloakAdminOptions {
  baseUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  logger: Logger;
}

/** Thrown when Keycloak refuses a change for a reason the caller can fix (duplicate, policy). */
export class KeycloakRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The identity service's only door into Keycloak's Admin REST API, authenticated with its own
 * service account (client credentials), re-authenticating before the 5-minute token expires.
 */
export class KeycloakAdmin {
  private readonly client: KcAdminClient;
  private tokenValidUntil = 0;

  constructor(private readonly options: KeycloakAdminOptions) {
    this.client = new KcAdminClient({ baseUrl: options.baseUrl, realmName: options.realm });
  }

  private async ready(): Promise<KcAdminClient> {
    if (Date.now() >= this.tokenValidUntil) {
      await this.client.auth({
        grantType: 'client_credentials',
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
      });
      // Tokens live 300 s; renew well before.
      this.tokenValidUntil = Date.now() + 240_000;
    }
    return this.client;
  }

  /**
   * Creates the user disabled, assigns roles, then enables it: if any step fails the half-made
   * account is deleted, so Keycloak never holds a user with the wrong roles.
   */
  async createUser(input: NewKeycloakUser): Promise<string> {
    const kc = await this.ready();
    let id: string;
    try {
      ({ id } = await kc.users.create({
        username: input.username,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        emailVerified: true,
        enabled: false,
        attributes: input.attributes,
        credentials: [
          { type: 'password', value: input.password, temporary: input.temporaryPassword },
        ],
      }));
    } catch (error) {
      throw refusal(error);
    }
    try {
      await this.setRoles(id, input.roles);
      await kc.users.update({ id }, { enabled: true });
      return id;
    } catch (error) {
      await kc.users.del({ id }).catch((cleanup: unknown) => {
        this.options.logger.error(
          { err: cleanup, id },
          'gagal menghapus akun Keycloak yang setengah jadi',
        );
      });
      throw refusal(error);
    }
  }

  async getUser(id: string): Promise<KeycloakUser | null> {
    const kc = await this.ready();
    const user = await kc.users.findOne({ id });
    return user ? toKeycloakUser(user) : null;
  }

  async realmRolesOf(id: string): Promise<string[]> {
    const kc = await this.ready();
    const mappings = await kc.users.listRealmRoleMappings({ id });
    return mappings.map((role) => role.name ?? '').filter(Boolean);
  }

  /** Replaces the user's realm roles among `managed`; other roles (defaults) are left alone. */
  async setRoles(id: string, roles: string[], managed: readonly string[] = roles): Promise<void> {
    const kc = await this.ready();
    const current = await kc.users.listRealmRoleMappings({ id });
    const currentNames = new Set(current.map((role) => role.name));
    const toRemove = current.filter(
      (role) => role.name && managed.includes(role.name) && !roles.includes(role.name),
    );
    const toAdd = [];
    for (const name of roles.filter((role) => !currentNames.has(role))) {
      const role = await kc.roles.findOneByName({ name });
      if (!role?.id) throw new KeycloakRefusal(`Peran "${name}" tidak dikenal di Keycloak.`, 400);
      toAdd.push({ id: role.id, name });
    }
    if (toAdd.length) await kc.users.addRealmRoleMappings({ id, roles: toAdd });
    if (toRemove.length) {
      await kc.users.delRealmRoleMappings({
        id,
        roles: toRemove.map((role) => ({ id: role.id ?? '', name: role.name ?? '' })),
      });
    }
  }

  /** Disabling also ends every session, so refresh tokens stop working at once. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const kc = await this.ready();
    await kc.users.update({ id }, { enabled });
    if (!enabled) await kc.users.logout({ id });
  }

  async *allUsers(pageSize = 100): AsyncGenerator<KeycloakUser> {
    const kc = await this.ready();
    for (let first = 0; ; first += pageSize) {
      const page = await kc.users.find({ first, max: pageSize, briefRepresentation: false });
      for (const user of page) {
        // Service accounts of machine clients are not people.
        if (user.username?.startsWith('service-account-')) continue;
        yield toKeycloakUser(user);
      }
      if (page.length < pageSize) return;
    }
  }
}

function toKeycloakUser(user: {
  id?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  enabled?: boolean;
  attributes?: Record<string, unknown>;
}): KeycloakUser {
  const attributes: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(user.attributes ?? {})) {
    attributes[key] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return {
    id: user.id ?? '',
    username: user.username ?? '',
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    email: user.email ?? null,
    enabled: user.enabled ?? false,
    attributes,
  };
}

function refusal(error: unknown): Error {
  if (error instanceof KeycloakRefusal) return error;
  const response = (error as { response?: { status?: number } }).response;
  const status = response?.status ?? 0;
  const detail = (error as { responseData?: { errorMessage?: string; error?: string } })
    .responseData;
  if (status === 409) return new KeycloakRefusal('Nama pengguna atau email sudah dipakai.', 409);
  if (status === 400) {
    return new KeycloakRefusal(
      `Keycloak menolak data pengguna: ${detail?.errorMessage ?? detail?.error ?? 'tidak valid'}.`,
      400,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

import { DEV_PASSWORD, DEV_REALM, keycloakUrl } from './keycloak-tokens.js';

/**
 * Real tokens signed by the running Keycloak that a verifier must still refuse: expired, without
 * the `sipadu-api` audience, or from another realm. They come from dev-only test clients created
 * through the Admin REST API with the dev admin account (never present in production).
 */
const ADMIN = {
  username: process.env.KEYCLOAK_ADMIN_USERNAME ?? 'admin',
  password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
};

async function form(url: string, body: Record<string, string>): Promise<{ access_token: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  if (!response.ok)
    throw new Error(
      `token request to ${url} failed: HTTP ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as { access_token: string };
}

/** A token of the Keycloak master realm's admin: valid signature, wrong issuer for SIPADU. */
export async function masterRealmToken(): Promise<string> {
  const { access_token } = await form(
    `${keycloakUrl()}/realms/master/protocol/openid-connect/token`,
    {
      grant_type: 'password',
      client_id: 'admin-cli',
      ...ADMIN,
    },
  );
  return access_token;
}

async function ensureTestClient(
  clientId: string,
  config: { lifespanSeconds?: number; audience: boolean },
) {
  const admin = await masterRealmToken();
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const base = `${keycloakUrl()}/admin/realms/${DEV_REALM}/clients`;
  const existing = (await (
    await fetch(`${base}?clientId=${clientId}`, { headers })
  ).json()) as unknown[];
  if (existing.length > 0) return;
  const response = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      clientId,
      publicClient: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
      attributes: config.lifespanSeconds
        ? { 'access.token.lifespan': String(config.lifespanSeconds) }
        : {},
      defaultClientScopes: [
        'basic',
        'roles',
        'profile',
        'email',
        ...(config.audience ? ['sipadu-api'] : []),
      ],
    }),
  });
  if (!response.ok && response.status !== 409) {
    throw new Error(
      `creating test client ${clientId} failed: HTTP ${response.status} ${await response.text()}`,
    );
  }
}

async function userTokenVia(clientId: string, username: string): Promise<string> {
  const { access_token } = await form(
    `${keycloakUrl()}/realms/${DEV_REALM}/protocol/openid-connect/token`,
    {
      grant_type: 'password',
      client_id: clientId,
      username,
      password: DEV_PASSWORD,
    },
  );
  return access_token;
}

/** A dev user's token that carries no `sipadu-api` audience. */
export async function wrongAudienceToken(username = 'super-admin'): Promise<string> {
  await ensureTestClient('sipadu-test-no-audience', { audience: false });
  return userTokenVia('sipadu-test-no-audience', username);
}

/** A dev user's token that lived one second and is past every clock tolerance when returned. */
export async function expiredToken(username = 'super-admin'): Promise<string> {
  await ensureTestClient('sipadu-test-expiring', { audience: true, lifespanSeconds: 1 });
  const token = await userTokenVia('sipadu-test-expiring', username);
  const { exp } = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { exp: number };
  // Verifiers allow a few seconds of clock skew.
  const wait = exp * 1000 + 7_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return token;
}

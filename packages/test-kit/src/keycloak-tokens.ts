/** Password of every dev user of the `sipadu` dev realm (keycloak/dev-overlay.json). */
export const DEV_PASSWORD = 'Sipadu!2026';
export const DEV_REALM = 'sipadu';
/** The public dev-only client that allows the password grant and puts `sipadu-api` in `aud`. */
export const TEST_CLIENT_ID = 'sipadu-test';

/** Keycloak base URL: KEYCLOAK_URL (set by the test global setup), else the local default. */
export function keycloakUrl(): string {
  return (process.env.KEYCLOAK_URL ?? 'http://localhost:8080').replace(/\/$/, '');
}

export function tokenEndpoint(realm = DEV_REALM): string {
  return `${keycloakUrl()}/realms/${realm}/protocol/openid-connect/token`;
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  token_type: string;
}

export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`token request failed: HTTP ${status} ${body}`);
    this.name = 'TokenRequestError';
  }
}

async function requestToken(form: Record<string, string>): Promise<TokenResponse> {
  const response = await fetch(tokenEndpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.text();
  if (!response.ok) throw new TokenRequestError(response.status, body);
  return JSON.parse(body) as TokenResponse;
}

/** Access token of a dev user (username = role name) through `sipadu-test` and the password grant. */
export async function getUserToken(username: string, password = DEV_PASSWORD): Promise<string> {
  const res = await requestToken({
    grant_type: 'password',
    client_id: TEST_CLIENT_ID,
    username,
    password,
    scope: 'openid',
  });
  return res.access_token;
}

/** Access token of a confidential client through the client-credentials grant. */
export async function getClientToken(clientId: string, secret: string): Promise<string> {
  const res = await requestToken({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
  });
  return res.access_token;
}

/** Partner systems of the dev realm (client credentials; keycloak/dev-overlay.json). */
export const PARTNER_CLIENT_IDS = [
  'sipadu-partner',
  'mitra-ptsmi',
  'mitra-provinsi',
  'sipadu-insights',
] as const;
export type PartnerClientId = (typeof PARTNER_CLIENT_IDS)[number];

/** Dev secret of a partner client: `<clientId>-dev-secret`. */
export const partnerDevSecret = (clientId: PartnerClientId): string => `${clientId}-dev-secret`;

/** Access token of a dev partner system (client credentials with its dev secret). */
export const getPartnerToken = (clientId: PartnerClientId): Promise<string> =>
  getClientToken(clientId, partnerDevSecret(clientId));

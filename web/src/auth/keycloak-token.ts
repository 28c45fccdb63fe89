import 'server-only';
import type { JWT } from 'next-auth/jwt';
import { environment, realmBackchannelUrl } from '@/config/environment';
import { isRole, type Role } from './roles';

/** Refresh this long before the access token expires, so a request never carries a dying token. */
const REFRESH_MARGIN_SECONDS = 30;

interface AccessTokenClaims {
  sub?: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  org?: string;
  realm_access?: { roles?: string[] };
}

/** Reads (does not verify) the claims of a token that came straight from Keycloak's token endpoint. */
function claimsOf(accessToken: string): AccessTokenClaims {
  const payload = accessToken.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return {};
  }
}

/** User fields of the session, taken from the access token so role changes apply on refresh. */
export function userFieldsFrom(
  accessToken: string,
): Pick<JWT, 'sub' | 'name' | 'email' | 'username' | 'organization' | 'roles'> {
  const claims = claimsOf(accessToken);
  const username = claims.preferred_username ?? claims.sub ?? '';
  const roles: Role[] = (claims.realm_access?.roles ?? []).filter(isRole);
  return {
    sub: claims.sub,
    name: claims.name ?? username,
    email: claims.email ?? null,
    username,
    organization: claims.org ?? null,
    roles,
  };
}

function tokenEndpoint(): string {
  return `${realmBackchannelUrl()}/protocol/openid-connect/token`;
}

export function needsRefresh(token: JWT, nowSeconds = Date.now() / 1000): boolean {
  return (
    !token.error &&
    typeof token.expiresAt === 'number' &&
    token.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds
  );
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_expires_in?: number;
  id_token?: string;
}

async function requestRefresh(token: JWT): Promise<JWT> {
  if (!token.refreshToken) return { ...token, error: 'RefreshAccessTokenError' };
  try {
    const response = await fetch(tokenEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: environment().KEYCLOAK_CLIENT_ID,
        refresh_token: token.refreshToken,
      }),
      signal: AbortSignal.timeout(10_000),
      cache: 'no-store',
    });
    if (!response.ok) {
      // Expired or revoked (e.g. signed out elsewhere): the user has to sign in again.
      console.warn(`penyegaran token ditolak Keycloak (HTTP ${response.status})`);
      return { ...token, error: 'RefreshAccessTokenError' };
    }
    const body = (await response.json()) as TokenResponse;
    const now = Math.floor(Date.now() / 1000);
    return {
      ...token,
      ...userFieldsFrom(body.access_token),
      accessToken: body.access_token,
      expiresAt: now + body.expires_in,
      // Keycloak rotates refresh tokens (revokeRefreshToken): always keep the newest.
      refreshToken: body.refresh_token ?? token.refreshToken,
      refreshExpiresAt: body.refresh_expires_in
        ? now + body.refresh_expires_in
        : token.refreshExpiresAt,
      idToken: body.id_token ?? token.idToken,
      error: undefined,
    };
  } catch (error) {
    console.warn(`penyegaran token gagal: ${(error as Error).message}`);
    return { ...token, error: 'RefreshAccessTokenError' };
  }
}

// Parallel requests carrying the same expiring cookie share one refresh: Keycloak accepts a
// rotated refresh token only once. Kept on globalThis so the proxy and route bundles share it.
const inFlight: Map<string, Promise<JWT>> = ((
  globalThis as { __sipaduTokenRefreshes?: Map<string, Promise<JWT>> }
).__sipaduTokenRefreshes ??= new Map());

/** Returns the token, refreshed against Keycloak when its access token is (nearly) expired. */
export async function ensureFreshToken(token: JWT): Promise<JWT> {
  if (!needsRefresh(token) || !token.refreshToken) {
    return needsRefresh(token) ? { ...token, error: 'RefreshAccessTokenError' } : token;
  }
  const key = token.refreshToken;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestRefresh(token);
    inFlight.set(key, pending);
    // Late requests with the old cookie still get the result for a short while.
    void pending.finally(() => setTimeout(() => inFlight.delete(key), 30_000).unref());
  }
  return pending;
}

import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { JWT } from 'next-auth/jwt';
import type { SessionUser } from './next-auth';
import { decodeSession, isUsable, joinSessionCookie } from './session-cookie';

/**
 * The session token of this request, read without refreshing: server components cannot write
 * cookies, so refreshing (which rotates the refresh token) happens in the proxy and route handlers.
 */
export const readSessionToken = cache(async (): Promise<JWT | null> => {
  const store = await cookies();
  return decodeSession(joinSessionCookie(store.getAll()));
});

/** The signed-in user, or null. */
export const readSession = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  if (!isUsable(token)) return null;
  return {
    id: token.sub ?? '',
    name: token.name ?? token.username ?? '',
    username: token.username ?? '',
    organization: token.organization ?? null,
    roles: token.roles ?? [],
  };
});

/** The access token for calls to the gateway on the user's behalf. */
export async function readAccessToken(): Promise<string | null> {
  const token = await readSessionToken();
  return isUsable(token) ? token.accessToken : null;
}

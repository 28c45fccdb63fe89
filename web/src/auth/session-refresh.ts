import 'server-only';
import type { NextResponse } from 'next/server';
import type { JWT } from 'next-auth/jwt';
import { ensureFreshToken, needsRefresh } from './keycloak-token';
import {
  chunkSessionCookie,
  decodeSession,
  encodeSession,
  isUsable,
  joinSessionCookie,
  sessionCookieNames,
  sessionCookieOptions,
} from './session-cookie';

interface CookieLike {
  name: string;
  value: string;
}

export interface FreshSession {
  /** A token that can call the API, or null (signed out, or the refresh failed). */
  token: (JWT & { accessToken: string }) | null;
  /** After a refresh: the cookies that replace the request's session cookies. */
  chunks: CookieLike[] | null;
  /** Names of the session cookie (chunks) the request carried. */
  names: string[];
}

/**
 * The request's session, its access token refreshed against Keycloak when it is about to expire.
 * Only code that can write cookies (the proxy, route handlers) may call this: Keycloak rotates the
 * refresh token, so the new one must be stored before it is used again.
 */
export async function freshSession(cookies: readonly CookieLike[]): Promise<FreshSession> {
  const names = sessionCookieNames(cookies);
  let token = await decodeSession(joinSessionCookie(cookies));
  let refreshed = false;
  if (token && needsRefresh(token)) {
    token = await ensureFreshToken(token);
    refreshed = !token.error;
  }
  if (!isUsable(token)) return { token: null, chunks: null, names };
  const chunks = refreshed ? chunkSessionCookie(await encodeSession(token)) : null;
  return { token, chunks, names };
}

/** Stores a refreshed session in the response, or clears one that can no longer be used. */
export function writeSessionCookies(response: NextResponse, session: FreshSession): void {
  const kept = session.token ? (session.chunks ?? []) : [];
  if (session.token && !session.chunks) return;
  for (const chunk of kept) response.cookies.set(chunk.name, chunk.value, sessionCookieOptions());
  for (const name of session.names) {
    if (!kept.some((chunk) => chunk.name === name)) response.cookies.delete(name);
  }
}

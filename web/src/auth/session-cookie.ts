import 'server-only';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { environment, sessionSecret } from '@/config/environment';

/** Session lifetime: Keycloak's SSO session maximum (realm ssoSessionMaxLifespan, 10 h). */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

// next-auth v4 splits a cookie above 4096 bytes into `<name>.0`, `<name>.1`, … of this size.
const CHUNK_SIZE = 4096 - 163;

/** next-auth's session cookie name (`__Secure-` prefixed behind HTTPS). */
export function sessionCookieName(): string {
  return environment().NEXTAUTH_URL.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

interface CookieLike {
  name: string;
  value: string;
}

function isSessionChunk(name: string, base: string): boolean {
  return (
    name === base || (name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1)))
  );
}

/** Names of the session cookie and its chunks present in a request. */
export function sessionCookieNames(cookies: readonly CookieLike[]): string[] {
  const base = sessionCookieName();
  return cookies.filter((cookie) => isSessionChunk(cookie.name, base)).map((c) => c.name);
}

/** The session cookie's value, reassembled from its chunks. */
export function joinSessionCookie(cookies: readonly CookieLike[]): string | undefined {
  const base = sessionCookieName();
  const parts = cookies
    .filter((cookie) => isSessionChunk(cookie.name, base))
    .map((cookie) => ({
      index: cookie.name === base ? 0 : Number(cookie.name.slice(base.length + 1)),
      value: cookie.value,
    }))
    .sort((a, b) => a.index - b.index);
  return parts.length ? parts.map((part) => part.value).join('') : undefined;
}

/** Splits an encoded session into cookies named the way next-auth reads them back. */
export function chunkSessionCookie(value: string): CookieLike[] {
  const base = sessionCookieName();
  const count = Math.ceil(value.length / CHUNK_SIZE);
  if (count <= 1) return [{ name: base, value }];
  return Array.from({ length: count }, (_, i) => ({
    name: `${base}.${i}`,
    value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
  }));
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: environment().NEXTAUTH_URL.startsWith('https://'),
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

export async function decodeSession(value: string | undefined): Promise<JWT | null> {
  if (!value) return null;
  try {
    return await decode({ token: value, secret: sessionSecret() });
  } catch {
    // Unreadable (e.g. the secret changed): treated as signed out.
    return null;
  }
}

export function encodeSession(token: JWT): Promise<string> {
  return encode({ token, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/** A session that can still call the API on the user's behalf. */
export function isUsable(token: JWT | null): token is JWT & { accessToken: string } {
  return Boolean(token && token.accessToken && !token.error);
}

import { NextResponse, type NextRequest } from 'next/server';
import { ensureFreshToken, needsRefresh } from '@/auth/keycloak-token';
import {
  chunkSessionCookie,
  decodeSession,
  encodeSession,
  isUsable,
  joinSessionCookie,
  sessionCookieNames,
  sessionCookieOptions,
} from '@/auth/session-cookie';

function cookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * Runs before internal pages and the GraphQL BFF: sends signed-out visitors to sign in, and
 * refreshes an expiring access token. Refreshing happens here because server components cannot
 * write cookies, and Keycloak's rotated refresh token must be stored before it is used again.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const incoming = request.cookies.getAll();
  const sessionNames = sessionCookieNames(incoming);
  let token = await decodeSession(joinSessionCookie(incoming));
  let refreshed = false;
  if (token && needsRefresh(token)) {
    token = await ensureFreshToken(token);
    refreshed = !token.error;
  }

  if (!isUsable(token)) {
    let response: NextResponse;
    if (isApi) {
      // Forward anonymously: public operations still work, the rest answer UNAUTHENTICATED.
      const headers = new Headers(request.headers);
      headers.set(
        'cookie',
        cookieHeader(incoming.filter((cookie) => !sessionNames.includes(cookie.name))),
      );
      response = NextResponse.next({ request: { headers } });
    } else {
      const signIn = new URL('/masuk', request.url);
      signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      response = NextResponse.redirect(signIn);
    }
    for (const name of sessionNames) response.cookies.delete(name);
    return response;
  }
  if (!refreshed) return NextResponse.next();

  const chunks = chunkSessionCookie(await encodeSession(token));
  const headers = new Headers(request.headers);
  headers.set(
    'cookie',
    cookieHeader([...incoming.filter((cookie) => !sessionNames.includes(cookie.name)), ...chunks]),
  );
  const response = NextResponse.next({ request: { headers } });
  for (const chunk of chunks) response.cookies.set(chunk.name, chunk.value, sessionCookieOptions());
  for (const name of sessionNames) {
    if (!chunks.some((chunk) => chunk.name === name)) response.cookies.delete(name);
  }
  return response;
}

export const config = {
  matcher: [
    '/dasbor/:path*',
    '/profil/:path*',
    '/admin/:path*',
    '/organisasi/:path*',
    '/api/graphql',
  ],
};

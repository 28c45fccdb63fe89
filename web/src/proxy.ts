import { NextResponse, type NextRequest } from 'next/server';
import { freshSession, writeSessionCookies } from '@/auth/session-refresh';

function cookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * Runs before internal pages and the GraphQL BFF: sends signed-out visitors to sign in, and
 * refreshes an expiring access token. Refreshing happens here because server components cannot
 * write cookies, and Keycloak's rotated refresh token must be stored before it is used again.
 * The file BFF (/api/files) is not matched: Next.js buffers request bodies for the proxy, and
 * uploads must stream; that route refreshes the token itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const incoming = request.cookies.getAll();
  const session = await freshSession(incoming);
  const others = incoming.filter((cookie) => !session.names.includes(cookie.name));

  if (!session.token) {
    let response: NextResponse;
    if (isApi) {
      // Forward anonymously: public operations still work, the rest answer UNAUTHENTICATED.
      const headers = new Headers(request.headers);
      headers.set('cookie', cookieHeader(others));
      response = NextResponse.next({ request: { headers } });
    } else {
      const signIn = new URL('/masuk', request.url);
      signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      response = NextResponse.redirect(signIn);
    }
    writeSessionCookies(response, session);
    return response;
  }
  if (!session.chunks) return NextResponse.next();

  const headers = new Headers(request.headers);
  headers.set('cookie', cookieHeader([...others, ...session.chunks]));
  const response = NextResponse.next({ request: { headers } });
  writeSessionCookies(response, session);
  return response;
}

export const config = {
  matcher: [
    '/dasbor/:path*',
    '/dasbor-pimpinan/:path*',
    '/profil/:path*',
    '/admin/:path*',
    '/organisasi/:path*',
    '/dokumen/:path*',
    '/notifikasi/:path*',
    '/proyek/:path*',
    '/kode-perencanaan/:path*',
    '/standar-pelayanan/:path*',
    '/skm/:path*',
    '/evaluasi/:path*',
    '/rekomendasi/:path*',
    '/konsultasi/:path*',
    '/pekerjaan/:path*',
    '/pengaduan-tik/:path*',
    '/pengaduan/:path*',
    '/kinerja/:path*',
    '/penilaian-kinerja/:path*',
    '/kalender-kerja/:path*',
    '/api/graphql',
  ],
};

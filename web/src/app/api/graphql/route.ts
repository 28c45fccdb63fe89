import { NextResponse, type NextRequest } from 'next/server';
import { decodeSession, isUsable, joinSessionCookie } from '@/auth/session-cookie';
import { environment } from '@/config/environment';

/** The gateway's own request limit (MAX_BODY_BYTES); larger bodies are refused here already. */
const MAX_BODY_BYTES = 256 * 1024;

function refusal(status: number, code: string, message: string) {
  return NextResponse.json({ errors: [{ message, extensions: { code } }] }, { status });
}

/**
 * Backend-for-frontend: the browser posts GraphQL here (same origin, session cookie); the access
 * token is attached on the server and the gateway's answer is passed back. Tokens never reach
 * browser JavaScript. Without a session the request goes on anonymously (public operations).
 */
export async function POST(request: NextRequest) {
  const env = environment();
  // Cookie-authenticated endpoint: only this site's pages may call it (no cross-site requests).
  const origin = request.headers.get('origin');
  if (origin && origin !== env.NEXTAUTH_URL && origin !== request.nextUrl.origin) {
    return refusal(403, 'FORBIDDEN', 'Permintaan dari situs lain ditolak.');
  }
  if (!request.headers.get('content-type')?.includes('application/json')) {
    return refusal(415, 'BAD_REQUEST', 'Permintaan harus berformat JSON.');
  }
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
    return refusal(413, 'BAD_USER_INPUT', 'Permintaan terlalu besar.');
  }

  const token = await decodeSession(joinSessionCookie(request.cookies.getAll()));
  const headers = new Headers({
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  });
  if (isUsable(token)) headers.set('authorization', `Bearer ${token.accessToken}`);
  const forwardedFor = request.headers.get('x-forwarded-for');
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);

  let upstream: Response;
  try {
    upstream = await fetch(env.GATEWAY_URL, {
      method: 'POST',
      headers,
      body,
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    console.error(`gateway tidak dapat dihubungi: ${(error as Error).message}`);
    return refusal(
      502,
      'GATEWAY_UNAVAILABLE',
      'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.',
    );
  }
  return new NextResponse(await upstream.text(), {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
}

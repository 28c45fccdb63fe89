import { NextResponse, type NextRequest } from 'next/server';
import { freshSession, writeSessionCookies } from '@/auth/session-refresh';
import { environment } from '@/config/environment';
import {
  filesUpstreamUrl,
  forwardedRequestHeaders,
  forwardedResponseHeaders,
} from '@/documents/file-proxy';

function refusal(status: number, message: string) {
  return NextResponse.json(
    { errors: [{ message }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * Backend-for-frontend for files: tus uploads (POST, HEAD, PATCH, DELETE, OPTIONS) and downloads
 * (GET, with Range) stream between the browser and the gateway's /files without being buffered.
 * The signed-in user's access token is attached here, on the server, as the GraphQL BFF does;
 * the browser's cookies never go upstream. Without a session requests go on anonymously, so
 * PUBLIK documents stay downloadable for everyone.
 */
async function forward(request: NextRequest): Promise<Response> {
  const env = environment();
  const method = request.method;
  const hasBody = method === 'POST' || method === 'PATCH';
  // Cookie-authenticated endpoint: only this site's pages may change anything through it.
  const origin = request.headers.get('origin');
  if (
    !['GET', 'HEAD'].includes(method) &&
    origin &&
    origin !== env.NEXTAUTH_URL &&
    origin !== request.nextUrl.origin
  ) {
    return refusal(403, 'Permintaan dari situs lain ditolak.');
  }

  // Refreshed here, not in the proxy: Next.js buffers request bodies for the proxy.
  const session = await freshSession(request.cookies.getAll());
  const headers = forwardedRequestHeaders(request.headers);
  if (session.token) headers.set('authorization', `Bearer ${session.token.accessToken}`);

  let upstream: Response;
  try {
    upstream = await fetch(filesUpstreamUrl(env.GATEWAY_URL, request.nextUrl), {
      method,
      headers,
      body: hasBody ? request.body : undefined,
      // Streams the upload instead of reading it whole first.
      ...(hasBody ? { duplex: 'half' as const } : {}),
      redirect: 'manual',
      cache: 'no-store',
      // The browser going away (pause, lost connection) cancels the upstream request too.
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`gateway /files tidak dapat dihubungi: ${(error as Error).message}`);
    return refusal(502, 'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.');
  }

  const bodyless = method === 'HEAD' || [204, 304].includes(upstream.status);
  const response = new NextResponse(bodyless ? null : upstream.body, {
    status: upstream.status,
    headers: forwardedResponseHeaders(upstream.headers),
  });
  writeSessionCookies(response, session);
  return response;
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PATCH = forward;
export const DELETE = forward;
export const OPTIONS = forward;

import { NextResponse, type NextRequest } from 'next/server';
import { freshSession, writeSessionCookies } from '@/auth/session-refresh';
import { environment } from '@/config/environment';
import { eventsUpstreamUrl, lastEventIdOf, streamResponseHeaders } from './event-proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function refusal(status: number, code: string, message: string) {
  return NextResponse.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/**
 * Backend-for-frontend for live notifications: the browser's EventSource connects here (same
 * origin, session cookie) and the gateway's /events stream is passed through unbuffered with the
 * user's access token attached on the server. A reconnect resumes after `Last-Event-ID`. The
 * token is refreshed here, like the file BFF does, because the proxy does not run for this route.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const env = environment();
  const session = await freshSession(request.cookies.getAll());
  if (!session.token) {
    const response = refusal(
      401,
      'UNAUTHENTICATED',
      'Sesi Anda telah berakhir. Silakan masuk kembali.',
    );
    writeSessionCookies(response, session);
    return response;
  }

  const headers = new Headers({
    accept: 'text/event-stream',
    authorization: `Bearer ${session.token.accessToken}`,
  });
  const lastEventId = lastEventIdOf(request.headers, request.nextUrl);
  if (lastEventId) headers.set('last-event-id', lastEventId);
  for (const name of ['x-forwarded-for', 'x-request-id']) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }

  let upstream: Response;
  try {
    upstream = await fetch(eventsUpstreamUrl(env.GATEWAY_URL), {
      headers,
      cache: 'no-store',
      // The browser going away (tab closed, navigation, lost connection) ends the upstream too.
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`gateway /events tidak dapat dihubungi: ${(error as Error).message}`);
    return refusal(
      502,
      'GATEWAY_UNAVAILABLE',
      'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.',
    );
  }

  const isStream = upstream.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  if (!upstream.ok || !upstream.body || !isStream) {
    // EventSource gives up on anything but a 200 stream; the page then reconnects on its own terms.
    await upstream.body?.cancel();
    const response =
      upstream.status === 401
        ? refusal(401, 'UNAUTHENTICATED', 'Sesi Anda telah berakhir. Silakan masuk kembali.')
        : refusal(
            502,
            'DOWNSTREAM_SERVICE_ERROR',
            'Layanan notifikasi sedang tidak dapat dihubungi. Silakan coba lagi nanti.',
          );
    writeSessionCookies(response, session);
    return response;
  }

  const response = new NextResponse(upstream.body, {
    status: 200,
    headers: streamResponseHeaders(),
  });
  writeSessionCookies(response, session);
  return response;
}

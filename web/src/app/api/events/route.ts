import type { NextRequest } from 'next/server';
import { lastEventIdOf, proxyEventStream } from '../gateway-proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Backend-for-frontend for live notifications: the browser's EventSource connects here (same
 * origin, session cookie) and the gateway's /events stream is passed through unbuffered with the
 * user's access token attached on the server. A reconnect resumes after `Last-Event-ID`.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const lastEventId = lastEventIdOf(request.headers, request.nextUrl);
  return proxyEventStream(request, {
    path: '/events',
    headers: lastEventId ? { 'last-event-id': lastEventId } : undefined,
    unavailable: 'Layanan notifikasi sedang tidak dapat dihubungi. Silakan coba lagi nanti.',
  });
}

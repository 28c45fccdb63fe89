import { NextResponse, type NextRequest } from 'next/server';
import { freshSession, writeSessionCookies, type FreshSession } from '@/auth/session-refresh';
import { environment } from '@/config/environment';

/** Event ids are the user's notification sequence numbers; anything else is not forwarded. */
const EVENT_ID = /^\d{1,16}$/;

const SESSION_ENDED = 'Sesi Anda telah berakhir. Silakan masuk kembali.';
const GATEWAY_DOWN = 'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.';

/** Headers of a downloaded file passed back to the browser. */
const FILE_HEADERS = ['content-type', 'content-length', 'content-disposition'];

/** A gateway path (`/events`, `/insights/brief.pdf?period=2026`) on the origin of its GraphQL endpoint. */
export function gatewayUrl(gatewayGraphqlUrl: string, path: string): string {
  return `${new URL(gatewayGraphqlUrl).origin}${path}`;
}

/**
 * The cursor to resume from: the `Last-Event-ID` header EventSource sends when it reconnects by
 * itself, or the `lastEventId` query parameter of a connection the page opened anew.
 */
export function lastEventIdOf(headers: Headers, url: URL): string | null {
  const value = headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
  const trimmed = value?.trim() ?? '';
  return EVENT_ID.test(trimmed) ? trimmed : null;
}

/** Headers of the stream to the browser: unbuffered and uncompressed by every hop. */
export function streamResponseHeaders(): Headers {
  return new Headers({
    'content-type': 'text/event-stream; charset=utf-8',
    // no-transform also keeps Next.js's own compression from holding events back.
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
}

/** Headers of a downloaded file: its type, size and name; never cached (the user's data). */
export function fileResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of FILE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

function refusal(status: number, code: string, message: string): NextResponse {
  return NextResponse.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

export interface GatewayRequest {
  /** Path and query on the gateway. */
  path: string;
  accept: string;
  /** Further request headers (e.g. `last-event-id`). */
  headers?: Record<string, string>;
  /** The message when the service behind the gateway fails (names the service for the user). */
  unavailable: string;
}

type Opened = { session: FreshSession; upstream: Response } | { response: Response };

/**
 * Calls the gateway as the signed-in user: the session's access token is refreshed here when it
 * is about to expire (the proxy does not run for these routes) and attached on the server, so
 * tokens never reach browser JavaScript. Signed out or unreachable: a refusal in the GraphQL
 * error shape the pages already read.
 */
async function openGateway(request: NextRequest, target: GatewayRequest): Promise<Opened> {
  const session = await freshSession(request.cookies.getAll());
  if (!session.token) {
    const response = refusal(401, 'UNAUTHENTICATED', SESSION_ENDED);
    writeSessionCookies(response, session);
    return { response };
  }
  const headers = new Headers({
    ...target.headers,
    accept: target.accept,
    authorization: `Bearer ${session.token.accessToken}`,
  });
  for (const name of ['x-forwarded-for', 'x-request-id']) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  try {
    const upstream = await fetch(gatewayUrl(environment().GATEWAY_URL, target.path), {
      headers,
      cache: 'no-store',
      // The browser going away (tab closed, navigation, lost connection) ends the upstream too.
      signal: request.signal,
    });
    return { session, upstream };
  } catch (error) {
    if (request.signal.aborted) return { response: new Response(null, { status: 499 }) };
    console.error(`gateway ${target.path} tidak dapat dihubungi: ${(error as Error).message}`);
    return { response: refusal(502, 'GATEWAY_UNAVAILABLE', GATEWAY_DOWN) };
  }
}

/** The answer when the gateway did not give what was asked: 401 stays 401, the rest is 502. */
async function upstreamFailure(upstream: Response, unavailable: string): Promise<NextResponse> {
  await upstream.body?.cancel();
  return upstream.status === 401
    ? refusal(401, 'UNAUTHENTICATED', SESSION_ENDED)
    : refusal(502, 'DOWNSTREAM_SERVICE_ERROR', unavailable);
}

/**
 * Passes a server-sent event stream of the gateway through unbuffered. EventSource gives up on
 * anything but a 200 stream; the page then reconnects on its own terms.
 */
export async function proxyEventStream(
  request: NextRequest,
  target: Omit<GatewayRequest, 'accept'>,
): Promise<Response> {
  const opened = await openGateway(request, { ...target, accept: 'text/event-stream' });
  if ('response' in opened) return opened.response;
  const { session, upstream } = opened;
  const isStream = upstream.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  const response =
    upstream.ok && upstream.body && isStream
      ? new NextResponse(upstream.body, { status: 200, headers: streamResponseHeaders() })
      : await upstreamFailure(upstream, target.unavailable);
  writeSessionCookies(response, session);
  return response;
}

/**
 * Passes a file the gateway makes for the user (a PDF brief) through as a download. The service's
 * own refusals (bad period, FORBIDDEN) keep their status and Indonesian message.
 */
export async function proxyGatewayFile(
  request: NextRequest,
  target: GatewayRequest,
): Promise<Response> {
  const opened = await openGateway(request, target);
  if ('response' in opened) return opened.response;
  const { session, upstream } = opened;
  const isJson = upstream.headers.get('content-type')?.includes('json') ?? false;
  let response: NextResponse;
  if (upstream.ok && upstream.body) {
    response = new NextResponse(upstream.body, {
      status: 200,
      headers: fileResponseHeaders(upstream.headers),
    });
  } else if (upstream.status >= 400 && upstream.status < 500 && upstream.status !== 401 && isJson) {
    response = new NextResponse(await upstream.text(), {
      status: upstream.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  } else {
    response = await upstreamFailure(upstream, target.unavailable);
  }
  writeSessionCookies(response, session);
  return response;
}

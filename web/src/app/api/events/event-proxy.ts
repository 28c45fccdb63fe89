/** Where the gateway serves the notifications service's server-sent events. */
const GATEWAY_EVENTS_PATH = '/events';

/** Event ids are the user's notification sequence numbers; anything else is not forwarded. */
const EVENT_ID = /^\d{1,16}$/;

/** The gateway's /events URL, on the origin of its GraphQL endpoint. */
export function eventsUpstreamUrl(gatewayGraphqlUrl: string): string {
  return `${new URL(gatewayGraphqlUrl).origin}${GATEWAY_EVENTS_PATH}`;
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

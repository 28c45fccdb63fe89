/** One server-sent event as EventSource would deliver it. */
export interface ServerSentEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface EventStreamClient {
  status: number;
  /** Every event received so far, in order. */
  received: ServerSentEvent[];
  /** The id of the last event that had one (what EventSource sends back as Last-Event-ID). */
  lastEventId: string | null;
  /** Resolves with the first event (received earlier or later) matching, or rejects on timeout. */
  waitFor(match: (event: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves once the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A minimal EventSource over fetch, for tests and benchmarks in Node: sends the bearer token and
 * Last-Event-ID, parses `id:`/`event:`/`data:` fields and keeps everything it received.
 */
export async function openEventStream(
  url: string,
  options: { token?: string; lastEventId?: string | null; headers?: Record<string, string> } = {},
): Promise<EventStreamClient> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {
      accept: 'text/event-stream',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
      ...options.headers,
    },
    signal: controller.signal,
  });
  const received: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  const client: EventStreamClient = {
    status: response.status,
    received,
    lastEventId: options.lastEventId ?? null,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < received.length; seen += 1) {
            if (match(received[seen]!)) {
              cleanup();
              resolve(received[seen]!);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching server-sent event within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return client;
  }
  const body = response.body.pipeThrough(new TextDecoderStream());
  client.ended = (async () => {
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: ServerSentEvent = { id: null, event: 'message', data: '' };
          const data: string[] = [];
          let hasField = false;
          for (const line of block.split('\n')) {
            if (!line || line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') data.push(value);
            else continue;
            hasField = true;
          }
          if (!hasField || (!data.length && event.id === null)) continue;
          event.data = data.join('\n');
          if (event.id !== null) client.lastEventId = event.id;
          received.push(event);
          for (const waiter of waiters) waiter();
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })();
  return client;
}

import { describe, expect, it } from 'vitest';
import {
  fileResponseHeaders,
  gatewayUrl,
  lastEventIdOf,
  streamResponseHeaders,
} from './gateway-proxy';

describe('gateway BFF helpers', () => {
  it('maps onto the gateway origin', () => {
    expect(gatewayUrl('http://127.0.0.1:4000/graphql', '/events')).toBe(
      'http://127.0.0.1:4000/events',
    );
    expect(gatewayUrl('https://api.pemda.go.id/graphql', '/insights/brief.pdf?period=2026')).toBe(
      'https://api.pemda.go.id/insights/brief.pdf?period=2026',
    );
  });

  it('resumes from the header EventSource sends, else from the query parameter', () => {
    const url = new URL('http://localhost:3000/api/events?lastEventId=12');
    expect(lastEventIdOf(new Headers({ 'last-event-id': '40' }), url)).toBe('40');
    expect(lastEventIdOf(new Headers(), url)).toBe('12');
    expect(lastEventIdOf(new Headers(), new URL('http://localhost:3000/api/events'))).toBeNull();
  });

  it('forwards only sequence numbers as cursors', () => {
    const url = new URL('http://localhost:3000/api/events');
    expect(lastEventIdOf(new Headers({ 'last-event-id': '12, 13' }), url)).toBeNull();
    expect(lastEventIdOf(new Headers({ 'last-event-id': 'abc' }), url)).toBeNull();
    expect(lastEventIdOf(new Headers({ 'last-event-id': ' 7 ' }), url)).toBe('7');
  });

  it('asks every hop not to buffer or compress the stream', () => {
    const headers = streamResponseHeaders();
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(headers.get('x-accel-buffering')).toBe('no');
  });

  it('passes a file on with its type, size and name only, never cached', () => {
    const headers = fileResponseHeaders(
      new Headers({
        'content-type': 'application/pdf',
        'content-length': '2048',
        'content-disposition': 'attachment; filename="ringkasan-2026.pdf"',
        'set-cookie': 'upstream=1',
        'cache-control': 'public, max-age=600',
      }),
    );
    expect(Object.fromEntries(headers)).toEqual({
      'cache-control': 'no-store',
      'content-type': 'application/pdf',
      'content-length': '2048',
      'content-disposition': 'attachment; filename="ringkasan-2026.pdf"',
    });
  });
});

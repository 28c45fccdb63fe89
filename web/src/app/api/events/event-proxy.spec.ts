import { describe, expect, it } from 'vitest';
import { eventsUpstreamUrl, lastEventIdOf, streamResponseHeaders } from './event-proxy';

describe('events BFF', () => {
  it('maps onto the gateway origin', () => {
    expect(eventsUpstreamUrl('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/events');
    expect(eventsUpstreamUrl('https://api.pemda.go.id/graphql')).toBe(
      'https://api.pemda.go.id/events',
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
});

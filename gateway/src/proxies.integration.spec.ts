import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenVerifier } from './auth.js';
import {
  accessHeader,
  composeTestSupergraph,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
} from './test-harness.js';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  sha256: string;
}

/**
 * A plain HTTP server standing in for the documents (tus) and notifications (SSE) services:
 * it hashes upload bodies as they stream in and sends events one at a time.
 */
async function startUpstream() {
  const received: Received[] = [];
  const streams: http.IncomingHttpHeaders[] = [];
  let releaseSecondEvent: () => void = () => {};
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/events') || req.url?.startsWith('/insights/')) {
      streams.push({ ...req.headers, ':path': req.url });
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
      });
      res.write('event: notifikasi\ndata: {"n":1}\n\n');
      releaseSecondEvent = () => res.end('event: notifikasi\ndata: {"n":2}\n\n');
      return;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bytes,
        sha256: hash.digest('hex'),
      });
      res.writeHead(req.method === 'POST' ? 201 : 204, {
        'tus-resumable': '1.0.0',
        'upload-offset': String(bytes),
        location: `/files/${received.length}`,
        'access-control-allow-origin': '*',
      });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    streams,
    releaseSecondEvent: () => releaseSecondEvent(),
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Stands in for Keycloak: one token is valid, every other one is refused. */
const VALID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl';
const verifyToken: TokenVerifier = async (token) => {
  if (token !== VALID_TOKEN) throw new Error('invalid token (signature)');
  return { subject: 'user-1', clientId: 'sipadu-web', authorization: `Bearer ${token}` };
};

describe('/files, /events, /open311, /insights and /open-data proxies', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let identity: TestSubgraph;
  let gateway: TestGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    identity = await startTestSubgraph(
      'identity',
      `${accessHeader} type Query { ping: String @public }`,
      {
        Query: { ping: () => 'pong' },
      },
    );
    gateway = await startTestGateway(
      composeTestSupergraph([identity]),
      {
        DOCUMENTS_URL: upstream.origin,
        NOTIFICATIONS_URL: upstream.origin,
        CONSULTATIONS_URL: upstream.origin,
        INSIGHTS_URL: upstream.origin,
        MAX_BODY_BYTES: '1024',
      },
      { verifyToken },
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
    await upstream?.stop();
  });

  it('streams a large tus upload to documents with path, query and tus headers intact', async () => {
    const body = Buffer.alloc(8 * 1024 * 1024, 7);
    const response = await fetch(`${gateway.origin}/files/abc?lanjut=1`, {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        origin: 'http://localhost:3000',
      },
      body,
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('upload-offset')).toBe(String(body.length));
    expect(response.headers.get('tus-resumable')).toBe('1.0.0');
    // The gateway's CORS allow-list replaces the upstream's wildcard.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Upload-Offset/);
    const seen = upstream.received.at(-1);
    expect(seen).toMatchObject({ method: 'PATCH', url: '/files/abc?lanjut=1', bytes: body.length });
    expect(seen?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(seen?.headers['tus-resumable']).toBe('1.0.0');
    expect(seen?.headers['x-forwarded-for']).toBeDefined();
    expect(seen?.headers.host).toBe(new URL(gateway.origin).host);
  });

  it('passes tus creation answers (Location) back unchanged', async () => {
    const response = await fetch(`${gateway.origin}/files`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': 'filename YS5wZGY=',
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/^\/files\/\d+$/);
    expect(upstream.received.at(-1)?.headers['upload-metadata']).toBe('filename YS5wZGY=');
  });

  it('streams server-sent events without buffering, with the token and Last-Event-ID', async () => {
    const response = await fetch(`${gateway.origin}/events?topik=semua`, {
      headers: { authorization: `Bearer ${VALID_TOKEN}`, 'last-event-id': '41' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(upstream.streams.at(-1)).toMatchObject({
      authorization: `Bearer ${VALID_TOKEN}`,
      'last-event-id': '41',
    });
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = response.body!.getReader();
    // The first event arrives while the upstream still holds the stream open.
    const first = await reader.read();
    expect(Buffer.from(first.value ?? []).toString()).toContain('data: {"n":1}');
    upstream.releaseSecondEvent();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += Buffer.from(chunk.value).toString();
    }
    expect(rest).toContain('data: {"n":2}');
  });

  it.each([
    ['without a token', {}],
    ['with an invalid token', { authorization: 'Bearer a.b.c' }],
  ])('refuses /events %s with 401 before reaching notifications', async (_label, headers) => {
    const before = upstream.streams.length;
    const response = await fetch(`${gateway.origin}/events`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="sipadu"/);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(upstream.streams.length).toBe(before);
  });

  it('lets a browser preflight /events with Authorization and Last-Event-ID', async () => {
    const response = await fetch(`${gateway.origin}/events`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,last-event-id',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization,last-event-id',
    );
  });

  it('proxies Open311 to consultations without a token, with the caller’s address', async () => {
    const response = await fetch(`${gateway.origin}/open311/v2/requests.json`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // A client's own address header never reaches the service (it keys rate limits).
        'x-sipadu-client': '203.0.113.9',
      },
      body: 'service_code=JALAN&description=Jalan+berlubang',
    });
    expect(response.status).toBe(201);
    const seen = upstream.received.at(-1);
    expect(seen).toMatchObject({ method: 'POST', url: '/open311/v2/requests.json' });
    expect(seen?.headers['x-sipadu-client']).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(seen?.headers.authorization).toBeUndefined();
  });

  it('sends the caller’s address on /files too, never a forged one', async () => {
    await fetch(`${gateway.origin}/files/abc`, {
      method: 'HEAD',
      headers: { 'tus-resumable': '1.0.0', 'x-sipadu-client': '203.0.113.9' },
    });
    expect(upstream.received.at(-1)?.headers['x-sipadu-client']).toMatch(
      /^(::ffff:)?127\.0\.0\.1$|^::1$/,
    );
  });

  it('streams the leaders’ dashboard from insights unbuffered, with the token', async () => {
    const response = await fetch(`${gateway.origin}/insights/dashboard/stream`, {
      headers: { authorization: `Bearer ${VALID_TOKEN}`, 'x-sipadu-client': '203.0.113.9' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(upstream.streams.at(-1)).toMatchObject({
      ':path': '/insights/dashboard/stream',
      authorization: `Bearer ${VALID_TOKEN}`,
    });
    expect(upstream.streams.at(-1)?.['x-sipadu-client']).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value ?? []).toString()).toContain('data: {"n":1}');
    upstream.releaseSecondEvent();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Drains the stream until the upstream ends it.
    }
  });

  it.each([
    ['without a token', {}],
    ['with an invalid token', { authorization: 'Bearer a.b.c' }],
  ])('refuses /insights %s with 401 before reaching insights', async (_label, headers) => {
    const before = upstream.streams.length;
    const response = await fetch(`${gateway.origin}/insights/dashboard/brief`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(upstream.streams.length).toBe(before);
  });

  it('serves open data from insights without a token, GET and HEAD only', async () => {
    const get = await fetch(`${gateway.origin}/open-data/ikm-2026.csv?format=csv`, {
      headers: { 'x-sipadu-client': '203.0.113.9' },
    });
    expect(get.status).toBe(204);
    const seen = upstream.received.at(-1);
    expect(seen).toMatchObject({ method: 'GET', url: '/open-data/ikm-2026.csv?format=csv' });
    expect(seen?.headers['x-sipadu-client']).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(
      (await fetch(`${gateway.origin}/open-data/katalog.json`, { method: 'HEAD' })).status,
    ).toBe(204);

    const before = upstream.received.length;
    const post = await fetch(`${gateway.origin}/open-data/ikm-2026.csv`, {
      method: 'POST',
      body: 'a,b',
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(upstream.received.length).toBe(before);
  });

  it('does not proxy look-alike paths', async () => {
    const response = await fetch(`${gateway.origin}/filesaja`);
    expect(response.status).toBe(404);
    expect((await fetch(`${gateway.origin}/open-dataset`)).status).toBe(404);
  });

  it('refuses a bad token on /files before reaching documents', async () => {
    const before = upstream.received.length;
    const response = await fetch(`${gateway.origin}/files/abc`, {
      method: 'HEAD',
      headers: { authorization: 'Bearer a.b.c', 'tus-resumable': '1.0.0' },
    });
    expect(response.status).toBe(401);
    expect(upstream.received.length).toBe(before);
  });

  it('answers 502 with a typed error when the upstream is down', async () => {
    const down = await startTestGateway(composeTestSupergraph([identity]), {
      DOCUMENTS_URL: 'http://127.0.0.1:9',
    });
    try {
      const response = await fetch(`${down.origin}/files/abc`, { method: 'HEAD' });
      expect(response.status).toBe(502);
      const get = await fetch(`${down.origin}/files/abc`);
      expect(await get.json()).toMatchObject({
        errors: [{ extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'documents' } }],
      });
    } finally {
      await down.stop();
    }
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@sipadu/service-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OwnerClient, OwnerUnavailableError, type OwnerModule } from './owner-client.js';

// The owner client against a local stand-in for Keycloak's token endpoint and a subgraph: the
// client-credentials grant, the headers, the cache, the retry on 401 and the failures.

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let seen: Seen[];
let tokens: number;
/** What the fake subgraph answers next (status, body), by default an organization page. */
let answer: (body: { query: string; variables: Record<string, unknown> }) => [number, unknown];
let delayMs = 0;

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.url === '/token') {
      tokens += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: `token-${tokens}`, expires_in: 300 }));
      return;
    }
    // The answer of the moment the request arrived, even when it is answered late.
    const respond = answer;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const [status, payload] = respond(JSON.parse(body));
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(payload));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

beforeEach(() => {
  seen = [];
  tokens = 0;
  delayMs = 0;
  answer = ({ variables }) => [
    200,
    {
      data: {
        organizations: {
          edges: [
            {
              node: {
                code: variables.after ? 'RSUD' : 'DPUPR',
                name: variables.after ? 'RSUD' : 'Dinas PUPR',
                kind: 'DINAS',
                profile: { latitude: variables.after ? null : -1.6, longitude: null },
              },
            },
          ],
          pageInfo: {
            hasNextPage: !variables.after,
            endCursor: variables.after ? null : 'c1',
          },
        },
      },
    },
  ];
});

const client = (cacheMs = 60_000) => {
  const url = (path: string) => `${base}/${path}`;
  const urls = Object.fromEntries(
    (['identity', 'documents', 'projects', 'surveys', 'consultations'] as OwnerModule[]).map(
      (module) => [module, url(module)],
    ),
  ) as Record<OwnerModule, string>;
  return new OwnerClient({
    urls,
    token: { tokenUrl: `${base}/token`, clientId: 'sipadu-insights', clientSecret: 'rahasia' },
    cacheMs,
    timeoutMs: 300,
    timeZone: 'Asia/Jakarta',
    logger: createLogger('insights-test', 'silent'),
  });
};

describe('owner client', () => {
  it('reads every page with a client-credentials token and its own headers', async () => {
    const owners = client();
    const organizations = await owners.organizations();
    expect(organizations).toEqual([
      { code: 'DPUPR', name: 'Dinas PUPR', kind: 'DINAS', latitude: -1.6, longitude: null },
      { code: 'RSUD', name: 'RSUD', kind: 'DINAS', latitude: null, longitude: null },
    ]);
    const [token, ...reads] = seen;
    expect(token!.path).toBe('/token');
    expect(token!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(token!.body).get('grant_type')).toBe('client_credentials');
    expect(reads.map((r) => r.path)).toEqual(['/identity/graphql', '/identity/graphql']);
    expect(reads[0]!.headers.authorization).toBe('Bearer token-1');
    expect(reads[0]!.headers['x-sipadu-client']).toBe('insights');
    expect(tokens).toBe(1);
  });

  it('reuses answers until invalidated', async () => {
    const owners = client();
    await owners.organizations();
    await owners.organizations();
    expect(seen.filter((r) => r.path.endsWith('/graphql'))).toHaveLength(2);
    owners.invalidate('surveys');
    await owners.organizations();
    expect(seen.filter((r) => r.path.endsWith('/graphql'))).toHaveLength(2);
    owners.invalidate('identity');
    await owners.organizations();
    expect(seen.filter((r) => r.path.endsWith('/graphql'))).toHaveLength(4);
  });

  it('gets a new token once on 401', async () => {
    const owners = client(0);
    const normal = answer;
    let refused = false;
    answer = (body) => {
      if (!refused) {
        refused = true;
        return [
          401,
          { errors: [{ message: 'kedaluwarsa', extensions: { code: 'UNAUTHENTICATED' } }] },
        ];
      }
      return normal(body);
    };
    await owners.organizations();
    expect(tokens).toBe(2);
    const reads = seen.filter((r) => r.path.endsWith('/graphql'));
    expect(reads.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
  });

  it('turns GraphQL errors and timeouts into OwnerUnavailableError, not cached', async () => {
    const owners = client();
    answer = () => [200, { errors: [{ message: 'dilarang', extensions: { code: 'FORBIDDEN' } }] }];
    const refused = await owners.complaintStatistics('2026-01-01', '2026-12-31').catch((e) => e);
    expect(refused).toBeInstanceOf(OwnerUnavailableError);
    expect((refused as OwnerUnavailableError).module).toBe('consultations');

    delayMs = 1_000;
    const slow = await owners.serviceTimeStatistics('2026-01-01', '2026-12-31').catch((e) => e);
    expect(slow).toBeInstanceOf(OwnerUnavailableError);

    delayMs = 0;
    answer = () => [200, { data: { complaintStatistics: { from: 'x' } } }];
    expect(await owners.complaintStatistics('2026-01-01', '2026-12-31')).toEqual({ from: 'x' });
  });

  it('reads several services IKM in one aliased request', async () => {
    const owners = client();
    let request: { query: string; variables: Record<string, unknown> } | undefined;
    answer = (body) => {
      request = body;
      return [
        200,
        {
          data: {
            s0: { scopeId: 'a', respondents: 3, ikm: 3.2, ikmConverted: 80, grade: 'B' },
            s1: { scopeId: 'b', respondents: 0, ikm: null, ikmConverted: null, grade: null },
          },
        },
      ];
    };
    const indexes = await owners.serviceSatisfaction(['a', 'b'], '2026-Q3');
    expect(indexes.map((i) => [i.serviceId, i.ikmConverted, i.respondents])).toEqual([
      ['a', 80, 3],
      ['b', null, 0],
    ]);
    expect(request?.query).toContain('s1: satisfactionIndex(scope: SERVICE, id: $id1');
    expect(request?.variables).toMatchObject({
      period: { year: 2026, quarter: 3 },
      id0: 'a',
      id1: 'b',
    });
  });
});

import { errorCodes, graphqlRequest, startLocalIssuer, type LocalIssuer } from '@sipadu/test-kit';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessHeader,
  composeTestSupergraph,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
  type TestSubgraphContext,
} from './test-harness.js';

const identityTypeDefs = `${accessHeader}
type Query {
  organizations(first: Int = 10): [Organization!]! @public
  slow(ms: Int!): String @public
  nested: Node @public
  me: Viewer
  refused(code: String!): String @public
}
type Mutation {
  fileComplaint(text: String!): String! @public
  renameOrganization(code: String!, name: String!): Organization
}
type Node { value: Int child: Node }
type Organization @key(fields: "code") { code: String! name: String! }
type Viewer { subject: String }
`;

const documentsTypeDefs = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Organization @key(fields: "code") { code: String! documentCount: Int }
`;

const organizations = [
  { code: 'DINKES', name: 'Dinas Kesehatan' },
  { code: 'PUPR', name: 'Dinas PUPR' },
];

async function startIdentity(): Promise<TestSubgraph> {
  return startTestSubgraph('identity', identityTypeDefs, {
    Query: {
      organizations: () => organizations,
      slow: (_: unknown, { ms }: { ms: number }) =>
        new Promise((resolve) => setTimeout(() => resolve('selesai'), ms)),
      nested: () => ({ value: 1, child: { value: 2 } }),
      refused: (_: unknown, { code }: { code: string }) => {
        throw new GraphQLError(`ditolak dengan ${code}`, { extensions: { code } });
      },
      me: (_: unknown, __: unknown, context: TestSubgraphContext) => ({
        subject: context.headers.authorization ? 'diteruskan' : null,
      }),
    },
    Mutation: {
      fileComplaint: () => 'PENGADUAN-1',
      renameOrganization: (_: unknown, args: { code: string; name: string }) => args,
    },
  });
}

async function startDocuments(): Promise<TestSubgraph> {
  return startTestSubgraph('documents', documentsTypeDefs, {
    Organization: {
      __resolveReference: (ref: { code: string }) => ({ ...ref, documentCount: ref.code.length }),
    },
  });
}

/** `{ nested { child { child … { value } } } }` with `depth` levels of selection. */
function nestedQuery(depth: number): string {
  let selection = '{ value }';
  for (let level = 1; level < depth; level += 1) selection = `{ child ${selection} }`;
  return `{ nested ${selection} }`;
}

describe('gateway over real subgraphs', () => {
  let identity: TestSubgraph;
  let documents: TestSubgraph;
  let issuer: LocalIssuer;
  let gateway: TestGateway;

  beforeAll(async () => {
    identity = await startIdentity();
    documents = await startDocuments();
    issuer = await startLocalIssuer();
    const issuerBase = new URL(issuer.issuer).origin;
    // Composed with the default routing URL; IDENTITY_URL proves the run-time override.
    const supergraph = composeTestSupergraph([
      { ...identity, url: 'http://127.0.0.1:4001/graphql' },
      documents,
    ]);
    gateway = await startTestGateway(supergraph, {
      IDENTITY_URL: new URL(identity.url).origin,
      DOCUMENTS_URL: new URL(documents.url).origin,
      KEYCLOAK_URL: issuerBase,
      KEYCLOAK_REALM: 'test',
      KEYCLOAK_ISSUER: issuer.issuer,
      SUBGRAPH_TIMEOUT_MS: '500',
      CORS_ORIGINS: 'http://localhost:3000,https://sipadu.example.go.id',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
    await documents?.stop();
    await issuer?.close();
  });

  const userToken = (claims: Record<string, unknown> = {}, expiresIn?: number) =>
    issuer.sign(
      {
        iss: issuer.issuer,
        sub: 'user-1',
        azp: 'sipadu-test',
        aud: ['sipadu-api'],
        typ: 'Bearer',
        ...claims,
      },
      expiresIn === undefined ? {} : { expiresIn },
    );

  it('plans across both subgraphs for an anonymous public query', async () => {
    const response = await graphqlRequest(
      gateway.url,
      '{ organizations { code name documentCount } }',
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      organizations: [
        { code: 'DINKES', name: 'Dinas Kesehatan', documentCount: 6 },
        { code: 'PUPR', name: 'Dinas PUPR', documentCount: 4 },
      ],
    });
  });

  it("passes a subgraph's typed refusals on and hides anything untyped", async () => {
    for (const code of ['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'CONFLICT', 'BAD_USER_INPUT']) {
      const response = await graphqlRequest(gateway.url, `{ refused(code: "${code}") }`);
      expect(errorCodes(response), code).toEqual([code]);
      expect(response.errors?.[0]?.message).toBe(`ditolak dengan ${code}`);
    }
    const untyped = await graphqlRequest(gateway.url, '{ refused(code: "E11000_DUPLICATE") }');
    expect(errorCodes(untyped)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(untyped.errors?.[0]?.message).not.toContain('E11000');
  });

  describe('anonymous callers reach public operations only', () => {
    it.each([
      ['a protected query field', '{ me { subject } }'],
      ['a protected field next to a public one', '{ organizations { code } me { subject } }'],
      ['a protected field hidden in a fragment', '{ ...F } fragment F on Query { me { subject } }'],
      ['a protected field in an inline fragment', '{ ... on Query { me { subject } } }'],
      ['a protected mutation', 'mutation { renameOrganization(code: "PUPR", name: "X") { code } }'],
    ])('refuses %s before any subgraph is called', async (_label, query) => {
      const before = identity.requests.length;
      const response = await graphqlRequest(gateway.url, query);
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0]?.message).toBe('Silakan masuk terlebih dahulu.');
      expect(response.data ?? null).toBeNull();
      expect(identity.requests.length).toBe(before);
    });

    it('lets a public mutation and __typename through', async () => {
      const response = await graphqlRequest(
        gateway.url,
        'mutation { __typename fileComplaint(text: "Jalan rusak") }',
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ __typename: 'Mutation', fileComplaint: 'PENGADUAN-1' });
    });
  });

  describe('bearer tokens', () => {
    it('forwards a valid token, the request id and the trace context to the subgraph', async () => {
      const token = await userToken();
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const response = await graphqlRequest(gateway.url, '{ me { subject } }', {
        token,
        headers: {
          'x-request-id': 'uji-123',
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ me: { subject: 'diteruskan' } });
      const received = identity.requests.at(-1)?.headers ?? {};
      expect(received.authorization).toBe(`Bearer ${token}`);
      expect(received['x-request-id']).toBe('uji-123');
      expect(received.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    });

    it("passes the caller's address to the subgraph, never a client's own x-sipadu-client", async () => {
      const response = await graphqlRequest(gateway.url, '{ organizations { code } }', {
        headers: { 'x-sipadu-client': '203.0.113.9' },
      });
      expect(response.errors).toBeUndefined();
      const received = identity.requests.at(-1)?.headers ?? {};
      // Loopback is the trusted proxy here, so the address is the test's own connection.
      expect(received['x-sipadu-client']).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    });

    it('generates a request id when none is sent', async () => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organizations { code } }' }),
      });
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(identity.requests.at(-1)?.headers['x-request-id']).toBe(requestId);
    });

    it.each([
      ['an expired token', () => userToken({}, Math.floor(Date.now() / 1000) - 60)],
      ['a token for another audience', () => userToken({ aud: ['account'] })],
      [
        'a token from another issuer',
        () => userToken({ iss: 'http://localhost:8080/realms/lain' }),
      ],
      ['an ID token (typ ID)', () => userToken({ typ: 'ID' })],
      ['garbage', async () => 'bukan.token.sah'],
    ])('refuses %s with 401 UNAUTHENTICATED before execution', async (_label, makeToken) => {
      const before = identity.requests.length;
      // Even a public operation is refused: a bad token is never downgraded to anonymous.
      const response = await graphqlRequest(gateway.url, '{ organizations { code } }', {
        token: await makeToken(),
      });
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0]?.message).toMatch(/Silakan masuk kembali/);
      expect(identity.requests.length).toBe(before);
    });

    it('refuses an Authorization header that is not a bearer token', async () => {
      const response = await graphqlRequest(gateway.url, '{ organizations { code } }', {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('subgraph failures', () => {
    it('answers with partial data and DOWNSTREAM_SERVICE_ERROR when a subgraph is down', async () => {
      const supergraph = composeTestSupergraph([identity, documents]);
      const down = await startDocuments();
      await down.stop();
      const partial = await startTestGateway(supergraph, {
        IDENTITY_URL: new URL(identity.url).origin,
        DOCUMENTS_URL: new URL(down.url).origin,
      });
      try {
        const response = await graphqlRequest(
          partial.url,
          '{ organizations { code name documentCount } }',
        );
        expect(response.status).toBe(200);
        expect(response.data).toEqual({
          organizations: [
            { code: 'DINKES', name: 'Dinas Kesehatan', documentCount: null },
            { code: 'PUPR', name: 'Dinas PUPR', documentCount: null },
          ],
        });
        expect(errorCodes(response)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(response.errors?.[0]?.extensions?.serviceName).toBe('documents');
        expect(response.errors?.[0]?.message).toBe(
          'Layanan documents sedang tidak dapat dihubungi.',
        );
        const ready = (await (await fetch(`${partial.origin}/readyz`)).json()) as Record<
          string,
          unknown
        >;
        expect(ready).toMatchObject({
          status: 'degraded',
          subgraphs: { identity: 'up', documents: 'down' },
        });
      } finally {
        await partial.stop();
      }
    });

    it('times a slow subgraph out with DOWNSTREAM_SERVICE_ERROR', async () => {
      const started = Date.now();
      const response = await graphqlRequest(gateway.url, '{ slow(ms: 3000) }');
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(response.data).toEqual({ slow: null });
      expect(errorCodes(response)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
      expect(response.errors?.[0]?.message).toBe('Layanan identity tidak menjawab tepat waktu.');
    });
  });

  describe('operation limits refuse before any subgraph is called', () => {
    const refusedBeforeExecution = async (
      body: unknown,
      headers: Record<string, string> = { 'content-type': 'application/json' },
    ) => {
      const before = identity.requests.length;
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const payload = (await response.json()) as {
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      expect(identity.requests.length).toBe(before);
      return { status: response.status, payload };
    };

    it('accepts a query at the depth limit', async () => {
      const response = await graphqlRequest(gateway.url, nestedQuery(11));
      expect(response.errors).toBeUndefined();
    });

    it('refuses a query deeper than 12', async () => {
      const { status, payload } = await refusedBeforeExecution({ query: nestedQuery(14) });
      expect(status).toBe(400);
      expect(payload.errors?.[0]?.message).toBe('Kueri terlalu dalam (batas kedalaman 12).');
    });

    it('refuses more than 15 aliases', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: organizations { code }`).join(
        ' ',
      );
      const { status, payload } = await refusedBeforeExecution({ query: `{ ${aliases} }` });
      expect(status).toBe(400);
      expect(payload.errors?.[0]?.message).toBe('Kueri memakai terlalu banyak alias (batas 15).');
    });

    it('refuses too many tokens', async () => {
      const { status, payload } = await refusedBeforeExecution({
        query: `{ ${'a '.repeat(2_100)}}`,
      });
      expect(status).toBe(400);
      expect(payload.errors?.[0]?.message).toBe('Kueri terlalu panjang (batas 2000 token).');
    });

    it('refuses an operation text over 20 000 characters', async () => {
      const query = `{ organizations { code } }\n#${'x'.repeat(20_000)}`;
      const { status, payload } = await refusedBeforeExecution({ query });
      expect(status).toBe(413);
      expect(payload.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(payload.errors?.[0]?.message).toMatch(/maksimal 20000 karakter/);
    });

    it('refuses batched requests', async () => {
      const one = { query: '{ organizations { code } }' };
      const { status, payload } = await refusedBeforeExecution([one, one]);
      expect(status).toBe(400);
      expect(payload.errors?.[0]?.message).toBe(
        'Beberapa operasi dalam satu permintaan (batch) tidak didukung.',
      );
    });

    it('refuses a body over the size limit with JSON', async () => {
      const { status, payload } = await refusedBeforeExecution({
        query: '{ organizations { code } }',
        variables: { filler: 'x'.repeat(300 * 1024) },
      });
      expect(status).toBe(413);
      expect(payload.errors?.[0]?.message).toBe('Permintaan terlalu besar.');
    });
  });

  describe('CSRF prevention', () => {
    it('refuses a simple GET without a preflight header', async () => {
      const before = identity.requests.length;
      const response = await fetch(
        `${gateway.url}?query=${encodeURIComponent('{ organizations { code } }')}`,
      );
      expect(response.status).toBe(400);
      expect(
        ((await response.json()) as { errors: { message: string }[] }).errors[0]?.message,
      ).toMatch(/dugaan CSRF/);
      expect(identity.requests.length).toBe(before);
    });

    it('refuses a form-like POST (text/plain)', async () => {
      const before = identity.requests.length;
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { fileComplaint(text: "csrf") }' }),
      });
      expect(response.status).toBe(400);
      expect(identity.requests.length).toBe(before);
    });

    it('serves a GET that carries apollo-require-preflight', async () => {
      const response = await fetch(
        `${gateway.url}?query=${encodeURIComponent('{ organizations { code } }')}`,
        {
          headers: { 'apollo-require-preflight': 'true' },
        },
      );
      expect(response.status).toBe(200);
    });
  });

  describe('CORS allow-list', () => {
    it('allows a listed origin, with credentials', async () => {
      const response = await fetch(gateway.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://sipadu.example.go.id',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(
        'https://sipadu.example.go.id',
      );
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('gives no CORS grant to an unlisted origin', async () => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { origin: 'https://jahat.example.com', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('operational endpoints', () => {
    it('serves /healthz, /readyz and /metrics', async () => {
      expect((await fetch(`${gateway.origin}/healthz`)).status).toBe(200);
      const ready = await fetch(`${gateway.origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        subgraphs: { identity: 'up', documents: 'up' },
      });
      const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
      expect(metrics).toContain('http_request_duration_seconds');
    });

    it('answers unknown paths with a typed JSON 404', async () => {
      const response = await fetch(`${gateway.origin}/tidak-ada`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'NOT_FOUND' } }],
      });
    });
  });
});

describe('gateway rate limit', () => {
  let identity: TestSubgraph;
  let issuer: LocalIssuer;
  let gateway: TestGateway;

  beforeAll(async () => {
    identity = await startIdentity();
    issuer = await startLocalIssuer();
    gateway = await startTestGateway(composeTestSupergraph([identity]), {
      RATE_LIMIT_PER_MINUTE: '3',
      KEYCLOAK_URL: new URL(issuer.issuer).origin,
      KEYCLOAK_REALM: 'test',
      KEYCLOAK_ISSUER: issuer.issuer,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
    await issuer?.close();
  });

  it('answers 429 with an Indonesian message once a client spends its budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await graphqlRequest(gateway.url, '{ organizations { code } }')).status);
    }
    const limited = await graphqlRequest(gateway.url, '{ organizations { code } }');
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors?.[0]?.message).toBe(
      'Terlalu banyak permintaan. Silakan coba lagi dalam beberapa saat.',
    );

    // An authenticated caller is counted by token subject, not by address.
    const token = await issuer.sign({
      iss: issuer.issuer,
      sub: 'user-2',
      aud: 'sipadu-api',
      typ: 'Bearer',
    });
    const authenticated = await graphqlRequest(gateway.url, '{ me { subject } }', { token });
    expect(authenticated.status).toBe(200);
  });
});

describe('gateway in production mode', () => {
  let identity: TestSubgraph;
  let gateway: TestGateway;

  beforeAll(async () => {
    identity = await startIdentity();
    gateway = await startTestGateway(composeTestSupergraph([identity]), { NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  it('turns introspection off', async () => {
    const response = await graphqlRequest(gateway.url, '{ __schema { queryType { name } } }');
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
  });

  it('does not suggest field names', async () => {
    const response = await graphqlRequest(gateway.url, '{ organization { code } }');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.errors)).not.toContain('organizations');
  });
});

describe('gateway cost and directive limits', () => {
  let identity: TestSubgraph;
  let gateway: TestGateway;

  beforeAll(async () => {
    identity = await startIdentity();
    gateway = await startTestGateway(composeTestSupergraph([identity]), {
      MAX_QUERY_COST: '40',
      MAX_DIRECTIVES: '5',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  it('serves a query within the cost budget', async () => {
    const response = await graphqlRequest(gateway.url, '{ organizations { code name } }');
    expect(response.errors).toBeUndefined();
  });

  it('refuses a query over the cost budget before any subgraph is called', async () => {
    const before = identity.requests.length;
    const fields = Array.from({ length: 30 }, () => 'code name').join(' ');
    const response = await graphqlRequest(gateway.url, `{ organizations { ${fields} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toBe('Kueri terlalu berat (batas biaya 40).');
    expect(identity.requests.length).toBe(before);
  });

  it('refuses too many directives before any subgraph is called', async () => {
    const before = identity.requests.length;
    const fields = Array.from({ length: 6 }, () => 'code @include(if: true)').join(' ');
    const response = await graphqlRequest(gateway.url, `{ organizations { ${fields} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toBe('Kueri memakai terlalu banyak direktif (batas 5).');
    expect(identity.requests.length).toBe(before);
  });
});

describe('gateway graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const identity = await startIdentity();
    const gateway = await startTestGateway(composeTestSupergraph([identity]));
    try {
      const inFlight = graphqlRequest(gateway.url, '{ slow(ms: 400) }');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const stopped = gateway.stop();
      await expect(inFlight).resolves.toMatchObject({ status: 200, data: { slow: 'selesai' } });
      await stopped;
      await expect(fetch(`${gateway.origin}/healthz`)).rejects.toThrow();
    } finally {
      await gateway.stop();
      await identity.stop();
    }
  });
});

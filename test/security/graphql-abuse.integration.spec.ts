// GraphQL abuse against the whole stack, the gateway in production mode: every oversized, batched,
// introspecting, cross-site or GET-mutating request is refused with a typed error before any
// resolver runs — proven by counting the GraphQL requests the subgraphs receive.
import { randomUUID } from 'node:crypto';
import { graphqlRequest } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack.js';

interface Answer {
  status: number;
  errors: { message: string; extensions?: { code?: string } }[];
  data: unknown;
}

/** `organization(code) { parent { parent … { code } } }` with `depth` levels of selection. */
function deepQuery(depth: number): string {
  let selection = '{ code }';
  for (let level = 2; level < depth; level += 1) selection = `{ parent ${selection} }`;
  return `{ organization(code: "DINKES") ${selection} }`;
}

const repeat = (count: number, text: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => text(i)).join(' ');

describe('GraphQL abuse at the production gateway', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack(`abuse-${randomUUID().slice(0, 8)}`, {
      countSubgraphRequests: true,
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * Sends `init` to the gateway's /graphql (`search` appended) and checks the refusal: an HTTP
   * error status, no data, every error typed (never INTERNAL_SERVER_ERROR) and no subgraph called.
   */
  async function refused(init: RequestInit, search = ''): Promise<Answer> {
    const before = stack.subgraphRequests();
    const response = await fetch(`${stack.gatewayUrl}${search}`, init);
    const payload = (await response.json()) as Partial<Answer>;
    const answer = { status: response.status, errors: payload.errors ?? [], data: payload.data };
    expect(answer.status, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors.length).toBeGreaterThan(0);
    for (const error of answer.errors) {
      expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).not.toMatch(/\n\s+at /);
    }
    expect(stack.subgraphRequests()).toBe(before);
    return answer;
  }

  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const messages = (answer: Answer) => answer.errors.map((error) => error.message);
  const codes = (answer: Answer) => [...new Set(answer.errors.map((e) => e.extensions?.code))];

  it('reaches the subgraphs with a well-formed query (the counter counts)', async () => {
    const before = stack.subgraphRequests();
    const response = await graphqlRequest(stack.gatewayUrl, deepQuery(2));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ organization: { code: 'DINKES' } });
    expect(stack.subgraphRequests()).toBeGreaterThan(before);
  });

  it('refuses 101 aliases', async () => {
    const query = `{ ${repeat(101, (i) => `a${i}: organization(code: "DINKES") { code }`)} }`;
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri memakai terlalu banyak alias (batas 15).');
  });

  it('refuses batched operations (a JSON array)', async () => {
    const one = { query: '{ organization(code: "DINKES") { code } }' };
    const answer = await refused(post([one, one]));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(messages(answer)).toEqual([
      'Beberapa operasi dalam satu permintaan (batch) tidak didukung.',
    ]);
  });

  it('refuses a query deeper than the limit', async () => {
    const answer = await refused(post({ query: deepQuery(14) }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri terlalu dalam (batas kedalaman 12).');
  });

  it('refuses 500 duplicated fields', async () => {
    const query = `{ organization(code: "DINKES") { ${repeat(500, () => 'code')} } }`;
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri memuat kolom yang sama berulang-ulang (batas 10).');
  });

  it('refuses 500 duplicated fields spread over inline fragments and fragments', async () => {
    const query =
      `{ organization(code: "DINKES") { ${repeat(150, () => '... on Organization { code }')}` +
      ` ${repeat(150, () => '...F')} } } fragment F on Organization { code }`;
    const answer = await refused(post({ query }));
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri memuat kolom yang sama berulang-ulang (batas 10).');
  });

  it('refuses a directive repeated on one field', async () => {
    const query = `{ organization(code: "DINKES") { code ${repeat(60, () => '@include(if: true)')} } }`;
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri memakai terlalu banyak direktif (batas 50).');
  });

  it('refuses many distinct directives', async () => {
    const query = `{ organization(code: "DINKES") { code ${repeat(60, (i) => `@d${i}`)} } }`;
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Kueri memakai terlalu banyak direktif (batas 50).');
  });

  it.each([
    ['__schema', '{ __schema { types { name fields { name } } } }'],
    ['__type', '{ __type(name: "Organization") { fields { name } } }'],
    ['__schema in a fragment', '{ ...F } fragment F on Query { __schema { queryType { name } } }'],
  ])('refuses introspection (%s)', async (_label, query) => {
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(messages(answer)).toContain('Introspeksi skema tidak diizinkan.');
  });

  it.each([
    ['a misspelt field', '{ organisations { totalCount } }', 'organizations'],
    ['a misspelt nested field', '{ organization(code: "DINKES") { nama } }', 'name'],
    ['a misspelt argument', '{ organizations(frist: 1) { totalCount } }', '"first"'],
    [
      'a misspelt type',
      'query ($kind: OrganizationKnd) { organizations(kind: $kind) { totalCount } }',
      'OrganizationKind',
    ],
  ])('suggests nothing for %s', async (_label, query, secret) => {
    const answer = await refused(post({ query }));
    expect(answer.status).toBe(400);
    const text = JSON.stringify(answer.errors);
    expect(text).not.toMatch(/did you mean/i);
    expect(text).not.toContain(secret);
  });

  it('suggests nothing for a misspelt enum value in variables', async () => {
    const query = 'query ($kind: OrganizationKind) { organizations(kind: $kind) { totalCount } }';
    const answer = await refused(post({ query, variables: { kind: 'DINASS' } }));
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    const text = JSON.stringify(answer.errors);
    expect(text).not.toMatch(/did you mean/i);
    expect(text).not.toContain('\\"DINAS\\"');
  });

  it('refuses a mutation over GET, even with the preflight header', async () => {
    const query = `mutation { submitSurveyResponse(input: { submissionId: "${randomUUID()}", serviceId: "x", scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] }) { __typename } }`;
    const answer = await refused(
      { headers: { 'apollo-require-preflight': 'true' } },
      `?query=${encodeURIComponent(query)}`,
    );
    expect(answer.status).toBe(405);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(messages(answer)).toEqual(['Mutasi hanya dapat dikirim dengan metode POST.']);
  });

  describe('simple-request CSRF', () => {
    const csrf =
      'Permintaan ditolak sebagai dugaan CSRF: kirim sebagai POST dengan Content-Type application/json, atau sertakan header apollo-require-preflight.';
    const query = '{ organization(code: "DINKES") { code } }';

    it('refuses a GET without a preflight header', async () => {
      const answer = await refused({}, `?query=${encodeURIComponent(query)}`);
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect(messages(answer)).toEqual([csrf]);
    });

    it.each([
      ['text/plain', () => JSON.stringify({ query })],
      ['application/x-www-form-urlencoded', () => new URLSearchParams({ query }).toString()],
    ])('refuses a POST as %s', async (type, body) => {
      const answer = await refused({
        method: 'POST',
        headers: { 'content-type': type },
        body: body(),
      });
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect(messages(answer)).toEqual([csrf]);
    });

    it('refuses a POST as multipart/form-data', async () => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query }));
      form.set('map', '{}');
      const answer = await refused({ method: 'POST', body: form });
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect(messages(answer)).toEqual([csrf]);
    });
  });
});

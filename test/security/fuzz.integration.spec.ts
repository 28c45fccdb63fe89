// Schema-aware fuzzing of every Query and Mutation root field of the supergraph (issue 10, item 5):
// fast-check generates variables from each operation's argument types (boundary strings, unicode,
// control characters, injection-shaped text, wrong-format ids, extreme numbers, nulls, recursive
// input objects) and sends them through the gateway of a full stack in production mode, as a
// super-admin (reaches the deepest code), an organization's admin and anonymously. Every answer
// must be a typed refusal or a result: no INTERNAL_SERVER_ERROR, no DOWNSTREAM_SERVICE_ERROR (a
// subgraph failing on healthy infrastructure), no stack trace or driver message, no HTTP 5xx.
// FUZZ_SEED replays a run, FUZZ_RUNS (per operation) scales it up, FUZZ_OPERATION (e.g.
// `Mutation.createOrganization`) narrows it to one operation.
import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { getUserToken } from '@sipadu/test-kit';
import fc from 'fast-check';
import type * as GraphQL from 'graphql';
import type {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSubgraphs, readSubgraphSources } from '../../gateway/src/composition.js';
import { loadGatewayEnvironment } from '../../gateway/src/environment.js';
import { armorProtection, tokenLimitParseOptions } from '../../gateway/src/limits.js';
import { REPO_ROOT } from '../../scripts/lib/infra/paths.js';
import { startApiStack, type ApiStack } from '../support/api-stack.js';

// Apollo's packages load graphql's CommonJS build: inspect their schema with that same instance.
const graphql = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const {
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  specifiedRules,
  validate,
} = graphql;

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_010);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ONLY = process.env.FUZZ_OPERATION;
/** Requests in flight at once: overlaps database latency without starving the 2-core CI box. */
const CONCURRENCY = 4;

// The API as the stack's gateway serves it: composed from the services' SDL, as startApiStack does.
const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
if (!composed.ok) throw new Error(composed.errors.join('\n'));
const schema = Supergraph.build(composed.supergraphSdl).apiSchema().toGraphQLJSSchema();
const gatewayEnv = loadGatewayEnvironment({ NODE_ENV: 'production' });
const gatewayRules = [...specifiedRules, ...armorProtection(gatewayEnv).validationRules];

type Caller = 'super-admin' | 'admin-opd' | 'anonymous';

interface Operation {
  /** `Query.<field>` or `Mutation.<field>`. */
  name: string;
  service: string;
  field: GraphQLField<unknown, unknown>;
  document: string;
}

/** Which service declares each root field (its own SDL), so failures are grouped by owner. */
function rootFieldOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const source of readSubgraphSources(REPO_ROOT)) {
    for (const definition of parse(source.typeDefs).definitions) {
      if (
        (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
          definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        (definition.name.value === 'Query' || definition.name.value === 'Mutation')
      ) {
        for (const field of definition.fields ?? []) {
          const name = `${definition.name.value}.${field.name.value}`;
          if (!owners.has(name)) owners.set(name, source.name);
        }
      }
    }
  }
  return owners;
}

// ---- Selection sets: scalar leaves of the return type, one level of nested objects. ----------

const withoutRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

function leafNames(type: GraphQLObjectType | GraphQL.GraphQLInterfaceType): string[] {
  return Object.values(type.getFields())
    .filter((field) => isLeafType(getNamedType(field.type)) && withoutRequiredArgs(field))
    .map((field) => field.name);
}

/** Up to three nested objects per level keeps every document under the gateway's cost limit. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) {
    const members = named
      .getTypes()
      .map((member) => `... on ${member.name} { ${leafNames(member).join(' ')} }`);
    return `{ __typename ${members.join(' ')} }`;
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const nested =
    depth >= 2
      ? []
      : Object.values(named.getFields())
          .filter((field) => !isLeafType(getNamedType(field.type)) && withoutRequiredArgs(field))
          .slice(0, 3)
          .map((field) => `${field.name} ${selectionOf(field.type, depth + 1)}`);
  return `{ __typename ${[...leafNames(named), ...nested].join(' ')} }`;
}

function operationDocument(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  return [
    `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} {`,
    `  ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selectionOf(field.type, 1)}`,
    '}',
  ].join('\n');
}

const owners = rootFieldOwners();
const operations: Operation[] = (['query', 'mutation'] as const).flatMap((kind) => {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {}).map((field) => {
    const name = `${root?.name}.${field.name}`;
    return {
      name,
      service: owners.get(name) ?? 'unknown',
      field,
      document: operationDocument(kind, field),
    };
  });
});
const services = [...new Set(operations.map((op) => op.service))].sort();

// ---- Values: boundary and hostile inputs per GraphQL type. ------------------------------------

/** Ids seen in earlier answers: pointing at real records reaches code past "not found". */
const harvestedIds: string[] = [];

const organizationCodes = ['DISKOMINFO', 'DINKES', 'SETDA', 'BPKAD', 'DPUPR', 'RSUD', 'PTSMI'];
const hostileStrings = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m\u007f',
  '\u202Egnp.exe',
  '\uD800',
  '\uFEFF',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻',
  '😀👩‍👩‍👧',
  'İıßẞﬁ',
  '٣٤٥',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '$where',
  'this.a == 1 || sleep(1000)',
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '$regex',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '^$|*+?{}()',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'DPUPR',
  'dpupr ',
  '2026-02-30',
  '2026-13-45T25:61:61Z',
  '2026-01-01',
  '2026-01-01T00:00:00.000Z',
  '9999-12-31',
  '0000-00-00',
  '2026-01',
  '2026-W05',
  'a@b.co',
  'bukan email',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '000000000000000000000000',
  'ffffffffffffffffffffffff',
  '00000000-0000-0000-0000-000000000000',
];
/** Long text within the gateway's 256 KiB body limit (and its 20 000-character query limit). */
const longStrings = [
  'a'.repeat(256),
  'x'.repeat(1_025),
  'Lorem ipsum dolor sit amet. '.repeat(400),
  '𝔸'.repeat(5_000),
  '\u0000'.repeat(2_000),
  `${'a'.repeat(50_000)}!`,
];

const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileStrings), weight: 6 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...organizationCodes), weight: 2 },
  { arbitrary: fc.constantFrom(...longStrings), weight: 1 },
);

/** Valid dates, months and years (and their edges) for fields named like dates or periods. */
const dateArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .chain((date) =>
      fc.constantFrom(
        date.toISOString(),
        date.toISOString().slice(0, 10),
        date.toISOString().slice(0, 7),
        date.toISOString().slice(0, 4),
      ),
    ),
  fc.constantFrom('2026-02-29', '2024-02-29', '2026-12-31T23:59:59+07:00', '1970-01-01'),
);

/**
 * Strings by argument or field name: plausible values get past the first validation, so the
 * fuzzing reaches the code behind it; the hostile ones stay in the mix everywhere.
 */
function stringFor(name: string): fc.Arbitrary<string> {
  if (/date|from|to$|until|On$|At$|period|month|year/i.test(name)) {
    return fc.oneof(
      { arbitrary: dateArbitrary, weight: 2 },
      { arbitrary: stringArbitrary, weight: 1 },
    );
  }
  if (/organization|code$/i.test(name)) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...organizationCodes), weight: 2 },
      { arbitrary: stringArbitrary, weight: 1 },
    );
  }
  return stringArbitrary;
}

const objectIdArbitrary = fc.stringMatching(/^[0-9a-f]{24}$/);

function idArbitrary(useHarvested: boolean): fc.Arbitrary<unknown> {
  const foreign = fc.oneof(
    fc.constantFrom('', ' ', 'abc', '0', '-1', 'null', '$where', '{"$gt":""}', '.*', '\u0000'),
    objectIdArbitrary,
    fc.uuid(),
    fc.integer(),
    stringArbitrary,
  );
  if (!useHarvested) return foreign;
  // Resolved while sampling, so ids harvested by earlier operations are in the draw.
  const harvested = fc
    .nat()
    .map((index) => (harvestedIds.length ? harvestedIds[index % harvestedIds.length] : 'x'));
  return fc.oneof({ arbitrary: harvested, weight: 3 }, { arbitrary: foreign, weight: 2 });
}

const intArbitrary = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 12, 13, 100, 2026, 2_147_483_647, -2_147_483_648),
  fc.integer(),
  fc.integer({ min: -5, max: 500 }),
);
const floatArbitrary = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 1e21, 42_500_000_000, -90.0001, 180.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const injectionObjects = [
  { $where: 'sleep(1000)' },
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];
const jsonArbitrary = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...injectionObjects));

/** A value of the wrong shape: the gateway must refuse it while coercing variables. */
const wrongShape = fc.constantFrom<unknown>(
  null,
  '',
  'teks',
  1.5,
  -1,
  true,
  [],
  [null],
  {},
  ...injectionObjects,
  2_147_483_648,
);

interface ValueOptions {
  /** Off for operations whose effect leaves the throwaway stack (Keycloak users). */
  useHarvestedIds: boolean;
}

function namedArbitrary(
  type: GraphQLNamedType,
  options: ValueOptions,
  depth: number,
  name: string,
): fc.Arbitrary<unknown> {
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...values), weight: 9 },
      { arbitrary: fc.constantFrom('TIDAK_ADA', values[0]?.toLowerCase() ?? 'x'), weight: 1 },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    // Past the depth bound only required fields are filled: recursive inputs stay finite.
    const present = depth > 8 ? fields.filter((field) => isNonNullType(field.type)) : fields;
    return fc.record(
      Object.fromEntries(
        present.map((field) => [
          field.name,
          valueArbitrary(field.type, options, depth + 1, field.name),
        ]),
      ),
      {
        requiredKeys: present
          .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
          .map((field) => field.name),
      },
    );
  }
  switch (type.name) {
    case 'ID':
      return idArbitrary(options.useHarvestedIds);
    case 'Int':
      return intArbitrary;
    case 'Float':
      return floatArbitrary;
    case 'Boolean':
      return fc.boolean();
    case 'String':
      return stringFor(name);
    default:
      // Custom scalars (JSON and the like) take any JSON value, injection-shaped objects included.
      return jsonArbitrary;
  }
}

/** Wrong shapes only at the top (a variable): nested, they would sink almost every input object. */
function valueArbitrary(
  type: GraphQLInputType,
  options: ValueOptions,
  depth: number,
  name: string,
): fc.Arbitrary<unknown> {
  const wrong = depth === 1 ? [{ arbitrary: wrongShape, weight: 1 }] : [];
  if (isNonNullType(type)) {
    const value = valueArbitrary(type.ofType, options, depth + 1, name).filter((v) => v !== null);
    return fc.oneof({ arbitrary: value, weight: 40 }, ...wrong);
  }
  const inner = isListType(type)
    ? fc.oneof(
        {
          arbitrary: fc.array(valueArbitrary(type.ofType, options, depth + 1, name), {
            maxLength: 4,
          }),
          weight: 12,
        },
        {
          arbitrary: fc.array(valueArbitrary(type.ofType, options, depth + 2, name), {
            minLength: 40,
            maxLength: 120,
          }),
          weight: 1,
        },
      )
    : namedArbitrary(type, options, depth, name);
  return fc.oneof(
    { arbitrary: inner, weight: 16 },
    { arbitrary: fc.constant(null), weight: 2 },
    ...wrong,
  );
}

/**
 * Operations that write to the shared Keycloak realm stay inside the throwaway stack: their ids
 * never point at a real user (a super-admin could otherwise disable or re-role the dev users every
 * other suite signs in with), and a new user's organization never exists, so the service refuses
 * after validating the rest of the input but before creating the account.
 */
const keycloakWriters: Record<string, (variables: Record<string, unknown>) => void> = {
  'Mutation.createUser': (variables) => {
    const input = variables.input;
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      (input as Record<string, unknown>).organizationCode = 'ORGANISASI FUZZ TIDAK ADA';
    }
  },
  'Mutation.setUserActive': () => {},
  'Mutation.setUserRoles': () => {},
};

interface Sample {
  caller: Caller;
  variables: Record<string, unknown>;
}

function sampleArbitrary(operation: Operation): fc.Arbitrary<Sample> {
  const options = { useHarvestedIds: !(operation.name in keycloakWriters) };
  const variables = fc.record(
    Object.fromEntries(
      operation.field.args.map((arg) => [arg.name, valueArbitrary(arg.type, options, 1, arg.name)]),
    ),
    // Absent optional arguments exercise the defaults; required ones are always sent.
    {
      requiredKeys: operation.field.args
        .filter((arg) => isNonNullType(arg.type))
        .map((arg) => arg.name),
    },
  );
  const caller = fc.constantFrom<Caller>('super-admin', 'super-admin', 'admin-opd', 'anonymous');
  return fc.record({ caller, variables }).map((sample) => {
    keycloakWriters[operation.name]?.(sample.variables);
    return sample;
  });
}

/** A seed per operation, so one operation replays the same way whatever runs before it. */
function operationSeed(name: string): number {
  let hash = SEED | 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

// ---- Verdicts. -------------------------------------------------------------------------------

const typedCodes = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** What a message must never show: stack frames, source paths, JS exceptions, driver errors. */
const leaks: RegExp[] = [
  /\n\s+at /,
  / {4}at /,
  /node_modules|file:\/\/|\/work\/|\/src\/|\.[cm]?[jt]s:\d+/,
  /^(?:\w*Error|Error): /,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError)\b/,
  /E11000/,
  /Cast to \w+ failed/,
  /Mongo(?:Server|Network|Bulk)?Error|MongooseError|ValidatorError/,
  /Cannot read propert|is not a function|is not iterable|of undefined|of null/,
  /BSON|ObjectId/,
  /ECONNREFUSED|ETIMEDOUT|socket hang up/,
];

interface Finding {
  operation: string;
  seed: number;
  run: number;
  caller: Caller;
  variables: unknown;
  status: number;
  problems: string[];
  body: unknown;
}

/** Long strings shortened for the report; the seed and run index replay the exact value. */
function shorten(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > 120 ? `${value.slice(0, 40)}…(${value.length} karakter)` : value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 10).map(shorten);
    return value.length > 10 ? [...shown, `…(${value.length} elemen)`] : shown;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  }
  return value;
}

function harvest(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(harvest);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string' && harvestedIds.length < 2_000) {
        if (!harvestedIds.includes(inner)) harvestedIds.push(inner);
      } else harvest(inner);
    }
  }
}

interface ErrorBody {
  message?: unknown;
  extensions?: { code?: unknown; stacktrace?: unknown; exception?: unknown };
}

function problemsOf(
  status: number,
  text: string,
): { problems: string[]; body: unknown; codes: string[] } {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  let body: { data?: unknown; errors?: ErrorBody[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { problems: [...problems, 'jawaban bukan JSON'], body: text.slice(0, 500), codes: [] };
  }
  harvest(body.data);
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    const message = typeof error.message === 'string' ? error.message : '';
    if (typeof code !== 'string') problems.push(`tanpa extensions.code: ${message}`);
    else if (!typedCodes.has(code)) problems.push(`${code}: ${message}`);
    if (error.extensions?.stacktrace || error.extensions?.exception) {
      problems.push('extensions membawa stacktrace');
    }
    for (const pattern of leaks) {
      if (pattern.test(message)) problems.push(`pesan membocorkan ${pattern}: ${message}`);
    }
  }
  const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
  return { problems, body: shorten(body), codes };
}

// ---- The run. --------------------------------------------------------------------------------

let stack: ApiStack;
const previousRateLimit = process.env.RATE_LIMIT_PER_MINUTE;

beforeAll(async () => {
  console.info(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} (${operations.length} operasi)`);
  // Thousands of requests from one subject within a minute: the gateway's per-client budget
  // (600/min in production) has its own suite, here it would turn every answer into RATE_LIMITED.
  process.env.RATE_LIMIT_PER_MINUTE = '1000000';
  stack = await startApiStack('sipadu-test-fuzz');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  if (previousRateLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
  else process.env.RATE_LIMIT_PER_MINUTE = previousRateLimit;
});

async function send(
  operation: Operation,
  sample: Sample,
  tokens: Record<Caller, string | null>,
): Promise<{ status: number; text: string }> {
  const token = tokens[sample.caller];
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: operation.document, variables: sample.variables }),
  });
  // The raw text, not graphqlRequest's parsed body: a non-JSON answer is a finding too.
  return { status: response.status, text: await response.text() };
}

async function fuzz(
  service: string,
): Promise<{ findings: Finding[]; requests: number; outcomes: Record<string, number> }> {
  // Fresh tokens per service: Keycloak's access tokens live five minutes.
  const tokens: Record<Caller, string | null> = {
    'super-admin': await getUserToken('super-admin'),
    'admin-opd': await getUserToken('admin-opd'),
    anonymous: null,
  };
  const findings: Finding[] = [];
  let requests = 0;
  /** How the answers came out (first error code, or "data"): shows how deep the inputs got. */
  const outcomes: Record<string, number> = {};
  // Queries first, so the mutations draw on the ids they harvested.
  for (const prefix of ['Query.', 'Mutation.']) {
    const jobs = operations
      .filter((op) => op.service === service && op.name.startsWith(prefix))
      .filter((op) => !ONLY || op.name === ONLY)
      .flatMap((operation) => {
        const seed = operationSeed(operation.name);
        return fc
          .sample(sampleArbitrary(operation), { seed, numRuns: RUNS })
          .map((sample, run) => ({ operation, seed, run, sample }));
      })
      // Round-robin over the operations: requests in flight together hit different resolvers
      // instead of racing one mutation against itself on the same records.
      .sort((a, b) => a.run - b.run);
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const { operation, seed, run, sample } = job;
        const { status, text } = await send(operation, sample, tokens);
        requests += 1;
        const { problems, body, codes } = problemsOf(status, text);
        const outcome = codes[0] ?? 'data';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (problems.length > 0) {
          findings.push({
            operation: operation.name,
            seed,
            run,
            caller: sample.caller,
            variables: shorten(sample.variables),
            status,
            problems,
            body,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }
  return { findings, requests, outcomes };
}

describe('schema-aware fuzzing through the gateway', () => {
  it('covers every Query and Mutation root field with a document the gateway accepts', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => op.service === 'unknown').map((op) => op.name)).toEqual([]);
    // A document refused by validation or the limits would never reach a resolver.
    const refused = operations.flatMap((op) => {
      const document = parse(op.document, tokenLimitParseOptions(gatewayEnv.MAX_QUERY_TOKENS));
      const errors = [
        ...(op.document.length > gatewayEnv.MAX_QUERY_CHARS ? ['terlalu panjang'] : []),
        ...validate(schema, document, gatewayRules).map((error) => error.message),
      ];
      return errors.length ? [`${op.name}: ${errors.join('; ')}`] : [];
    });
    expect(refused).toEqual([]);
  });

  it.each(services)(
    'answers every generated input to %s with data or a typed error, never internals',
    async (service) => {
      const { findings, requests, outcomes } = await fuzz(service);
      console.info(`fuzz ${service}: ${requests} permintaan`, outcomes);
      if (!ONLY) expect(requests).toBeGreaterThan(0);
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    },
    Math.max(170_000, RUNS * 6_000),
  );
});

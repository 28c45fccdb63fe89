// Every GraphQL operation of the web portal, as urql sends it, must pass the gateway's static
// limits with the production defaults: an operation over them is refused at run time for every
// user ("Kueri terlalu berat …"), which neither the type check nor codegen notices.
import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { formatDocument, stringifyDocument } from '@urql/core';
import type * as GraphQL from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnvironment } from '../gateway/src/environment.js';
import {
  armorConfig,
  armorProtection,
  tokenLimitParseOptions,
  translateRefusal,
} from '../gateway/src/limits.js';
import { readSupergraph } from '../gateway/src/supergraph.js';
// The documents `graphql()` from '@/gql' returns: the preset's map in gql.ts points at these.
import * as webDocuments from '../web/src/gql/graphql.js';

// Apollo's packages and graphql-armor load graphql's CommonJS build (as the gateway does under
// Node): parse and validate with that same instance, not the ESM one Vitest would pick.
const { Kind, parse, specifiedRules, validate } = createRequire(import.meta.url)(
  'graphql',
) as typeof GraphQL;

const env = loadGatewayEnvironment({ NODE_ENV: 'production' });
// The schema the gateway validates against: the supergraph's API schema, as ApolloGateway builds it.
const schema: GraphQLSchema = Supergraph.build(readSupergraph(env.SUPERGRAPH_PATH))
  .apiSchema()
  .toGraphQLJSSchema();
// Apollo Server validates with graphql-js's rules followed by the gateway's armor rules.
const gatewayRules = [...specifiedRules, ...armorProtection(env).validationRules];

interface Verdict {
  name: string;
  cost: number;
  refusals: string[];
}

/**
 * Cost of each operation of `document`, in order, by the gateway's own cost rule with the limit
 * lifted. Like the gateway, `first`/`last` only multiply when written as literals: a `$first`
 * variable counts as 1, since the rule never sees variable values.
 */
function operationCosts(document: DocumentNode): number[] {
  const costs: number[] = [];
  const { costLimit } = armorConfig(env);
  const meter = new ApolloArmor({
    costLimit: {
      ...costLimit,
      maxCost: Number.POSITIVE_INFINITY,
      onAccept: [(_context, details: { n: number }) => costs.push(details.n)],
    },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  validate(schema, document, meter.validationRules);
  return costs;
}

/** What the gateway does with the text urql sends for `document` (cacheExchange adds `__typename`). */
function judge(document: DocumentNode): Verdict[] {
  const text = stringifyDocument(formatDocument(document));
  const names = document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value ?? '(anonim)');
  const refusals: string[] = [];
  // queryLengthLimit, then Apollo Server's parse with the token limit, then validation.
  if (text.length > env.MAX_QUERY_CHARS) {
    refusals.push(`${text.length} karakter (batas ${env.MAX_QUERY_CHARS})`);
  }
  let sent: DocumentNode | undefined;
  try {
    sent = parse(text, tokenLimitParseOptions(env.MAX_QUERY_TOKENS));
  } catch (error) {
    refusals.push((error as Error).message);
  }
  if (sent) refusals.push(...validate(schema, sent, gatewayRules).map((error) => error.message));
  const costs = operationCosts(sent ?? parse(text));
  return names.map((name, index) => ({
    name,
    cost: costs[index] ?? Number.NaN,
    // As the client reads them (the gateway's formatError).
    refusals: refusals.map(translateRefusal),
  }));
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

const operationDocuments = Object.values(webDocuments)
  .filter(isDocument)
  .filter((document) => document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));

describe('web portal operations against the gateway limits', () => {
  it('refuses an operation over the cost limit (the check is not vacuous)', () => {
    const [verdict] = judge(parse('query Heavy { auditLog(first: 5000) { totalCount } }'));
    expect(verdict?.cost).toBeGreaterThan(env.MAX_QUERY_COST);
    expect(verdict?.refusals).toEqual([`Kueri terlalu berat (batas biaya ${env.MAX_QUERY_COST}).`]);
  });

  it('accepts every operation of web/src/gql with the production defaults', () => {
    expect(operationDocuments.length).toBeGreaterThan(0);
    const refused = operationDocuments
      .flatMap(judge)
      .filter((verdict) => verdict.refusals.length > 0 || verdict.cost > env.MAX_QUERY_COST)
      .map(
        ({ name, cost, refusals }) =>
          `${name}: biaya ${Number(cost.toFixed(2))} (batas ${env.MAX_QUERY_COST}) — ${refusals.join('; ')}`,
      );
    expect(refused, 'operasi portal yang akan ditolak gateway').toEqual([]);
  });
});

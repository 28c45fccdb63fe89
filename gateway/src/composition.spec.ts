import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSubgraphs, defaultSubgraphUrl, readSubgraphSources } from './composition.js';
import { publicRootFields } from './public-operations.js';
import { subgraphEndpoints } from './supergraph.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('supergraph composition of services/*/schema.graphql', () => {
  const sources = readSubgraphSources(repoRoot);

  it('finds the subgraphs in the repository', () => {
    expect(sources.map((source) => source.name)).toContain('identity');
  });

  it('composes without errors', () => {
    const outcome = composeSubgraphs(sources);
    // The error list in the failure message is what a developer needs to fix the SDL.
    expect(outcome.errors).toEqual([]);
  });

  it('routes every subgraph to its default loopback port', () => {
    const outcome = composeSubgraphs(sources);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(subgraphEndpoints(outcome.supergraphSdl)).toEqual(
      sources.map((source) => ({ name: source.name, url: defaultSubgraphUrl(source.name) })),
    );
  });

  it('carries @public into the supergraph', () => {
    const outcome = composeSubgraphs(sources);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect([...publicRootFields(outcome.supergraphSdl).query]).toContain('organizations');
  });
});

describe('composeSubgraphs', () => {
  const header =
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

  it('reports conflicting subgraphs as errors', () => {
    const outcome = composeSubgraphs([
      {
        name: 'identity',
        url: 'http://127.0.0.1:4001/graphql',
        typeDefs: `${header} type Query { a: Int }`,
      },
      {
        name: 'documents',
        url: 'http://127.0.0.1:4002/graphql',
        typeDefs: `${header} type Query { a: String }`,
      },
    ]);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.join('\n')).toMatch(
      /INVALID_FIELD_SHARING|FIELD_TYPE_MISMATCH/,
    );
  });

  it('reports SDL syntax errors with the file name', () => {
    const outcome = composeSubgraphs([
      {
        name: 'identity',
        url: 'http://127.0.0.1:4001/graphql',
        typeDefs: 'type Query {',
        file: 'services/identity/schema.graphql',
      },
    ]);
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      expect.stringMatching(/^services\/identity\/schema.graphql: Syntax Error/),
    ]);
  });
});

import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { publicRootFields, selectedRootFields } from './public-operations.js';

const supergraph = `
schema { query: Query mutation: Mutation }
directive @public on FIELD_DEFINITION
type Query { organizations: [String] @public me: String }
type Mutation { fileComplaint: String @public setUserRoles: Boolean }
`;

function rootFields(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  );
  return selectedRootFields(document, operation!.selectionSet);
}

describe('publicRootFields', () => {
  it('collects the @public Query and Mutation fields', () => {
    const operations = publicRootFields(supergraph);
    expect([...operations.query]).toEqual(['organizations']);
    expect([...operations.mutation]).toEqual(['fileComplaint']);
  });
});

describe('selectedRootFields', () => {
  it('follows fragment spreads and inline fragments, including nested and recursive ones', () => {
    expect(
      rootFields(`
        query { organizations ...A ... on Query { ...B } }
        fragment A on Query { me ...B }
        fragment B on Query { __typename ...A }
      `),
    ).toEqual(['organizations', 'me', '__typename']);
  });

  it('counts fields under @skip/@include as selected', () => {
    expect(rootFields('query($x: Boolean!) { me @skip(if: $x) }')).toEqual(['me']);
  });
});

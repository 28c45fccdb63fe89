import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { outcomeOf, summarizeOperation, summarizeRequestBody } from './partner-audit.js';

describe('outcomeOf', () => {
  it.each([
    [[], 'ALLOWED'],
    [['NOT_FOUND', 'FORBIDDEN'], 'FORBIDDEN'],
    [['RATE_LIMITED'], 'RATE_LIMITED'],
    [['GRAPHQL_VALIDATION_FAILED'], 'REFUSED'],
    [['UNAUTHENTICATED'], 'REFUSED'],
    [['BAD_USER_INPUT'], 'REFUSED'],
    [['DOWNSTREAM_SERVICE_ERROR'], 'ERROR'],
    [['INTERNAL_SERVER_ERROR', 'BAD_USER_INPUT', 'FORBIDDEN'], 'FORBIDDEN'],
  ] as const)('%j → %s', (codes, outcome) => {
    expect(outcomeOf(codes)).toBe(outcome);
  });
});

describe('summarizeOperation', () => {
  it('names the root fields of the chosen operation, through fragments, without arguments', () => {
    const document = parse(`
      query Lain { planningCodes }
      query Proyek($id: ID!) {
        loanProject(id: $id) { id }
        alias: loanProjects(first: 5) { id }
        ... on Query { loanPortfolio { total } }
        ...Kode
        ...Kode
      }
      fragment Kode on Query { planningCodes __typename }
    `);
    expect(summarizeOperation(document, 'Proyek')).toEqual({
      operationName: 'Proyek',
      operationType: 'query',
      fields: [
        'Query.loanProject',
        'Query.loanProjects',
        'Query.loanPortfolio',
        'Query.planningCodes',
        'Query.__typename',
      ],
    });
  });

  it('reports a mutation by its root type, and an operation it cannot pick as unknown', () => {
    const document = parse('mutation { approveProject(id: "1") { id } } query { a }');
    expect(summarizeOperation(parse('mutation { approveProject(id: "1") { id } }'), null)).toEqual({
      operationName: null,
      operationType: 'mutation',
      fields: ['Mutation.approveProject'],
    });
    expect(summarizeOperation(document, null)).toEqual({
      operationName: null,
      operationType: 'unknown',
      fields: [],
    });
  });

  it('reads a raw request body within the token limit, and survives garbage', () => {
    expect(summarizeRequestBody({ query: '{ planningCodes }' }, 100).fields).toEqual([
      'Query.planningCodes',
    ]);
    expect(summarizeRequestBody({ query: '{ a b c d e }', operationName: 'X' }, 3)).toEqual({
      operationName: 'X',
      operationType: 'unknown',
      fields: [],
    });
    expect(summarizeRequestBody(undefined, 100).operationType).toBe('unknown');
  });
});

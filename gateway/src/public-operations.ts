import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from './context.js';

/** Root fields callable without a token, per operation type, read from the supergraph. */
export interface PublicOperations {
  query: ReadonlySet<string>;
  mutation: ReadonlySet<string>;
}

const PUBLIC_DIRECTIVE = 'public';

export const loginRequiredMessage = 'Silakan masuk terlebih dahulu.';

/** Collects the Query and Mutation fields marked `@public` in the supergraph SDL. */
export function publicRootFields(supergraphSdl: string): PublicOperations {
  const document = parse(supergraphSdl);
  const rootTypes = { query: 'Query', mutation: 'Mutation' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const operationType of definition.operationTypes) {
      if (operationType.operation !== 'subscription') {
        rootTypes[operationType.operation] = operationType.type.name.value;
      }
    }
  }
  const collect = (typeName: string): Set<string> => {
    const fields = new Set<string>();
    for (const definition of document.definitions) {
      if (
        (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
          definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        definition.name.value === typeName
      ) {
        for (const field of definition.fields ?? []) {
          if (field.directives?.some((d) => d.name.value === PUBLIC_DIRECTIVE)) {
            fields.add(field.name.value);
          }
        }
      }
    }
    return fields;
  };
  return { query: collect(rootTypes.query), mutation: collect(rootTypes.mutation) };
}

/**
 * Root field names an operation selects, following fragment spreads and inline fragments at the
 * root so a protected field cannot hide inside a fragment. `@skip`/`@include` are ignored on
 * purpose: a field that might run counts as selected.
 */
export function selectedRootFields(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const names: string[] = [];
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visited.has(name)) {
          visited.add(name);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(selectionSet);
  return names;
}

export function loginRequired(): GraphQLError {
  return new GraphQLError(loginRequiredMessage, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * Refuses, before any subgraph is called, an anonymous operation that selects a root field not
 * marked `@public`. Introspection meta-fields are left to Apollo Server's introspection setting.
 */
export function publicOperationsPlugin(
  operations: PublicOperations,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.caller) return;
          if (!operation || operation.operation === 'subscription') throw loginRequired();
          const allowed = operations[operation.operation];
          const refused = selectedRootFields(document, operation.selectionSet).some(
            (name) => !name.startsWith('__') && !allowed.has(name),
          );
          if (refused) throw loginRequired();
        },
      };
    },
  };
}

import 'server-only';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { errorMessage } from '@/graphql/error-message';
import { getClient, getPublicClient } from '@/graphql/server-client';

export interface OpenDataOutcome<Data> {
  data: Data | undefined;
  /** Readable Indonesian message, or null. */
  error: string | null;
}

/**
 * Runs a catalog query as the visitor: signed in, the service adds the internal data sets the user
 * may read; a session the gateway no longer accepts falls back to the anonymous (open) catalog.
 */
export async function openDataQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<OpenDataOutcome<Data>> {
  const options = { requestPolicy: 'network-only' as const };
  let result = await getClient().query(document, variables, options);
  const unauthenticated = result.error?.graphQLErrors.some(
    (error) => error.extensions?.code === 'UNAUTHENTICATED',
  );
  if (unauthenticated) result = await getPublicClient().query(document, variables, options);
  return { data: result.data, error: errorMessage(result.error) };
}

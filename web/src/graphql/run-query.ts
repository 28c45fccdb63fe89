import 'server-only';
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import { errorMessage } from './error-message';

export interface QueryOutcome<Data> {
  data: Data | undefined;
  /** Readable Indonesian message, or null. */
  error: string | null;
}

/** Runs a query from a server component; failures come back as a message for the page to show. */
export async function runQuery<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<QueryOutcome<Data>> {
  const result = await client.query(document, variables, { requestPolicy: 'network-only' });
  return { data: result.data, error: errorMessage(result.error) };
}

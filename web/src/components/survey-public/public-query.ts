import 'server-only';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { errorMessage } from '@/graphql/error-message';
import { getPublicClient } from '@/graphql/server-client';

export interface PublicQueryOutcome<Data> {
  data: Data | undefined;
  /** Readable Indonesian message, or null. */
  error: string | null;
  /** The GraphQL error codes (NOT_FOUND, BAD_USER_INPUT …), so a page can answer 404. */
  codes: string[];
}

/** Runs an anonymous query from a public server component. */
export async function publicQuery<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<PublicQueryOutcome<Data>> {
  const result = await getPublicClient().query(document, variables, {
    requestPolicy: 'network-only',
  });
  const codes = (result.error?.graphQLErrors ?? []).flatMap((error) =>
    typeof error.extensions?.code === 'string' ? [error.extensions.code] : [],
  );
  return { data: result.data, error: errorMessage(result.error), codes };
}

/** An id or code that cannot exist: the page answers 404 rather than an error. */
export function isMissing(codes: readonly string[]): boolean {
  return codes.includes('NOT_FOUND') || codes.includes('BAD_USER_INPUT');
}

import 'server-only';
import type { AnyVariables, CombinedError, TypedDocumentNode } from '@urql/core';
import { errorMessage } from '@/graphql/error-message';
import { getClient } from '@/graphql/server-client';

export const hasErrorCode = (error: CombinedError | undefined, code: string) =>
  error?.graphQLErrors.some((item) => item.extensions?.code === code) ?? false;

export interface CaseLoad<Data> {
  data: Data | undefined;
  /** The service refused the reader (the page answers 403). */
  forbidden: boolean;
  error: string | null;
}

/** Loads one case (or any page data) as the signed-in user, fresh on every request. */
export async function loadCaseData<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<CaseLoad<Data>> {
  const result = await getClient().query(document, variables, { requestPolicy: 'network-only' });
  return {
    data: result.data,
    forbidden: hasErrorCode(result.error, 'FORBIDDEN'),
    error: errorMessage(result.error),
  };
}

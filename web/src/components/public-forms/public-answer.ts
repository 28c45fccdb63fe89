// How the public forms (survey, complaint) read the GraphQL BFF's answer to one operation: the
// value of its root field, or why not, in words for citizens. No React, no browser globals.

/** What a public operation came to: its field's value (null: the service knows nothing), or why not. */
export type PublicOutcome<Value> =
  | { kind: 'ok'; value: Value | null }
  | { kind: 'notFound'; message: string | null }
  | { kind: 'rateLimited' }
  | { kind: 'invalid'; message: string | null }
  | { kind: 'network' }
  | { kind: 'failed'; message: string | null };

export type PublicFailure = Exclude<PublicOutcome<unknown>, { kind: 'ok' }>;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/**
 * What the page shows for the BFF's answer to an operation whose one root field is `field`
 * (`body` = the response text; null status or body = no answer at all).
 */
export function readPublicAnswer<Value>(
  status: number | null,
  body: string | null,
  field: string,
): PublicOutcome<Value> {
  if (status === null || body === null) return { kind: 'network' };
  let parsed: GraphQLBody;
  try {
    parsed = JSON.parse(body) as GraphQLBody;
  } catch {
    return status === 429 ? { kind: 'rateLimited' } : { kind: 'network' };
  }
  const error = parsed.errors?.[0];
  if (!error && parsed.data && field in parsed.data) {
    return { kind: 'ok', value: (parsed.data[field] ?? null) as Value | null };
  }
  const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : null;
  const message = error?.message?.trim() || null;
  // The services word their messages for users; bare codes are not shown.
  const readable = message && !/^[A-Z_]+$/.test(message) ? message : null;
  if (code === 'RATE_LIMITED' || status === 429) return { kind: 'rateLimited' };
  if (code === 'NOT_FOUND') return { kind: 'notFound', message: readable };
  if (code === 'BAD_USER_INPUT') return { kind: 'invalid', message: readable };
  if (code === 'GATEWAY_UNAVAILABLE' || status === 502 || status === 503 || status === 504) {
    return { kind: 'network' };
  }
  return { kind: 'failed', message: code === 'INTERNAL_SERVER_ERROR' ? null : readable };
}

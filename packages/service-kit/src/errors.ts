import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

const httpStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SERVICE_UNAVAILABLE: 503,
};

function typed(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const badInput = (message: string, extra?: Record<string, unknown>) =>
  typed('BAD_USER_INPUT', message, extra);
export const unauthenticated = (message = 'Silakan masuk terlebih dahulu.') =>
  typed('UNAUTHENTICATED', message);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  typed('FORBIDDEN', message);
export const notFound = (message = 'Data tidak ditemukan.') => typed('NOT_FOUND', message);
export const conflict = (message: string) => typed('CONFLICT', message);
/** Too many requests from one client (e.g. anonymous survey submissions); retry later. */
export const rateLimited = (message: string) => typed('RATE_LIMITED', message);
/** An outside system the operation needs (e.g. a certified signer) is down or refused; `reason` says which. */
export const unavailable = (message: string, reason: string) =>
  typed('SERVICE_UNAVAILABLE', message, { reason });

/** Codes safe to show a client as they are; the gateway passes exactly these (plus its own). */
export const TYPED_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  // Produced by Apollo Server itself for malformed requests; already safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Maps database-level failures that a caller can act on to typed errors. */
function translate(error: unknown): GraphQLError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { name?: string; code?: number; message?: string };
  if (e.code === 11000) return conflict('Data yang sama sudah ada.');
  if (e.name === 'ValidationError' || e.name === 'CastError') {
    return badInput('Data yang dikirim tidak valid.');
  }
  return undefined;
}

/**
 * Apollo `formatError`: typed errors pass through; anything else is logged with its stack and
 * replaced by a generic Indonesian message, so no internals leave the process outside development.
 */
export function createErrorFormatter(logger: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && TYPED_ERROR_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return {
        ...formatted,
        // Apollo prefixes errors thrown while building the context (e.g. a bad token).
        message: formatted.message.replace(/^Context creation failed: /, ''),
        extensions: exposeDetails ? formatted.extensions : extensions,
      };
    }
    const translated = translate(original);
    if (translated) {
      return {
        message: translated.message,
        path: formatted.path,
        extensions: { code: translated.extensions.code },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    return {
      message: 'Terjadi kesalahan pada server. Silakan coba lagi.',
      path: formatted.path,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(exposeDetails ? { detail: formatted.message } : {}),
      },
    };
  };
}

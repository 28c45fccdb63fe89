import type { CombinedError } from '@urql/core';

/** Readable Indonesian text for every error code the gateway and services return. */
const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  NOT_FOUND: 'Data yang diminta tidak ditemukan.',
  BAD_USER_INPUT: 'Data yang dikirim tidak valid. Periksa kembali isian Anda.',
  CONFLICT: 'Data yang sama sudah ada.',
  RATE_LIMITED: 'Terlalu banyak permintaan. Silakan coba lagi dalam beberapa saat.',
  DOWNSTREAM_SERVICE_ERROR: 'Salah satu layanan sedang bermasalah. Silakan coba lagi nanti.',
  GATEWAY_UNAVAILABLE: 'Server SIPADU sedang tidak dapat dihubungi. Silakan coba lagi nanti.',
  GRAPHQL_PARSE_FAILED: 'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
  GRAPHQL_VALIDATION_FAILED: 'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
  OPERATION_RESOLUTION_FAILURE:
    'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
  BAD_REQUEST: 'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
  INTERNAL_SERVER_ERROR: 'Terjadi kesalahan pada server. Silakan coba lagi.',
};

const FALLBACK = 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.';
const NETWORK = 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.';

/** Codes whose server message is written for users in Indonesian (service-kit, gateway). */
const SERVER_WORDED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'DOWNSTREAM_SERVICE_ERROR',
  'INTERNAL_SERVER_ERROR',
]);

export interface ErrorLike {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** One error as a sentence for users: the server's Indonesian message when it has one, never a code. */
export function describeGraphQLError(error: ErrorLike): string {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
  const message = error.message?.trim();
  if (code && SERVER_WORDED.has(code) && message && !/^[A-Z_]+$/.test(message)) return message;
  return (code && MESSAGES[code]) ?? FALLBACK;
}

/** What to show for a failed operation, or null when it succeeded. */
export function errorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.graphQLErrors.length > 0) {
    return [...new Set(error.graphQLErrors.map(describeGraphQLError))].join(' ');
  }
  return error.networkError ? NETWORK : FALLBACK;
}

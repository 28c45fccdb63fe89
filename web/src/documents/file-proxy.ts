/** Where the BFF serves files, and where the gateway does. */
export const BFF_FILES_PATH = '/api/files';
const GATEWAY_FILES_PATH = '/files';

/** Request headers the tus protocol and downloads need; nothing else (no cookies) goes upstream. */
const REQUEST_HEADERS = [
  'content-type',
  'content-length',
  'range',
  'if-range',
  'if-none-match',
  'if-modified-since',
  'tus-resumable',
  'upload-length',
  'upload-offset',
  'upload-metadata',
  'upload-defer-length',
  'upload-concat',
  'x-http-method-override',
  'x-request-id',
  'x-forwarded-for',
];

/** Response headers passed back to the browser (tus state, download metadata, file id). */
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'content-disposition',
  'content-security-policy',
  'accept-ranges',
  'etag',
  'last-modified',
  'x-content-type-options',
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-expires',
  'upload-defer-length',
  'sipadu-file-id',
  'x-request-id',
  'retry-after',
];

/** The gateway's /files URL for a BFF request: `/api/files/<rest>?<query>` → `<origin>/files/<rest>?<query>`. */
export function filesUpstreamUrl(gatewayGraphqlUrl: string, requestUrl: URL): string {
  const origin = new URL(gatewayGraphqlUrl).origin;
  const rest = requestUrl.pathname.slice(BFF_FILES_PATH.length);
  return `${origin}${GATEWAY_FILES_PATH}${rest}${requestUrl.search}`;
}

export function forwardedRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  // Bodies pass through byte for byte: fetch would otherwise decompress them silently.
  headers.set('accept-encoding', 'identity');
  return headers;
}

/**
 * A tus upload URL from the gateway (`/files/<id>`, absolute or relative) as the browser must see
 * it (`/api/files/<id>`), so tus-js-client keeps talking to this BFF. Whatever host the gateway
 * put in front (its own, or a forwarded one), the upload lives behind this BFF's upstream.
 */
export function rewriteLocation(location: string): string {
  const target = new URL(location, 'http://gateway.invalid');
  if (!target.pathname.startsWith(`${GATEWAY_FILES_PATH}/`)) return location;
  return `${BFF_FILES_PATH}${target.pathname.slice(GATEWAY_FILES_PATH.length)}${target.search}`;
}

export function forwardedResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  const location = upstream.get('location');
  if (location) headers.set('location', rewriteLocation(location));
  // Per-user answers: no shared caches, and no recompression that would break Range offsets.
  headers.set('cache-control', 'private, no-store, no-transform');
  return headers;
}

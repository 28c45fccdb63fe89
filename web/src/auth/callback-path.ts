/** Only a path on this site may be a post-login destination (no open redirects). */
export function safeCallbackPath(value: string | undefined | null, fallback = '/dasbor'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value.startsWith('/masuk') ? fallback : value;
}

/**
 * What kind of refusal it is, for clients and logs (sent as the `Sipadu-Refusal` header); the
 * message says it to people.
 */
export type UploadRefusalCode =
  | 'TYPE_NOT_ALLOWED'
  | 'TOO_LARGE'
  | 'SHA256_MISMATCH'
  | 'MALWARE_DETECTED'
  | 'POLYGLOT'
  | 'SCANNER_UNAVAILABLE';

/**
 * A refusal of an upload request: @tus/server answers thrown objects with their `status_code`
 * and `body`, so the Indonesian message reaches the client as the response body.
 */
export class UploadRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
    readonly code?: UploadRefusalCode,
  ) {
    super(body);
    this.name = 'UploadRefusal';
  }
}

export const isUploadRefusal = (error: unknown): error is UploadRefusal =>
  error instanceof UploadRefusal;

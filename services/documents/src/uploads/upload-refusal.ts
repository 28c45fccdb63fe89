/**
 * A refusal of an upload request: @tus/server answers thrown objects with their `status_code`
 * and `body`, so the Indonesian message reaches the client as the response body.
 */
export class UploadRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
    this.name = 'UploadRefusal';
  }
}

export const isUploadRefusal = (error: unknown): error is UploadRefusal =>
  error instanceof UploadRefusal;

/**
 * An AWS-shaped error raised by a sandbox operation handler. The protocol layer turns it
 * into the wire envelope of the service (restJson1, restXml or awsQuery), taking the HTTP
 * status from the SDK's error schema when `status` is not given (JSON-5, S3P-6, QRY-3).
 */
export class ServiceError extends Error {
  constructor(
    /** The modelled error name, e.g. `ResourceNotFoundException`, `NoSuchKey`, `NoSuchEntity`. */
    readonly code: string,
    message: string,
    /** Extra modelled members of the error (e.g. `resourceId`, `resourceArn`, S3 `Key`). */
    readonly fields: Record<string, unknown> = {},
    /** Explicit HTTP status; otherwise derived from the error schema of the service. */
    readonly status?: number,
    /** Extra response headers (e.g. S3 `x-amz-delete-marker`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;

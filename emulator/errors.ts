/**
 * The API's error codes and the exception handlers throw to produce the
 * contract's envelope `{error:{code, message, request_id}}`.
 */
export type ApiErrorCode =
  | 'INVALID_TOKEN'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SUBSCRIPTION_LIMIT_EXCEEDED'
  | 'RATE_LIMIT_EXCEEDED'
  | 'HOMELAB_UNREACHABLE'
  | 'INVALID_CREDENTIALS'
  | 'VALIDATION_ERROR';

const STATUS: Record<ApiErrorCode, number> = {
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SUBSCRIPTION_LIMIT_EXCEEDED: 402,
  RATE_LIMIT_EXCEEDED: 429,
  HOMELAB_UNREACHABLE: 503,
  INVALID_CREDENTIALS: 401,
  VALIDATION_ERROR: 400,
};

/** Thrown by a handler; the server turns it into the error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
    this.headers = headers;
  }
}

/** The envelope body for an error. */
export function errorBody(code: string, message: string, requestId: string): unknown {
  return { error: { code, message, request_id: requestId } };
}

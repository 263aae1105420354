/**
 * Typed failures of a call to kombify Cloud. Callers branch on the class, never on
 * message text; `toBridgeError` turns each into words for a person.
 */

/** The server answered with an error status (body `{error:{code,message,request_id}}`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    /** When a 429 (or 503) says to come back; null when the server did not say. */
    readonly retryAt: Date | null = null,
  ) {
    super(message);
  }
}

/** No answer at all: offline, connection refused or reset, DNS failure. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The server did not answer within the request's time box. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** The server answered, but not with what the contract promises. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  constructor(
    readonly path: string,
    /** The first field that did not match, as a dotted path, or null for non-JSON. */
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** A call that needs a session was made while nobody is signed in. */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor(readonly reason?: string) {
    super(reason ?? 'not signed in');
  }
}

/**
 * The session could not be renewed, for a reason that does not end it: a refusal
 * other than the one the contract documents for a dead refresh token (an OAuth
 * `invalid_client`, a bad request, a proxy's 401). The tokens are kept and the
 * refresh is tried again later.
 */
export class RenewalFailedError extends Error {
  override readonly name = 'RenewalFailedError';
  constructor(readonly reply: ApiError) {
    super(`the session was not renewed: HTTP ${reply.status} ${reply.code}`, { cause: reply });
  }
}

/** Anything a call to the API may throw. */
export type KombifyError =
  | ApiError
  | NetworkError
  | TimeoutError
  | MalformedResponseError
  | NotSignedInError
  | RenewalFailedError;

/** True when the failure says nothing about the session (keep it, try later). */
export function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/**
 * Reads `Retry-After` (delta-seconds or an HTTP date) into an absolute time.
 * Anything unreadable gives null so the caller falls back to its own backoff;
 * a date in the past means "now".
 */
export function parseRetryAfter(value: string | null, now: number): Date | null {
  if (value === null) return null;
  const text = value.trim();
  // Capped: a server asking for years (or for more than a Date can hold) gets an hour.
  const latest = now + MAX_RETRY_AFTER_MS;
  if (/^\d+$/.test(text)) {
    return new Date(Math.min(now + Number(text) * 1000, latest));
  }
  // A bare number that is not delta-seconds ("1.5", "-3") is not a date either.
  if (/^[-+]?[\d.]+$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return new Date(Math.min(Math.max(at, now), latest));
}

/**
 * The longest wait a server's Retry-After may impose; past it we ask again anyway.
 * The one cap for both the time a person is told and the time the app retries.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Faults injected per route through the control API, to produce on demand
 * what a tray app meets in the field: slow replies, error statuses, broken
 * JSON, bodies that never finish, and connections that drop.
 */
import { ApiError } from './errors';

/** One injected fault, as posted to `/_emulator/faults`. */
export interface FaultSpec {
  /** HTTP method to match, or `*` (default). */
  method: string;
  /** Exact path (`/v1/me`) or prefix ending in `*` (`/v1/deployments*`). */
  path: string;
  /** How many matching requests it affects; null means until cleared. */
  times: number | null;
  latency_ms: number;
  /** Reply with this status and an error envelope instead of the real reply. */
  status: number | null;
  code: string | null;
  /** With `status`: `Retry-After` in seconds, or `http-date` to send a date. */
  retry_after: number | 'http-date' | null;
  /** Reply 200 with a JSON content type and a body that does not parse. */
  malformed_json: boolean;
  /** Send headers, a first chunk, then nothing: a body that never ends. */
  stall_body: boolean;
  /** Destroy the socket without a reply. */
  reset_connection: boolean;
}

function num(v: unknown, name: string, fallback: number | null): number | null {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new ApiError('VALIDATION_ERROR', `${name} must be a non-negative number`);
  }
  return v;
}

/** Validates a control request body into a fault. */
export function parseFault(body: Record<string, unknown>): FaultSpec {
  if (typeof body.path !== 'string' || !body.path.startsWith('/')) {
    throw new ApiError(
      'VALIDATION_ERROR',
      'path must be a path such as /v1/me or /v1/deployments*',
    );
  }
  const status = num(body.status, 'status', null);
  if (status !== null && (status < 100 || status > 599)) {
    throw new ApiError('VALIDATION_ERROR', 'status must be an HTTP status code');
  }
  const ra = body.retry_after;
  if (ra !== undefined && ra !== 'http-date' && (typeof ra !== 'number' || ra < 0)) {
    throw new ApiError('VALIDATION_ERROR', 'retry_after must be seconds or "http-date"');
  }
  return {
    method: typeof body.method === 'string' ? body.method.toUpperCase() : '*',
    path: body.path,
    times: num(body.times, 'times', null),
    latency_ms: num(body.latency_ms, 'latency_ms', 0) ?? 0,
    status,
    code: typeof body.code === 'string' ? body.code : null,
    retry_after: (ra as FaultSpec['retry_after'] | undefined) ?? null,
    malformed_json: body.malformed_json === true,
    stall_body: body.stall_body === true,
    reset_connection: body.reset_connection === true,
  };
}

/** The active faults; the first matching one applies. */
export class Faults {
  list: FaultSpec[] = [];

  add(fault: FaultSpec): void {
    this.list.push(fault);
  }

  clear(): void {
    this.list = [];
  }

  /** The fault for this request, if any; uses up one of its `times`. */
  take(method: string, path: string): FaultSpec | null {
    const fault = this.list.find((f) => matches(f, method, path));
    if (!fault) return null;
    if (fault.times !== null) {
      fault.times -= 1;
      if (fault.times <= 0) this.list = this.list.filter((f) => f !== fault);
    }
    return fault;
  }
}

function matches(f: FaultSpec, method: string, path: string): boolean {
  if (f.method !== '*' && f.method !== method) return false;
  return f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : path === f.path;
}

/** Default error code for a faulted status, so the envelope stays meaningful. */
export function codeForStatus(status: number): string {
  const known: Record<number, string> = {
    400: 'VALIDATION_ERROR',
    401: 'INVALID_TOKEN',
    402: 'SUBSCRIPTION_LIMIT_EXCEEDED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    429: 'RATE_LIMIT_EXCEEDED',
    503: 'HOMELAB_UNREACHABLE',
  };
  return known[status] ?? 'INTERNAL_ERROR';
}

/** Default OAuth error code for a faulted status on the issuer's routes. */
export function oauthCodeForStatus(status: number): string {
  if (status === 401) return 'invalid_client';
  if (status === 503) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}

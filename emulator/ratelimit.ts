/**
 * Per-account token buckets sized by plan: `burst` requests at once, refilled
 * at `perMinute`. Refill reads the emulator clock, so a frozen clock never
 * refills and tests can count exactly.
 */
import { ApiError } from './errors';

/** A plan's limits: sustained rate and bucket size. */
export interface Limits {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** `seconds` or an HTTP date in `Retry-After`, as the control API chooses. */
export type RetryAfterForm = 'seconds' | 'http-date';

/** The bucket key of an account (anonymous callers are keyed by address). */
export function accountBucket(accountId: string): string {
  return `acct:${accountId}`;
}

/** Token buckets keyed by account (or address for anonymous callers). */
export class RateLimiter {
  #buckets = new Map<string, Bucket>();
  enabled = true;
  retryAfterForm: RetryAfterForm = 'seconds';

  reset(): void {
    this.#buckets.clear();
    this.enabled = true;
    this.retryAfterForm = 'seconds';
  }

  /** Leaves `key`'s bucket with `tokens` requests as of `now` (the rate-limit control). */
  setRemaining(key: string, tokens: number, now: number): void {
    this.#buckets.set(key, { tokens, at: now });
  }

  /**
   * Takes one request from `key`'s bucket. Returns the X-RateLimit-* headers,
   * or throws 429 RATE_LIMIT_EXCEEDED with them and Retry-After.
   */
  take(key: string, limits: Limits, now: number): Record<string, string> {
    const perMs = limits.perMinute / 60_000;
    const prev = this.#buckets.get(key) ?? { tokens: limits.burst, at: now };
    const tokens = Math.min(limits.burst, prev.tokens + Math.max(0, now - prev.at) * perMs);
    const allowed = !this.enabled || tokens >= 1;
    const left = allowed && this.enabled ? tokens - 1 : tokens;
    this.#buckets.set(key, { tokens: left, at: now });
    const fullInMs = (limits.burst - left) / perMs;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limits.perMinute),
      'X-RateLimit-Remaining': String(Math.max(0, Math.floor(left))),
      'X-RateLimit-Reset': String(Math.ceil((now + fullInMs) / 1000)),
    };
    if (allowed) return headers;
    const waitMs = Math.max(1000, Math.ceil((1 - left) / perMs));
    headers['Retry-After'] =
      this.retryAfterForm === 'seconds'
        ? String(Math.ceil(waitMs / 1000))
        : new Date(now + waitMs).toUTCString();
    throw new ApiError(
      'RATE_LIMIT_EXCEEDED',
      'Too many requests for your plan; slow down.',
      headers,
    );
  }
}

/**
 * How long to wait after trouble. Pure functions of the failure streak and a
 * random source, so every rule is tested without timers.
 */
import { MAX_RETRY_AFTER_MS } from '../api/errors';

/** Longest wait after offline, 5xx or an unreadable 429: "a few minutes". */
export const MAX_BACKOFF_MS = 5 * 60_000;
/** First wait after a failure; doubles with each failure in a row. */
export const FIRST_BACKOFF_MS = 5_000;
/** Shortest wait after a 429, even when its Retry-After lies in the past. */
export const MIN_RETRY_AFTER_MS = 2_000;

/** A random number in [0, 1); injected so tests pin the jitter. */
export type Random = () => number;

/**
 * Capped exponential backoff with jitter: the n-th failure in a row waits
 * between half and all of `first * 2^(n-1)`, never more than the cap.
 * Jitter keeps many trays that lost the network together from returning together.
 */
export function backoffDelay(streak: number, random: Random, first = FIRST_BACKOFF_MS): number {
  const n = Math.max(1, Math.min(streak, 30));
  const ceiling = Math.min(MAX_BACKOFF_MS, first * 2 ** (n - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * clampUnit(random()));
}

/**
 * When to ask again after a 429: the server's time when it gave a readable
 * one (never sooner than a small minimum, never later than an hour), else
 * the capped exponential backoff of the streak.
 */
export function rateLimitedUntil(
  retryAt: Date | null,
  now: number,
  streak: number,
  random: Random,
): number {
  if (retryAt !== null && Number.isFinite(retryAt.getTime())) {
    const wait = retryAt.getTime() - now;
    return now + Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, wait));
  }
  return now + backoffDelay(streak, random, 15_000);
}

/** A short random delay before a refresh nobody clicked for (focus, network back, resume). */
export function refreshJitter(random: Random): number {
  return 500 + Math.round(2_500 * clampUnit(random()));
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0.5;
}

/**
 * Fixed-interval sync of `/me`, `/subscriptions` and `/deployments` into one
 * snapshot. Faster while a deployment moves; waits out a 429. Never two polls
 * at once. Issue 5 replaces this with an adaptive, per-resource engine.
 */
import type { ConnectivityView, SnapshotView } from '../../src-shared/bridge';
import {
  type Deployment,
  type Subscription,
  type User,
  isFinalDeploymentStatus,
} from '../../src-shared/kombify-api';
import { ApiError, NotSignedInError, isTransient } from './api/errors';
import { toBridgeError } from './error-words';
import type { Clock, Logger } from './ports';

/** The reads a poll makes; ApiClient provides them. */
export interface SnapshotSource {
  me(): Promise<User>;
  subscriptions(): Promise<Subscription[]>;
  deployments(): Promise<Deployment[]>;
}

/** Options of {@link Poller}. */
export interface PollerOptions {
  source: SnapshotSource;
  clock: Clock;
  logger: Logger;
  /** Quiet interval. Default 10 s. */
  intervalMs?: number;
  /** Interval while any deployment is not final. Default 2 s. */
  activeIntervalMs?: number;
  onSnapshot(snapshot: SnapshotView): void;
  onConnectivity(view: ConnectivityView): void;
  /** The session is gone; the poller has stopped itself. */
  onSignedOut?(): void;
}

/** Connectivity before the first poll of a session. */
export const UNKNOWN: ConnectivityView = {
  status: 'unknown',
  lastSuccessAt: null,
  lastError: null,
  retryAt: null,
};

/** Longest wait after a 429 without a readable Retry-After. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** A single poll loop; `start` it when signed in, `stop` it on sign-out or quit. */
export class Poller {
  readonly #o: PollerOptions;
  readonly #interval: number;
  readonly #activeInterval: number;
  #running = false;
  #generation = 0;
  #timer: unknown = null;
  #inFlight: Promise<void> | null = null;
  #nextDelay: number;
  #rateLimitedUntil = 0;
  #rateLimitStreak = 0;
  #connectivity: ConnectivityView = UNKNOWN;

  constructor(options: PollerOptions) {
    this.#o = options;
    this.#interval = options.intervalMs ?? 10_000;
    this.#activeInterval = options.activeIntervalMs ?? 2_000;
    this.#nextDelay = this.#interval;
  }

  get running(): boolean {
    return this.#running;
  }

  connectivity(): ConnectivityView {
    return this.#connectivity;
  }

  /** Starts polling; resolves when the first poll has finished (its errors are in connectivity). */
  start(): Promise<void> {
    if (this.#running) return this.refreshNow();
    this.#running = true;
    return this.#run();
  }

  /** Stops the loop and waits for a poll in flight; its result is dropped. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#generation += 1;
    this.#clearTimer();
    await this.#inFlight;
  }

  /** Forgets what the last session learnt (sign-out): the next start begins unknown. */
  reset(): void {
    this.#connectivity = UNKNOWN;
    this.#rateLimitedUntil = 0;
    this.#rateLimitStreak = 0;
    this.#nextDelay = this.#interval;
  }

  /**
   * Polls now, unless rate-limited. A poll already in flight may predate the
   * caller's action, so it is awaited and followed by a fresh one.
   */
  async refreshNow(): Promise<void> {
    if (!this.#running) return;
    if (this.#inFlight) await this.#inFlight;
    // Another caller started a fresh poll while we waited: share it.
    if (this.#inFlight) return this.#inFlight;
    if (this.#o.clock.now() < this.#rateLimitedUntil) return;
    return this.#run();
  }

  #run(): Promise<void> {
    this.#clearTimer();
    const generation = this.#generation;
    const poll = this.#pollOnce(generation).finally(() => {
      this.#inFlight = null;
      if (this.#running && generation === this.#generation) this.#schedule(this.#nextDelay);
    });
    this.#inFlight = poll;
    return poll;
  }

  #schedule(ms: number): void {
    this.#clearTimer();
    this.#timer = this.#o.clock.setTimeout(() => {
      this.#timer = null;
      // The loop reports its own failures through connectivity; nothing to await here.
      void this.#run();
    }, ms);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #pollOnce(generation: number): Promise<void> {
    const { source, clock } = this.#o;
    try {
      const [user, subscriptions, deployments] = await Promise.all([
        source.me(),
        source.subscriptions(),
        source.deployments(),
      ]);
      if (generation !== this.#generation) return;
      const snapshot: SnapshotView = {
        fetchedAt: new Date(clock.now()).toISOString(),
        user,
        subscription: currentSubscription(subscriptions),
        deployments,
      };
      this.#succeeded(snapshot);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#failed(error);
    }
  }

  #succeeded(snapshot: SnapshotView): void {
    const moving = snapshot.deployments.some((d) => !isFinalDeploymentStatus(d.status));
    this.#nextDelay = moving ? this.#activeInterval : this.#interval;
    this.#rateLimitStreak = 0;
    this.#rateLimitedUntil = 0;
    this.#setConnectivity({
      status: 'online',
      lastSuccessAt: snapshot.fetchedAt,
      lastError: null,
      retryAt: null,
    });
    this.#o.onSnapshot(snapshot);
  }

  #failed(error: unknown): void {
    if (error instanceof NotSignedInError) {
      this.#running = false;
      this.#generation += 1;
      this.#o.onSignedOut?.();
      return;
    }
    const { lastSuccessAt } = this.#connectivity;
    const lastError = toBridgeError(error);
    if (error instanceof ApiError && error.status === 429) {
      const now = this.#o.clock.now();
      this.#rateLimitStreak += 1;
      const backoff = Math.min(this.#interval * 2 ** this.#rateLimitStreak, MAX_BACKOFF_MS);
      const until = error.retryAt ? Math.max(error.retryAt.getTime(), now + 1_000) : now + backoff;
      this.#rateLimitedUntil = until;
      this.#nextDelay = until - now;
      const retryAt = new Date(until).toISOString();
      this.#o.logger.warn('rate-limited', { retryAt });
      this.#setConnectivity({ status: 'rate-limited', lastSuccessAt, lastError, retryAt });
      return;
    }
    this.#nextDelay = this.#interval;
    const status = isTransient(error) ? 'offline' : 'online';
    // Once per change, not every 10 s for as long as the network is gone.
    if (this.#connectivity.lastError?.code !== lastError.code) {
      this.#o.logger.warn('poll failed', { code: lastError.code, status });
    }
    this.#setConnectivity({ status, lastSuccessAt, lastError, retryAt: null });
  }

  #setConnectivity(view: ConnectivityView): void {
    this.#connectivity = view;
    this.#o.onConnectivity(view);
  }
}

/** The subscription that is in force: the first not cancelled, else the first. */
function currentSubscription(subscriptions: Subscription[]): Subscription | null {
  return subscriptions.find((s) => s.status !== 'canceled') ?? subscriptions[0] ?? null;
}

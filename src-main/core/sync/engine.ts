/**
 * The adaptive sync engine: each resource on its own schedule (deployments in
 * motion every few seconds, the list about once a minute, account and plan
 * every few minutes), inside half the plan's rate limit, backing off on
 * trouble, asleep while the system sleeps. Never two requests per resource.
 */
import type { ConnectivityView, SnapshotView } from '../../../src-shared/bridge';
import type { Deployment, Subscription, User } from '../../../src-shared/kombify-api';
import { ApiError, NotSignedInError, isTransient } from '../api/errors';
import { toBridgeError } from '../error-words';
import type { Clock, Logger } from '../ports';
import { type Random, backoffDelay, rateLimitedUntil, refreshJitter } from './backoff';
import { RequestBudget } from './budget';
import { BASE_RESOURCES, WorkingSnapshot } from './working-snapshot';

/** The reads the engine makes; ApiClient provides them. */
export interface SyncSource {
  me(): Promise<User>;
  subscriptions(): Promise<Subscription[]>;
  deployments(): Promise<Deployment[]>;
  deployment(id: string): Promise<Deployment>;
}

/** Why a refresh was asked for: only a person's own action skips the jitter and the budget. */
export type RefreshReason = 'user' | 'focus' | 'network' | 'resume';

/** Options of {@link SyncEngine}. */
export interface SyncEngineOptions {
  source: SyncSource;
  clock: Clock;
  logger: Logger;
  random?: Random;
  /** How often the deployment list is read while nothing moves. Default 60 s. */
  quietIntervalMs?: number;
  /** Shortest interval of a deployment in motion. Default 3 s. */
  activeIntervalMs?: number;
  /** A new snapshot; `away` when the last one is older than {@link AWAY_AFTER_MS}. */
  onSnapshot(snapshot: SnapshotView, context: { away: boolean }): void;
  onConnectivity(view: ConnectivityView): void;
  /** The session is gone; the engine has stopped itself. */
  onSignedOut?(): void;
}

/** Connectivity before the first sync of a session. */
export const UNKNOWN: ConnectivityView = {
  status: 'unknown',
  lastSuccessAt: null,
  lastError: null,
  retryAt: null,
};

/** A gap without news this long (sleep, offline) makes the next changes a summary. */
export const AWAY_AFTER_MS = 30 * 60_000;
/** Account and plan change rarely: read them every few minutes. */
const ACCOUNT_INTERVAL_MS = 5 * 60_000;
/** Requests per minute kept for the list, the account and the plan while deployments move. */
const BASE_RESERVE = 3;

type Outcome = { key: string; error: unknown | null };
type Block = { until: number; kind: 'rate-limited' | 'backoff' } | null;

/** Starts with `start`, ends with `stop`; between them it keeps the snapshot fresh. */
export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #random: Random;
  readonly #budget = new RequestBudget();
  readonly #due = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<Outcome>>();
  #quietMs: number;
  #working = new WorkingSnapshot(null);
  #running = false;
  #asleep = false;
  #generation = 0;
  #timer: unknown = null;
  #block: Block = null;
  #failures = 0;
  #rateLimits = 0;
  #lastSuccessAt: number | null = null;
  #connectivity: ConnectivityView = UNKNOWN;
  /** Timer callbacks run so far: what the benchmark counts as wakeups. */
  wakeups = 0;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#random = options.random ?? Math.random;
    this.#quietMs = options.quietIntervalMs ?? 60_000;
  }

  get running(): boolean {
    return this.#running;
  }

  connectivity(): ConnectivityView {
    return this.#connectivity;
  }

  /** Starts from the cached snapshot; resolves when the first sync has settled. */
  start(cached: SnapshotView | null): Promise<void> {
    if (this.#running) return this.refresh('user');
    this.#running = true;
    this.#working = new WorkingSnapshot(cached);
    this.#lastSuccessAt = cached ? Date.parse(cached.fetchedAt) : null;
    const now = this.#o.clock.now();
    for (const key of this.#keys()) this.#due.set(key, now);
    return this.#tick(true);
  }

  /** Stops, leaves no timer, and waits for requests in flight; their replies are dropped. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#generation += 1;
    this.#clearTimer();
    this.#due.clear();
    await Promise.all([...this.#inFlight.values()]);
  }

  /** Forgets what the last session learnt (sign-out): the next start begins unknown. */
  reset(): void {
    this.#connectivity = UNKNOWN;
    this.#block = null;
    this.#failures = 0;
    this.#rateLimits = 0;
    this.#budget.reset();
  }

  /** Sets how often the list is read while nothing moves (a setting). */
  setQuietInterval(ms: number): void {
    this.#quietMs = Math.max(1_000, ms);
  }

  /** The plan's per-minute limit, from `X-RateLimit-Limit` or the subscription. */
  learnRateLimit(limitPerMinute: number): void {
    this.#budget.learn({ limitPerMinute });
  }

  /** The system goes to sleep: no timer, no request until {@link resume}. */
  suspend(): void {
    this.#asleep = true;
    this.#clearTimer();
  }

  /** Back from sleep: one request per resource after a short jittered delay. */
  resume(): void {
    this.#asleep = false;
    void this.refresh('resume');
  }

  /**
   * A person's action reads every resource now (after any read of it in
   * flight) and resolves when done. Focus, network back and resume read
   * each resource once after a jittered delay. Nothing is sent while a 429 holds.
   */
  async refresh(reason: RefreshReason): Promise<void> {
    if (!this.#running || this.#asleep) return;
    const now = this.#o.clock.now();
    if (this.#block?.kind === 'rate-limited' && now < this.#block.until) return;
    if (reason !== 'focus') this.#block = null;
    if (reason !== 'user') {
      const at = now + refreshJitter(this.#random);
      for (const key of this.#keys()) {
        // A read still ahead and sooner than `at` keeps its time; one that fell due
        // during a sleep is overdue, and would otherwise skip the jitter.
        const due = this.#due.get(key);
        this.#due.set(key, due !== undefined && due > now && due < at ? due : at);
      }
      this.#schedule();
      return;
    }
    await Promise.all([...this.#inFlight.values()]);
    if (!this.#running) return;
    const start = this.#o.clock.now();
    for (const key of this.#keys()) this.#due.set(key, start);
    return this.#tick(true);
  }

  /** Every resource worth reading now: the base ones and each deployment in motion. */
  #keys(): string[] {
    return [...BASE_RESOURCES, ...this.#working.moving().map((id) => `deployment:${id}`)];
  }

  /** Reads what is due (all of it when `forced`), within the budget unless forced. */
  async #tick(forced: boolean): Promise<void> {
    this.#clearTimer();
    if (!this.#running || this.#asleep) return;
    const now = this.#o.clock.now();
    if (!forced && this.#block && now < this.#block.until) return this.#schedule();
    const keys = this.#pick(now, forced);
    const generation = this.#generation;
    const reads = keys.map((key) => this.#read(key, generation));
    this.#schedule();
    const outcomes = await Promise.all(reads);
    if (generation !== this.#generation || !this.#running) return;
    try {
      this.#settle(outcomes);
    } catch (error) {
      // A listener that throws (a full disk under the snapshot, say) must not end the
      // loop: what this round read is read again after a backoff step.
      this.#failures += 1;
      const at = this.#o.clock.now() + backoffDelay(this.#failures, this.#random);
      for (const { key } of outcomes) if (!this.#due.has(key)) this.#due.set(key, at);
      this.#o.logger.error('sync round failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    this.#schedule();
  }

  /** Due keys not in flight, deployments in motion first, cut to the budget's room. */
  #pick(now: number, forced: boolean): string[] {
    // Reads due soon ride along, so an idle minute costs one wakeup, not three.
    const soon = (key: string) => Math.min(10_000, this.#interval(key) / 4);
    const due = [...this.#due.entries()]
      .filter(([key, at]) => at <= now + soon(key) && !this.#inFlight.has(key))
      .map(([key]) => key)
      .sort((a, b) => priority(a) - priority(b));
    if (forced) return due;
    const room = Math.max(0, this.#budget.allowance - this.#budget.used(now));
    const later = due.slice(room);
    if (later.length > 0) {
      const slot = this.#budget.nextSlot(now + 1);
      for (const key of later) this.#due.set(key, slot);
    }
    return due.slice(0, room);
  }

  #read(key: string, generation: number): Promise<Outcome> {
    this.#due.delete(key);
    this.#budget.spend(this.#o.clock.now());
    const read = this.#fetch(key, generation).then(
      () => ({ key, error: null }),
      (error: unknown) => ({ key, error }),
    );
    const tracked = read.finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, tracked);
    return tracked;
  }

  async #fetch(key: string, generation: number): Promise<void> {
    const { source } = this.#o;
    const live = () => generation === this.#generation;
    if (key === 'me') {
      const user = await source.me();
      if (live()) this.#working.setUser(user);
    } else if (key === 'subscriptions') {
      const list = await source.subscriptions();
      if (!live()) return;
      this.#working.setSubscriptions(list);
      const limit = this.#working.subscription?.limits.requests_per_minute;
      if (limit) this.#budget.learn({ limitPerMinute: limit });
    } else if (key === 'deployments') {
      const list = await source.deployments();
      if (live()) this.#working.setDeployments(list);
    } else {
      await this.#fetchDeployment(key.slice('deployment:'.length), live);
    }
  }

  async #fetchDeployment(id: string, live: () => boolean): Promise<void> {
    try {
      const deployment = await this.#o.source.deployment(id);
      if (live()) this.#working.setDeployment(deployment);
    } catch (error) {
      // Gone (deleted) or no longer ours: it leaves the snapshot, which is news, not trouble.
      const gone = error instanceof ApiError && (error.status === 404 || error.status === 403);
      if (!gone) throw error;
      if (live()) this.#working.removeDeployment(id);
    }
  }

  /** Applies a finished round: next times per resource, trouble, and the new snapshot. */
  #settle(outcomes: Outcome[]): void {
    // A round that read nothing (budget spent, all in flight) says nothing about the cloud.
    if (outcomes.length === 0) return;
    const now = this.#o.clock.now();
    const failed = outcomes.filter((o) => o.error !== null);
    if (failed.some((o) => o.error instanceof NotSignedInError)) return this.#signedOut();
    for (const o of outcomes)
      if (o.error === null) this.#due.set(o.key, now + this.#interval(o.key));
    this.#trackMoving(now);
    if (failed.length > 0) this.#troubled(failed, now, failed.length < outcomes.length);
    else this.#healthy(now);
    if (outcomes.length > failed.length && this.#working.complete) {
      const away = this.#lastSuccessAt !== null && now - this.#lastSuccessAt > AWAY_AFTER_MS;
      this.#lastSuccessAt = now;
      this.#o.onSnapshot(this.#working.view(now), { away });
    }
  }

  /** Deployments that started moving get their own schedule; finished ones lose it. */
  #trackMoving(now: number): void {
    const moving = new Set(this.#working.moving().map((id) => `deployment:${id}`));
    for (const key of [...this.#due.keys()]) {
      if (key.startsWith('deployment:') && !moving.has(key)) this.#due.delete(key);
    }
    for (const key of moving) {
      if (!this.#due.has(key) && !this.#inFlight.has(key)) {
        this.#due.set(key, now + this.#interval(key));
      }
    }
  }

  #interval(key: string): number {
    if (key === 'deployments') return this.#quietMs;
    if (key === 'me' || key === 'subscriptions') {
      return this.#quietMs * Math.max(1, Math.ceil(ACCOUNT_INTERVAL_MS / this.#quietMs));
    }
    const moving = Math.max(1, this.#working.moving().length);
    const spare = Math.max(1, this.#budget.allowance - BASE_RESERVE);
    const active = this.#o.activeIntervalMs ?? 3_000;
    return Math.max(active, Math.ceil((60_000 * moving) / spare));
  }

  #healthy(now: number): void {
    this.#failures = 0;
    this.#rateLimits = 0;
    this.#block = null;
    this.#setConnectivity({
      status: 'online',
      lastSuccessAt: new Date(now).toISOString(),
      lastError: null,
      retryAt: null,
    });
  }

  /** Some reads failed; `answered` when others in the same round got a real reply. */
  #troubled(failed: Outcome[], now: number, answered: boolean): void {
    const limited = failed.find((o) => o.error instanceof ApiError && o.error.status === 429);
    const error = (limited ?? failed[0])?.error;
    const lastError = toBridgeError(error);
    const lastSuccessAt = answered ? new Date(now).toISOString() : this.#lastAnswerAt();
    let until: number;
    if (limited) {
      this.#rateLimits += 1;
      const retryAt = (limited.error as ApiError).retryAt;
      until = rateLimitedUntil(retryAt, now, this.#rateLimits, this.#random);
      this.#block = { until, kind: 'rate-limited' };
      const retryIso = new Date(until).toISOString();
      this.#o.logger.warn('rate-limited', { retryAt: retryIso });
      this.#setConnectivity({
        status: 'rate-limited',
        lastSuccessAt,
        lastError,
        retryAt: retryIso,
      });
    } else {
      this.#failures += 1;
      until = now + backoffDelay(this.#failures, this.#random);
      this.#block = { until, kind: 'backoff' };
      // No answer, or the cloud's own failure (5xx): not reachable in any useful way.
      const down = isTransient(error) || (error instanceof ApiError && error.status >= 500);
      const status = down && !answered ? 'offline' : 'online';
      // Once per change, not on every retry for as long as the network is gone.
      if (this.#connectivity.lastError?.code !== lastError.code) {
        this.#o.logger.warn('sync failed', { code: lastError.code, status });
      }
      this.#setConnectivity({ status, lastSuccessAt, lastError, retryAt: null });
    }
    for (const o of failed) this.#due.set(o.key, until);
  }

  /** When the cloud last answered: this session's connectivity, else the cached snapshot. */
  #lastAnswerAt(): string | null {
    if (this.#connectivity.lastSuccessAt) return this.#connectivity.lastSuccessAt;
    return this.#lastSuccessAt === null ? null : new Date(this.#lastSuccessAt).toISOString();
  }

  #signedOut(): void {
    this.#running = false;
    this.#generation += 1;
    this.#clearTimer();
    this.#due.clear();
    this.#o.onSignedOut?.();
  }

  /** One timer, for the earliest due resource not in flight (or the end of a block). */
  #schedule(): void {
    this.#clearTimer();
    if (!this.#running || this.#asleep) return;
    let next = Infinity;
    for (const [key, at] of this.#due) if (!this.#inFlight.has(key)) next = Math.min(next, at);
    if (next === Infinity) return;
    if (this.#block) next = Math.max(next, this.#block.until);
    const delay = Math.max(0, next - this.#o.clock.now());
    this.#timer = this.#o.clock.setTimeout(() => {
      this.#timer = null;
      this.wakeups += 1;
      // The loop reports its own failures through connectivity; nothing to await here.
      void this.#tick(false);
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #setConnectivity(view: ConnectivityView): void {
    this.#connectivity = view;
    this.#o.onConnectivity(view);
  }
}

function priority(key: string): number {
  if (key.startsWith('deployment:')) return 0;
  return 1 + BASE_RESOURCES.indexOf(key as (typeof BASE_RESOURCES)[number]);
}

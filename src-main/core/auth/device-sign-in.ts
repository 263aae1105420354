/**
 * Device sign-in (RFC 8628) for machines whose browser cannot reach the
 * loopback: the window shows a code and a link, and the app polls the token
 * endpoint as often as the issuer allows (slower after `slow_down`, on after
 * a network error, less often while timeouts, 5xx or 429 last, stopped at
 * expiry, refusal or cancel).
 */
import type { SignInFlowView } from '../../../src-shared/bridge';
import { ApiError, TimeoutError, isTransient } from '../api/errors';
import type { Clock, Logger } from '../ports';
import { describe } from '../token-vault';
import type { DeviceStart, Grant, OidcAuth } from './oidc';
import { signInCancelled, signInDenied, signInTimedOut } from './sign-in-errors';

/** The issuer calls a device sign-in needs. */
export type DeviceIssuer = Pick<OidcAuth, 'startDevice' | 'pollDevice'>;

/** Options of {@link DeviceSignIn}. */
export interface DeviceSignInOptions {
  issuer: DeviceIssuer;
  clock: Clock;
  logger: Logger;
}

/** RFC 8628 §3.5: after `slow_down` the interval grows by 5 s for good. */
const SLOW_DOWN_STEP_S = 5;
/** Longest wait between polls while the issuer is in trouble (the code lives ~10 min). */
const MAX_TROUBLE_WAIT_MS = 60_000;

/** One device sign-in; `done` settles once with the grant or a BridgeFailure. */
export class DeviceSignIn {
  readonly done: Promise<Grant>;
  readonly #o: DeviceSignInOptions;
  #resolve!: (grant: Grant) => void;
  #reject!: (error: Error) => void;
  #start: DeviceStart | null = null;
  #intervalS = 5;
  /** Timeouts, 5xx and 429 in a row: each doubles the wait until the issuer answers again. */
  #troubles = 0;
  #timer: unknown = null;
  #ended = false;

  constructor(options: DeviceSignInOptions) {
    this.#o = options;
    this.done = new Promise<Grant>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.done.catch(() => undefined);
  }

  /** The code and link to show; null until the issuer answered. */
  view(): SignInFlowView | null {
    const s = this.#start;
    if (!s || this.#ended) return null;
    return {
      method: 'device',
      status: 'waiting',
      userCode: s.userCode,
      verificationUri: s.verificationUri,
      ...(s.verificationUriComplete ? { verificationUriComplete: s.verificationUriComplete } : {}),
      expiresAt: new Date(s.expiresAt).toISOString(),
    };
  }

  /** Asks the issuer for a code and starts polling; a failure ends the flow and is thrown. */
  async start(): Promise<void> {
    let start: DeviceStart;
    try {
      start = await this.#o.issuer.startDevice();
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)), 'could not start');
      throw error;
    }
    if (this.#ended) return;
    this.#start = start;
    this.#intervalS = Math.max(1, start.intervalSeconds);
    this.#o.logger.info('device sign-in started', { intervalSeconds: this.#intervalS });
    this.#schedule();
  }

  /** Stops polling; the code is abandoned at the issuer and expires there. */
  async cancel(): Promise<void> {
    this.#fail(signInCancelled(), 'cancelled');
  }

  /** The next poll after `waitMs`, but no later than the code's expiry, where the flow ends. */
  #schedule(waitMs = this.#intervalS * 1000): void {
    if (this.#ended || !this.#start) return;
    const untilExpiry = Math.max(0, this.#start.expiresAt - this.#o.clock.now());
    this.#timer = this.#o.clock.setTimeout(() => void this.#poll(), Math.min(waitMs, untilExpiry));
  }

  async #poll(): Promise<void> {
    this.#timer = null;
    const start = this.#start;
    if (this.#ended || !start) return;
    if (this.#o.clock.now() >= start.expiresAt) {
      this.#fail(signInTimedOut(), 'code expired');
      return;
    }
    try {
      const grant = await this.#o.issuer.pollDevice(start.deviceCode);
      if (this.#ended) return;
      this.#ended = true;
      this.#o.logger.info('device sign-in finished');
      this.#resolve(grant);
    } catch (error) {
      this.#polledWith(error);
    }
  }

  #polledWith(error: unknown): void {
    if (this.#ended) return;
    const code = error instanceof ApiError ? error.code : null;
    if (code === 'authorization_pending') {
      this.#troubles = 0;
      this.#schedule();
    } else if (code === 'slow_down') {
      this.#troubles = 0;
      this.#intervalS += SLOW_DOWN_STEP_S;
      this.#o.logger.info('issuer asked to poll slower', { intervalSeconds: this.#intervalS });
      this.#schedule();
    } else if (troubled(error)) {
      // RFC 8628 §3.5: after a timeout, poll less often (doubling); 5xx and 429 alike.
      this.#troubles += 1;
      const doubled = this.#intervalS * 1000 * 2 ** this.#troubles;
      let waitMs = Math.min(MAX_TROUBLE_WAIT_MS, doubled);
      const retryAt = error instanceof ApiError ? error.retryAt?.getTime() : undefined;
      if (retryAt !== undefined) waitMs = Math.max(waitMs, retryAt - this.#o.clock.now());
      this.#o.logger.info('token endpoint in trouble; polling later', {
        error: describe(error),
        waitMs,
      });
      this.#schedule(waitMs);
    } else if (isTransient(error)) {
      // No answer at all (refused, reset): keep the interval, the network may be back soon.
      this.#schedule();
    } else if (code === 'expired_token') {
      this.#fail(signInTimedOut(), 'code expired');
    } else if (code === 'access_denied') {
      this.#fail(signInDenied(null), 'refused');
    } else {
      this.#fail(error instanceof Error ? error : new Error(String(error)), 'poll failed');
    }
  }

  #fail(error: Error, why: string): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#o.logger.info('device sign-in ended', { why, error: describe(error) });
    this.#reject(error);
  }
}

/** The issuer is slow or overloaded: a timeout, a 5xx or a 429 (RFC 8628 §3.5). */
function troubled(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429);
}

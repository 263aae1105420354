/**
 * Runs the four ways to sign in against one session. At most one browser or
 * device flow exists at a time: starting any sign-in cancels the one under
 * way, and its listener is closed before a new one is bound.
 */
import type { SignInFlowView, SignInMethod } from '../../../src-shared/bridge';
import { ApiError } from '../api/errors';
import type { Words } from '../i18n';
import type { BrowserOpener, Clock, Logger, LoopbackListener } from '../ports';
import type { Session } from '../session';
import { BrowserSignIn, type CodeIssuer } from './browser-sign-in';
import { DeviceSignIn, type DeviceIssuer } from './device-sign-in';
import { apiKeyRefused, signInNotSupported } from './sign-in-errors';

/** Options of {@link SignIns}; getters because the environment (and so both) can change. */
export interface SignInsOptions {
  session: () => Session;
  issuer: () => CodeIssuer & DeviceIssuer;
  listener?: LoopbackListener;
  browser?: BrowserOpener;
  clock: Clock;
  logger: Logger;
  /** Browser sign-in gives up after this long. Default 5 min. */
  browserTimeoutMs?: number;
  /** Loopback port to try first; 0 lets the system choose. */
  loopbackPort?: number;
  /** Called when the flow view changes. */
  onChange: () => void;
  /** The language of the pages the browser sign-in shows; English when absent. */
  words?: () => Words;
}

type Flow = BrowserSignIn | DeviceSignIn;

/** The sign-in flows of one app. */
export class SignIns {
  readonly #o: SignInsOptions;
  #flow: Flow | null = null;

  constructor(options: SignInsOptions) {
    this.#o = options;
  }

  /**
   * The ways to sign in here, the recommended first: the browser where this host can
   * open one and listen for its answer, else email and password.
   */
  methods(): SignInMethod[] {
    const { listener, browser } = this.#o;
    return listener && browser
      ? ['browser', 'device', 'password', 'api-key']
      : ['password', 'device', 'api-key'];
  }

  /** The flow under way, for the window; null when none. */
  view(): SignInFlowView | null {
    return this.#flow?.view() ?? null;
  }

  /** Email and password; cancels a flow under way first. */
  async password(email: string, password: string): Promise<void> {
    await this.cancel();
    await this.#o.session().signIn(email, password);
  }

  /** An API key, checked against the API before it is kept. */
  async apiKey(key: string): Promise<void> {
    await this.cancel();
    try {
      await this.#o.session().signInWithApiKey(key);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw apiKeyRefused();
      throw error;
    }
  }

  /** Browser sign-in; resolves when signed in, rejects with a BridgeFailure otherwise. */
  async browser(): Promise<void> {
    const { listener, browser } = this.#o;
    if (!listener || !browser) throw signInNotSupported('browser');
    const flow = new BrowserSignIn({
      issuer: this.#o.issuer(),
      listener,
      browser,
      clock: this.#o.clock,
      logger: this.#o.logger,
      timeoutMs: this.#o.browserTimeoutMs,
      port: this.#o.loopbackPort,
      onChange: () => this.#o.onChange(),
      words: this.#o.words,
    });
    await this.#run(flow, 'browser');
  }

  /** Device-code sign-in; the window shows the code from {@link view} meanwhile. */
  async device(): Promise<void> {
    const flow = new DeviceSignIn({
      issuer: this.#o.issuer(),
      clock: this.#o.clock,
      logger: this.#o.logger,
    });
    await this.#run(flow, 'device');
  }

  /** Cancels the flow under way; resolves once its listener is closed. */
  async cancel(): Promise<void> {
    const flow = this.#flow;
    if (!flow) return;
    this.#flow = null;
    await flow.cancel();
    this.#o.onChange();
  }

  async #run(flow: Flow, method: 'browser' | 'device'): Promise<void> {
    const previous = this.#flow;
    this.#flow = flow;
    // Only one listener at a time: the previous one is closed before this one binds.
    if (previous) await previous.cancel();
    try {
      if (this.#flow === flow) await flow.start();
      this.#o.onChange();
      const grant = await flow.done;
      await this.#o.session().signInWithGrant(grant, method);
    } finally {
      if (this.#flow === flow) {
        this.#flow = null;
        this.#o.onChange();
      }
    }
  }
}

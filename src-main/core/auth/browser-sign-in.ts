/**
 * Browser sign-in (RFC 8252): authorization code with PKCE in the system
 * browser, redirected to a one-shot listener on 127.0.0.1. The listener
 * answers only its callback path, accepts one valid callback, and closes on
 * success, failure, cancel or timeout; its state and verifier die with it.
 */
import type { SignInFlowView } from '../../../src-shared/bridge';
import {
  type BrowserOpener,
  type Clock,
  type Logger,
  type LoopbackListener,
  type LoopbackReply,
  type LoopbackRequest,
  type LoopbackServer,
  PortInUseError,
} from '../ports';
import type { Words } from '../i18n';
import { describe } from '../token-vault';
import { isIssuerPage } from './issuer';
import { type CodeChecks, type Grant, OidcAuth } from './oidc';
import { type ReturnPageKind, returnPage } from './return-page';
import {
  browserDidNotOpen,
  signInCancelled,
  signInDenied,
  signInPageRefused,
  signInStateMismatch,
  signInTimedOut,
} from './sign-in-errors';

/** The issuer calls a browser sign-in needs. */
export type CodeIssuer = Pick<OidcAuth, 'issuer' | 'authorizationUrl' | 'exchangeCode'>;

/** Options of {@link BrowserSignIn}. */
export interface BrowserSignInOptions {
  issuer: CodeIssuer;
  listener: LoopbackListener;
  browser: BrowserOpener;
  clock: Clock;
  logger: Logger;
  /** Give up after this long. Default 5 min. */
  timeoutMs?: number;
  /** Port to try first; 0 (default) lets the system choose. A taken port falls back to 0. */
  port?: number;
  /** The view changed: the sign-in address is known (shown before the browser is asked). */
  onChange?: () => void;
  /** The language the pages in the browser speak when they are shown; English when absent. */
  words?: () => Words;
}

export const CALLBACK_PATH = '/callback';
/** How long the browser's page waits for the code exchange before it promises nothing. */
const PAGE_WAIT_MS = 10_000;

/** One browser sign-in; `done` settles once with the grant or a BridgeFailure. */
export class BrowserSignIn {
  readonly done: Promise<Grant>;
  readonly #o: BrowserSignInOptions;
  readonly #startedAt: string;
  #resolve!: (grant: Grant) => void;
  #reject!: (error: Error) => void;
  #server: LoopbackServer | null = null;
  /** The bind in progress, so a cancel during it still closes what it binds. */
  #listening: Promise<LoopbackServer> | null = null;
  #checks: CodeChecks | null = null;
  /** The issuer's sign-in page while the flow waits; forgotten when it ends. */
  #url: string | null = null;
  #timer: unknown = null;
  #ended = false;
  /** The code exchange under way or done; a second callback waits for the same one. */
  #exchanged: Promise<boolean> | null = null;

  constructor(options: BrowserSignInOptions) {
    this.#o = options;
    this.#startedAt = new Date(options.clock.now()).toISOString();
    this.done = new Promise<Grant>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Callers may only look at `done` after start(); an early end must not be unhandled.
    this.done.catch(() => undefined);
  }

  /** What the window shows while the browser is out. */
  view(): SignInFlowView {
    const view: SignInFlowView = {
      method: 'browser',
      status: 'waiting',
      startedAt: this.#startedAt,
    };
    return this.#url ? { ...view, url: this.#url } : view;
  }

  /** Binds the listener and opens the browser; failures end the flow and are thrown. */
  async start(): Promise<void> {
    try {
      this.#listening = this.#listen();
      const server = await this.#listening;
      this.#server = server;
      if (this.#ended) {
        await this.#closeServer();
        return;
      }
      const redirect = `http://127.0.0.1:${server.port}${CALLBACK_PATH}`;
      const checks = OidcAuth.newChecks(redirect);
      this.#checks = checks;
      const url = await this.#o.issuer.authorizationUrl(checks);
      if (this.#ended) return;
      // Discovery is read from the network: a sign-in page elsewhere is neither shown nor opened.
      if (!isIssuerPage(url, this.#o.issuer.issuer)) {
        this.#o.logger.warn('sign-in page is not at the issuer; not opened', {
          issuer: this.#o.issuer.issuer,
        });
        throw signInPageRefused(this.#o.issuer.issuer);
      }
      // On screen before the browser is asked: an opener that hangs or shows nothing leaves the link.
      this.#url = url;
      this.#o.onChange?.();
      this.#timer = this.#o.clock.setTimeout(
        () => this.#fail(signInTimedOut(), 'timed out'),
        this.#o.timeoutMs ?? 5 * 60_000,
      );
      this.#o.logger.info('browser sign-in started', { port: server.port });
      // An opener that never settles must not hold the flow: the address is on screen,
      // and a callback that comes meanwhile still ends the wait.
      const ended = this.done.then(
        () => undefined,
        () => undefined,
      );
      await Promise.race([this.#openBrowser(url), ended]);
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)), 'could not start');
      throw error;
    }
  }

  async #openBrowser(url: string): Promise<void> {
    try {
      await this.#o.browser.open(url, this.#o.issuer.issuer);
    } catch (error) {
      this.#o.logger.warn('system browser did not open', { error: describe(error) });
      throw browserDidNotOpen();
    }
  }

  /** Ends the flow: the listener closes, a late callback is refused. Resolves once closed. */
  async cancel(): Promise<void> {
    this.#fail(signInCancelled(), 'cancelled');
    // A bind still under way finishes first, so its listener is closed before we return.
    await this.#listening?.catch(() => null);
    await this.#closeServer();
  }

  async #listen(): Promise<LoopbackServer> {
    const handle = (request: LoopbackRequest) => this.#handle(request);
    const port = this.#o.port ?? 0;
    try {
      return await this.#o.listener.listen(port, handle);
    } catch (error) {
      if (!(error instanceof PortInUseError) || port === 0) throw error;
      this.#o.logger.info('loopback port taken; letting the system choose', { port });
      return this.#o.listener.listen(0, handle);
    }
  }

  #handle(request: LoopbackRequest): LoopbackReply | Promise<LoopbackReply> {
    if (request.url.pathname !== CALLBACK_PATH) return { status: 404, html: this.#page('missing') };
    const params = request.url.searchParams;
    const checks = this.#checks;
    if (this.#ended || !checks) return { status: 400, html: this.#page('over') };
    if (!params.has('state') && !params.has('code') && !params.has('error')) {
      return { status: 400, html: this.#page('incomplete') };
    }
    // A callback after the one being exchanged (a reload, a double redirect): one exchange only.
    if (this.#exchanged) return this.#pageAfter(this.#exchanged);
    if (params.get('state') !== checks.state) {
      this.#fail(signInStateMismatch(), 'state mismatch');
      return { status: 400, html: this.#page('mismatch') };
    }
    const error = params.get('error');
    if (error !== null) {
      this.#exchanged = Promise.resolve(false);
      this.#fail(signInDenied(params.get('error_description') ?? error), 'refused');
      return { status: 200, html: this.#page('denied') };
    }
    this.#exchanged = this.#exchange(new URL(request.url), checks);
    return this.#pageAfter(this.#exchanged);
  }

  /**
   * The page waits for the code exchange, so it never says "signed in" for a
   * sign-in that then failed; a slow exchange gets a page that promises nothing.
   */
  async #pageAfter(exchanged: Promise<boolean>): Promise<LoopbackReply> {
    let timer: unknown = null;
    const slow = new Promise<'slow'>((resolve) => {
      timer = this.#o.clock.setTimeout(() => resolve('slow'), PAGE_WAIT_MS);
    });
    const outcome = await Promise.race([exchanged, slow]);
    this.#o.clock.clearTimeout(timer);
    if (outcome === 'slow') return { status: 200, html: this.#page('finishing') };
    return outcome
      ? { status: 200, html: this.#page('done') }
      : { status: 200, html: this.#page('failed') };
  }

  #page(kind: ReturnPageKind): string {
    return returnPage(kind, this.#o.words?.());
  }

  /** Resolves true once the grant is handed over, false when the exchange failed. */
  async #exchange(callback: URL, checks: CodeChecks): Promise<boolean> {
    try {
      const grant = await this.#o.issuer.exchangeCode(callback, checks);
      if (this.#ended) return false;
      this.#settle();
      this.#o.logger.info('browser sign-in finished');
      this.#resolve(grant);
      return true;
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)), 'exchange failed');
      return false;
    }
  }

  #fail(error: Error, why: string): void {
    if (this.#ended) return;
    this.#settle();
    this.#o.logger.info('browser sign-in ended', { why, error: describe(error) });
    this.#reject(error);
  }

  /** Forgets the checks, stops the timer and closes the listener: nothing outlives the flow. */
  #settle(): void {
    this.#ended = true;
    this.#checks = null;
    this.#url = null;
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
    void this.#closeServer();
  }

  async #closeServer(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    try {
      await server.close();
    } catch (error) {
      this.#o.logger.warn('loopback listener did not close', { error: describe(error) });
    }
  }
}

/**
 * The signed-in session: tokens in memory, mirrored as one JSON secret in the
 * keychain under an account that names the environment. Refresh is proactive,
 * single-flight and backs off after trouble; only the server's word that the
 * refresh token is dead ends the session, never a network error, 5xx or odd 4xx.
 *
 * Operations overlap (a sign-in while a slow sign-out still waits for the server, a
 * refresh that answers after a new sign-in): the person's operations are numbered as
 * they start, and one that finishes after a later one has decided changes nothing.
 * Every keychain save and delete is checked against the session as it is when the
 * call runs, so the keychain always ends up holding what the window shows.
 */
import type { KeychainView, SessionView } from '../../src-shared/bridge';
import type { TokenResponse } from '../../src-shared/kombify-api';
import type { AccessTokenProvider, AuthApi } from './api/client';
import { ApiError, NotSignedInError, RenewalFailedError, isTransient } from './api/errors';
import type { Grant } from './auth/oidc';
import { ENGLISH, type Words, count } from './i18n';
import type { Clock, Logger, SecretStore } from './ports';
import { type Random, backoffDelay } from './sync/backoff';
import { type Tokens, TokenVault, describe } from './token-vault';

/** The keychain account for an environment, so endpoints never share credentials. */
export function keychainAccount(
  environment: { name: string; apiUrl: string },
  scope?: string,
): string {
  const account = `${environment.name}|${environment.apiUrl}`;
  return scope ? `${account}|${scope}` : account;
}

/** Why a session ended without the person asking (in English; see `SessionOptions.words`). */
export const SESSION_ENDED_REASON = ENGLISH.t.session.ended;

/** Why an API-key session ended (in English). */
export const API_KEY_REFUSED_REASON = ENGLISH.t.session.apiKeyRefused;

/** The issuer's side of browser and device sessions; kept narrow so tests can fake it. */
export interface IssuerApi {
  refresh(refreshToken: string): Promise<Grant>;
  revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void>;
}

/** Options of {@link Session}. */
export interface SessionOptions {
  /** Keychain account, from {@link keychainAccount}. */
  account: string;
  secrets: SecretStore;
  api: AuthApi;
  /** The OIDC issuer, for sessions from browser or device sign-in. */
  issuer?: IssuerApi;
  clock: Clock;
  logger: Logger;
  /** Jitter of the wait before a failed refresh is tried again; tests pin it. */
  random?: Random;
  /** Time box for every keychain call. Default 3 s. */
  keychainTimeoutMs?: number;
  /** Called after every change of session or keychain status. */
  onChange?: () => void;
  /** Called once per session when it will end soon and cannot be refreshed. */
  onExpiring?: (warning: string) => void;
  /** The language reasons and warnings are worded in, when they arise; English when absent. */
  words?: () => Words;
}

/** Refresh this long before expiry: 20 % of the lifetime, at most 60 s. */
function refreshMargin(tokens: Tokens): number {
  return Math.min(60_000, 0.2 * Math.max(0, tokens.expiresAt - tokens.obtainedAt));
}

/** Warn this long before an unrefreshable session ends: 5 min, or half a shorter lifetime. */
function warningLead(tokens: Tokens): number {
  return Math.min(5 * 60_000, 0.5 * Math.max(0, tokens.expiresAt - tokens.obtainedAt));
}

/** One refresh under way: the issuer's answer (`renewed`), and its adoption (`promise`). */
interface Flight {
  tokens: Tokens;
  renewed: Promise<Tokens>;
  promise: Promise<Tokens>;
}

/**
 * True when a failed refresh means the session is over at the server. The password
 * API answers 401 INVALID_TOKEN for a refresh token that is invalid, expired or
 * reused; an OAuth issuer answers `invalid_grant` (RFC 6749 §5.2). Anything else
 * (invalid_client, a proxy's 400, 5xx, no answer) is trouble to retry later.
 */
function sessionOver(error: unknown, method: Tokens['method']): boolean {
  if (!(error instanceof ApiError)) return false;
  if (method === 'password') return error.status === 401 && error.code === 'INVALID_TOKEN';
  return error.code === 'invalid_grant';
}

/** API keys do not expire on their own; this stands for "never" and survives JSON. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Sign-in state and tokens; the only holder of secrets in the core. */
export class Session implements AccessTokenProvider {
  readonly #o: SessionOptions;
  readonly #vault: TokenVault;
  #tokens: Tokens | null = null;
  #view: SessionView = { status: 'signed-out' };
  #refreshing: Flight | null = null;
  /** The last refresh of the current tokens failed without a refusal (offline). */
  #refreshFailing = false;
  /** Failed refreshes of the current tokens in a row, and when to try the next one. */
  #refreshFailures = 0;
  #nextRefreshAt = 0;
  #warningTimer: unknown = null;
  /** Numbers of the person's operations (sign-in, sign-out, restore): the last one started. */
  #started = 0;
  /** The number of the operation whose outcome the session shows now. */
  #decided = 0;
  /** Sign-ins still waiting for their answer, and what to show again if all of them fail. */
  #signingIn = 0;
  #beforeSigningIn: SessionView = { status: 'signed-out' };

  constructor(options: SessionOptions) {
    this.#o = options;
    this.#vault = new TokenVault({
      account: options.account,
      secrets: options.secrets,
      clock: options.clock,
      logger: options.logger,
      timeoutMs: options.keychainTimeoutMs ?? 3_000,
    });
  }

  /** What the window may know: status and email, never a token. */
  view(): SessionView {
    return this.#view;
  }

  keychain(): KeychainView {
    return this.#vault.status();
  }

  /** Abandons keychain calls still waiting (at quit); tokens in memory are kept. */
  close(): void {
    this.#clearWarning();
    this.#vault.close();
  }

  get signedIn(): boolean {
    return this.#tokens !== null;
  }

  /** Reads the stored sign-in. A keychain that fails leaves the person signed out, told why. */
  async restore(): Promise<void> {
    const op = ++this.#started;
    const since = this.#decided;
    // 'restoring' while the keychain answers lets the tray show the cached glance meanwhile.
    this.#set({ status: 'restoring' });
    // The person signed in or out while the keychain was slow: that wins over what it held.
    const stillDeciding = () => this.#decided === since;
    const stored = await this.#vault.read(stillDeciding);
    if (!stillDeciding()) return;
    this.#decided = op;
    if (stored) {
      this.#o.logger.info('sign-in restored from the keychain', { method: stored.method });
      this.#adopt(stored);
      this.#changed();
    } else {
      this.#settle({ status: 'signed-out' });
    }
  }

  /** Email/password sign-in. On failure the previous state is kept and the error thrown. */
  async signIn(email: string, password: string): Promise<void> {
    await this.#signInWith(async () => {
      const reply = await this.#o.api.login(email, password);
      return this.#tokensFrom(reply, email);
    });
  }

  /** Adopts the tokens of a finished browser or device sign-in. */
  async signInWithGrant(grant: Grant, method: 'browser' | 'device'): Promise<void> {
    await this.#signInWith(async () => {
      const email =
        grant.email ?? (await this.#o.api.identify({ bearer: grant.accessToken })).email;
      return {
        email,
        method,
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: grant.expiresAt,
        obtainedAt: this.#o.clock.now(),
      };
    });
  }

  /** Checks the key against the API, then keeps it like a token that never expires. */
  async signInWithApiKey(apiKey: string): Promise<void> {
    await this.#signInWith(async () => {
      const user = await this.#o.api.identify({ apiKey });
      return {
        email: user.email,
        method: 'api-key',
        accessToken: apiKey,
        refreshToken: null,
        expiresAt: NEVER,
        obtainedAt: this.#o.clock.now(),
      };
    });
  }

  async #signInWith(obtain: () => Promise<Tokens>): Promise<void> {
    const op = ++this.#started;
    if (!this.signedIn && this.#view.status !== 'signing-in') {
      this.#beforeSigningIn = this.#view;
      this.#set({ status: 'signing-in' });
    }
    this.#signingIn += 1;
    let tokens: Tokens;
    try {
      tokens = await obtain();
    } catch (error) {
      this.#signingIn -= 1;
      // Only the last sign-in under way puts back what was shown; a sign-in or sign-out
      // that finished meanwhile has already shown its own outcome.
      if (this.#signingIn === 0 && this.#view.status === 'signing-in') {
        this.#set(this.#beforeSigningIn);
      }
      throw error;
    }
    this.#signingIn -= 1;
    if (op < this.#decided) {
      // The person signed out, or in again, after this sign-in started: that stands. This
      // session must not stay valid on the server with nobody holding it.
      this.#o.logger.info('a sign-in finished after a later sign-in or sign-out; ending it', {
        method: tokens.method,
      });
      await this.#tryToEnd(tokens, 'the overtaken sign-in');
      return;
    }
    this.#decided = op;
    const replaced = this.#tokens;
    this.#adopt(tokens);
    this.#o.logger.info('signed in', { method: tokens.method });
    // A sign-in is the person's explicit action: try the keychain again even if it failed before.
    await this.#vault.write(tokens, true, () => this.#tokens === tokens);
    this.#changed();
    // The session this one replaces (a second sign-in, or one that lost a race) must not
    // stay valid on the server with nobody holding it.
    if (replaced && replaced.accessToken !== tokens.accessToken) {
      await this.#endAtServer(replaced, 'the replaced session');
    }
  }

  /** Ends the session on the server (whenever it can be reached), forgets it, wipes the keychain. */
  async signOut(): Promise<void> {
    this.#decided = ++this.#started;
    const tokens = this.#tokens;
    this.#forget();
    this.#set({ status: 'signed-out' });
    this.#o.logger.info('signed out');
    // Wiped while kombify is asked, not after: the server may be slow. A sign-in made
    // before the delete gets its turn is the session then, and its entry stays.
    const wiping = this.#vault.wipe(() => this.#tokens === null);
    if (tokens) await this.#endAtServer(tokens, 'the session');
    await wiping;
    this.#changed();
  }

  async accessToken(): Promise<string> {
    const tokens = this.#requireTokens();
    if (!tokens.refreshToken) return tokens.accessToken;
    const now = this.#o.clock.now();
    if (now < tokens.expiresAt - refreshMargin(tokens)) return tokens.accessToken;
    // A refresh failed lately: the token is still valid, so use it until the retry is due.
    if (now < tokens.expiresAt && now < this.#nextRefreshAt) return tokens.accessToken;
    try {
      return (await this.#refreshShared(tokens)).accessToken;
    } catch (error) {
      // Trouble near expiry (offline, 5xx, a refusal that is not the end): the old token
      // still works until it expires, so use it; the refresh is tried again later.
      const kept = !(error instanceof NotSignedInError) && this.#tokens === tokens;
      if (kept && this.#o.clock.now() < tokens.expiresAt) return tokens.accessToken;
      throw error;
    }
  }

  async refreshAfterRejection(rejected: string): Promise<string> {
    const tokens = this.#requireTokens();
    // Another caller already replaced the rejected token: use the new one, no second refresh.
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    if (!tokens.refreshToken) {
      const { session: say } = this.#words().t;
      const reason = tokens.method === 'api-key' ? say.apiKeyRefused : say.ended;
      this.#o.logger.warn('credential refused and cannot be refreshed; signing out', {
        method: tokens.method,
      });
      await this.#end(reason);
      throw new NotSignedInError(reason);
    }
    return (await this.#refreshShared(tokens)).accessToken;
  }

  isApiKey(token: string): boolean {
    return this.#tokens?.method === 'api-key' && this.#tokens.accessToken === token;
  }

  #requireTokens(): Tokens {
    if (this.#tokens) return this.#tokens;
    throw new NotSignedInError(this.#view.status === 'signed-out' ? this.#view.reason : undefined);
  }

  /** Single flight per token set: everyone who needs a refresh meanwhile waits for one. */
  #refreshShared(tokens: Tokens): Promise<Tokens> {
    // A refresh still running for a session since replaced must not be joined.
    if (this.#refreshing?.tokens === tokens) return this.#refreshing.promise;
    const renewed = this.#renew(tokens);
    // Read by #refresh, and by a sign-out that lands meanwhile (#endAtServer).
    renewed.catch(() => undefined);
    const flight: Flight = {
      tokens,
      renewed,
      promise: this.#refresh(tokens, renewed).finally(() => {
        if (this.#refreshing === flight) this.#refreshing = null;
      }),
    };
    this.#refreshing = flight;
    return flight.promise;
  }

  async #refresh(tokens: Tokens, renewed: Promise<Tokens>): Promise<Tokens> {
    let next: Tokens;
    try {
      next = await renewed;
    } catch (error) {
      // A refusal for a session already replaced says nothing about the current one.
      if (this.#tokens !== tokens) throw new NotSignedInError();
      if (sessionOver(error, tokens.method)) {
        this.#o.logger.warn('refresh refused; signing out', { code: (error as ApiError).code });
        const reason = this.#words().t.session.ended;
        await this.#end(reason);
        throw new NotSignedInError(reason);
      }
      const retryInMs = this.#backOffRefresh(error);
      this.#o.logger.info('refresh failed; keeping the session and trying again later', {
        error: describe(error),
        retryInMs,
      });
      this.#refreshFailing = true;
      this.#scheduleWarning(tokens);
      // A refusal that does not end the session must not read as "session ended" (a 401).
      const clientError = error instanceof ApiError && error.status < 500 && error.status !== 429;
      throw clientError ? new RenewalFailedError(error) : error;
    }
    // Signed out (or signed in anew) while the refresh was in flight: do not resurrect.
    // Whoever ended the session ends these new tokens at the server (#endAtServer).
    if (this.#tokens !== tokens) throw new NotSignedInError();
    this.#adopt(next);
    // Stored before anyone retries: the old refresh token is dead once used.
    await this.#vault.write(next, false, () => this.#tokens === next);
    this.#o.logger.debug('tokens refreshed', { method: next.method });
    this.#changed();
    return next;
  }

  /** Sets when the next refresh may be tried: capped exponential backoff, or the server's Retry-After. */
  #backOffRefresh(error: unknown): number {
    this.#refreshFailures += 1;
    const now = this.#o.clock.now();
    let wait = backoffDelay(this.#refreshFailures, this.#o.random ?? Math.random);
    const retryAt = error instanceof ApiError ? error.retryAt?.getTime() : undefined;
    if (retryAt !== undefined && retryAt - now > wait) wait = retryAt - now;
    this.#nextRefreshAt = now + wait;
    return wait;
  }

  /** One refresh through the service that issued the tokens. */
  async #renew(tokens: Tokens): Promise<Tokens> {
    const refreshToken = tokens.refreshToken ?? '';
    if (tokens.method === 'password') {
      return this.#tokensFrom(await this.#o.api.refresh(refreshToken), tokens.email);
    }
    const grant = await this.#requireIssuer().refresh(refreshToken);
    return {
      email: tokens.email,
      method: tokens.method,
      accessToken: grant.accessToken,
      // An issuer that does not rotate keeps the old refresh token valid.
      refreshToken: grant.refreshToken ?? refreshToken,
      expiresAt: grant.expiresAt,
      obtainedAt: this.#o.clock.now(),
    };
  }

  /**
   * Ends a session this app no longer holds at the service that issued it. Never
   * throws: only a server that cannot be reached leaves it to expire there, and the
   * log says so. A refresh of it still under way is waited for, and its tokens ended.
   */
  async #endAtServer(tokens: Tokens, what: string): Promise<void> {
    const flight = this.#refreshing?.tokens === tokens ? this.#refreshing : null;
    // Not awaited: the person is signed out already, and the refresh may take its full time box.
    if (flight) void this.#endAfterRefresh(flight, what);
    else await this.#tryToEnd(tokens, what);
  }

  async #endAfterRefresh(flight: Flight, what: string): Promise<void> {
    let tokens = flight.tokens;
    try {
      // The rotated tokens are the live ones; the old refresh token is spent.
      tokens = await flight.renewed;
    } catch (error) {
      if (sessionOver(error, tokens.method)) {
        this.#o.logger.info(`${what} had already ended on the server`);
        return;
      }
      // The refresh failed on the way: the old tokens still stand, so end those.
    }
    await this.#tryToEnd(tokens, what);
  }

  async #tryToEnd(tokens: Tokens, what: string): Promise<void> {
    try {
      await this.#revoke(tokens);
    } catch (error) {
      if (sessionOver(error, tokens.method)) {
        this.#o.logger.info(`${what} had already ended on the server`);
        return;
      }
      const unreachable = isTransient(error) || (error instanceof ApiError && error.status >= 500);
      const why = unreachable ? 'kombify could not be reached' : 'kombify refused the request';
      this.#o.logger.warn(
        `${why} to end ${what} on the server; it ended on this computer only, ` +
          'and ends on the server when its tokens expire',
        { method: tokens.method, error: describe(error) },
      );
    }
  }

  /** Ends the session at the service that issued it: logout, or revocation at the issuer. */
  async #revoke(tokens: Tokens): Promise<void> {
    // API keys are managed in the dashboard; signing out here only forgets the key.
    if (tokens.method === 'api-key') return;
    if (tokens.method === 'password') {
      await this.#logout(tokens);
      return;
    }
    const issuer = this.#requireIssuer();
    // Revoking the refresh token ends the whole grant; the access token goes too.
    if (tokens.refreshToken) await issuer.revoke(tokens.refreshToken, 'refresh_token');
    await issuer.revoke(tokens.accessToken, 'access_token');
  }

  /**
   * The password API logs out with a bearer token only. An access token that has
   * expired (by our clock, or by the server's when it answers 401) is renewed once
   * first, so the logout still ends the whole session, refresh token included.
   */
  async #logout(tokens: Tokens): Promise<void> {
    const renewable = tokens.refreshToken !== null;
    if (renewable && this.#o.clock.now() >= tokens.expiresAt) {
      await this.#o.api.logout((await this.#renew(tokens)).accessToken);
      return;
    }
    try {
      await this.#o.api.logout(tokens.accessToken);
    } catch (error) {
      if (!renewable || !(error instanceof ApiError) || error.status !== 401) throw error;
      await this.#o.api.logout((await this.#renew(tokens)).accessToken);
    }
  }

  #requireIssuer(): IssuerApi {
    if (!this.#o.issuer) throw new Error('no OIDC issuer is configured for this environment');
    return this.#o.issuer;
  }

  async #end(reason: string): Promise<void> {
    this.#forget();
    this.#settle({ status: 'signed-out', reason });
    await this.#vault.wipe(() => this.#tokens === null);
    this.#changed();
  }

  /** Makes `tokens` the session's and shows it signed in. */
  #adopt(tokens: Tokens): void {
    this.#clearWarning();
    this.#tokens = tokens;
    this.#refreshFailing = false;
    this.#refreshFailures = 0;
    this.#nextRefreshAt = 0;
    this.#view = { status: 'signed-in', email: tokens.email, name: null, method: tokens.method };
    this.#scheduleWarning(tokens);
  }

  #forget(): void {
    this.#clearWarning();
    this.#tokens = null;
    this.#refreshFailing = false;
    this.#refreshFailures = 0;
    this.#nextRefreshAt = 0;
  }

  /**
   * A session without a refresh token, or whose refresh keeps failing, ends at
   * expiry: say so a few minutes before, once, so nobody is surprised.
   */
  #scheduleWarning(tokens: Tokens): void {
    if (tokens.expiresAt >= NEVER || this.#warningTimer !== null) return;
    if (tokens.refreshToken && !this.#refreshFailing) return;
    const at = tokens.expiresAt - warningLead(tokens);
    this.#warningTimer = this.#o.clock.setTimeout(
      () => this.#warn(tokens),
      Math.max(0, at - this.#o.clock.now()),
    );
  }

  #warn(tokens: Tokens): void {
    this.#warningTimer = null;
    if (this.#tokens !== tokens || this.#view.status !== 'signed-in') return;
    if (tokens.refreshToken && !this.#refreshFailing) return;
    const minutes = Math.max(1, Math.round((tokens.expiresAt - this.#o.clock.now()) / 60_000));
    const words = this.#words();
    const say = words.t.session;
    const when = count(words, minutes, say.endsIn);
    const warning = tokens.refreshToken ? say.endsUnlessReachable(when) : say.endsSignInAgain(when);
    this.#o.logger.info('session will end soon', { minutes });
    this.#set({ ...this.#view, expiryWarning: warning });
    this.#o.onExpiring?.(warning);
  }

  #words(): Words {
    return this.#o.words?.() ?? ENGLISH;
  }

  #clearWarning(): void {
    if (this.#warningTimer !== null) this.#o.clock.clearTimeout(this.#warningTimer);
    this.#warningTimer = null;
  }

  #tokensFrom(reply: TokenResponse, email: string): Tokens {
    return {
      email,
      method: 'password',
      accessToken: reply.token,
      refreshToken: reply.refresh_token,
      expiresAt: Date.parse(reply.expires_at),
      obtainedAt: this.#o.clock.now(),
    };
  }

  #set(view: SessionView): void {
    this.#view = view;
    this.#changed();
  }

  /** Shows a signed-out outcome, or keeps it for later while a sign-in is still under way. */
  #settle(view: SessionView): void {
    if (this.#signingIn > 0 && this.#view.status === 'signing-in') this.#beforeSigningIn = view;
    else this.#set(view);
  }

  #changed(): void {
    this.#o.onChange?.();
  }
}

/**
 * The signed-in session: tokens in memory, mirrored as one JSON secret in the
 * keychain under an account that names the environment. Refresh is proactive
 * and single-flight; only a refused refresh ends the session, never a network error.
 */
import type { KeychainView, SessionView } from '../../src-shared/bridge';
import type { TokenResponse } from '../../src-shared/kombify-api';
import type { AccessTokenProvider, AuthApi } from './api/client';
import { ApiError, NotSignedInError, isTransient } from './api/errors';
import type { Clock, Logger, SecretStore } from './ports';
import { type Tokens, TokenVault, describe } from './token-vault';

/** The keychain account for an environment, so endpoints never share credentials. */
export function keychainAccount(environment: { name: string; apiUrl: string }): string {
  return `${environment.name}|${environment.apiUrl}`;
}

/** Why a session ended without the person asking. */
export const SESSION_ENDED_REASON = 'Your session has ended. Sign in again to continue.';

/** Options of {@link Session}. */
export interface SessionOptions {
  /** Keychain account, from {@link keychainAccount}. */
  account: string;
  secrets: SecretStore;
  api: AuthApi;
  clock: Clock;
  logger: Logger;
  /** Time box for every keychain call. Default 3 s. */
  keychainTimeoutMs?: number;
  /** Called after every change of session or keychain status. */
  onChange?: () => void;
}

/** Refresh this long before expiry: 20 % of the lifetime, at most 60 s. */
function refreshMargin(tokens: Tokens): number {
  return Math.min(60_000, 0.2 * Math.max(0, tokens.expiresAt - tokens.obtainedAt));
}

/** Sign-in state and tokens; the only holder of secrets in the core. */
export class Session implements AccessTokenProvider {
  readonly #o: SessionOptions;
  readonly #vault: TokenVault;
  #tokens: Tokens | null = null;
  #view: SessionView = { status: 'signed-out' };
  #refreshing: { tokens: Tokens; promise: Promise<Tokens> } | null = null;

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
    this.#vault.close();
  }

  get signedIn(): boolean {
    return this.#tokens !== null;
  }

  /** Reads the stored sign-in. A keychain that fails leaves the person signed out, told why. */
  async restore(): Promise<void> {
    // 'signing-in' while the keychain answers lets the tray show the cached glance meanwhile.
    this.#set({ status: 'signing-in' });
    const stored = await this.#vault.read();
    // The person signed in while the keychain was slow: that sign-in wins.
    if (this.#tokens) return;
    this.#tokens = stored;
    if (stored) {
      this.#o.logger.info('sign-in restored from the keychain');
      this.#set({ status: 'signed-in', email: stored.email, name: null });
    } else {
      this.#set({ status: 'signed-out' });
    }
  }

  /** Email/password sign-in. On failure the previous state is kept and the error thrown. */
  async signIn(email: string, password: string): Promise<void> {
    const before = this.#view;
    if (!this.signedIn) this.#set({ status: 'signing-in' });
    let reply: TokenResponse;
    try {
      reply = await this.#o.api.login(email, password);
    } catch (error) {
      this.#set(before);
      throw error;
    }
    const tokens = this.#tokensFrom(reply, email);
    this.#tokens = tokens;
    this.#view = { status: 'signed-in', email, name: null };
    this.#o.logger.info('signed in');
    // A sign-in is the person's explicit action: try the keychain again even if it failed before.
    await this.#vault.write(tokens, true);
    this.#changed();
  }

  /** Revokes on the server (best effort), forgets the tokens and wipes the keychain entry. */
  async signOut(): Promise<void> {
    const tokens = this.#tokens;
    this.#tokens = null;
    this.#set({ status: 'signed-out' });
    if (tokens) {
      try {
        await this.#o.api.logout(tokens.accessToken);
      } catch (error) {
        this.#o.logger.warn('server sign-out failed; the tokens expire on their own', {
          error: describe(error),
        });
      }
    }
    await this.#vault.wipe();
    this.#changed();
    this.#o.logger.info('signed out');
  }

  async accessToken(): Promise<string> {
    const tokens = this.#requireTokens();
    if (this.#o.clock.now() < tokens.expiresAt - refreshMargin(tokens)) return tokens.accessToken;
    try {
      return (await this.#refreshShared(tokens)).accessToken;
    } catch (error) {
      // Offline near expiry: the old token still works until it expires, so use it.
      if (isTransient(error) && this.#o.clock.now() < tokens.expiresAt) return tokens.accessToken;
      throw error;
    }
  }

  async refreshAfterRejection(rejected: string): Promise<string> {
    const tokens = this.#requireTokens();
    // Another caller already replaced the rejected token: use the new one, no second refresh.
    if (tokens.accessToken !== rejected) return tokens.accessToken;
    return (await this.#refreshShared(tokens)).accessToken;
  }

  #requireTokens(): Tokens {
    if (this.#tokens) return this.#tokens;
    throw new NotSignedInError(this.#view.status === 'signed-out' ? this.#view.reason : undefined);
  }

  /** Single flight per token set: everyone who needs a refresh meanwhile waits for one. */
  #refreshShared(tokens: Tokens): Promise<Tokens> {
    // A refresh still running for a session since replaced must not be joined.
    if (this.#refreshing?.tokens === tokens) return this.#refreshing.promise;
    const flight = {
      tokens,
      promise: this.#refresh(tokens).finally(() => {
        if (this.#refreshing === flight) this.#refreshing = null;
      }),
    };
    this.#refreshing = flight;
    return flight.promise;
  }

  async #refresh(tokens: Tokens): Promise<Tokens> {
    let reply: TokenResponse;
    try {
      reply = await this.#o.api.refresh(tokens.refreshToken);
    } catch (error) {
      // A refusal for a session already replaced says nothing about the current one.
      if (this.#tokens !== tokens) throw new NotSignedInError();
      if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
        this.#o.logger.warn('refresh refused; signing out', { code: error.code });
        await this.#end(SESSION_ENDED_REASON);
        throw new NotSignedInError(SESSION_ENDED_REASON);
      }
      this.#o.logger.info('refresh failed; keeping the session', { error: describe(error) });
      throw error;
    }
    // Signed out (or signed in anew) while the refresh was in flight: do not resurrect.
    if (this.#tokens !== tokens) throw new NotSignedInError();
    const next = this.#tokensFrom(reply, tokens.email);
    this.#tokens = next;
    // Stored before anyone retries: the old refresh token is dead once used.
    await this.#vault.write(next, false);
    this.#o.logger.debug('tokens refreshed');
    this.#changed();
    return next;
  }

  async #end(reason: string): Promise<void> {
    this.#tokens = null;
    this.#set({ status: 'signed-out', reason });
    await this.#vault.wipe();
    this.#changed();
  }

  #tokensFrom(reply: TokenResponse, email: string): Tokens {
    return {
      email,
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

  #changed(): void {
    this.#o.onChange?.();
  }
}

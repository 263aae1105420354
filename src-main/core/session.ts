/**
 * The signed-in session: tokens in memory, mirrored as one JSON secret in the
 * keychain under an account that names the environment. Refresh is proactive
 * and single-flight; only a refused refresh ends the session, never a network error.
 */
import { z } from 'zod';
import type { KeychainView, SessionView } from '../../src-shared/bridge';
import type { TokenResponse } from '../../src-shared/kombify-api';
import type { AccessTokenProvider, AuthApi } from './api/client';
import { ApiError, NotSignedInError, isTransient } from './api/errors';
import type { Clock, Logger, SecretStore } from './ports';
import { TimeBoxExpired, timeBox } from './time-box';

/** The keychain account for an environment, so endpoints never share credentials. */
export function keychainAccount(environment: { name: string; apiUrl: string }): string {
  return `${environment.name}|${environment.apiUrl}`;
}

/** Why a session ended without the person asking. */
export const SESSION_ENDED_REASON = 'Your session has ended. Sign in again to continue.';

const StoredSecret = z.object({
  v: z.literal(1),
  email: z.string(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.number(),
  obtained_at: z.number(),
});
type StoredSecret = z.infer<typeof StoredSecret>;

interface Tokens {
  email: string;
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  obtainedAt: number;
}

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
  readonly #keychainMs: number;
  #tokens: Tokens | null = null;
  #view: SessionView = { status: 'signed-out' };
  #keychain: KeychainView = { status: 'ok' };
  #refreshing: Promise<Tokens> | null = null;

  constructor(options: SessionOptions) {
    this.#o = options;
    this.#keychainMs = options.keychainTimeoutMs ?? 3_000;
  }

  /** What the window may know: status and email, never a token. */
  view(): SessionView {
    return this.#view;
  }

  keychain(): KeychainView {
    return this.#keychain;
  }

  get signedIn(): boolean {
    return this.#tokens !== null;
  }

  /** Reads the stored sign-in. A keychain that fails leaves the person signed out, told why. */
  async restore(): Promise<void> {
    // 'signing-in' while the keychain answers lets the tray show the cached glance meanwhile.
    this.#set({ status: 'signing-in' });
    let raw: string | null;
    try {
      raw = await this.#keychainCall('read', () => this.#o.secrets.get(this.#o.account));
    } catch (error) {
      this.#keychainFailed(error, 'read');
      this.#set({ status: 'signed-out' });
      return;
    }
    this.#keychain = { status: 'ok' };
    const stored = raw === null ? null : parseStored(raw);
    if (raw !== null && stored === null) {
      // Left in place: a newer app version may read it; the next sign-in overwrites it.
      this.#o.logger.warn('stored sign-in is unreadable; starting signed out');
    }
    if (stored) {
      this.#tokens = {
        email: stored.email,
        accessToken: stored.access_token,
        refreshToken: stored.refresh_token,
        expiresAt: stored.expires_at,
        obtainedAt: stored.obtained_at,
      };
      this.#view = { status: 'signed-in', email: stored.email, name: null };
      this.#o.logger.info('sign-in restored from the keychain');
    } else {
      this.#view = { status: 'signed-out' };
    }
    this.#changed();
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
    await this.#store(tokens, true);
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
    await this.#wipe();
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

  /** Single flight: everyone who needs a refresh meanwhile waits for the same one. */
  #refreshShared(tokens: Tokens): Promise<Tokens> {
    this.#refreshing ??= this.#refresh(tokens).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(tokens: Tokens): Promise<Tokens> {
    let reply: TokenResponse;
    try {
      reply = await this.#o.api.refresh(tokens.refreshToken);
    } catch (error) {
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
    await this.#store(next, false);
    this.#o.logger.debug('tokens refreshed');
    this.#changed();
    return next;
  }

  async #end(reason: string): Promise<void> {
    this.#tokens = null;
    this.#set({ status: 'signed-out', reason });
    await this.#wipe();
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

  /** Writes the tokens; once the keychain failed this run, only a sign-in tries again. */
  async #store(tokens: Tokens, retryUnavailable: boolean): Promise<void> {
    if (this.#keychain.status === 'unavailable' && !retryUnavailable) return;
    const secret: StoredSecret = {
      v: 1,
      email: tokens.email,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_at: tokens.expiresAt,
      obtained_at: tokens.obtainedAt,
    };
    try {
      const json = JSON.stringify(secret);
      await this.#keychainCall('save', () => this.#o.secrets.set(this.#o.account, json));
      this.#keychain = { status: 'ok' };
    } catch (error) {
      this.#keychainFailed(error, 'save');
    }
  }

  async #wipe(): Promise<void> {
    try {
      await this.#keychainCall('delete', () => this.#o.secrets.delete(this.#o.account));
    } catch (error) {
      this.#keychainFailed(error, 'delete');
    }
    this.#changed();
  }

  #keychainCall<T>(what: string, work: () => Promise<T>): Promise<T> {
    return timeBox(this.#o.clock, this.#keychainMs, `keychain ${what}`, work);
  }

  #keychainFailed(error: unknown, action: 'read' | 'save' | 'delete'): void {
    const hung = error instanceof TimeBoxExpired;
    this.#o.logger.warn(`keychain ${action} failed`, { error: describe(error), hung });
    this.#keychain = { status: 'unavailable', message: keychainMessage(error, action) };
  }

  #set(view: SessionView): void {
    this.#view = view;
    this.#changed();
  }

  #changed(): void {
    this.#o.onChange?.();
  }
}

function parseStored(raw: string): StoredSecret | null {
  try {
    const parsed = StoredSecret.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON: reported by the caller as an unreadable sign-in.
    return null;
  }
}

function keychainMessage(error: unknown, action: 'read' | 'save' | 'delete'): string {
  const what =
    error instanceof TimeBoxExpired
      ? 'The system keychain did not answer'
      : `The system keychain is not available (${describe(error).slice(0, 160)})`;
  const consequence = {
    read: 'so your saved sign-in could not be read. You can sign in for this run',
    save: 'so your sign-in will not be remembered: you stay signed in until you quit',
    delete: 'so your saved sign-in could not be removed from it',
  }[action];
  const next = 'Unlock or start your keyring (for example GNOME Keyring), then sign in again.';
  return `${what}, ${consequence}. ${next}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

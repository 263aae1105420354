/**
 * The keychain side of the session: one JSON secret per environment, every
 * call time-boxed, and a keychain status with words a person can act on.
 * Once the keychain failed, only an explicit sign-in tries it again this run.
 * Saves and deletes run one after another, in the order they were asked for, and
 * each asks its caller first whether it still stands: a late one changes nothing.
 */
import { z } from 'zod';
import type { KeychainView, SignInMethod } from '../../src-shared/bridge';
import type { Clock, Logger, SecretStore } from './ports';
import { TimeBoxExpired, timeBox } from './time-box';

/** The tokens of one session, as the core keeps them in memory. */
export interface Tokens {
  email: string;
  /** How the person signed in; decides how the session refreshes and signs out. */
  method: SignInMethod;
  /** The bearer token, or the API key for `api-key` sessions. */
  accessToken: string;
  /** Null when the session cannot be refreshed (API key, or no `offline_access`). */
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms, to know the lifetime when deciding when to refresh. */
  obtainedAt: number;
}

const StoredSecret = z.object({
  v: z.literal(1),
  email: z.string(),
  // Absent in entries written before other sign-in methods existed: those were passwords.
  method: z.enum(['password', 'browser', 'device', 'api-key']).default('password'),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullable(),
  expires_at: z.number(),
  obtained_at: z.number(),
});

type Action = 'read' | 'save' | 'delete';

/**
 * Asked when a keychain call is about to run and when its answer comes: false once
 * the session has moved on (a newer sign-in, a sign-out), so the call is skipped or
 * its answer ignored, leaving the keychain and its status to the newer operation.
 */
export type StillCurrent = () => boolean;

const always: StillCurrent = () => true;

/** Options of {@link TokenVault}. */
export interface TokenVaultOptions {
  account: string;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  /** Time box per keychain call. */
  timeoutMs: number;
}

/** Reads, writes and wipes the session's secret; never throws, reports through status. */
export class TokenVault {
  readonly #o: TokenVaultOptions;
  readonly #closing = new AbortController();
  #status: KeychainView = { status: 'ok' };
  /** This run saw an entry in the keychain (read or written) that sign-out must remove. */
  #holdsEntry = false;
  /** The save or delete that runs last; the next one starts when it has settled. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: TokenVaultOptions) {
    this.#o = options;
  }

  status(): KeychainView {
    return this.#status;
  }

  /** The stored tokens; null when there are none, they are unreadable, or the keychain failed. */
  async read(current: StillCurrent = always): Promise<Tokens | null> {
    let raw: string | null;
    try {
      raw = await this.#call('read', () => this.#o.secrets.get(this.#o.account));
    } catch (error) {
      if (current()) this.#failed(error, 'read');
      return null;
    }
    if (!current()) return null;
    this.#status = { status: 'ok' };
    this.#holdsEntry = raw !== null;
    if (raw === null) return null;
    const tokens = parse(raw);
    // Left in place: a newer app version may read it; the next sign-in overwrites it.
    if (!tokens) this.#o.logger.warn('stored sign-in is unreadable; starting signed out');
    return tokens;
  }

  /** Stores the tokens; `retry` (a sign-in) tries a keychain that failed earlier this run. */
  write(tokens: Tokens, retry: boolean, current: StillCurrent = always): Promise<void> {
    return this.#inTurn('save', current, () => this.#save(tokens, retry, current));
  }

  async #save(tokens: Tokens, retry: boolean, current: StillCurrent): Promise<void> {
    if (this.#status.status === 'unavailable' && !retry) return;
    const json = JSON.stringify({
      v: 1,
      email: tokens.email,
      method: tokens.method,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_at: tokens.expiresAt,
      obtained_at: tokens.obtainedAt,
    } satisfies z.input<typeof StoredSecret>);
    try {
      await this.#call('save', () => this.#o.secrets.set(this.#o.account, json));
      this.#status = { status: 'ok' };
      this.#holdsEntry = true;
    } catch (error) {
      // Replaced meanwhile: the save or delete queued by whoever replaced these decides.
      if (!current()) return;
      this.#failed(error, 'save');
      // The entry there holds tokens these replace (spent by a rotation, or of a session
      // signed out at the server): left, the next start would show a sign-in that ends at once.
      if (this.#holdsEntry) await this.#dropOutdated(error);
    }
  }

  /** Deletes the entry a failed save left outdated; if that fails too, the words say so. */
  async #dropOutdated(saveError: unknown): Promise<void> {
    try {
      const deleted = await this.#call('delete', () => this.#o.secrets.delete(this.#o.account));
      if (!deleted) throw new Error('the keychain kept the entry (locked?)');
      this.#holdsEntry = false;
      this.#o.logger.info('removed the saved sign-in the failed save left outdated');
    } catch (error) {
      const hung = error instanceof TimeBoxExpired;
      this.#o.logger.warn('keychain delete failed', { error: describe(error), hung });
      const message = `${keychainMessage(saveError, 'save')} ${OUTDATED_ENTRY}`;
      this.#status = { status: 'unavailable', message };
    }
  }

  /** Deletes the entry, even when the keychain failed before: sign-out must try. */
  wipe(current: StillCurrent = always): Promise<void> {
    return this.#inTurn('delete', current, () => this.#delete(current));
  }

  async #delete(current: StillCurrent): Promise<void> {
    try {
      const deleted = await this.#call('delete', () => this.#o.secrets.delete(this.#o.account));
      // A locked keyring answers "nothing deleted" and keeps the entry: that is a failure.
      if (!deleted && this.#holdsEntry) throw new Error('the keychain kept the entry (locked?)');
      this.#holdsEntry = false;
    } catch (error) {
      if (current()) this.#failed(error, 'delete');
    }
  }

  /** Gives up on keychain calls still waiting, so no time box outlives the app. */
  close(): void {
    this.#closing.abort();
  }

  /**
   * Runs a save or delete after the ones asked for before it, so a slow delete cannot
   * land after a newer save. Skipped when it no longer stands, or the app is quitting.
   */
  #inTurn(what: Action, current: StillCurrent, work: () => Promise<void>): Promise<void> {
    const run = async () => {
      if (this.#closing.signal.aborted) return;
      if (!current()) {
        this.#o.logger.debug(`keychain ${what} skipped: the session changed since it was asked`);
        return;
      }
      await work();
    };
    // `work` reports its own failures; the queue only needs to know it settled.
    const turn = this.#queue.then(run);
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  #call<T>(what: Action, work: () => Promise<T>): Promise<T> {
    const { clock, timeoutMs } = this.#o;
    return timeBox(clock, timeoutMs, `keychain ${what}`, work, this.#closing.signal);
  }

  #failed(error: unknown, action: Action): void {
    const hung = error instanceof TimeBoxExpired;
    this.#o.logger.warn(`keychain ${action} failed`, { error: describe(error), hung });
    this.#status = { status: 'unavailable', message: keychainMessage(error, action) };
  }
}

function parse(raw: string): Tokens | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // Not JSON: the caller reports it as an unreadable sign-in.
    return null;
  }
  const parsed = StoredSecret.safeParse(json);
  if (!parsed.success) return null;
  const s = parsed.data;
  return {
    email: s.email,
    method: s.method,
    accessToken: s.access_token,
    refreshToken: s.refresh_token,
    expiresAt: s.expires_at,
    obtainedAt: s.obtained_at,
  };
}

/** The usual keyring failures, named the way a person would (the raw error is logged). */
function causeInWords(error: unknown): string {
  const raw = describe(error);
  if (/locked/i.test(raw)) return 'the keyring is locked';
  if (/d-?bus|could not connect|autolaunch|object does not exist|secret service/i.test(raw)) {
    return 'no keyring service answers on D-Bus';
  }
  if (/cannot find module|keytar/i.test(raw)) return 'the keychain module is missing';
  return 'it refused the request';
}

/** Words for the window: what happened, what it means now, what to do. The raw error is logged. */
function keychainMessage(error: unknown, action: Action): string {
  const what =
    error instanceof TimeBoxExpired
      ? 'The system keychain did not answer'
      : `The system keychain is not available (${causeInWords(error)})`;
  const keyring = 'your keyring (for example GNOME Keyring, or KWallet)';
  const rest = {
    read: `so no saved sign-in could be read. Unlock or start ${keyring}, then sign in.`,
    save:
      'so your sign-in will not be remembered: you stay signed in until you quit. ' +
      `To be remembered, unlock or start ${keyring} and sign in again.`,
    delete:
      'so kombify Tray could not remove a saved sign-in from it. If your keyring app lists ' +
      'an entry for "kombify-tray", you can delete it there.',
  }[action];
  return `${what}, ${rest}`;
}

/** Added to the save words when the outdated entry could not be removed either. */
const OUTDATED_ENTRY =
  'It still holds an earlier sign-in that no longer works: if your keyring app lists an ' +
  'entry for "kombify-tray", you can delete it there.';

/** An error as one line for logs and messages. */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

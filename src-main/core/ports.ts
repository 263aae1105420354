/**
 * Ports: everything the core needs from the outside world. Each host (Electron,
 * browser host, tests) supplies implementations; the core imports none of them.
 */
import type { NotificationView, TrayModel } from '../../src-shared/bridge';

/** Secrets live only here (the OS keychain). Every call may reject or hang; callers time-box. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** A JSON document persisted atomically (settings, snapshot). Never holds secrets. */
export interface DocumentStore<T> {
  /** The document; null when there is none or it could not be used (see `problem`). Never throws. */
  load(): T | null;
  /** Throws, with the file and the cause in its message, when the document cannot be written. */
  save(value: T): void;
  clear(): void;
  /** What is wrong with the file this run, already logged by the store; null when nothing is. */
  problem?(): DocumentProblem | null;
}

/**
 * Something wrong with a stored file, for the window. `cause` is the system's
 * error code (EACCES, EISDIR, ENOSPC…) or an error's name.
 */
export type DocumentProblem =
  /** It exists but cannot be read: defaults in memory, and the file is left as it is. */
  | { kind: 'unreadable'; file: string; cause: string }
  /** Not JSON, or not a document of this app: moved to `keptAs`; defaults. */
  | { kind: 'set-aside'; file: string; keptAs: string }
  /** Broken, and it could not be moved aside either: left in place; defaults. */
  | { kind: 'kept-broken'; file: string; cause: string }
  /** Some values were refused (a theme this version does not know): those take their defaults. */
  | { kind: 'values-reset'; file: string; fields: string[] }
  /** The latest save failed; gone once a save works again. */
  | { kind: 'not-saved'; file: string; cause: string };

export interface Notifier {
  /** Shows a native notification; false when the platform cannot. */
  notify(notification: NotificationView): boolean;
}

export interface TrayView {
  render(model: TrayModel): void;
}

/**
 * Opens the sign-in page of `issuer` in the person's own browser (the system browser,
 * not the app window). Hosts refuse a `url` that is not that issuer's own page
 * (`isIssuerPage` in core/auth/issuer.ts), as the core does before it asks.
 */
export interface BrowserOpener {
  open(url: string, issuer: string): Promise<void>;
}

/** One request that reached the loopback listener. */
export interface LoopbackRequest {
  method: string;
  /** Path and query as received, resolved against the listener's own origin. */
  url: URL;
}

/** What the loopback listener answers: a small HTML page. */
export interface LoopbackReply {
  status: number;
  html: string;
}

/** A bound loopback listener; closing it refuses every later request. */
export interface LoopbackServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Thrown by {@link LoopbackListener.listen} when the asked-for port is taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`port ${port} on 127.0.0.1 is already in use`);
  }
}

/** Binds an HTTP listener on 127.0.0.1 for the browser sign-in's redirect (RFC 8252). */
export interface LoopbackListener {
  /** `port` 0 picks a free one; a taken port rejects with {@link PortInUseError}. */
  listen(
    port: number,
    handle: (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>,
  ): Promise<LoopbackServer>;
}

/**
 * The language the system speaks, as a locale ("de-DE", "de_AT.UTF-8"), for the
 * 'system' language setting; undefined when the host cannot tell.
 */
export type SystemLocale = () => string | undefined;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(subsystem: string): Logger;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Stops listening; calling it twice is harmless. */
export type Unsubscribe = () => void;

/** System sleep and wake (Electron's powerMonitor). Nothing is polled while asleep. */
export interface PowerEvents {
  onSuspend(listener: () => void): Unsubscribe;
  onResume(listener: () => void): Unsubscribe;
}

/** The network coming back is a reason to sync at once instead of waiting out a backoff. */
export interface NetworkStatus {
  onOnline(listener: () => void): Unsubscribe;
}

/** The window gaining focus: the person is looking, so the glance should be fresh. */
export interface AppFocus {
  onFocus(listener: () => void): Unsubscribe;
}

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
  load(): T | null;
  save(value: T): void;
  clear(): void;
}

export interface Notifier {
  /** Shows a native notification; false when the platform cannot. */
  notify(notification: NotificationView): boolean;
}

export interface TrayView {
  render(model: TrayModel): void;
}

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

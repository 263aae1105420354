/**
 * The one contract between the window (renderer) and main. Main validates
 * every request with these schemas; the renderer imports the types only.
 * Nothing here ever carries a token: the renderer sees session status.
 */
import { z } from 'zod';
import type { Deployment, Subscription, User } from './kombify-api';

/** Requests the window may make, by method name. Payloads are parsed in main. */
export const BridgeRequests = {
  getState: z.undefined(),
  signInWithPassword: z.object({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1024),
  }),
  signOut: z.undefined(),
  refresh: z.undefined(),
  deployStackKit: z.object({
    stackkit: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/),
    homelabId: z.string().min(1).max(64),
  }),
  openExternal: z.object({ url: z.string().url().max(2048) }),
} as const;

export type BridgeMethod = keyof typeof BridgeRequests;
export type BridgeRequest<M extends BridgeMethod> = z.infer<(typeof BridgeRequests)[M]>;

export const BRIDGE_METHODS = Object.keys(BridgeRequests) as BridgeMethod[];

export function isBridgeMethod(name: unknown): name is BridgeMethod {
  return typeof name === 'string' && Object.hasOwn(BridgeRequests, name);
}

/** What a failed request tells the window: a code to branch on and words to show. */
export interface BridgeError {
  code: string;
  message: string;
  /** ISO time before which retrying is pointless (429). */
  retryAt?: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface BridgeResponses {
  getState: AppView;
  signInWithPassword: AppView;
  signOut: AppView;
  refresh: AppView;
  deployStackKit: Deployment;
  openExternal: null;
}

export type SessionView =
  | { status: 'signed-out'; reason?: string }
  | { status: 'signing-in' }
  | { status: 'signed-in'; email: string; name: string | null };

export type OverallState = 'signed-out' | 'ok' | 'deploying' | 'failed' | 'offline';

export interface TrayMenuItem {
  id: string;
  label: string;
  enabled: boolean;
  /** Deployment id when the item stands for one. */
  deploymentId?: string;
}

/** The tray as data: what the icon, tooltip and menu show. */
export interface TrayModel {
  state: OverallState;
  tooltip: string;
  items: TrayMenuItem[];
}

export interface SnapshotView {
  fetchedAt: string;
  user: User | null;
  subscription: Subscription | null;
  deployments: Deployment[];
}

export interface ConnectivityView {
  status: 'online' | 'offline' | 'rate-limited' | 'unknown';
  /** ISO time of the last successful sync. */
  lastSuccessAt: string | null;
  lastError: BridgeError | null;
  retryAt: string | null;
}

export interface KeychainView {
  status: 'ok' | 'unavailable';
  message?: string;
}

/** Everything the window shows, pushed on every change. */
export interface AppView {
  environment: { name: string; apiUrl: string };
  session: SessionView;
  keychain: KeychainView;
  snapshot: SnapshotView | null;
  connectivity: ConnectivityView;
  tray: TrayModel;
}

/** A notification as raised by the core, also shown in the window by the browser host. */
export interface NotificationView {
  key: string;
  title: string;
  body: string;
  deploymentId?: string;
}

/** Events main pushes to the window. */
export interface BridgeEvents {
  state: AppView;
  notification: NotificationView;
}

/**
 * The API the preload (Electron) or the loopback client (browser host) puts
 * on `window.kombify`: named functions only, never a raw channel.
 */
export type KombifyBridge = {
  [M in BridgeMethod]: (
    ...args: BridgeRequest<M> extends undefined ? [] : [BridgeRequest<M>]
  ) => Promise<BridgeResult<BridgeResponses[M]>>;
} & {
  on<E extends keyof BridgeEvents>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
};

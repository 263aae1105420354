/**
 * A KombifyBridge in memory: the renderer's port, so component tests drive
 * the real AppState and screens without Electron or HTTP.
 */
import { vi } from 'vitest';
import type {
  AppView,
  BridgeEvents,
  BridgeRequest,
  BridgeResult,
  KombifyBridge,
} from '../../../src-shared/bridge';
import type { Deployment, Subscription, Tool } from '../../../src-shared/kombify-api';

type Listener = (payload: never) => void;

export function fakeBridge(initial: AppView) {
  let view = initial;
  const listeners = new Map<keyof BridgeEvents, Set<Listener>>();
  const ok = <T>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value });

  const bridge = {
    getState: vi.fn(() => ok(view)),
    signInWithPassword: vi.fn((_: { email: string; password: string }) => ok(view)),
    signOut: vi.fn(() => ok(view)),
    refresh: vi.fn(() => ok(view)),
    signInWithBrowser: vi.fn(() => ok(view)),
    signInWithDeviceCode: vi.fn(() => ok(view)),
    signInWithApiKey: vi.fn((_: { apiKey: string }) => ok(view)),
    cancelSignIn: vi.fn(() => ok(view)),
    deployStackKit: vi.fn((_: BridgeRequest<'deployStackKit'>): Promise<BridgeResult<Deployment>> =>
      Promise.resolve({ ok: false, error: { code: 'NOT_SET', message: 'not set up' } }),
    ),
    deleteDeployment: vi.fn((_: BridgeRequest<'deleteDeployment'>) => ok(null)),
    listTools: vi.fn(() => ok([] as Tool[])),
    connectTool: vi.fn((_: BridgeRequest<'connectTool'>): Promise<BridgeResult<Tool>> =>
      Promise.resolve({ ok: false, error: { code: 'NOT_SET', message: 'not set up' } }),
    ),
    disconnectTool: vi.fn((_: BridgeRequest<'disconnectTool'>) => ok(null)),
    upgradePlan: vi.fn((_: BridgeRequest<'upgradePlan'>): Promise<BridgeResult<Subscription>> =>
      Promise.resolve({ ok: false, error: { code: 'NOT_SET', message: 'not set up' } }),
    ),
    cancelSubscription: vi.fn((): Promise<BridgeResult<Subscription>> =>
      Promise.resolve({ ok: false, error: { code: 'NOT_SET', message: 'not set up' } }),
    ),
    updateSettings: vi.fn((_: BridgeRequest<'updateSettings'>) => ok(view)),
    pauseNotifications: vi.fn((_: BridgeRequest<'pauseNotifications'>) => ok(view)),
    resumeNotifications: vi.fn(() => ok(view)),
    openLink: vi.fn((_: BridgeRequest<'openLink'>) => ok(null)),
    log: vi.fn((_: BridgeRequest<'log'>) => ok(null)),
    on<E extends keyof BridgeEvents>(event: E, listener: (payload: BridgeEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } satisfies KombifyBridge;

  return {
    bridge,
    /** Replaces what getState answers from now on. */
    setView(next: AppView) {
      view = next;
    },
    /** Pushes an event as main would. */
    emit<E extends keyof BridgeEvents>(event: E, payload: BridgeEvents[E]) {
      if (event === 'state') view = payload as AppView;
      for (const listener of listeners.get(event) ?? []) {
        (listener as (p: BridgeEvents[E]) => void)(payload);
      }
    },
    listenerCount: (event: keyof BridgeEvents) => listeners.get(event)?.size ?? 0,
  };
}

/** A promise the test settles by hand, to look at the window while a call is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

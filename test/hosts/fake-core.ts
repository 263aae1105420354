/**
 * A stand-in for the core at the hosts' port (BridgeCore), recording what the
 * host passes through, so transport tests need no API server.
 */
import { DEFAULT_SETTINGS, type AppView, type BridgeResult } from '../../src-shared/bridge';
import type { BridgeCore } from '../../src-main/host/bridge-host';
import type { Logger } from '../../src-main/core/ports';

export function sampleView(overrides: Partial<AppView> = {}): AppView {
  return {
    environment: { name: 'test', apiUrl: 'http://127.0.0.1:1/v1', issuerUrl: 'http://127.0.0.1:1' },
    signInMethods: ['password', 'device', 'api-key'],
    session: { status: 'signed-out' },
    keychain: { status: 'ok' },
    snapshot: null,
    connectivity: { status: 'unknown', lastSuccessAt: null, lastError: null, retryAt: null },
    tray: { state: 'signed-out', tooltip: 'kombify Tray — signed out', items: [] },
    signIn: null,
    settings: DEFAULT_SETTINGS,
    notifications: { pausedUntil: null, pausedIndefinitely: false },
    ...overrides,
  };
}

export class RecordingCore implements BridgeCore {
  calls: Array<{ method: unknown; payload: unknown }> = [];
  #view = sampleView();
  #listeners = new Set<(view: AppView) => void>();

  view(): AppView {
    return this.#view;
  }

  subscribe(listener: (view: AppView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  publish(view: AppView): void {
    this.#view = view;
    for (const listener of this.#listeners) listener(view);
  }

  async handle(method: unknown, payload: unknown): Promise<BridgeResult<unknown>> {
    this.calls.push({ method, payload });
    return { ok: true, value: { echoed: method } };
  }
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

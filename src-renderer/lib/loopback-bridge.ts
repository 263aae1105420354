/**
 * The KombifyBridge over HTTP to the browser host on 127.0.0.1, for when the
 * window runs in a plain browser instead of Electron. Calls never throw: every
 * failure, including the host being gone, comes back as a BridgeResult.
 */
import type {
  BridgeError,
  BridgeEvents,
  BridgeMethod,
  BridgeResponses,
  BridgeResult,
  KombifyBridge,
} from '../../src-shared/bridge';
import { t } from './i18n';
import { SseParser } from './sse';

export const BRIDGE_KEY_HEADER = 'X-Kombify-Bridge-Key';
export interface LoopbackOptions {
  key: string;
  /** The browser host's origin; the page's own by default. */
  origin?: string;
  fetch?: typeof fetch;
  /** Waits between reconnect attempts of the event stream; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** A call that takes longer is reported as unreachable, so no button spins forever. */
  callTimeoutMs?: number;
  /**
   * The same for browser and device sign-in, which wait for a person: main ends
   * them itself (done, expired, or Cancel), so this is only a net for a host
   * that never answers.
   */
  signInTimeoutMs?: number;
  /** The signal that ends a call after `ms`; AbortSignal.timeout, or the test's own. */
  timeout?: (ms: number) => AbortSignal;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];
const DEFAULT_CALL_TIMEOUT_MS = 60_000;
/** Past any sign-in's own end: 5 min for the browser, a device code's expiry (minutes). */
const DEFAULT_SIGN_IN_TIMEOUT_MS = 30 * 60_000;
/** Calls that wait for a person to finish signing in elsewhere. */
const WAITS_FOR_A_PERSON: ReadonlySet<BridgeMethod> = new Set([
  'signInWithBrowser',
  'signInWithDeviceCode',
]);

type Listener = (payload: never) => void;

/** Told true when the event stream to the host is open, false when the host cannot be reached. */
export type LinkListener = (up: boolean) => void;

/**
 * The bridge plus what only a remote bridge has: a link that can break. Electron's
 * preload runs in-process with main and needs no such signal.
 */
export type LoopbackBridge = KombifyBridge & {
  onLink(listener: LinkListener): () => void;
};

export function createLoopbackBridge(options: LoopbackOptions): LoopbackBridge {
  const client = new LoopbackClient(options);
  return {
    onLink: (listener) => client.onLink(listener),
    getState: () => client.call('getState'),
    signInWithPassword: (request) => client.call('signInWithPassword', request),
    signInWithBrowser: () => client.call('signInWithBrowser'),
    signInWithDeviceCode: () => client.call('signInWithDeviceCode'),
    signInWithApiKey: (request) => client.call('signInWithApiKey', request),
    cancelSignIn: () => client.call('cancelSignIn'),
    signOut: () => client.call('signOut'),
    refresh: () => client.call('refresh'),
    deployStackKit: (request) => client.call('deployStackKit', request),
    deleteDeployment: (request) => client.call('deleteDeployment', request),
    listTools: () => client.call('listTools'),
    connectTool: (request) => client.call('connectTool', request),
    disconnectTool: (request) => client.call('disconnectTool', request),
    upgradePlan: (request) => client.call('upgradePlan', request),
    cancelSubscription: () => client.call('cancelSubscription'),
    updateSettings: (patch) => client.call('updateSettings', patch),
    pauseNotifications: (request) => client.call('pauseNotifications', request),
    resumeNotifications: () => client.call('resumeNotifications'),
    openLink: (request) => client.call('openLink', request),
    log: (entry) => client.call('log', entry),
    on: (event, listener) => client.on(event, listener),
  };
}

class LoopbackClient {
  readonly #options: LoopbackOptions;
  readonly #fetch: typeof fetch;
  readonly #base: string;
  readonly #listeners = new Map<keyof BridgeEvents, Set<Listener>>();
  #stream: AbortController | null = null;
  readonly #linkListeners = new Set<LinkListener>();
  #linkUp: boolean | null = null;

  constructor(options: LoopbackOptions) {
    this.#options = options;
    // Bound so a plain `fetch` keeps its `this` when called as a field.
    this.#fetch = (options.fetch ?? globalThis.fetch).bind(globalThis);
    this.#base = options.origin ?? '';
  }

  async call<M extends BridgeMethod>(
    method: M,
    payload?: unknown,
  ): Promise<BridgeResult<BridgeResponses[M]>> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.#base}/bridge/${method}`, {
        method: 'POST',
        headers: { [BRIDGE_KEY_HEADER]: this.#options.key, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload === undefined ? {} : { payload }),
        cache: 'no-store',
        signal: this.#timeout(this.#timeoutFor(method)),
      });
    } catch {
      return failure('BRIDGE_UNREACHABLE', t.bridge.unreachable);
    }
    if (response.status !== 200) {
      // The body holds only diagnostics for developers; people get words from the status.
      await response.body?.cancel().catch(() => undefined);
      return httpFailure(response.status);
    }
    try {
      const body: unknown = await response.json();
      if (isBridgeResult(body)) return body as BridgeResult<BridgeResponses[M]>;
    } catch {
      // Falls through: a torn or non-JSON body is reported like a malformed one.
    }
    return failure('BRIDGE_BAD_RESPONSE', t.bridge.badResponse);
  }

  #timeout(ms: number): AbortSignal {
    return this.#options.timeout ? this.#options.timeout(ms) : AbortSignal.timeout(ms);
  }

  #timeoutFor(method: BridgeMethod): number {
    return WAITS_FOR_A_PERSON.has(method)
      ? (this.#options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS)
      : (this.#options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
  }

  on<E extends keyof BridgeEvents>(event: E, listener: (payload: BridgeEvents[E]) => void) {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    this.#listeners.set(event, set);
    set.add(listener);
    if (!this.#stream) this.#openStream();
    return () => {
      set.delete(listener);
      // Nobody listening any more: let the host drop the connection.
      if ([...this.#listeners.values()].every((s) => s.size === 0)) this.#closeStream();
    };
  }

  onLink(listener: LinkListener): () => void {
    this.#linkListeners.add(listener);
    return () => this.#linkListeners.delete(listener);
  }

  #setLink(up: boolean): void {
    if (this.#linkUp === up) return;
    this.#linkUp = up;
    for (const listener of this.#linkListeners) listener(up);
  }

  #openStream(): void {
    const controller = new AbortController();
    this.#stream = controller;
    void this.#runStream(controller.signal);
  }

  #closeStream(): void {
    this.#stream?.abort();
    this.#stream = null;
  }

  /** Keeps one event stream open, reconnecting with growing waits while it drops. */
  async #runStream(signal: AbortSignal): Promise<void> {
    const delays = this.#options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let failures = 0;
    let connectedBefore = false;
    while (!signal.aborted) {
      let opened = false;
      try {
        const response = await this.#fetch(`${this.#base}/bridge/events`, {
          headers: { [BRIDGE_KEY_HEADER]: this.#options.key, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal,
        });
        if (response.ok && response.body) {
          opened = true;
          // Changes made while we were away were never pushed: fetch the state once.
          if (connectedBefore) void this.#resync();
          connectedBefore = true;
          failures = 0;
          this.#setLink(true);
          await this.#readStream(response.body);
        } else {
          await response.body?.cancel().catch(() => undefined);
        }
      } catch {
        // A failed connect or a drop mid-read; an abort is checked right below.
      }
      if (signal.aborted) return;
      // Only a failed connect is reported: after a drop the first reconnect usually works unseen.
      if (!opened) this.#setLink(false);
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
      failures += 1;
      await sleep(delay, signal);
    }
  }

  async #readStream(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        if (message.event !== 'state' && message.event !== 'notification') continue;
        try {
          this.#emit(message.event, JSON.parse(message.data));
        } catch {
          console.warn('bridge event ignored: its data is not JSON', message.event);
        }
      }
    }
  }

  async #resync(): Promise<void> {
    const result = await this.call('getState');
    if (result.ok) this.#emit('state', result.value);
  }

  #emit(event: keyof BridgeEvents, payload: unknown): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (error) {
        // One broken listener must not stop the others or the stream.
        console.error('bridge event listener failed', event, error);
      }
    }
  }
}

function failure(code: string, message: string): { ok: false; error: BridgeError } {
  return { ok: false, error: { code, message } };
}

function httpFailure(status: number): { ok: false; error: BridgeError } {
  if (status === 401) return failure('BRIDGE_UNAUTHORIZED', t.bridge.unauthorized);
  if (status === 403) return failure('BRIDGE_FORBIDDEN', t.bridge.forbidden);
  if (status === 404) return failure('BRIDGE_UNKNOWN_METHOD', t.bridge.unknownMethod);
  return failure('BRIDGE_HTTP_ERROR', t.bridge.httpStatus(status));
}

function isBridgeResult(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, error } = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok === true) return 'value' in body;
  return ok === false && typeof error?.code === 'string' && typeof error.message === 'string';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * The window's shared state: the latest AppView pushed by main, the actions a
 * person can take, and the last error to show. Components read the getters
 * and call the actions; only this class talks to the bridge.
 */
import type {
  AppView,
  BridgeError,
  BridgeResult,
  KombifyBridge,
  NotificationView,
} from '../../src-shared/bridge';
import type { Deployment } from '../../src-shared/kombify-api';
import type { LinkWatch } from './bridge';
import { t } from './i18n';

export type Action = 'sign-in' | 'sign-out' | 'refresh' | 'deploy';

export interface ShownNotification extends NotificationView {
  /** Unique per toast: main may raise the same key twice, and each one is listed. */
  id: number;
  receivedAt: number;
}

/** Toasts kept at most; the oldest go first so a long night cannot grow memory without end. */
const MAX_NOTIFICATIONS = 50;

export class AppState {
  readonly #bridge: KombifyBridge;
  readonly #watchLink: LinkWatch | undefined;
  #hostReachable = $state(true);
  #view = $state<AppView | null>(null);
  #loadError = $state<BridgeError | null>(null);
  #actionError = $state<{ action: Action; error: BridgeError } | null>(null);
  #busy = $state<Action | null>(null);
  #notifications = $state<ShownNotification[]>([]);
  #pending = $state<Deployment[]>([]);
  /** Counts pushed views, so a slow call's reply cannot overwrite a newer push. */
  #pushes = 0;
  #nextNotificationId = 1;

  constructor(bridge: KombifyBridge, watchLink?: LinkWatch) {
    this.#bridge = bridge;
    this.#watchLink = watchLink;
  }

  /** False while the browser host cannot be reached; what is shown is then what it last sent. */
  get hostReachable(): boolean {
    return this.#hostReachable;
  }

  get view(): AppView | null {
    return this.#view;
  }
  /** Why the first state could not be loaded; the window shows it with a retry. */
  get loadError(): BridgeError | null {
    return this.#loadError;
  }
  get actionError(): { action: Action; error: BridgeError } | null {
    return this.#actionError;
  }
  get busy(): Action | null {
    return this.#busy;
  }
  get notifications(): readonly ShownNotification[] {
    return this.#notifications;
  }

  /** The snapshot's deployments, plus ones just started that the next sync has not shown yet. */
  get deployments(): readonly Deployment[] {
    const known = this.#view?.snapshot?.deployments ?? [];
    const ids = known.map((d) => d.id);
    return [...this.#pending.filter((d) => !ids.includes(d.id)), ...known];
  }

  /** Subscribes to main's events and loads the first state; returns the unsubscribe. */
  start(): () => void {
    const offState = this.#bridge.on('state', (view) => this.#accept(view));
    const offNotification = this.#bridge.on('notification', (n) => this.#notify(n));
    const offLink = this.#watchLink?.((up) => (this.#hostReachable = up));
    void this.load();
    return () => {
      offState();
      offNotification();
      offLink?.();
    };
  }

  async load(): Promise<void> {
    const pushesBefore = this.#pushes;
    const result = await settle(() => this.#bridge.getState());
    if (result.ok) {
      this.#loadError = null;
      if (this.#pushes === pushesBefore) this.#setView(result.value);
    } else if (!this.#view) {
      this.#loadError = result.error;
    }
  }

  signIn(email: string, password: string): Promise<boolean> {
    return this.#viewAction('sign-in', () =>
      this.#bridge.signInWithPassword({ email: email.trim(), password }),
    );
  }

  signOut(): Promise<boolean> {
    return this.#viewAction('sign-out', () => this.#bridge.signOut());
  }

  refresh(): Promise<boolean> {
    return this.#viewAction('refresh', () => this.#bridge.refresh());
  }

  async deploy(stackkit: string, homelabId: string): Promise<Deployment | null> {
    const result = await this.#run('deploy', () =>
      this.#bridge.deployStackKit({ stackkit, homelabId, requestId: crypto.randomUUID() }),
    );
    if (!result?.ok) return null;
    this.#pending = [result.value, ...this.#pending];
    return result.value;
  }

  dismissError(): void {
    this.#actionError = null;
  }

  dismissNotification(id: number): void {
    this.#notifications = this.#notifications.filter((n) => n.id !== id);
  }

  async #viewAction(action: Action, call: () => Promise<BridgeResult<AppView>>) {
    const pushesBefore = this.#pushes;
    const result = await this.#run(action, call);
    if (!result?.ok) return false;
    // Pushes that arrived during the call are at least as new as its reply.
    if (this.#pushes === pushesBefore) this.#setView(result.value);
    return true;
  }

  /** One action at a time: a second click while one runs is ignored, not queued. */
  async #run<T>(action: Action, call: () => Promise<BridgeResult<T>>) {
    if (this.#busy) return null;
    this.#busy = action;
    this.#actionError = null;
    try {
      const result = await settle(call);
      if (!result.ok) this.#actionError = { action, error: result.error };
      return result;
    } finally {
      this.#busy = null;
    }
  }

  #accept(view: AppView): void {
    this.#pushes += 1;
    this.#loadError = null;
    this.#setView(view);
  }

  #setView(view: AppView): void {
    this.#view = view;
    if (view.session?.status !== 'signed-in') this.#pending = [];
    const seen = (view.snapshot?.deployments ?? []).map((d) => d.id);
    if (this.#pending.some((d) => seen.includes(d.id))) {
      this.#pending = this.#pending.filter((d) => !seen.includes(d.id));
    }
  }

  #notify(notification: NotificationView): void {
    const shown = { ...notification, id: this.#nextNotificationId++, receivedAt: Date.now() };
    this.#notifications = [...this.#notifications, shown].slice(-MAX_NOTIFICATIONS);
  }
}

/**
 * The bridge promises results, not exceptions; a preload whose IPC rejects
 * would still throw, and a thrown call must end as words on screen, not a
 * stuck button.
 */
async function settle<T>(call: () => Promise<BridgeResult<T>>): Promise<BridgeResult<T>> {
  try {
    return await call();
  } catch (error) {
    console.error('bridge call threw', error);
    return { ok: false, error: { code: 'BRIDGE_FAILED', message: t.errors.generic } };
  }
}

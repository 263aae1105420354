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
  KombifyLink,
  NavigationView,
  NoticeView,
  NotificationEvent,
  SettingsPatch,
} from '../../src-shared/bridge';
import type { Deployment, Subscription } from '../../src-shared/kombify-api';
import type { LinkWatch } from './bridge';
import type { HomelabUnreachable } from './homelab';
import { type Language, setLanguage, t } from './i18n';
import { ToolsState } from './tools-state.svelte';
import { forwardWindowErrors } from './window-errors';

export type Action =
  'sign-in' | 'sign-out' | 'refresh' | 'deploy' | 'delete' | 'upgrade' | 'cancel' | 'settings';

export type Screen = NavigationView['screen'];

/** One deployment a person asked for: its request id is reused until the server confirms it. */
interface DeployIntent {
  stackkit: string;
  homelabId: string;
  requestId: string;
}

export interface ShownNotification extends NotificationEvent {
  /** Unique per toast: main may raise the same key twice, and each one is listed. */
  id: number;
  receivedAt: number;
}

/** The code main answers a browser or device sign-in with when it was cancelled on purpose. */
const SIGN_IN_CANCELLED = 'SIGN_IN_CANCELLED';
/** kombify could not reach the homelab a request was for (503). */
const HOMELAB_UNREACHABLE = 'HOMELAB_UNREACHABLE';

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
  /** Notices the person dismissed; forgotten once main drops them, so a new one shows. */
  #dismissedNotices = $state<string[]>([]);
  #pending = $state<Deployment[]>([]);
  #screen = $state<Screen>('overview');
  #deploymentId = $state<string | null>(null);
  #language = $state<Language>('en');
  #lastDone = $state<Action | null>(null);
  #unreachable = $state<HomelabUnreachable | null>(null);
  #startedId = $state<string | null>(null);
  #failedKit = $state<string | null>(null);
  #deployIntent: DeployIntent | null = null;
  /** The tools catalog; loaded when the Tools screen opens. */
  readonly tools: ToolsState;
  /** Counts pushed views, so a slow call's reply cannot overwrite a newer push. */
  #pushes = 0;
  #nextNotificationId = 1;

  constructor(bridge: KombifyBridge, watchLink?: LinkWatch) {
    this.#bridge = bridge;
    this.#watchLink = watchLink;
    this.tools = new ToolsState(bridge, (homelabId, error) => this.#heardFrom(homelabId, error));
  }

  /**
   * The last request to a homelab that kombify could not deliver, until one gets
   * through: the snapshot may still list the homelab as online meanwhile.
   */
  get homelabUnreachable(): HomelabUnreachable | null {
    return this.#unreachable;
  }

  /** The screen shown while signed in. */
  get screen(): Screen {
    return this.#screen;
  }
  /** The deployment whose detail is open on the Deployments screen. */
  get deploymentId(): string | null {
    return this.#deploymentId;
  }
  /** The language of the messages in use; the window re-renders when it changes. */
  get language(): Language {
    return this.#language;
  }
  /** The last action that succeeded, for a short "done" note; cleared by the next one. */
  get lastDone(): Action | null {
    return this.#lastDone;
  }

  /** Shows a screen, and on Deployments optionally one deployment's detail. */
  navigate(to: NavigationView): void {
    this.#screen = to.screen;
    this.#deploymentId = to.screen === 'deployments' ? (to.deploymentId ?? null) : null;
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

  /** The deployment this window started last, shown live on StackKits until another one starts. */
  get startedDeployment(): Deployment | null {
    const id = this.#startedId;
    return id ? (this.deployments.find((d) => d.id === id) ?? null) : null;
  }

  /** The kit whose last start failed; trying it again reuses the same request id. */
  get failedKit(): string | null {
    return this.#failedKit;
  }

  /** Subscribes to main's events and loads the first state; returns the unsubscribe. */
  start(): () => void {
    const offState = this.#bridge.on('state', (view) => this.#accept(view));
    const offNotification = this.#bridge.on('notification', (n) => this.#notify(n));
    const offNavigate = this.#bridge.on('navigate', (to) => this.navigate(to));
    const offLink = this.#watchLink?.((up) => (this.#hostReachable = up));
    // The window's own failures belong in main's log too, or nobody ever sees them.
    const offErrors =
      typeof window === 'undefined'
        ? undefined
        : forwardWindowErrors(window, (level, message) => this.log(level, message));
    void this.load();
    return () => {
      offState();
      offNotification();
      offNavigate();
      offLink?.();
      offErrors?.();
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

  /**
   * Starts a StackKit. A retry of the same kit on the same homelab after a
   * failure reuses the request id, so a reply lost to a timeout cannot turn
   * into a second deployment; only a confirmed one starts a fresh intent.
   */
  async deploy(stackkit: string, homelabId: string): Promise<Deployment | null> {
    const same = this.#deployIntent;
    const intent =
      same && same.stackkit === stackkit && same.homelabId === homelabId
        ? same
        : { stackkit, homelabId, requestId: crypto.randomUUID() };
    this.#deployIntent = intent;
    const result = await this.#run('deploy', () => this.#bridge.deployStackKit({ ...intent }));
    if (!result) return null;
    this.#heardFrom(homelabId, result.ok ? null : result.error);
    if (!result.ok) {
      this.#failedKit = stackkit;
      return null;
    }
    if (this.#deployIntent === intent) this.#deployIntent = null;
    this.#failedKit = null;
    this.#pending = [result.value, ...this.#pending];
    this.#startedId = result.value.id;
    return result.value;
  }

  /** Deletes a deployment; true when the server took the request (or it was gone already). */
  async deleteDeployment(deploymentId: string): Promise<boolean> {
    const result = await this.#run('delete', () => this.#bridge.deleteDeployment({ deploymentId }));
    if (!result?.ok) return false;
    this.#pending = this.#pending.filter((d) => d.id !== deploymentId);
    return true;
  }

  upgradePlan(plan: 'hobby' | 'pro' | 'team'): Promise<Subscription | null> {
    return this.#valueAction('upgrade', () => this.#bridge.upgradePlan({ plan }));
  }

  cancelSubscription(): Promise<Subscription | null> {
    return this.#valueAction('cancel', () => this.#bridge.cancelSubscription());
  }

  /**
   * Saves a settings change. Not gated by `busy`: each toggle is its own small
   * patch, and dropping one because the previous is still saving would lose it.
   */
  updateSettings(patch: SettingsPatch): Promise<boolean> {
    return this.#settingsCall(() => this.#bridge.updateSettings(patch));
  }

  /** Pauses notifications in main (the tray shows it too); main keeps the pause across restarts. */
  pauseNotifications(choice: 'hour' | 'tomorrow' | 'until-resumed'): Promise<boolean> {
    return this.#settingsCall(() => this.#bridge.pauseNotifications({ for: choice }));
  }

  resumeNotifications(): Promise<boolean> {
    return this.#settingsCall(() => this.#bridge.resumeNotifications());
  }

  /** A change of settings or of the pause: never gated by `busy`, an error shown like any other. */
  async #settingsCall(call: () => Promise<BridgeResult<AppView>>): Promise<boolean> {
    const pushesBefore = this.#pushes;
    const result = await settle(call);
    if (!result.ok) {
      this.#actionError = { action: 'settings', error: result.error };
      return false;
    }
    this.#lastDone = 'settings';
    if (this.#pushes === pushesBefore) this.#setView(result.value);
    return true;
  }

  signInWithBrowser(): Promise<boolean> {
    return this.#viewAction('sign-in', () => this.#bridge.signInWithBrowser());
  }

  signInWithDeviceCode(): Promise<boolean> {
    return this.#viewAction('sign-in', () => this.#bridge.signInWithDeviceCode());
  }

  signInWithApiKey(apiKey: string): Promise<boolean> {
    return this.#viewAction('sign-in', () => this.#bridge.signInWithApiKey({ apiKey }));
  }

  /** Stops a browser or device-code sign-in that is waiting; never blocked by a busy action. */
  async cancelSignIn(): Promise<void> {
    const result = await settle(() => this.#bridge.cancelSignIn());
    if (result.ok) this.#setView(result.value);
  }

  /** Opens a kombify page by name; main decides the address. */
  async openLink(link: KombifyLink): Promise<void> {
    const result = await settle(() => this.#bridge.openLink({ link }));
    if (!result.ok) this.#actionError = { action: 'refresh', error: result.error };
  }

  /** Sends a line to main's log, where secrets are redacted; never fails the caller. */
  log(level: 'info' | 'warn' | 'error', message: string): void {
    void settle(() => this.#bridge.log({ level, message: message.slice(0, 2000) }));
  }

  /** Forgets the last "done", e.g. when a later input was refused before it was sent. */
  clearDone(): void {
    this.#lastDone = null;
  }

  dismissError(): void {
    this.#actionError = null;
  }

  dismissNotification(id: number): void {
    this.#notifications = this.#notifications.filter((n) => n.id !== id);
  }

  /** Main's notices about this machine (a file it cannot read, no tray), less those dismissed. */
  get notices(): readonly NoticeView[] {
    const notices = this.#view?.notices ?? [];
    return notices.filter((n) => !this.#dismissedNotices.includes(n.id));
  }

  dismissNotice(id: string): void {
    if (!this.#dismissedNotices.includes(id))
      this.#dismissedNotices = [...this.#dismissedNotices, id];
  }

  async #valueAction<T>(action: Action, call: () => Promise<BridgeResult<T>>) {
    const result = await this.#run(action, call);
    return result?.ok ? result.value : null;
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
    this.#lastDone = null;
    try {
      const result = await settle(call);
      if (result.ok) this.#lastDone = action;
      // The person pressed Cancel (or started another sign-in): nothing went wrong to report.
      else if (result.error?.code !== SIGN_IN_CANCELLED) {
        this.#actionError = { action, error: result.error };
      }
      return result;
    } finally {
      this.#busy = null;
    }
  }

  /** Notes whether a request for `homelabId` reached it. */
  #heardFrom(homelabId: string, error: BridgeError | null): void {
    if (error?.code === HOMELAB_UNREACHABLE) this.#unreachable = { homelabId, at: Date.now() };
    else if (!error && this.#unreachable?.homelabId === homelabId) this.#unreachable = null;
  }

  #accept(view: AppView): void {
    this.#pushes += 1;
    this.#loadError = null;
    this.#setView(view);
  }

  #setView(view: AppView): void {
    const before = this.#view;
    this.#view = view;
    const raised = (view.notices ?? []).map((n) => n.id);
    if (this.#dismissedNotices.some((id) => !raised.includes(id))) {
      this.#dismissedNotices = this.#dismissedNotices.filter((id) => raised.includes(id));
    }
    if (before && whose(before) !== whose(view)) this.#forgetToasts(view);
    const language = setLanguage(view.settings?.language);
    if (language !== this.#language) this.#language = language;
    if (view.session?.status !== 'signed-in') {
      this.#pending = [];
      this.#unreachable = null;
      this.#startedId = null;
      this.#failedKit = null;
    }
    const seen = (view.snapshot?.deployments ?? []).map((d) => d.id);
    if (this.#pending.some((d) => seen.includes(d.id))) {
      this.#pending = this.#pending.filter((d) => !seen.includes(d.id));
    }
  }

  /**
   * Toasts belong to the account and cloud they came from: after a sign-out, or when
   * another account or cloud takes over, their Show would lead nowhere. Only the news
   * that leads to signing in stays while signed out (main raises it as the session ends).
   */
  #forgetToasts(view: AppView): void {
    const signedIn = view.session?.status === 'signed-in';
    const kept = signedIn ? [] : this.#notifications.filter((n) => n.to?.screen === 'sign-in');
    if (kept.length !== this.#notifications.length) this.#notifications = kept;
  }

  #notify(notification: NotificationEvent): void {
    const shown = { ...notification, id: this.#nextNotificationId++, receivedAt: Date.now() };
    this.#notifications = [...this.#notifications, shown].slice(-MAX_NOTIFICATIONS);
  }
}

/** Whose news a view shows: the cloud, and the account signed in to it (none otherwise). */
function whose(view: AppView): string {
  const session = view.session?.status === 'signed-in' ? view.session.email : '';
  return JSON.stringify([view.environment?.name, view.environment?.apiUrl, session]);
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

/**
 * TrayCore: the one object a host creates. It wires the API client, session,
 * poller, change detection and tray model, and answers the window's bridge.
 */
import {
  type AppView,
  type BridgeMethod,
  type BridgeRequest,
  type BridgeResponses,
  type BridgeResult,
  type ConnectivityView,
  type NotificationView,
  type SessionView,
  type TrayModel,
  BridgeRequests,
  isBridgeMethod,
} from '../../src-shared/bridge';
import { actionHandlers } from './actions';
import { ApiClient } from './api/client';
import { environmentFor, type Environment } from './auth/environments';
import { issuerFor } from './auth/issuer';
import { OidcAuth } from './auth/oidc';
import { SignIns } from './auth/sign-ins';
import { NotSignedInError } from './api/errors';
import { BridgeFailure, toBridgeError } from './error-words';
import type { Words } from './i18n';
import { NotificationCenter } from './notification-center';
import {
  type BrowserOpener,
  type Clock,
  type DocumentStore,
  type LoopbackListener,
  type Logger,
  type Notifier,
  type SecretStore,
  type SystemLocale,
  type TrayView,
  systemClock,
} from './ports';
import { Session, keychainAccount } from './session';
import type { AppFocus, NetworkStatus, PowerEvents } from './ports';
import type { SettingsDocument } from './settings-document';
import { SnapshotBook } from './snapshot-book';
import type { SnapshotDocument } from './snapshot-document';
import type { Heartbeat } from './heartbeat';
import { type NoticeWords, storedFileNotice } from './stored-file-words';
import { SyncEngine } from './sync/engine';
import { buildTrayModel } from './tray-model';

export type { Environment } from './auth/environments';

/** Everything a host hands to the core. */
export interface TrayCoreOptions {
  /** The cloud to run against; with `followSettingsEndpoint`, only the one to start with. */
  environment: Environment;
  /**
   * The Settings endpoint chooses the cloud (production, staging, a custom URL). Hosts
   * leave it off when KOMBIFY_API_URL names the cloud; the endpoint is then kept but not used.
   */
  followSettingsEndpoint?: boolean;
  /**
   * Added to the keychain account so that two installs side by side (a second
   * data folder) never share, and so rotate away, each other's refresh token.
   */
  keychainScope?: string;
  secrets: SecretStore;
  snapshots: DocumentStore<SnapshotDocument>;
  notifier: Notifier;
  tray: TrayView;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Settings and notification pause; kept in memory only when absent. */
  settings?: DocumentStore<SettingsDocument>;
  /** System sleep and wake: nothing is polled while asleep. */
  power?: PowerEvents;
  /** The network coming back: sync at once. */
  network?: NetworkStatus;
  /** The window gaining focus: sync at once. */
  focus?: AppFocus;
  /**
   * The host's once-a-minute heartbeat (same clock): the tray's ages are redrawn on
   * it, and the sync engine's timers ride it so an idle minute wakes the host once.
   */
  heartbeat?: Heartbeat;
  /** Random source for jitter; tests pin it. */
  random?: () => number;
  /** Quiet polling interval; overrides the setting (development, tests). */
  pollIntervalMs?: number;
  /** Shortest interval of a deployment in motion. Default 3 s. */
  activePollIntervalMs?: number;
  /** Time box per API request. Default 10 s. */
  requestTimeoutMs?: number;
  /** Time box per keychain call. Default 3 s. */
  keychainTimeoutMs?: number;
  /** IANA zone for clock times in the tray; the system zone when absent. */
  timeZone?: string;
  /**
   * The system's locale, for the 'system' language setting: the tray, notifications
   * and sign-in pages then speak German on a German system. English when absent.
   */
  systemLocale?: SystemLocale;
  /** Opens the system browser; without it browser sign-in is not offered. */
  browser?: BrowserOpener;
  /** Listens on 127.0.0.1 for the browser sign-in's redirect. */
  loopback?: LoopbackListener;
  /** Browser sign-in gives up after this long. Default 5 min. */
  signInTimeoutMs?: number;
}

type Handler = (payload: never) => Promise<unknown>;

/** The app without a host: start it, show its view, forward bridge calls to it. */
export class TrayCore {
  readonly #o: TrayCoreOptions;
  readonly #clock: Clock;
  readonly #log: Logger;
  // Environment, account, issuer, session and book change together in switchEnvironment().
  #environment: Environment;
  #account: string;
  #oidc: OidcAuth;
  readonly #api: ApiClient;
  #session: Session;
  readonly #signIns: SignIns;
  readonly #poller: SyncEngine;
  readonly #alerts: NotificationCenter;
  #unwatch: Array<() => void> | null = null;
  #book: SnapshotBook;
  readonly #listeners = new Set<(view: AppView) => void>();
  /** Notices by id: words as they are, or worded in the language in use when shown. */
  readonly #notices = new Map<string, string | NoticeWords>();
  /** The stored-file problems the notices say, to change them only when they change. */
  readonly #fileProblems = new Map<string, string>();
  #connectivity: ConnectivityView;
  #lastSession: SessionView['status'] = 'signed-out';
  #renderedTray = '';
  #stopped = false;

  constructor(options: TrayCoreOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.logger.child('core');
    this.#environment = options.environment;
    this.#account = keychainAccount(options.environment, options.keychainScope);
    this.#book = this.#newBook();
    this.#oidc = this.#newIssuer();
    this.#api = new ApiClient({
      baseUrl: options.environment.apiUrl,
      fetch: options.fetch,
      timeoutMs: options.requestTimeoutMs,
      clock: this.#clock,
      onRateLimit: (limit) => this.#poller.learnRateLimit(limit),
      auth: {
        accessToken: () => this.#session.accessToken(),
        refreshAfterRejection: (rejected) => this.#session.refreshAfterRejection(rejected),
        isApiKey: (token) => this.#session.isApiKey(token),
      },
    });
    this.#session = this.#newSession();
    this.#signIns = new SignIns({
      session: () => this.#session,
      issuer: () => this.#oidc,
      listener: options.loopback,
      browser: options.browser,
      clock: this.#clock,
      logger: options.logger.child('sign-in'),
      browserTimeoutMs: options.signInTimeoutMs,
      onChange: () => this.#changed(),
      words: () => this.#words(),
    });
    this.#alerts = new NotificationCenter({
      store: options.settings,
      notifier: options.notifier,
      clock: this.#clock,
      logger: options.logger.child('notify'),
      timeZone: options.timeZone,
      systemLocale: options.systemLocale,
    });
    this.#poller = new SyncEngine({
      source: this.#api,
      clock: options.heartbeat ? options.heartbeat.riding(this.#clock) : this.#clock,
      logger: options.logger.child('sync'),
      random: options.random,
      activeIntervalMs: options.activePollIntervalMs,
      onSnapshot: (snapshot, { away }) => {
        this.#alerts.raise(this.#book.record(snapshot, this.#words()), away);
        this.#noteStoredFiles();
        this.#changed();
      },
      onConnectivity: (view) => {
        this.#connectivity = view;
        this.#changed();
      },
    });
    this.#connectivity = this.#poller.connectivity();
  }

  /** Shows the cached glance, restores the sign-in, then starts polling. */
  async start(): Promise<void> {
    this.#alerts.load();
    const chosen = this.#chosenEnvironment();
    // switchEnvironment() starts again in the chosen one; that start finds nothing to switch.
    if (chosen) return this.switchEnvironment(chosen);
    this.#applySettings();
    this.#watchSystem();
    this.#book.load();
    // Shown with the 'restoring' view restore() reports next.
    this.#noteStoredFiles();
    // restore() reports 'restoring' before its first await, so this renders the cached glance.
    await this.#session.restore();
    if (this.#session.signedIn && !this.#stopped) {
      this.#drop(this.#poller.start(this.#book.snapshot), 'first poll');
    }
  }

  /** Stops polling and aborts requests in flight. Nothing of the core keeps running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#signIns.cancel();
    this.#api.close();
    this.#session.close();
    await this.#poller.stop();
    for (const unwatch of this.#unwatch ?? []) unwatch();
    this.#unwatch = [];
    this.#listeners.clear();
  }

  /** What the window shows. Holds no token. */
  view(): AppView {
    const session = this.#sessionView();
    const tray = this.#trayModel(session);
    return {
      environment: {
        name: this.#environment.name,
        apiUrl: this.#environment.apiUrl,
        issuerUrl: this.#oidc.issuer,
        fixed: !this.#o.followSettingsEndpoint,
      },
      signInMethods: this.#signIns.methods(),
      session,
      keychain: this.#session.keychain(),
      snapshot: this.#book.snapshot,
      connectivity: this.#connectivity,
      tray,
      signIn: this.#signIns.view(),
      settings: this.#alerts.settings,
      notifications: this.#alerts.view(),
      notices: [...this.#notices].map(([id, message]) => ({
        id,
        message: typeof message === 'string' ? message : message(this.#words()),
      })),
    };
  }

  /**
   * A host's message about this machine (null removes it), shown in the window. Words
   * given as a function are said in the language in use, again after it changes.
   */
  setNotice(id: string, message: string | NoticeWords | null): void {
    if (message === null) this.#notices.delete(id);
    else this.#notices.set(id, message);
    this.#changed();
  }

  /**
   * Notices of what the settings and snapshot stores found wrong, if anything. True
   * when they changed; the caller shows the change (with its own, or by #changed).
   */
  #noteStoredFiles(): boolean {
    const files = [
      ['settings-file', 'settings', this.#o.settings],
      ['snapshot-file', 'snapshot', this.#o.snapshots],
    ] as const;
    let changed = false;
    for (const [id, which, store] of files) {
      const problem = store?.problem?.() ?? null;
      const key = JSON.stringify(problem);
      if ((this.#fileProblems.get(id) ?? 'null') === key) continue;
      this.#fileProblems.set(id, key);
      const say = problem && storedFileNotice(which, problem);
      if (say) this.#notices.set(id, say);
      else this.#notices.delete(id);
      changed = true;
    }
    return changed;
  }

  /** Calls `listener` with the new view after every change; returns the unsubscribe. */
  subscribe(listener: (view: AppView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One bridge call from the untrusted window: validated here, errors as plain words. */
  async handle(method: unknown, payload: unknown): Promise<BridgeResult<unknown>> {
    if (!isBridgeMethod(method)) {
      return invalid('This request is not part of the app.');
    }
    const parsed = BridgeRequests[method].safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      return invalid(`The request to ${method} is not valid${where}.`);
    }
    const handler = this.#handlers[method] as Handler;
    try {
      const value = await handler(parsed.data as never);
      if (this.#noteStoredFiles()) this.#changed();
      return { ok: true, value };
    } catch (error) {
      // A change that could not be saved: the window hears why, beside the error.
      if (this.#noteStoredFiles()) this.#changed();
      const bridgeError = toBridgeError(error, undefined, this.#words());
      this.#log.info('request failed', { method, code: bridgeError.code });
      return { ok: false, error: bridgeError };
    }
  }

  /** Typed by the shared contract, so a handler cannot drift from what the window expects. */
  readonly #handlers: {
    [M in BridgeMethod]: (payload: BridgeRequest<M>) => Promise<BridgeResponses[M]>;
  } = {
    getState: async () => this.view(),
    signInWithPassword: async ({ email, password }) =>
      this.#signedInBy(this.#signIns.password(email, password)),
    signInWithBrowser: async () => this.#signedInBy(this.#signIns.browser()),
    signInWithDeviceCode: async () => this.#signedInBy(this.#signIns.device()),
    signInWithApiKey: async ({ apiKey }) => this.#signedInBy(this.#signIns.apiKey(apiKey)),
    cancelSignIn: async () => {
      await this.#signIns.cancel();
      return this.view();
    },
    signOut: async () => {
      await this.#poller.stop();
      await this.#session.signOut();
      return this.view();
    },
    refresh: async () => {
      if (!this.#session.signedIn) throw new NotSignedInError();
      await this.#poller.refresh('user');
      return this.view();
    },
    deployStackKit: async ({ stackkit, homelabId, requestId }) => {
      // The window makes one request id per click and reuses it on retry; as the
      // Idempotency-Key it keeps a double click or a retry from deploying twice.
      const deployment = await this.#api.createDeployment(
        { stackkit, homelab_id: homelabId },
        requestId,
      );
      this.#log.info('deployment requested', { deploymentId: deployment.id, stackkit });
      this.#book.remember(`deployment:${deployment.id}:created`);
      this.#drop(this.#poller.refresh('user'), 'refresh after deploy');
      return deployment;
    },
    openLink: async () => {
      // Hosts intercept this one: opening a browser is a host capability, not a core one.
      throw new BridgeFailure({
        code: 'NOT_SUPPORTED',
        message: 'Opening links is handled by the app window, not here.',
      });
    },
    updateSettings: async (patch) => {
      this.#alerts.update(patch);
      this.#applySettings();
      const chosen = patch.endpoint ? this.#chosenEnvironment() : null;
      if (chosen) await this.switchEnvironment(chosen);
      this.#changed();
      return this.view();
    },
    pauseNotifications: async ({ for: choice }) => {
      this.#alerts.pause(choice);
      this.#changed();
      return this.view();
    },
    resumeNotifications: async () => {
      this.#alerts.resume();
      this.#changed();
      return this.view();
    },
    ...actionHandlers({
      api: () => this.#api,
      logger: () => this.#o.logger,
      knownSubscriptionId: () => this.#book.snapshot?.subscription?.id ?? null,
      refreshSoon: (what) => this.#drop(this.#poller.refresh('user'), what),
    }),
  };

  /**
   * Runs the session for another kombify Cloud (Settings endpoint changed): a
   * flow under way is cancelled, polling stops, and that environment's own
   * keychain entry and cached glance are loaded. The old environment's sign-in
   * stays stored under its own account, so credentials never mix.
   */
  async switchEnvironment(environment: Environment): Promise<void> {
    const same = environment.name === this.#environment.name;
    if (same && environment.apiUrl === this.#environment.apiUrl) return;
    await this.#signIns.cancel();
    await this.#poller.stop();
    this.#poller.reset();
    this.#alerts.forgetHeld();
    this.#session.close();
    this.#environment = environment;
    this.#account = keychainAccount(environment, this.#o.keychainScope);
    this.#api.useBaseUrl(environment.apiUrl);
    this.#oidc = this.#newIssuer();
    this.#book = this.#newBook();
    this.#session = this.#newSession();
    this.#lastSession = 'signed-out';
    this.#connectivity = this.#poller.connectivity();
    this.#log.info('environment switched', { environment: environment.name });
    await this.start();
  }

  async #signedInBy(signingIn: Promise<void>): Promise<AppView> {
    await signingIn;
    // A sign-in overtaken by a later sign-out resolves too, and leaves nothing to poll for.
    if (!this.#stopped && this.#session.signedIn) await this.#poller.start(this.#book.snapshot);
    return this.view();
  }

  /** The Settings endpoint's environment when it differs from the one running, else null. */
  #chosenEnvironment(): Environment | null {
    if (!this.#o.followSettingsEndpoint) return null;
    const wanted = environmentFor(this.#alerts.settings.endpoint);
    const running = this.#environment;
    return wanted.name === running.name && wanted.apiUrl === running.apiUrl ? null : wanted;
  }

  /** The polling setting in force, unless the host fixed an interval. */
  #applySettings(): void {
    const { quietIntervalSeconds } = this.#alerts.settings.polling;
    this.#poller.setQuietInterval(this.#o.pollIntervalMs ?? quietIntervalSeconds * 1000);
  }

  /** Listens to sleep, wake, network, focus and the heartbeat once per core. */
  #watchSystem(): void {
    if (this.#unwatch !== null) return;
    const { power, network, focus, heartbeat } = this.#o;
    const refresh = (why: 'focus' | 'network') => () => this.#drop(this.#poller.refresh(why), why);
    this.#unwatch = [
      power?.onSuspend(() => this.#poller.suspend()),
      power?.onResume(() => this.#poller.resume()),
      network?.onOnline(refresh('network')),
      focus?.onFocus(refresh('focus')),
      heartbeat?.onBeat(() => this.#redrawAges()),
    ].filter((u): u is () => void => u !== undefined);
  }

  /**
   * Ages ("updated 3 min ago") and a pause that ran out change with time alone:
   * on a beat the tray model is built again, and drawn only if it changed.
   */
  #redrawAges(): void {
    if (this.#stopped) return;
    if (JSON.stringify(this.#trayModel(this.#sessionView())) !== this.#renderedTray) {
      this.#changed();
    }
  }

  #newSession(): Session {
    return new Session({
      account: this.#account,
      secrets: this.#o.secrets,
      api: this.#api,
      issuer: { refresh: (t) => this.#oidc.refresh(t), revoke: (t, h) => this.#oidc.revoke(t, h) },
      clock: this.#clock,
      logger: this.#o.logger.child('session'),
      random: this.#o.random,
      keychainTimeoutMs: this.#o.keychainTimeoutMs,
      onChange: () => this.#sessionChanged(),
      onExpiring: (warning) =>
        this.#notify({
          key: `session:expiring:${this.#clock.now()}`,
          kind: 'session-expiring',
          title: this.#words().t.session.endingTitle,
          body: warning,
        }),
      words: () => this.#words(),
    });
  }

  #newIssuer(): OidcAuth {
    const issuer = issuerFor(this.#environment.apiUrl);
    return new OidcAuth({ issuer, clock: this.#clock, fetch: this.#o.fetch });
  }

  #newBook(): SnapshotBook {
    return new SnapshotBook({
      store: this.#o.snapshots,
      account: this.#account,
      logger: this.#o.logger.child('snapshot'),
    });
  }

  #sessionView(): SessionView {
    const view = this.#session.view();
    const user = this.#book.snapshot?.user;
    if (view.status === 'signed-in' && user) return { ...view, name: user.name };
    return view;
  }

  #trayModel(session: SessionView): TrayModel {
    return buildTrayModel({
      session,
      snapshot: this.#book.snapshot,
      connectivity: this.#connectivity,
      now: this.#clock.now(),
      timeZone: this.#o.timeZone,
      notifications: this.#alerts.view(),
      words: this.#words(),
    });
  }

  /** The language of the settings (for 'system', the host's): tray, notifications, pages. */
  #words(): Words {
    return this.#alerts.words();
  }

  #notify(event: NotificationView): void {
    this.#alerts.show(event);
  }

  #sessionChanged(): void {
    const status = this.#session.view().status;
    const was = this.#lastSession;
    this.#lastSession = status;
    if (was === 'signed-in' && status === 'signed-out') this.#signedOut();
    this.#changed();
  }

  /** Any end of a session: stop polling and forget the account's cached glance. */
  #signedOut(): void {
    this.#drop(this.#poller.stop(), 'stop polling');
    this.#poller.reset();
    this.#alerts.forgetHeld();
    this.#connectivity = this.#poller.connectivity();
    this.#book.forget();
    const view = this.#session.view();
    // A reason means the person did not ask: a refused refresh or a refused API key.
    if (view.status === 'signed-out' && view.reason) {
      this.#notify({
        key: `session:ended:${this.#clock.now()}`,
        kind: 'session-ended',
        title: this.#words().t.session.endedTitle,
        body: view.reason,
      });
    }
  }

  #changed(): void {
    if (this.#stopped) return;
    const view = this.view();
    const tray = JSON.stringify(view.tray);
    if (tray !== this.#renderedTray) {
      this.#renderedTray = tray;
      this.#o.tray.render(view.tray);
    }
    for (const listener of this.#listeners) {
      try {
        listener(view);
      } catch (error) {
        this.#log.error('view listener failed', { error: String(error) });
      }
    }
  }

  /** Fire-and-forget on purpose; a failure is logged, never unhandled. */
  #drop(work: Promise<unknown>, what: string): void {
    work.catch((error: unknown) => this.#log.error(`${what} failed`, { error: String(error) }));
  }
}

function invalid(message: string): BridgeResult<never> {
  return { ok: false, error: { code: 'INVALID_REQUEST', message } };
}

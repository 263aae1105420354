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
  DEFAULT_SETTINGS,
  isBridgeMethod,
} from '../../src-shared/bridge';
import { actionHandlers } from './actions';
import { ApiClient } from './api/client';
import { NotSignedInError } from './api/errors';
import { BridgeFailure, toBridgeError } from './error-words';
import { Poller } from './poller';
import {
  type Clock,
  type DocumentStore,
  type Logger,
  type Notifier,
  type SecretStore,
  type TrayView,
  systemClock,
} from './ports';
import { SESSION_ENDED_REASON, Session, keychainAccount } from './session';
import { SnapshotBook } from './snapshot-book';
import type { SnapshotDocument } from './snapshot-document';
import { buildTrayModel } from './tray-model';

/** Which kombify Cloud this app talks to; part of the keychain account. */
export interface Environment {
  name: string;
  apiUrl: string;
}

/** Everything a host hands to the core. */
export interface TrayCoreOptions {
  environment: Environment;
  secrets: SecretStore;
  snapshots: DocumentStore<SnapshotDocument>;
  notifier: Notifier;
  tray: TrayView;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Quiet polling interval. Default 10 s. */
  pollIntervalMs?: number;
  /** Polling interval while a deployment moves. Default 2 s. */
  activePollIntervalMs?: number;
  /** Time box per API request. Default 10 s. */
  requestTimeoutMs?: number;
  /** Time box per keychain call. Default 3 s. */
  keychainTimeoutMs?: number;
  /** IANA zone for clock times in the tray; the system zone when absent. */
  timeZone?: string;
}

type Handler = (payload: never) => Promise<unknown>;

/** Placeholder while the contract runs ahead of the core (issues 4, 5, 7); none may remain. */
const notYet = async (): Promise<never> => {
  throw new BridgeFailure({ code: 'NOT_IMPLEMENTED', message: 'This is not available yet.' });
};

/** The app without a host: start it, show its view, forward bridge calls to it. */
export class TrayCore {
  readonly #o: TrayCoreOptions;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #account: string;
  readonly #api: ApiClient;
  readonly #session: Session;
  readonly #poller: Poller;
  readonly #book: SnapshotBook;
  readonly #listeners = new Set<(view: AppView) => void>();
  #connectivity: ConnectivityView;
  #lastSession: SessionView['status'] = 'signed-out';
  #renderedTray = '';
  #stopped = false;

  constructor(options: TrayCoreOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#log = options.logger.child('core');
    this.#account = keychainAccount(options.environment);
    this.#book = new SnapshotBook({
      store: options.snapshots,
      account: this.#account,
      logger: options.logger.child('snapshot'),
    });
    this.#api = new ApiClient({
      baseUrl: options.environment.apiUrl,
      fetch: options.fetch,
      timeoutMs: options.requestTimeoutMs,
      clock: this.#clock,
      auth: {
        accessToken: () => this.#session.accessToken(),
        refreshAfterRejection: (rejected) => this.#session.refreshAfterRejection(rejected),
      },
    });
    this.#session = new Session({
      account: this.#account,
      secrets: options.secrets,
      api: this.#api,
      clock: this.#clock,
      logger: options.logger.child('session'),
      keychainTimeoutMs: options.keychainTimeoutMs,
      onChange: () => this.#sessionChanged(),
    });
    this.#poller = new Poller({
      source: this.#api,
      clock: this.#clock,
      logger: options.logger.child('poller'),
      intervalMs: options.pollIntervalMs,
      activeIntervalMs: options.activePollIntervalMs,
      onSnapshot: (snapshot) => {
        for (const event of this.#book.record(snapshot)) this.#notify(event);
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
    this.#book.load();
    // restore() reports 'signing-in' before its first await, so this renders the cached glance.
    await this.#session.restore();
    if (this.#session.signedIn && !this.#stopped) this.#drop(this.#poller.start(), 'first poll');
  }

  /** Stops polling and aborts requests in flight. Nothing of the core keeps running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#api.close();
    this.#session.close();
    await this.#poller.stop();
    this.#listeners.clear();
  }

  /** What the window shows. Holds no token. */
  view(): AppView {
    const session = this.#sessionView();
    const tray = this.#trayModel(session);
    return {
      environment: { name: this.#o.environment.name, apiUrl: this.#o.environment.apiUrl },
      session,
      keychain: this.#session.keychain(),
      snapshot: this.#book.snapshot,
      connectivity: this.#connectivity,
      tray,
      signIn: null,
      settings: DEFAULT_SETTINGS,
      notifications: { pausedUntil: null, pausedIndefinitely: false },
    };
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
      return { ok: true, value: await handler(parsed.data as never) };
    } catch (error) {
      const bridgeError = toBridgeError(error);
      this.#log.info('request failed', { method, code: bridgeError.code });
      return { ok: false, error: bridgeError };
    }
  }

  /** Typed by the shared contract, so a handler cannot drift from what the window expects. */
  readonly #handlers: {
    [M in BridgeMethod]: (payload: BridgeRequest<M>) => Promise<BridgeResponses[M]>;
  } = {
    getState: async () => this.view(),
    signInWithPassword: async ({ email, password }) => {
      await this.#session.signIn(email, password);
      if (!this.#stopped) await this.#poller.start();
      return this.view();
    },
    signOut: async () => {
      await this.#poller.stop();
      await this.#session.signOut();
      return this.view();
    },
    refresh: async () => {
      if (!this.#session.signedIn) throw new NotSignedInError();
      await this.#poller.refreshNow();
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
      this.#drop(this.#poller.refreshNow(), 'refresh after deploy');
      return deployment;
    },
    openLink: async () => {
      // Hosts intercept this one: opening a browser is a host capability, not a core one.
      throw new BridgeFailure({
        code: 'NOT_SUPPORTED',
        message: 'Opening links is handled by the app window, not here.',
      });
    },
    signInWithBrowser: notYet,
    signInWithDeviceCode: notYet,
    signInWithApiKey: notYet,
    cancelSignIn: notYet,
    updateSettings: notYet,
    pauseNotifications: notYet,
    resumeNotifications: notYet,
    ...actionHandlers({
      api: () => this.#api,
      logger: () => this.#o.logger,
      knownSubscriptionId: () => this.#book.snapshot?.subscription?.id ?? null,
      refreshSoon: (what) => this.#drop(this.#poller.refreshNow(), what),
    }),
  };

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
    });
  }

  #notify(event: NotificationView): void {
    const shown = this.#o.notifier.notify(event);
    this.#log.info('notification raised', { key: event.key, shown });
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
    this.#connectivity = this.#poller.connectivity();
    this.#book.forget();
    const view = this.#session.view();
    if (view.status === 'signed-out' && view.reason === SESSION_ENDED_REASON) {
      this.#notify({
        key: `session:ended:${this.#clock.now()}`,
        kind: 'session-ended',
        title: 'Signed out of kombify',
        body: SESSION_ENDED_REASON,
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

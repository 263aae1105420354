/**
 * The browser host: the same core as the Electron app, run under Node, with
 * its window served to a browser over the loopback bridge. Used where the
 * Electron runtime is missing, and by the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotificationView, TrayModel } from '../../src-shared/bridge';
import type { Environment } from '../core/app';
import type { Logger, Notifier, TrayView } from '../core/ports';
import { createHostCore, defaultDataDir, keychainScopeFor } from '../host/compose';
import { issuerPageOpener } from '../host/sign-in-opener';
import { startBridgeServer, type BridgeServer } from './server';
import { openInBrowser } from './open-in-browser';
import { acquireInstanceLock } from '../node/instance-lock';
import { Heartbeat } from '../core/heartbeat';
import { systemClock } from '../core/ports';
import { interfaceNetworkStatus } from '../node/network-interfaces';
import { wakeDetector } from '../node/wake-detector';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserHostOptions {
  environment: Environment;
  /** Signs in with these when no session is stored (the emulator's demo account). */
  demoAccount?: { email: string; password: string };
  port?: number;
  dataDir?: string;
}

/** Another kombify Tray already runs on this data folder; it is at `pageUrl`. */
export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';
  constructor(readonly pageUrl: string) {
    super('kombify Tray is already running');
  }
}

/**
 * The browser host cannot start, for a reason in words a person can act on (the
 * window is not built, the data folder cannot be used): printed as one line.
 */
export class StartError extends Error {
  override readonly name = 'StartError';
}

/** The data folder `dataDir` cannot be used: what failed, why, and what to do. */
function dataFolderError(dataDir: string, error: unknown): StartError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? String(error);
  return new StartError(
    `kombify Tray cannot use its data folder ${dataDir} (${code}). ` +
      'Fix the folder (its owner or permissions), or choose another with KOMBIFY_DATA_DIR.',
    { cause: error },
  );
}

export interface RunningBrowserHost {
  pageUrl: string;
  logger: Logger;
  stop(): Promise<void>;
}

/** A tiny listener set whose `add` returns the way to remove again. */
class Listeners {
  readonly #set = new Set<() => void>();
  add(listener: () => void): () => void {
    this.#set.add(listener);
    return () => void this.#set.delete(listener);
  }
  emit(): void {
    for (const listener of this.#set) listener();
  }
}

/** Notifications go to every open window; the log keeps a line per notification. */
class WindowNotifier implements Notifier {
  server: BridgeServer | null = null;
  constructor(private readonly log: Logger) {}

  notify(notification: NotificationView): boolean {
    this.log.info('notification raised', { key: notification.key, title: notification.title });
    this.server?.broadcastNotification(notification);
    return true;
  }
}

/** There is no tray in a browser: the window shows the tray model, the log its changes. */
class LoggedTray implements TrayView {
  #state = '';
  constructor(private readonly log: Logger) {}

  render(model: TrayModel): void {
    if (model.state === this.#state) return;
    this.#state = model.state;
    this.log.info('tray state', { state: model.state, tooltip: model.tooltip });
  }
}

export async function runBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const dataDir = options.dataDir ?? defaultDataDir(process.env);
  await mkdir(dataDir, { recursive: true }).catch((error: unknown) => {
    throw dataFolderError(dataDir, error);
  });
  const staticDir = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new StartError('The window is not built yet: run `npm run build:renderer` first.');
  }
  // Files in the folder it cannot read or write are the window's to tell, not a reason to stop.
  const lock = await acquireInstanceLock(dataDir).catch((error: unknown) => {
    throw dataFolderError(dataDir, error);
  });
  if (!lock.acquired) throw new AlreadyRunningError(lock.holder.pageUrl);
  let notifier: WindowNotifier | null = null;
  let tray: LoggedTray | null = null;
  // A window opening (or reconnecting) is the browser host's "focus": the person is looking.
  const windowOpened = new Listeners();
  // The one idle timer: tray ages, and sleep and network return seen by it.
  const heartbeat = new Heartbeat({ clock: systemClock });
  const host = await createHostCore({
    dataDir,
    keychainScope: keychainScopeFor(options.dataDir ?? process.env.KOMBIFY_DATA_DIR),
    environment: options.environment,
    notifier: { notify: (n) => notifier?.notify(n) ?? false },
    tray: { render: (model) => tray?.render(model) },
    pollIntervalMs: Number(process.env.KOMBIFY_POLL_INTERVAL_MS) || undefined,
    logToStderr: true,
    heartbeat,
    power: wakeDetector(heartbeat),
    network: interfaceNetworkStatus(heartbeat),
    // The sign-in page opens in the person's default browser, like the Electron app's.
    // Called only once the host exists: sign-ins start after start-up.
    browser: issuerPageOpener((url) => openInBrowser(url, host.logger.child('sign-in'))),
    focus: { onFocus: (listener) => windowOpened.add(listener) },
  });
  notifier = new WindowNotifier(host.logger.child('notify'));
  tray = new LoggedTray(host.logger.child('tray'));

  const server = await startBridgeServer({
    core: host.core,
    staticDir,
    logger: host.logger.child('browser-host'),
    port: options.port,
    onWindowConnected: () => windowOpened.emit(),
    heartbeat,
    opener: { openExternal: async (url) => openInBrowser(url, host.logger) },
  });
  notifier.server = server;
  await lock.publish(server.pageUrl);
  // Ctrl-C and SIGTERM end the process without waiting for stop(): the lock still goes.
  process.once('exit', () => lock.releaseSync());
  if (lock.warning) host.logger.warn(lock.warning);

  await host.core.start();
  if (options.demoAccount && host.core.view().session.status !== 'signed-in') {
    const result = await host.core.handle('signInWithPassword', options.demoAccount);
    if (!result.ok) host.logger.warn('demo sign-in failed', { code: result.error.code });
  }

  return {
    pageUrl: server.pageUrl,
    logger: host.logger,
    async stop() {
      await server.close();
      await host.stop();
      await lock.release();
    },
  };
}

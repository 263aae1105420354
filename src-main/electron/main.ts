/**
 * The Electron host: one instance, a tray, native notifications and a locked
 * down window, all adapters around the same core the browser host runs.
 */
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppView, NavigationView, NotificationView, TrayModel } from '../../src-shared/bridge';
import { Heartbeat } from '../core/heartbeat';
import { systemClock } from '../core/ports';
import { TRAY_ACTIONS } from '../core/tray-model';
import {
  createHostCore,
  keychainScopeFor,
  resolveEnvironment,
  type HostCore,
} from '../host/compose';
import { setLinuxAutostart } from '../node/autostart';
import { checkTrayHost } from '../node/tray-host-check';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { isAppEntryUrl } from './app-url';
import { registerIpcBridge, sendBridgeEvent } from './ipc';
import { ElectronNotifier } from './notifier';
import { ElectronTrayView } from './tray';
import { trayIconFile } from './tray-icons';
import { signInBrowser } from './sign-in-browser';
import { startElectron } from './startup';
import { appFocus, networkStatus, powerEvents, systemLocale } from './system-events';
import { startUpdateChecks } from './updater';
import { electronStoreBacking } from './document-backing';
import { createMainWindow, hardenSessions, positionNearTray } from './window';

const { app, ipcMain, net, powerMonitor, screen, shell } = electron;
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const iconsDir = join(here, '..', 'icons');
const preload = join(here, 'preload.cjs');
const appIcon = join(iconsDir, 'icon.png');

let window: Electron.BrowserWindow | null = null;
let quitting = false;

/** Shows the one window, creating it if needed, and optionally moves it to an item. */
function showWindow(host: HostCore, tray: ElectronTrayView, to?: NavigationView): void {
  if (!window || window.isDestroyed()) {
    const trayBounds = tray.bounds();
    const display = trayBounds
      ? screen.getDisplayNearestPoint({ x: trayBounds.x, y: trayBounds.y })
      : screen.getPrimaryDisplay();
    const position = positionNearTray(trayBounds, display.workArea) ?? undefined;
    const created = createMainWindow(electron, { preload, icon: appIcon, position });
    window = created;
    created.once('ready-to-show', () => created.show());
    // Closing the window keeps the app in the tray; Quit really quits.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.webContents.on('did-finish-load', () => {
      sendBridgeEvent(created.webContents, 'state', host.core.view());
      if (to) sendBridgeEvent(created.webContents, 'navigate', to);
    });
  } else {
    window.show();
    if (to) sendBridgeEvent(window.webContents, 'navigate', to);
  }
  window.focus();
}

function onTrayAction(host: HostCore, tray: ElectronTrayView, itemId: string, id?: string) {
  const call = (method: string, payload?: unknown) => void host.core.handle(method, payload);
  switch (itemId) {
    case TRAY_ACTIONS.refresh:
      return call('refresh');
    case TRAY_ACTIONS.signOut:
      return call('signOut');
    case TRAY_ACTIONS.pauseHour:
      return call('pauseNotifications', { for: 'hour' });
    case TRAY_ACTIONS.pauseTomorrow:
      return call('pauseNotifications', { for: 'tomorrow' });
    case TRAY_ACTIONS.pauseUntilResumed:
      return call('pauseNotifications', { for: 'until-resumed' });
    case TRAY_ACTIONS.resume:
      return call('resumeNotifications');
    case TRAY_ACTIONS.quit:
      return app.quit();
    case TRAY_ACTIONS.deploy:
      return showWindow(host, tray, { screen: 'stackkits' });
    case TRAY_ACTIONS.signIn:
      return showWindow(host, tray, { screen: 'sign-in' });
    default:
      // Open, and any deployment: a deployment opens on its own item.
      return showWindow(host, tray, id ? { screen: 'deployments', deploymentId: id } : undefined);
  }
}

/** Keeps the login item in step with the setting, on every system. */
async function applyStartAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'linux') {
    // An AppImage moves with its file; APPIMAGE names the file, execPath a temporary mount.
    await setLinuxAutostart(enabled, [process.env.APPIMAGE ?? process.execPath]);
  } else {
    app.setLoginItemSettings({ openAtLogin: enabled });
  }
}

/**
 * With KOMBIFY_E2E=1 (set only by test/e2e/electron-app.e2e.ts), the main process keeps
 * what it shows in the tray and as notifications where Playwright's evaluate can read it.
 */
function exposeForEndToEndTests(): { tray: TrayModel | null; notifications: NotificationView[] } {
  const seen = { tray: null as TrayModel | null, notifications: [] as NotificationView[] };
  (globalThis as { kombifyE2E?: typeof seen }).kombifyE2E = seen;
  return seen;
}

/** Everything after start-up (see startup.ts): the app is ready and has its identity. */
async function run(): Promise<void> {
  hardenSessions(electron);
  serveAppScheme(rendererDir);

  let host: HostCore | null = null;
  const notifier = new ElectronNotifier(
    electron,
    (to) => host && showWindow(host, tray, to),
    appIcon,
  );
  const tray = new ElectronTrayView({
    electron,
    iconPath: (name, dark) => join(iconsDir, trayIconFile(name, process.platform, dark)),
    onAction: (itemId, id) => host && onTrayAction(host, tray, itemId, id),
  });
  const e2e = process.env.KOMBIFY_E2E === '1' ? exposeForEndToEndTests() : null;
  // The one idle timer: tray ages, the network check and update checks ride it.
  const heartbeat = new Heartbeat({ clock: systemClock });
  const chosen = resolveEnvironment(process.env);
  host = await createHostCore({
    dataDir: process.env.KOMBIFY_DATA_DIR ?? app.getPath('userData'),
    keychainScope: keychainScopeFor(process.env.KOMBIFY_DATA_DIR),
    environment: chosen.environment,
    followSettingsEndpoint: !chosen.fixed,
    notifier: {
      notify(notification) {
        e2e?.notifications.push(notification);
        return notifier.notify(notification);
      },
    },
    tray,
    browser: signInBrowser(shell),
    heartbeat,
    power: powerEvents(powerMonitor),
    network: networkStatus(net, heartbeat),
    focus: appFocus(app),
    systemLocale: () => systemLocale(app),
    documentBacking: electronStoreBacking,
  });
  const started = host;
  const log = started.logger.child('shell');

  registerIpcBridge({
    ipcMain,
    core: started.core,
    logger: started.logger.child('ipc'),
    trustedContents: () => (window && !window.isDestroyed() ? window.webContents : null),
    isTrustedUrl: isAppEntryUrl,
    opener: shell,
  });
  let startAtLogin: boolean | null = null;
  started.core.subscribe((view: AppView) => {
    sendBridgeEvent(window?.webContents ?? null, 'state', view);
    if (e2e) e2e.tray = view.tray;
    if (view.settings.startAtLogin !== startAtLogin) {
      startAtLogin = view.settings.startAtLogin;
      applyStartAtLogin(startAtLogin).catch((error: unknown) =>
        log.warn('could not change start at login', { error: String(error) }),
      );
    }
  });

  app.on('second-instance', () => showWindow(started, tray));
  app.on('activate', () => showWindow(started, tray));
  // Keep running in the tray when the last window closes.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    tray.destroy();
    void started.stop();
  });

  await started.core.start();
  const stopUpdates = await startUpdateChecks({
    packaged: app.isPackaged,
    feedUrl: process.env.KOMBIFY_UPDATE_URL,
    logger: started.logger.child('updater'),
    heartbeat,
  });
  app.once('will-quit', stopUpdates);

  const trayHost = process.platform === 'linux' ? await checkTrayHost() : 'available';
  if (trayHost === 'missing') {
    log.warn('no tray host on this desktop; opening the window instead');
    started.core.setNotice('no-tray', (words) => words.t.tray.noTrayHost);
    showWindow(started, tray);
  } else if (started.core.view().session.status === 'signed-out') {
    showWindow(started, tray, { screen: 'sign-in' });
  }
}

void startElectron({ app, registerAppScheme }, run);

/**
 * The Electron host: one instance, a tray, native notifications and a locked
 * down window, all adapters around the same core the browser host runs.
 */
import type { BrowserWindow } from 'electron';
import { app, ipcMain, nativeTheme, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OverallState } from '../../src-shared/bridge';
import { TRAY_ACTIONS } from '../core/tray-model';
import { createHostCore, resolveEnvironment, type HostCore } from '../host/compose';
import { APP_ID } from './app-identity';
import { registerIpcBridge, sendBridgeEvent } from './ipc';
import { ElectronNotifier } from './notifier';
import { ElectronTrayView } from './tray';
import { startUpdateChecks } from './updater';
import { createMainWindow, hardenSessions, type WindowPaths } from './window';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { isAppEntryUrl } from './app-url';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const paths: WindowPaths = {
  preload: join(here, 'preload.cjs'),
  icon: join(here, '..', 'icons', 'icon.png'),
};

let window: BrowserWindow | null = null;
let quitting = false;

function iconFor(state: OverallState): string {
  const name = `tray-${state}`;
  if (process.platform === 'darwin') return join(here, '..', 'icons', `${name}Template.png`);
  const theme = nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
  return join(here, '..', 'icons', `${name}-${theme}.png`);
}

/** Shows the one window, creating it if it was never opened or was destroyed. */
function showWindow(host: HostCore): BrowserWindow {
  if (!window || window.isDestroyed()) {
    window = createMainWindow(paths);
    const created = window;
    created.once('ready-to-show', () => created.show());
    // Closing the window keeps the app in the tray; Quit really quits.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.webContents.on('did-finish-load', () =>
      sendBridgeEvent(created.webContents, 'state', host.core.view()),
    );
  } else {
    window.show();
  }
  window.focus();
  return window;
}

function onTrayAction(host: HostCore, itemId: string): void {
  switch (itemId) {
    case TRAY_ACTIONS.refresh:
      void host.core.handle('refresh', undefined);
      return;
    case TRAY_ACTIONS.signOut:
      void host.core.handle('signOut', undefined);
      return;
    case TRAY_ACTIONS.quit:
      app.quit();
      return;
    default:
      // Open, Deploy, Sign in and a deployment all lead to the window.
      showWindow(host);
  }
}

async function main(): Promise<void> {
  // A second launch hands over to the first instead of refreshing alongside it.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before the first notification, or Windows drops them.
  app.setAppUserModelId(APP_ID);
  registerAppScheme();
  await app.whenReady();
  hardenSessions();
  serveAppScheme(rendererDir);

  let host: HostCore | null = null;
  const tray = new ElectronTrayView({
    iconFor,
    onAction: (itemId) => host && onTrayAction(host, itemId),
  });
  host = await createHostCore({
    dataDir: app.getPath('userData'),
    environment: resolveEnvironment(process.env, app.isPackaged),
    notifier: new ElectronNotifier(() => host && showWindow(host), paths.icon),
    tray,
  });
  const started = host;

  registerIpcBridge({
    ipcMain,
    core: started.core,
    logger: started.logger.child('ipc'),
    trustedContents: () => (window && !window.isDestroyed() ? window.webContents : null),
    isTrustedUrl: isAppEntryUrl,
    opener: shell,
  });
  started.core.subscribe((view) => sendBridgeEvent(window?.webContents ?? null, 'state', view));

  app.on('second-instance', () => showWindow(started));
  app.on('activate', () => showWindow(started));
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
  });
  app.once('will-quit', stopUpdates);
  if (started.core.view().session.status !== 'signed-in') showWindow(started);
}

void main();

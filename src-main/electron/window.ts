/**
 * The one window, locked down: isolated, sandboxed, no Node, no navigation,
 * no pop-ups, no permissions. Links leave only through the bridge's
 * openLink, which knows a few kombify pages by name.
 */
import { BrowserWindow, session } from 'electron';
import { APP_ENTRY, isAppEntryUrl } from './app-url';

export interface WindowPaths {
  preload: string;
  icon?: string;
}

/** Denies every permission request (camera, notifications from the page, etc.) once per app. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 680,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'kombify Tray',
    icon: paths.icon,
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open links in a new window behind our handlers' backs.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppEntryUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links leave only through the bridge's openLink, by name; nothing opens a window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  void window.loadURL(APP_ENTRY);
  return window;
}

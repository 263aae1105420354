/**
 * The one window, locked down: isolated, sandboxed, no Node, no navigation,
 * no pop-ups, no permissions. Links leave only through the bridge's
 * openLink, which knows a few kombify pages by name.
 */
import type * as Electron from 'electron';
import { APP_ENTRY, isAppEntryUrl } from './app-url';

/** The part of Electron the window needs; main passes the real module, tests a fake. */
export type WindowElectron = Pick<typeof Electron, 'BrowserWindow' | 'session'>;

export interface WindowOptions {
  preload: string;
  icon?: string;
  /** Where to put the window: near the tray icon, or centred when not given. */
  position?: { x: number; y: number };
}

export const WINDOW_SIZE = { width: 960, height: 680 } as const;

/** Denies every permission request (camera, notifications from the page, etc.) once per app. */
export function hardenSessions({ session }: Pick<WindowElectron, 'session'>): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(
  electron: WindowElectron,
  options: WindowOptions,
): Electron.BrowserWindow {
  const { BrowserWindow } = electron;
  const window = new BrowserWindow({
    ...WINDOW_SIZE,
    ...(options.position ?? { center: true }),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'kombify Tray',
    icon: options.icon,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
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

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Puts the window next to the tray icon, inside the work area, on whichever
 * edge the panel is; null (centre it) when the tray cannot say where it is.
 */
export function positionNearTray(
  tray: Rect | null,
  workArea: Rect,
  size: { width: number; height: number } = WINDOW_SIZE,
): { x: number; y: number } | null {
  if (!tray || (tray.width === 0 && tray.height === 0)) return null;
  const clamp = (value: number, min: number, max: number) =>
    Math.round(Math.min(Math.max(value, min), max));
  const centreX = tray.x + tray.width / 2 - size.width / 2;
  const panelAtTop = tray.y < workArea.y + workArea.height / 2;
  const y = panelAtTop ? tray.y + tray.height + 4 : tray.y - size.height - 4;
  return {
    x: clamp(centreX, workArea.x, workArea.x + workArea.width - size.width),
    y: clamp(y, workArea.y, workArea.y + workArea.height - size.height),
  };
}

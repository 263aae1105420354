/**
 * The Electron adapters through their ports, each against a small fake of
 * the Electron API surface it uses (Electron itself cannot run here).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { NavigationView, TrayModel } from '../../src-shared/bridge';
import { NOTIFICATION_DESTINATIONS, kindsMissingFromTable } from './notification-destinations';
import { ElectronNotifier, type NotifierElectron } from '../../src-main/electron/notifier';
import { ElectronTrayView, type TrayElectron } from '../../src-main/electron/tray';
import { trayIconFile, trayIconName } from '../../src-main/electron/tray-icons';
import {
  createMainWindow,
  hardenSessions,
  positionNearTray,
  type WindowElectron,
} from '../../src-main/electron/window';

function fakeTrayElectron() {
  const trays: FakeTray[] = [];
  class FakeTray {
    image: unknown;
    tooltip = '';
    menu: MenuItemConstructorOptions[] = [];
    images: unknown[] = [];
    menus = 0;
    destroyed = false;
    constructor(image: unknown) {
      this.image = image;
      trays.push(this);
    }
    setImage(image: unknown) {
      this.image = image;
      this.images.push(image);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      this.menu = menu;
      this.menus += 1;
    }
    getBounds() {
      return { x: 1800, y: 0, width: 24, height: 24 };
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
  const electron = {
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    nativeTheme,
  } as unknown as TrayElectron;
  return { electron, trays, nativeTheme };
}

const model = (patch: Partial<TrayModel> = {}): TrayModel => ({
  state: 'ok',
  tooltip: 'kombify Tray — All deployments are fine',
  items: [
    { id: 'account', label: 'ada@example.org', enabled: false },
    { id: 'separator:actions', label: '', enabled: false, type: 'separator' },
    { id: 'deployment:d1', label: 'media — succeeded', enabled: true, deploymentId: 'd1' },
    {
      id: 'pause',
      label: 'Pause notifications',
      enabled: true,
      type: 'submenu',
      children: [{ id: 'pause:hour', label: 'For an hour', enabled: true }],
    },
  ],
  ...patch,
});

describe('ElectronTrayView', () => {
  it('draws icon, tooltip and menu, and routes clicks back by item id', () => {
    const { electron, trays } = fakeTrayElectron();
    const onAction = vi.fn();
    const view = new ElectronTrayView({ electron, iconPath: (n) => `/icons/${n}.png`, onAction });
    view.render(model());

    const tray = trays[0]!;
    expect(tray.image).toEqual({ path: '/icons/ok.png' });
    expect(tray.tooltip).toBe('kombify Tray — All deployments are fine');
    expect(tray.menu.map((item) => item.type ?? item.id)).toEqual([
      'account',
      'separator',
      'deployment:d1',
      'pause',
    ]);
    tray.menu[2]!.click!({} as never, undefined, {} as never);
    (tray.menu[3]!.submenu as MenuItemConstructorOptions[])[0]!.click!(
      {} as never,
      undefined,
      {} as never,
    );
    expect(onAction.mock.calls).toEqual([
      ['deployment:d1', 'd1'],
      ['pause:hour', undefined],
    ]);
    expect(view.bounds()).toEqual({ x: 1800, y: 0, width: 24, height: 24 });
  });

  it('rebuilds nothing when the model is unchanged, and swaps the icon only on a new state', () => {
    const { electron, trays } = fakeTrayElectron();
    const view = new ElectronTrayView({ electron, iconPath: (n) => n, onAction: () => undefined });
    view.render(model());
    view.render(model());
    expect(trays).toHaveLength(1);
    expect(trays[0]!.menus).toBe(1);

    view.render(model({ tooltip: 'changed' }));
    expect(trays[0]!.menus).toBe(2);
    expect(trays[0]!.images).toEqual([]);

    view.render(model({ state: 'failed', tooltip: 'failed' }));
    expect(trays[0]!.images).toEqual([{ path: 'failed' }]);
    view.destroy();
    expect(trays[0]!.destroyed).toBe(true);
  });
});

describe('ElectronTrayView and the system theme', () => {
  it('swaps to the icon drawn for the new panel theme when the system switches', () => {
    const { electron, trays, nativeTheme } = fakeTrayElectron();
    const view = new ElectronTrayView({
      electron,
      iconPath: (name, dark) => `${name}-${dark ? 'dark' : 'light'}`,
      onAction: () => undefined,
    });
    view.render(model());
    const tray = trays[0]!;
    expect(tray.image).toEqual({ path: 'ok-light' });

    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(tray.images).toEqual([{ path: 'ok-dark' }]);
    // Only the icon: the menu stays as it was.
    expect(tray.menus).toBe(1);
    nativeTheme.emit('updated');
    expect(tray.images).toHaveLength(1);

    view.render(model({ state: 'failed', tooltip: 'failed' }));
    expect(tray.image).toEqual({ path: 'failed-dark' });

    view.destroy();
    expect(nativeTheme.listenerCount('updated')).toBe(0);
  });
});

describe('tray icons', () => {
  it('shows paused only when nothing needs attention', () => {
    expect(trayIconName({ state: 'ok', paused: true })).toBe('paused');
    expect(trayIconName({ state: 'deploying', paused: true })).toBe('paused');
    expect(trayIconName({ state: 'failed', paused: true })).toBe('failed');
    expect(trayIconName({ state: 'offline', paused: true })).toBe('offline');
    expect(trayIconName({ state: 'ok', paused: false })).toBe('ok');
  });

  it('uses template images on macOS and themed ones elsewhere', () => {
    expect(trayIconFile('failed', 'darwin', true)).toBe('tray-failedTemplate.png');
    expect(trayIconFile('failed', 'linux', true)).toBe('tray-failed-dark.png');
    expect(trayIconFile('ok', 'win32', false)).toBe('tray-ok-light.png');
  });
});

describe('ElectronNotifier', () => {
  function fakeNotificationElectron(supported: boolean) {
    const shown: FakeNotification[] = [];
    class FakeNotification {
      static isSupported = () => supported;
      handlers = new Map<string, () => void>();
      constructor(readonly options: { title: string; body: string }) {}
      on(event: string, handler: () => void) {
        this.handlers.set(event, handler);
      }
      show() {
        shown.push(this);
      }
    }
    return { electron: { Notification: FakeNotification } as unknown as NotifierElectron, shown };
  }

  const notification = {
    key: 'deployment:d1:failed',
    kind: 'deployment-failed' as const,
    title: 'Deployment failed',
    body: 'media: disk full',
    deploymentId: 'd1',
  };

  it('shows the notification and opens its item when clicked', () => {
    const { electron, shown } = fakeNotificationElectron(true);
    const clicked = vi.fn();
    expect(new ElectronNotifier(electron, clicked).notify(notification)).toBe(true);
    expect(shown[0]!.options).toMatchObject({
      title: 'Deployment failed',
      body: 'media: disk full',
    });
    shown[0]!.handlers.get('click')!();
    expect(clicked).toHaveBeenCalledWith({ screen: 'deployments', deploymentId: 'd1' });
  });

  it('opens the window where each kind of notification is about, on click', () => {
    const { electron, shown } = fakeNotificationElectron(true);
    const opened: NavigationView[] = [];
    const notifier = new ElectronNotifier(electron, (to) => opened.push(to));
    expect(kindsMissingFromTable()).toEqual([]);
    for (const { notification } of NOTIFICATION_DESTINATIONS) {
      notifier.notify(notification);
      shown.at(-1)!.handlers.get('click')!();
    }
    expect(opened).toEqual(NOTIFICATION_DESTINATIONS.map(({ to }) => to));
  });

  it('says so where the system cannot show notifications', () => {
    const { electron, shown } = fakeNotificationElectron(false);
    expect(new ElectronNotifier(electron, () => undefined).notify(notification)).toBe(false);
    expect(shown).toHaveLength(0);
  });
});

describe('createMainWindow()', () => {
  function fakeWindowElectron() {
    const created: FakeWindow[] = [];
    class FakeWindow {
      handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
      openHandler: ((details: { url: string }) => { action: string }) | null = null;
      loaded = '';
      webContents = {
        on: (event: string, handler: (event: { preventDefault(): void }, url?: string) => void) =>
          this.handlers.set(event, handler),
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
          this.openHandler = handler;
        },
      };
      constructor(readonly options: Record<string, unknown>) {
        created.push(this);
      }
      loadURL(url: string) {
        this.loaded = url;
        return Promise.resolve();
      }
    }
    type RequestHandler = (contents: unknown, name: string, answer: (ok: boolean) => void) => void;
    type CheckHandler = (contents: unknown, name: string) => boolean;
    const permission: { request?: RequestHandler; check?: CheckHandler } = {};
    const electron = {
      BrowserWindow: FakeWindow,
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: RequestHandler) => (permission.request = handler),
          setPermissionCheckHandler: (handler: CheckHandler) => (permission.check = handler),
        },
      },
    } as unknown as WindowElectron;
    return { electron, created, permission };
  }

  type NavHandler = (event: { preventDefault(): void }, url?: string) => void;
  const navigate = (window: { handlers: Map<string, NavHandler> }, event: string, url: string) => {
    let prevented = false;
    window.handlers.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };

  it('isolates and sandboxes the page, and loads it from app://', () => {
    const { electron, created } = fakeWindowElectron();
    createMainWindow(electron, { preload: '/app/preload.cjs' });
    const window = created[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.options.center).toBe(true);
    expect(window.loaded).toBe('app://kombify/index.html');
  });

  it('denies navigation away, redirects, webviews and every new window', () => {
    const { electron, created } = fakeWindowElectron();
    createMainWindow(electron, { preload: 'p', position: { x: 10, y: 20 } });
    const window = created[0]!;
    expect(window.options).toMatchObject({ x: 10, y: 20 });
    expect(navigate(window, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(window, 'will-navigate', 'app://kombify/index.html#tools')).toBe(false);
    expect(navigate(window, 'will-redirect', 'app://kombify/index.html')).toBe(true);
    expect(navigate(window, 'will-attach-webview', '')).toBe(true);
    expect(window.openHandler!({ url: 'https://kombify.io/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const { electron, permission } = fakeWindowElectron();
    hardenSessions(electron);
    const answer = vi.fn();
    permission.request!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(permission.check!({}, 'notifications')).toBe(false);
  });
});

describe('positionNearTray()', () => {
  const workArea = { x: 0, y: 28, width: 1920, height: 1052 };

  it('hangs the window below a top panel icon, inside the screen', () => {
    const near = positionNearTray({ x: 1880, y: 0, width: 24, height: 24 }, workArea);
    expect(near).toEqual({ x: 960, y: 28 });
  });

  it('stands the window above a bottom panel icon', () => {
    const near = positionNearTray({ x: 100, y: 1056, width: 24, height: 24 }, workArea);
    expect(near).toEqual({ x: 0, y: 1056 - 680 - 4 });
  });

  it('centres the window when the tray cannot say where it is', () => {
    expect(positionNearTray(null, workArea)).toBeNull();
    expect(positionNearTray({ x: 0, y: 0, width: 0, height: 0 }, workArea)).toBeNull();
  });
});

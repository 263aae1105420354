/**
 * The TrayView port on Electron: icon, tooltip and menu from the core's tray
 * model. The menu is rebuilt only when the model changes; actions are routed
 * back by item id so the core's model stays plain data. The icon follows the
 * system's light or dark theme as it switches.
 */
import type * as Electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem, TrayModel } from '../../src-shared/bridge';
import type { TrayView } from '../core/ports';
import type { TrayIconName } from './tray-icons';
import { trayIconName } from './tray-icons';

/** The part of Electron the tray needs; main passes the real module, tests a fake. */
export type TrayElectron = Pick<typeof Electron, 'Tray' | 'Menu' | 'nativeImage' | 'nativeTheme'>;

export interface ElectronTrayOptions {
  electron: TrayElectron;
  /** The file of an icon, drawn for a dark panel or a light one. */
  iconPath: (name: TrayIconName, dark: boolean) => string;
  onAction: (itemId: string, deploymentId?: string) => void;
}

export class ElectronTrayView implements TrayView {
  #tray: Electron.Tray | null = null;
  #lastModel = '';
  /** The icon file shown, and the icon it draws. */
  #lastIcon = '';
  #iconName: TrayIconName | null = null;
  readonly #options: ElectronTrayOptions;
  readonly #themeChanged = () => this.#drawIcon();

  constructor(options: ElectronTrayOptions) {
    this.#options = options;
    options.electron.nativeTheme.on('updated', this.#themeChanged);
  }

  render(model: TrayModel): void {
    const key = JSON.stringify(model);
    if (key === this.#lastModel) return;
    this.#lastModel = key;
    const { Tray, Menu } = this.#options.electron;
    this.#iconName = trayIconName(model);
    if (!this.#tray) {
      this.#tray = new Tray(this.#icon(this.#iconName));
      this.#lastIcon = this.#iconFile(this.#iconName);
    } else {
      this.#drawIcon();
    }
    this.#tray.setToolTip(model.tooltip);
    this.#tray.setContextMenu(
      Menu.buildFromTemplate(toTemplate(model.items, this.#options.onAction)),
    );
  }

  /** Where the icon is on screen, for placing the window next to it. */
  bounds(): Electron.Rectangle | null {
    return this.#tray?.getBounds() ?? null;
  }

  destroy(): void {
    this.#options.electron.nativeTheme.removeListener('updated', this.#themeChanged);
    this.#tray?.destroy();
    this.#tray = null;
    this.#lastModel = '';
  }

  /** Sets the icon when its file changed (another state, or the theme switched). */
  #drawIcon(): void {
    const name = this.#iconName;
    if (!this.#tray || name === null) return;
    const file = this.#iconFile(name);
    if (file === this.#lastIcon) return;
    this.#lastIcon = file;
    this.#tray.setImage(this.#icon(name));
  }

  #iconFile(name: TrayIconName): string {
    return this.#options.iconPath(name, this.#options.electron.nativeTheme.shouldUseDarkColors);
  }

  #icon(name: TrayIconName) {
    return this.#options.electron.nativeImage.createFromPath(this.#iconFile(name));
  }
}

/** Menu template from the model's items, separators and submenus included. */
export function toTemplate(
  items: TrayMenuItem[],
  onAction: ElectronTrayOptions['onAction'],
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') {
      return {
        id: item.id,
        label: item.label,
        enabled: item.enabled,
        submenu: toTemplate(item.children ?? [], onAction),
      };
    }
    return {
      id: item.id,
      label: item.label,
      enabled: item.enabled,
      click: () => onAction(item.id, item.deploymentId),
    };
  });
}

/**
 * The TrayView port on Electron: icon, tooltip and menu from the core's tray
 * model. The menu is rebuilt only when the model changes; actions are routed
 * back by item id so the core's model stays plain data.
 */
import type * as Electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem, TrayModel } from '../../src-shared/bridge';
import type { TrayView } from '../core/ports';
import type { TrayIconName } from './tray-icons';
import { trayIconName } from './tray-icons';

/** The part of Electron the tray needs; main passes the real module, tests a fake. */
export type TrayElectron = Pick<typeof Electron, 'Tray' | 'Menu' | 'nativeImage'>;

export interface ElectronTrayOptions {
  electron: TrayElectron;
  iconPath: (name: TrayIconName) => string;
  onAction: (itemId: string, deploymentId?: string) => void;
}

export class ElectronTrayView implements TrayView {
  #tray: Electron.Tray | null = null;
  #lastModel = '';
  #lastIcon = '';
  readonly #options: ElectronTrayOptions;

  constructor(options: ElectronTrayOptions) {
    this.#options = options;
  }

  render(model: TrayModel): void {
    const key = JSON.stringify(model);
    if (key === this.#lastModel) return;
    this.#lastModel = key;
    const { Tray, Menu, nativeImage } = this.#options.electron;
    const iconName = trayIconName(model);
    const icon = nativeImage.createFromPath(this.#options.iconPath(iconName));
    if (!this.#tray) this.#tray = new Tray(icon);
    else if (iconName !== this.#lastIcon) this.#tray.setImage(icon);
    this.#lastIcon = iconName;
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
    this.#tray?.destroy();
    this.#tray = null;
    this.#lastModel = '';
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

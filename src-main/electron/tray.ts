/**
 * The TrayView port on Electron: icon, tooltip and menu from the core's tray
 * model. The menu is rebuilt only when the model changes; actions are routed
 * back by item id so the core's model stays plain data.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { OverallState, TrayModel } from '../../src-shared/bridge';
import type { TrayView } from '../core/ports';

export interface ElectronTrayOptions {
  iconFor: (state: OverallState) => string;
  onAction: (itemId: string, deploymentId?: string) => void;
}

export class ElectronTrayView implements TrayView {
  #tray: Tray | null = null;
  #last = '';
  readonly #options: ElectronTrayOptions;

  constructor(options: ElectronTrayOptions) {
    this.#options = options;
  }

  render(model: TrayModel): void {
    const key = JSON.stringify(model);
    if (key === this.#last) return;
    this.#last = key;
    const icon = nativeImage.createFromPath(this.#options.iconFor(model.state));
    if (!this.#tray) this.#tray = new Tray(icon);
    else this.#tray.setImage(icon);
    this.#tray.setToolTip(model.tooltip);
    this.#tray.setContextMenu(Menu.buildFromTemplate(toTemplate(model, this.#options.onAction)));
  }

  destroy(): void {
    this.#tray?.destroy();
    this.#tray = null;
  }
}

/** Menu template from the model; a separator is an item whose id starts with "separator". */
export function toTemplate(
  model: TrayModel,
  onAction: ElectronTrayOptions['onAction'],
): MenuItemConstructorOptions[] {
  return model.items.map((item) =>
    item.id.startsWith('separator')
      ? { type: 'separator' }
      : {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          click: () => onAction(item.id, item.deploymentId),
        },
  );
}

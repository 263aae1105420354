/**
 * Which rendered icon file the tray shows (see scripts/render-icons.ts):
 * macOS gets template images the system tints; elsewhere the variant drawn
 * for the panel's theme.
 */
import type { TrayModel } from '../../src-shared/bridge';

export type TrayIconName = TrayModel['state'] | 'paused';

/** Paused shows only when nothing needs attention: failure, offline and signed out win. */
export function trayIconName(model: Pick<TrayModel, 'state' | 'paused'>): TrayIconName {
  if (model.paused && (model.state === 'ok' || model.state === 'deploying')) return 'paused';
  return model.state;
}

export function trayIconFile(
  name: TrayIconName,
  platform: NodeJS.Platform,
  darkPanel: boolean,
): string {
  if (platform === 'darwin') return `tray-${name}Template.png`;
  return `tray-${name}-${darkPanel ? 'dark' : 'light'}.png`;
}

/**
 * Start at login on Linux: a desktop entry in the XDG autostart folder, which
 * every freedesktop session reads. (macOS and Windows use Electron's
 * setLoginItemSettings instead.)
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'kombify-tray.desktop';

export function autostartDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
}

/** Quotes an argument by the Desktop Entry rules for Exec. */
function quoteExec(arg: string): string {
  if (!/[\s"'\\$`]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function desktopEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=kombify Tray',
    'Comment=Your kombify homelab at a glance',
    `Exec=${command.map(quoteExec).join(' ')}`,
    'Icon=kombify-tray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the autostart entry; `command` is the executable and its arguments. */
export async function setLinuxAutostart(
  enabled: boolean,
  command: string[],
  dir: string = autostartDir(),
): Promise<void> {
  const file = join(dir, AUTOSTART_FILE);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, desktopEntry(command), { mode: 0o644 });
}

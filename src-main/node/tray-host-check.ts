/**
 * Whether a Linux desktop can show a tray icon at all: that needs a
 * StatusNotifier watcher on the session bus, which plain GNOME lacks.
 */
import { execFile } from 'node:child_process';

export type TrayHostStatus = 'available' | 'missing' | 'unknown';

const WATCHERS = ['org.kde.StatusNotifierWatcher', 'org.freedesktop.StatusNotifierWatcher'];

/** Runs a command and gives its stdout, or null when it fails or takes too long. */
export type RunCommand = (file: string, args: string[]) => Promise<string | null>;

const run: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 2000 }, (error, stdout) => resolve(error ? null : stdout));
  });

/** Asks the session bus for a StatusNotifier watcher; 'unknown' when the bus cannot be asked. */
export async function checkTrayHost(runCommand: RunCommand = run): Promise<TrayHostStatus> {
  let asked = false;
  for (const name of WATCHERS) {
    const out = await runCommand('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ]);
    if (out === null) continue;
    asked = true;
    if (/boolean true/.test(out)) return 'available';
  }
  return asked ? 'missing' : 'unknown';
}

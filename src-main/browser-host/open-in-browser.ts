/**
 * Opens a URL in the person's default browser from the browser host, or
 * prints it in the terminal when no desktop is there to open it.
 */
import { spawn } from 'node:child_process';
import type { Logger } from '../core/ports';

/** Whether a browser can be opened here: always on macOS and Windows, on Linux with a display. */
export function hasDesktop(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function openInBrowser(url: string, log: Logger): Promise<void> {
  if (!hasDesktop()) {
    // The person's own terminal, not the log: the log would (rightly) redact sign-in parameters.
    process.stdout.write(
      `\nNo desktop to open a browser on. Open this address yourself:\n${url}\n\n`,
    );
    log.info('no desktop to open a browser on; the address went to the terminal');
    return;
  }
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * Opens a URL in the person's default browser from the browser host, or
 * says where to go when no desktop is there to open it.
 */
import { spawn } from 'node:child_process';
import type { Logger } from '../core/ports';

export async function openInBrowser(url: string, log: Logger): Promise<void> {
  const hasDesktop =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDesktop) {
    log.info('no desktop to open a browser on; open the link yourself', { url });
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

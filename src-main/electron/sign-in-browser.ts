/**
 * Opens the issuer's sign-in page in the system browser (RFC 8252: never in
 * our own window, where the app could read the password). The URL comes from
 * the core, built from the issuer's discovery document; it is still checked
 * here to be an http(s) page and nothing a shell would run.
 */
import type { BrowserOpener } from '../core/ports';

export function isSignInPageUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  } catch {
    return false;
  }
}

export function signInBrowser(shell: { openExternal(url: string): Promise<void> }): BrowserOpener {
  return {
    async open(url) {
      if (!isSignInPageUrl(url))
        throw new Error('refusing to open a sign-in page that is not http(s)');
      await shell.openExternal(url);
    },
  };
}

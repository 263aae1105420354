/**
 * Opens the issuer's sign-in page in the system browser (RFC 8252: never in
 * our own window, where the app could read the password). The URL comes from
 * the core, built from the issuer's discovery document; it is checked here
 * again to be that issuer's own page (same origin; plain http only for an
 * issuer on this machine), so shell.openExternal is never handed anything else.
 */
import type { BrowserOpener } from '../core/ports';
import { issuerPageOpener } from '../host/sign-in-opener';

export function signInBrowser(shell: { openExternal(url: string): Promise<void> }): BrowserOpener {
  return issuerPageOpener((url) => shell.openExternal(url));
}

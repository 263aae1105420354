/**
 * The hosts' side of the BrowserOpener port: whatever opens the system browser
 * (Electron's shell, xdg-open) is handed only the issuer's own sign-in page.
 */
import { isIssuerPage } from '../core/auth/issuer';
import type { BrowserOpener } from '../core/ports';

/** Thrown for a URL that is not the issuer's own page; nothing was opened. */
export function refusedSignInPage(issuer: string): Error {
  return new Error(`refusing to open a sign-in page outside the issuer ${issuer}`);
}

/** A BrowserOpener over `open` that opens the issuer's own pages and refuses the rest. */
export function issuerPageOpener(open: (url: string) => Promise<void>): BrowserOpener {
  return {
    async open(url, issuer) {
      if (!isIssuerPage(url, issuer)) throw refusedSignInPage(issuer);
      await open(url);
    },
  };
}

/**
 * Where kombify's OpenID Connect issuer lives for an API base URL. The one
 * place that knows it: `api.<domain>` signs in at `login.<domain>`, anything
 * else (the emulator, a local server) is its own issuer at its origin.
 */

/** The OAuth client id of this app at every kombify issuer. */
export const CLIENT_ID = 'kombify-tray';

/** Scopes the tray asks for; `offline_access` brings the refresh token. */
export const SCOPES = 'openid profile email offline_access';

/**
 * True when `url` may be opened as a sign-in page of `issuer`: the issuer's own
 * origin (scheme, host and port), https, or plain http only when the issuer
 * itself lives on this machine (the emulator), and no credentials in the URL.
 */
export function isIssuerPage(url: string, issuer: string): boolean {
  const page = parsed(url);
  const own = parsed(issuer);
  if (!page || !own || page.origin !== own.origin) return false;
  if (page.username || page.password) return false;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(own.hostname);
  return own.protocol === 'https:' || (own.protocol === 'http:' && loopback);
}

function parsed(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    // Not a URL at all: never a page to open.
    return null;
  }
}

/** The issuer URL (no trailing slash) for an API base URL such as `https://api.kombify.io/v1`. */
export function issuerFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.protocol === 'https:' && url.hostname.startsWith('api.')) {
    return `https://login.${url.hostname.slice('api.'.length)}`;
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  return `${url.origin}${path}`;
}

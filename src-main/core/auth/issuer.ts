/**
 * Where kombify's OpenID Connect issuer lives for an API base URL. The one
 * place that knows it: `api.<domain>` signs in at `login.<domain>`, anything
 * else (the emulator, a local server) is its own issuer at its origin.
 */

/** The OAuth client id of this app at every kombify issuer. */
export const CLIENT_ID = 'kombify-tray';

/** Scopes the tray asks for; `offline_access` brings the refresh token. */
export const SCOPES = 'openid profile email offline_access';

/** The issuer URL (no trailing slash) for an API base URL such as `https://api.kombify.io/v1`. */
export function issuerFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.protocol === 'https:' && url.hostname.startsWith('api.')) {
    return `https://login.${url.hostname.slice('api.'.length)}`;
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v\d+$/, '');
  return `${url.origin}${path}`;
}

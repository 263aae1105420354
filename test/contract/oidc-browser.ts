/**
 * Just enough of a browser for the OIDC contract tests: a cookie jar,
 * manual redirects, and form submission on the emulator's sign-in, consent
 * and device pages.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A PKCE verifier and its S256 challenge. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE pair. */
export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Hidden inputs of the first form on an HTML page, as oidc-provider renders them. */
export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (m[1] !== undefined) out[m[1]] = m[2] ?? '';
  }
  return out;
}

/** A cookie jar that follows redirects by hand. */
export class Browser {
  readonly #cookies = new Map<string, string>();

  /** One request without following redirects; cookies in and out. */
  async go(url: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.#cookies.size) {
      headers.Cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const init: RequestInit = { redirect: 'manual', headers };
    if (form) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
    }
    const res = await fetch(url, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a),
      );
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, pair.slice(eq + 1));
    }
    return res;
  }

  /**
   * Follows redirects from `url`, signing in and consenting on the pages it
   * meets, until it is sent to `stopAt` (returned) or lands on a page that
   * is neither (returned as the final response).
   */
  async run(
    url: string,
    stopAt: string,
    creds: { email: string; password: string },
  ): Promise<{ location: string | null; last: Response; pages: string[] }> {
    let next: { url: string; form?: Record<string, string> } | null = { url };
    const pages: string[] = [];
    for (let hop = 0; hop < 20 && next; hop += 1) {
      const res = await this.go(next.url, next.form);
      const location = res.headers.get('location');
      if (location) {
        const absolute = new URL(location, next.url).toString();
        if (absolute.startsWith(stopAt)) return { location: absolute, last: res, pages };
        next = { url: absolute };
        continue;
      }
      const html = await res.text();
      pages.push(html);
      const base: URL = new URL(next.url);
      const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
      if (res.status === 200 && action && html.includes('name="password"')) {
        next = { url: new URL(action, base).toString(), form: { ...creds } };
      } else if (res.status === 200 && action?.endsWith('/confirm')) {
        next = { url: new URL(action, base).toString(), form: {} };
      } else {
        return { location: null, last: res, pages };
      }
    }
    throw new Error('too many redirects');
  }
}

/**
 * The browser sign-in's loopback listener on the real node:http adapter, with
 * a fake issuer (the port): stray requests, wrong state, a double callback, a
 * busy port, a second sign-in, cancel and timeout.
 */
import { createServer as createHttpServer } from 'node:http';
import { type Server, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserSignInOptions } from '../../../src-main/core/auth/browser-sign-in';
import { BrowserSignIn } from '../../../src-main/core/auth/browser-sign-in';
import { type CodeChecks, type Grant, OidcAuth } from '../../../src-main/core/auth/oidc';
import { SignIns } from '../../../src-main/core/auth/sign-ins';
import type { LoopbackListener, LoopbackServer } from '../../../src-main/core/ports';
import { systemClock } from '../../../src-main/core/ports';
import type { Session } from '../../../src-main/core/session';
import { nodeLoopbackListener } from '../../../src-main/node/loopback-listener';
import { ManualClock } from '../support/manual-clock';
import { memoryLogger } from '../support/fakes';

const GRANT: Grant = { accessToken: 'at', refreshToken: 'rt', expiresAt: 0, email: 'a@b.c' };

/** An issuer that records every code exchange; `gate` holds the exchange open. */
function fakeIssuer() {
  const issuer = {
    issuer: 'https://login.example',
    exchanges: [] as string[],
    gate: null as Promise<void> | null,
    async authorizationUrl(checks: CodeChecks) {
      const q = new URLSearchParams({ state: checks.state, redirect_uri: checks.redirectUri });
      return `https://login.example/authorize?${q}`;
    },
    async exchangeCode(callback: URL) {
      issuer.exchanges.push(callback.searchParams.get('code') ?? '');
      await issuer.gate;
      return GRANT;
    },
  };
  return issuer;
}

/** The "browser": remembers the URL it was asked to open. */
function fakeBrowser() {
  const opened: string[] = [];
  return {
    opened,
    async open(url: string) {
      opened.push(url);
    },
    /** Where the issuer would redirect to, with our `state` unless told otherwise. */
    callback(params: Record<string, string> = {}, index = opened.length - 1) {
      const auth = new URL(opened[index]!);
      const q = new URLSearchParams({
        code: 'c0de',
        state: auth.searchParams.get('state')!,
        ...params,
      });
      return `${auth.searchParams.get('redirect_uri')}?${q}`;
    },
  };
}

/** Wraps the node listener to count listeners open at once. */
function countingListener() {
  const counts = { open: 0, max: 0 };
  const listener: LoopbackListener = {
    async listen(port, handle) {
      const server = await nodeLoopbackListener.listen(port, handle);
      counts.open += 1;
      counts.max = Math.max(counts.max, counts.open);
      let closed = false;
      const wrapped: LoopbackServer = {
        port: server.port,
        async close() {
          if (!closed) counts.open -= 1;
          closed = true;
          await server.close();
        },
      };
      return wrapped;
    },
  };
  return { listener, counts };
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups) await clean();
  cleanups = [];
});

function flow(overrides: Partial<BrowserSignInOptions> = {}) {
  const issuer = fakeIssuer();
  const browser = fakeBrowser();
  const logger = memoryLogger();
  const sign = new BrowserSignIn({
    issuer,
    listener: nodeLoopbackListener,
    browser,
    clock: systemClock,
    logger,
    ...overrides,
  });
  cleanups.push(() => sign.cancel());
  return { sign, issuer, browser, logger };
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe('BrowserSignIn on the loopback listener', () => {
  it('opens the issuer with a 127.0.0.1 callback on an ephemeral port', async () => {
    const { sign, browser } = flow();
    await sign.start();
    const auth = new URL(browser.opened[0]!);
    expect(auth.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(auth.searchParams.get('state')).toMatch(/^[\w-]{32,}$/);
  });

  it('shows the sign-in address in its view, for a person whose browser did not come up', async () => {
    const { sign, browser } = flow();
    expect(sign.view()).toEqual({
      method: 'browser',
      status: 'waiting',
      startedAt: expect.any(String),
    });
    await sign.start();
    expect(sign.view()).toMatchObject({ method: 'browser', url: browser.opened[0] });
    expect(JSON.stringify(sign.view())).not.toMatch(/verifier/i);
  });

  it('tells its owner the address before the browser is asked to open it', async () => {
    const seen: (string | undefined)[] = [];
    const { sign } = flow({
      // A browser that never says it opened: the address must be on screen anyway.
      browser: { open: () => new Promise<void>(() => undefined) },
      // Called only after start(), so `sign` is bound by then.
      onChange: () => seen.push((sign.view() as { url?: string }).url),
    });
    void sign.start();
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatch(/^https:\/\/login\.example\/authorize\?/);
  });

  it('answers a favicon with 404 and a bare callback with 400, and keeps waiting', async () => {
    const { sign, browser, issuer } = flow();
    await sign.start();
    const base = new URL(browser.callback()).origin;
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${base}/callback`)).status).toBe(400);
    expect(issuer.exchanges).toEqual([]);
    const reply = await fetch(browser.callback());
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('return to kombify Tray');
    await expect(sign.done).resolves.toEqual(GRANT);
    expect(issuer.exchanges).toEqual(['c0de']);
  });

  it('ends at once on a wrong state, with no token request, and closes the listener', async () => {
    const { sign, browser, issuer } = flow();
    await sign.start();
    const reply = await fetch(browser.callback({ state: 'someone-elses' }));
    expect(reply.status).toBe(400);
    await expect(sign.done).rejects.toMatchObject({
      bridgeError: { code: 'SIGN_IN_STATE_MISMATCH' },
    });
    expect(issuer.exchanges).toEqual([]);
    // The right callback afterwards finds nobody listening: the state was forgotten.
    expect(await refused(browser.callback())).toBe(true);
  });

  it('exchanges the code once when the right callback comes twice within 50 ms', async () => {
    let received = 0;
    const { sign, browser, issuer } = flow({
      listener: {
        listen: (port, handle) =>
          nodeLoopbackListener.listen(port, (request) => {
            received += 1;
            return handle(request);
          }),
      },
    });
    let release!: () => void;
    issuer.gate = new Promise((r) => (release = r));
    await sign.start();
    const first = fetch(browser.callback());
    await new Promise((r) => setTimeout(r, 20));
    const second = fetch(browser.callback());
    await expect.poll(() => received).toBe(2);
    expect(issuer.exchanges).toHaveLength(1);
    // Both pages wait for the one exchange, and both then say it worked.
    release();
    const replies = await Promise.all([first, second]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    for (const reply of replies) expect(await reply.text()).toContain('You are signed in');
    await expect(sign.done).resolves.toEqual(GRANT);
    expect(issuer.exchanges).toHaveLength(1);
  });

  it('promises nothing on the page when the code exchange takes longer than 10 s', async () => {
    const clock = new ManualClock();
    const { sign, browser, issuer } = flow({ clock });
    let release!: () => void;
    issuer.gate = new Promise((r) => (release = r));
    await sign.start();
    const reply = fetch(browser.callback());
    await expect.poll(() => issuer.exchanges.length).toBe(1);
    await clock.advance(10_000);
    const page = await (await reply).text();
    expect(page).toContain('Almost done');
    expect(page).not.toContain('You are signed in');
    release();
    await expect(sign.done).resolves.toEqual(GRANT);
  });

  it('ends with words when the person denies access in the browser', async () => {
    const { sign, browser, issuer } = flow();
    await sign.start();
    await fetch(browser.callback({ error: 'access_denied', code: '' }));
    await expect(sign.done).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_DENIED' } });
    expect(issuer.exchanges).toEqual([]);
  });

  it('takes another port, no uncaught EADDRINUSE, when the chosen one is busy', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => busy.close(() => r())));
    const port = (busy.address() as { port: number }).port;
    const { sign, browser, logger } = flow({ port });
    await sign.start();
    const redirect = new URL(new URL(browser.opened[0]!).searchParams.get('redirect_uri')!);
    expect(Number(redirect.port)).not.toBe(port);
    expect(logger.entries.some((e) => e.msg.includes('port taken'))).toBe(true);
    await fetch(browser.callback());
    await expect(sign.done).resolves.toEqual(GRANT);
  });

  it('says to use a device code when the system browser cannot be opened', async () => {
    const { listener, counts } = countingListener();
    const browser = {
      open: () => Promise.reject(new Error('xdg-open: no method available')),
    };
    const { sign } = flow({ browser, listener });
    await expect(sign.start()).rejects.toMatchObject({
      bridgeError: { code: 'BROWSER_UNAVAILABLE' },
    });
    await expect(sign.done).rejects.toMatchObject({
      bridgeError: { code: 'BROWSER_UNAVAILABLE' },
    });
    await sign.cancel();
    expect(counts.open).toBe(0);
  });

  it('gives up after its timeout and closes the listener', async () => {
    const clock = new ManualClock();
    const { sign, browser } = flow({ clock, timeoutMs: 60_000 });
    await sign.start();
    await clock.advance(60_000);
    await expect(sign.done).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_TIMED_OUT' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(await refused(browser.callback())).toBe(true);
    expect(clock.pending()).toEqual([]);
  });
});

describe("BrowserSignIn opens only the issuer's own sign-in page", () => {
  /** An issuer on this machine whose discovery document sends the sign-in elsewhere. */
  async function misdirectingIssuer(authorizationEndpoint: (own: string) => string) {
    const server = createHttpServer((req, res) => {
      const own = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          issuer: own,
          authorization_endpoint: authorizationEndpoint(own),
          token_endpoint: `${own}/token`,
          response_types_supported: ['code'],
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it.each([
    ['another site', () => 'https://evil.example/authorize'],
    ['another port on this machine', () => 'http://127.0.0.1:1/authorize'],
  ])('refuses a discovered endpoint on %s: never shown, never opened', async (_, endpoint) => {
    const issuerUrl = await misdirectingIssuer(endpoint);
    const issuer = new OidcAuth({ issuer: issuerUrl, clock: systemClock });
    const shown: unknown[] = [];
    const { sign, browser } = flow({ issuer, onChange: () => shown.push(sign.view()) });
    await expect(sign.start()).rejects.toMatchObject({
      bridgeError: { code: 'SIGN_IN_PAGE_REFUSED' },
    });
    shown.push(sign.view());
    expect(browser.opened).toEqual([]);
    expect(JSON.stringify(shown)).not.toMatch(/authorize/);
    await expect(sign.done).rejects.toMatchObject({
      bridgeError: { message: expect.stringContaining(issuerUrl) },
    });
  });

  it('opens the page at the issuer it is configured with, and tells the port which issuer', async () => {
    const issuerUrl = await misdirectingIssuer((own) => `${own}/authorize`);
    const opened: [string, string][] = [];
    const { sign } = flow({
      issuer: new OidcAuth({ issuer: issuerUrl, clock: systemClock }),
      browser: { open: async (url, issuer) => void opened.push([url, issuer]) },
    });
    await sign.start();
    expect(opened).toHaveLength(1);
    expect(opened[0]![0]).toMatch(new RegExp(`^${issuerUrl}/authorize\\?`));
    expect(opened[0]![1]).toBe(issuerUrl);
  });

  it('refuses an issuer port whose address lies about where it leads', async () => {
    const liar = { ...fakeIssuer(), issuer: 'https://login.kombify.io' };
    const { sign, browser } = flow({ issuer: liar });
    await expect(sign.start()).rejects.toMatchObject({
      bridgeError: { code: 'SIGN_IN_PAGE_REFUSED' },
    });
    expect(browser.opened).toEqual([]);
  });
});

describe('SignIns: one flow at a time', () => {
  function setup() {
    const issuer = fakeIssuer();
    const browser = fakeBrowser();
    const { listener, counts } = countingListener();
    const adopted: Grant[] = [];
    const session = {
      signInWithGrant: async (grant: Grant) => void adopted.push(grant),
    } as unknown as Session;
    const signIns = new SignIns({
      session: () => session,
      issuer: () => ({ ...issuer, startDevice: never, pollDevice: never }),
      listener,
      browser,
      clock: systemClock,
      logger: memoryLogger(),
      onChange: () => undefined,
    });
    cleanups.push(() => signIns.cancel());
    return { signIns, browser, issuer, counts, adopted };
  }
  const never = () => new Promise<never>(() => {});

  /** Waits until the browser was opened `n` times (the flow is listening then). */
  async function opened(browser: { opened: string[] }, n: number) {
    while (browser.opened.length < n) await new Promise((r) => setTimeout(r, 5));
  }

  it('a second sign-in cancels the first: listener closed, late callback refused', async () => {
    const { signIns, browser, issuer, counts, adopted } = setup();
    const first = signIns.browser();
    first.catch(() => undefined);
    await opened(browser, 1);
    const lateForFirst = browser.callback({}, 0);
    const second = signIns.browser();
    await expect(first).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_CANCELLED' } });
    await opened(browser, 2);
    expect(await refused(lateForFirst)).toBe(true);
    expect(signIns.view()).toMatchObject({ method: 'browser', status: 'waiting' });
    await fetch(browser.callback({}, 1));
    await second;
    expect(issuer.exchanges).toHaveLength(1);
    expect(adopted).toEqual([GRANT]);
    expect(counts.max).toBe(1);
    expect(counts.open).toBe(0);
    expect(signIns.view()).toBeNull();
  });

  it('finishes the sign-in when the browser opener never settles', async () => {
    const { signIns, browser, issuer, adopted } = setup();
    const hanging = { ...browser, open: (url: string) => (browser.opened.push(url), never()) };
    const hung = new SignIns({
      session: () =>
        ({ signInWithGrant: async (g: Grant) => void adopted.push(g) }) as unknown as Session,
      issuer: () => ({ ...issuer, startDevice: never, pollDevice: never }),
      listener: nodeLoopbackListener,
      browser: hanging,
      clock: systemClock,
      logger: memoryLogger(),
      onChange: () => undefined,
    });
    cleanups.push(() => hung.cancel());
    await signIns.cancel();
    const running = hung.browser();
    await opened(browser, 1);
    expect((await fetch(browser.callback())).status).toBe(200);
    await running;
    expect(adopted).toEqual([GRANT]);
    expect(hung.view()).toBeNull();
  });

  it('cancelSignIn closes the listener and forgets the flow', async () => {
    const { signIns, browser, counts } = setup();
    const running = signIns.browser();
    running.catch(() => undefined);
    await opened(browser, 1);
    await signIns.cancel();
    await expect(running).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_CANCELLED' } });
    expect(counts.open).toBe(0);
    expect(signIns.view()).toBeNull();
    expect(await refused(browser.callback())).toBe(true);
  });

  it('refuses browser sign-in with words when the host cannot open a browser', async () => {
    const signIns = new SignIns({
      session: () => ({}) as Session,
      issuer: () => ({ ...fakeIssuer(), startDevice: never, pollDevice: never }),
      clock: systemClock,
      logger: memoryLogger(),
      onChange: () => undefined,
    });
    await expect(signIns.browser()).rejects.toMatchObject({
      bridgeError: { code: 'NOT_SUPPORTED' },
    });
  });
});

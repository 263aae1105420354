/**
 * The page the browser shows after the callback waits for the code exchange:
 * it once said "You are signed in" first, and a token request that then failed
 * (a reset connection) left the tab saying so while the app stayed signed out.
 */
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src-main/core/api/errors';
import type { CodeChecks, Grant } from '../../../src-main/core/auth/oidc';
import { BrowserSignIn } from '../../../src-main/core/auth/browser-sign-in';
import { ENGLISH } from '../../../src-main/core/i18n';
import { systemClock } from '../../../src-main/core/ports';
import { nodeLoopbackListener } from '../../../src-main/node/loopback-listener';
import { memoryLogger } from '../support/fakes';

describe('the page the browser shows after a sign-in whose code exchange fails', () => {
  it('does not tell the person they are signed in, and says to return to the app', async () => {
    const opened: string[] = [];
    const sign = new BrowserSignIn({
      issuer: {
        issuer: 'https://login.example',
        async authorizationUrl(checks: CodeChecks) {
          const q = new URLSearchParams({ state: checks.state, redirect_uri: checks.redirectUri });
          return `https://login.example/authorize?${q}`;
        },
        async exchangeCode(): Promise<Grant> {
          throw new NetworkError('connection reset');
        },
      },
      listener: nodeLoopbackListener,
      browser: { open: async (url) => void opened.push(url) },
      clock: systemClock,
      logger: memoryLogger(),
    });
    try {
      await sign.start();
      const auth = new URL(opened[0]!);
      const callback = new URL(auth.searchParams.get('redirect_uri')!);
      callback.search = new URLSearchParams({
        code: 'c0de',
        state: auth.searchParams.get('state')!,
      }).toString();
      const page = await (await fetch(callback)).text();
      await expect(sign.done).rejects.toBeInstanceOf(NetworkError);
      expect(page).not.toContain(ENGLISH.t.returnPage.done.title);
      expect(page).toContain(ENGLISH.t.returnPage.failed.title);
    } finally {
      await sign.cancel();
    }
  });
});

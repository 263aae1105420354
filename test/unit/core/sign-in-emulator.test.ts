/**
 * Every way to sign in, end to end: TrayCore against the emulator's OIDC
 * issuer and API, with Debian's Chromium as the system browser clicking
 * through the real sign-in, consent and device pages.
 */
import type { Browser } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppView } from '../../../src-shared/bridge';
import { TrayCore, type TrayCoreOptions } from '../../../src-main/core/app';
import { issuerFor } from '../../../src-main/core/auth/issuer';
import { API_KEY_REFUSED_REASON, keychainAccount } from '../../../src-main/core/session';
import type { SnapshotDocument } from '../../../src-main/core/snapshot-document';
import { nodeLoopbackListener } from '../../../src-main/node/loopback-listener';
import { chromiumOpener, confirmDeviceCode, launchChromium } from '../../support/chromium-signin';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { ManualClock } from '../support/manual-clock';
import {
  MemoryDocumentStore,
  MemorySecretStore,
  RecordingNotifier,
  RecordingTray,
  memoryLogger,
} from '../support/fakes';

let emu: RunningEmulator;
let chromium: Browser;
beforeAll(async () => {
  [emu, chromium] = await Promise.all([startEmulator({ speed: 0 }), launchChromium()]);
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
});

const running: TrayCore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.stop()));
});

function setup(extra: Partial<TrayCoreOptions> = {}) {
  const secrets = new MemorySecretStore();
  const logger = memoryLogger();
  const notifier = new RecordingNotifier();
  const clock = new ManualClock(Date.now());
  const browser = chromiumOpener(chromium, DEMO);
  const environment = { name: 'emulator', apiUrl: emu.apiUrl };
  const core = new TrayCore({
    environment,
    secrets,
    snapshots: new MemoryDocumentStore<SnapshotDocument>(),
    notifier,
    tray: new RecordingTray(),
    logger,
    clock,
    browser,
    loopback: nodeLoopbackListener,
    timeZone: 'UTC',
    ...extra,
  });
  running.push(core);
  const stored = () => {
    const raw = secrets.items.get(keychainAccount(environment));
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  };
  return { core, secrets, logger, notifier, clock, browser, stored };
}

async function counters() {
  const state = (await emu.control('state')) as {
    counters: { oidc_token: number; by_route: Record<string, number> };
  };
  return state.counters;
}

function value(result: { ok: boolean; value?: unknown; error?: unknown }): AppView {
  if (!result.ok) throw new Error(`bridge call failed: ${JSON.stringify(result.error)}`);
  return result.value as AppView;
}

describe('sign-in against the emulator issuer', () => {
  it('answers the browser in German when the system speaks German', async () => {
    const { core, browser } = setup({ systemLocale: () => 'de-DE' });
    await core.start();
    const view = value(await core.handle('signInWithBrowser', undefined));
    expect(view.session).toMatchObject({ status: 'signed-in', method: 'browser' });
    expect(await browser.visits[0]!.heading).toBe('Du bist angemeldet');
  });

  it('derives the issuer from the API base in one place', () => {
    expect(issuerFor(emu.apiUrl)).toBe(emu.url);
    expect(issuerFor('https://api.kombify.io/v1')).toBe('https://login.kombify.io');
    expect(issuerFor('https://api.staging.kombify.io/v1')).toBe('https://login.staging.kombify.io');
  });

  it('signs in with the browser, clicked through in Chromium', async () => {
    const { core, browser, stored } = setup();
    await core.start();
    const signingIn = core.handle('signInWithBrowser', undefined);
    await expect.poll(() => core.view().signIn).toMatchObject({ method: 'browser' });
    const view = value(await signingIn);
    expect(view.session).toMatchObject({
      status: 'signed-in',
      email: DEMO.email,
      method: 'browser',
    });
    expect(view.signIn).toBeNull();
    expect(await browser.visits[0]!.heading).toBe('You are signed in');
    const auth = new URL(browser.visits[0]!.url);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(stored()).toMatchObject({ method: 'browser' });
    expect((await counters()).oidc_token).toBe(1);
    // The listener closed after the one valid callback.
    const callback = new URL(auth.searchParams.get('redirect_uri')!);
    await expect(fetch(callback)).rejects.toThrow();
  });

  it('refreshes once at the issuer when three requests meet an expired token', async () => {
    const { core, stored } = setup();
    await core.start();
    value(await core.handle('signInWithBrowser', undefined));
    const before = stored()!.refresh_token as string;
    const base = await counters();
    // Expired on the emulator's clock only: the core finds out from the 401s.
    await emu.control('time', { advance_ms: 16 * 60_000 });
    const view = value(await core.handle('refresh', undefined));
    expect(view.session.status).toBe('signed-in');
    const after = await counters();
    expect(after.oidc_token - base.oidc_token).toBe(1);
    expect((after.by_route['GET /v1/me'] ?? 0) - (base.by_route['GET /v1/me'] ?? 0)).toBe(2);
    const rotated = stored()!.refresh_token as string;
    expect(rotated).not.toBe(before);
    // The old refresh token is dead: the issuer rotated it.
    const reuse = await fetch(`${emu.url}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: before,
        client_id: 'kombify-tray',
      }),
    });
    expect(reuse.status).toBe(400);
  });

  it('keeps a browser session through invalid_client or a 503 at the token endpoint', async () => {
    const { core, stored, clock } = setup();
    await core.start();
    value(await core.handle('signInWithBrowser', undefined));
    const before = stored();
    // Only invalid_grant ends a grant; these are the issuer's trouble, tried again later.
    // Each fault stays until cleared, so polls the clock starts meanwhile meet it too.
    const troubles = [
      { status: 401, code: 'invalid_client', words: 'SESSION_NOT_RENEWED' },
      { status: 400, code: 'invalid_request', words: 'SESSION_NOT_RENEWED' },
      { status: 503, code: 'temporarily_unavailable', words: 'HTTP_503' },
    ];
    for (const [i, { words, ...fault }] of troubles.entries()) {
      await emu.control('faults/clear');
      await emu.control('faults', { method: 'POST', path: '/token', ...fault });
      // Expired on the core's clock: new issuer tokens then still live on the emulator's.
      if (i === 0) await clock.advance(16 * 60_000);
      const view = value(await core.handle('refresh', undefined));
      expect(view.session.status, fault.code).toBe('signed-in');
      expect(view.connectivity.lastError?.code).toBe(words);
      expect(stored()).toEqual(before);
    }
    await emu.control('faults/clear');
    const view = value(await core.handle('refresh', undefined));
    expect(view.connectivity.lastError).toBeNull();
    expect(stored()!.refresh_token).not.toBe(before!.refresh_token);
  });

  it('signs out: revoked at the issuer, keychain entry and glance gone', async () => {
    const { core, stored } = setup();
    await core.start();
    value(await core.handle('signInWithBrowser', undefined));
    const access = stored()!.access_token as string;
    const view = value(await core.handle('signOut', undefined));
    expect(view.session).toEqual({ status: 'signed-out' });
    expect(view.snapshot).toBeNull();
    expect(stored()).toBeNull();
    const me = await fetch(`${emu.apiUrl}/me`, { headers: { Authorization: `Bearer ${access}` } });
    expect(me.status).toBe(401);
  });

  it('signs in with a device code confirmed in Chromium, through a 503 at the first poll', async () => {
    const { core, clock, stored } = setup();
    await core.start();
    const signingIn = core.handle('signInWithDeviceCode', undefined);
    await expect.poll(() => core.view().signIn).toMatchObject({ method: 'device' });
    const flow = core.view().signIn;
    if (flow?.method !== 'device') throw new Error('no device flow');
    expect(flow.userCode).toMatch(/\S{4,}/);
    await confirmDeviceCode(chromium, flow, DEMO);
    // The token endpoint is overloaded at the first poll: the flow waits twice the
    // interval and asks again, instead of ending the sign-in.
    await emu.control('faults', { method: 'POST', path: '/token', status: 503, times: 1 });
    await clock.advance(5_000);
    await expect.poll(() => clock.pending()).toContain(10_000);
    expect(core.view().signIn).toMatchObject({ method: 'device' });
    await clock.advance(10_000);
    const view = value(await signingIn);
    expect(view.session).toMatchObject({
      status: 'signed-in',
      email: DEMO.email,
      method: 'device',
    });
    expect(view.signIn).toBeNull();
    expect(stored()).toMatchObject({ method: 'device' });
  });

  it('signs in with an API key sent as X-API-Key, and refuses a wrong one in words', async () => {
    const { core, stored } = setup();
    await core.start();
    const wrong = await core.handle('signInWithApiKey', { apiKey: 'kmb_not_a_real_key' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_API_KEY' } });
    expect(core.view().session.status).toBe('signed-out');
    const view = value(await core.handle('signInWithApiKey', { apiKey: emu.apiKey }));
    expect(view.session).toMatchObject({ status: 'signed-in', method: 'api-key' });
    expect(view.snapshot?.user?.email).toBe(DEMO.email);
    expect(stored()).toMatchObject({ method: 'api-key', refresh_token: null });
  });

  it('signs out an API-key session the server stops accepting, and says why', async () => {
    const { core, secrets, notifier } = setup();
    const environment = { name: 'emulator', apiUrl: emu.apiUrl };
    const account = keychainAccount(environment);
    secrets.items.set(
      account,
      JSON.stringify({
        v: 1,
        email: DEMO.email,
        method: 'api-key',
        access_token: 'kmb_revoked_key',
        refresh_token: null,
        expires_at: Number.MAX_SAFE_INTEGER,
        obtained_at: 0,
      }),
    );
    await core.start();
    await core.handle('refresh', undefined);
    expect(core.view().session).toEqual({ status: 'signed-out', reason: API_KEY_REFUSED_REASON });
    expect(secrets.items.has(account)).toBe(false);
    expect(notifier.shown.map((n) => n.kind)).toContain('session-ended');
  });

  it('keeps each environment its own sign-in when the endpoint switches', async () => {
    const { core, secrets } = setup();
    await core.start();
    const { email, password } = DEMO;
    value(await core.handle('signInWithPassword', { email, password }));
    await core.switchEnvironment({ name: 'staging-like', apiUrl: emu.apiUrl });
    expect(core.view().session.status).toBe('signed-out');
    expect(core.view().environment.name).toBe('staging-like');
    expect(core.view().snapshot).toBeNull();
    expect([...secrets.items.keys()]).toEqual([`emulator|${emu.apiUrl}`]);
    await core.switchEnvironment({ name: 'emulator', apiUrl: emu.apiUrl });
    expect(core.view().session).toMatchObject({ status: 'signed-in', email: DEMO.email });
  });
});

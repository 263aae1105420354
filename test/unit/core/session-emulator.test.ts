import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import { NetworkError, NotSignedInError } from '../../../src-main/core/api/errors';
import { toBridgeError } from '../../../src-main/core/error-words';
import { systemClock } from '../../../src-main/core/ports';
import { SESSION_ENDED_REASON, Session } from '../../../src-main/core/session';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { MemorySecretStore, memoryLogger } from '../support/fakes';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
});

/** Client and session wired the way TrayCore wires them. */
function wire(store = new MemorySecretStore()) {
  const logger = memoryLogger();
  const holder: { session?: Session } = {};
  const api = new ApiClient({
    baseUrl: emu.apiUrl,
    auth: {
      accessToken: () => holder.session!.accessToken(),
      refreshAfterRejection: (t) => holder.session!.refreshAfterRejection(t),
    },
  });
  const session = new Session({ account: 'a', secrets: store, api, clock: systemClock, logger });
  holder.session = session;
  return { api, session, store, logger };
}

async function counters() {
  const state = (await emu.control('state')) as {
    counters: { refresh: number; logout: number; by_route: Record<string, number> };
    sessions: { active: number };
  };
  return { ...state.counters, active: state.sessions.active };
}

/** Moves the emulator's clock past the access token's 15-minute life. */
const expireAccessToken = () => emu.control('time', { advance_ms: 16 * 60_000 });

describe('Session against the emulator', () => {
  it('a second sign-in ends the session it replaces on the server', async () => {
    const { session } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await session.signIn(DEMO.email, DEMO.password);
    expect((await counters()).active).toBe(1);
    await Promise.all([
      session.signIn(DEMO.email, DEMO.password),
      session.signIn(DEMO.email, DEMO.password),
      session.signIn(DEMO.email, DEMO.password),
    ]);
    expect((await counters()).active).toBe(1);
    await session.signOut();
    expect((await counters()).active).toBe(0);
  });

  it('says so when a locked keychain keeps the entry at sign-out', async () => {
    const store = new MemorySecretStore();
    const { session } = wire(store);
    await session.signIn(DEMO.email, DEMO.password);
    // A locked collection: deletePassword answers false and the item stays.
    store.delete = async () => false;
    await session.signOut();
    expect(store.items.has('a')).toBe(true);
    expect(session.keychain()).toMatchObject({ status: 'unavailable' });
    expect(session.keychain().message).toMatch(/could not remove a saved sign-in/);
  });

  it('three requests meeting an expired token cause exactly one refresh', async () => {
    const { api, session, store } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    const before = JSON.parse(store.items.get('a')!).refresh_token as string;
    await expireAccessToken();
    const [me, subs, deps] = await Promise.all([api.me(), api.subscriptions(), api.deployments()]);
    expect(me.email).toBe(DEMO.email);
    expect(subs.length).toBeGreaterThan(0);
    expect(deps.length).toBeGreaterThan(0);
    const c = await counters();
    expect(c.refresh).toBe(1);
    expect(c.by_route['GET /v1/me']).toBe(2);
    const after = JSON.parse(store.items.get('a')!).refresh_token as string;
    expect(after).not.toBe(before);
  });

  it('a restored sign-in keeps working with the rotated refresh token', async () => {
    const store = new MemorySecretStore();
    const first = wire(store);
    await first.session.signIn(DEMO.email, DEMO.password);
    await expireAccessToken();
    await first.api.me();
    const second = wire(store);
    await second.session.restore();
    await expireAccessToken();
    expect((await second.api.me()).email).toBe(DEMO.email);
    expect((await counters()).refresh).toBe(2);
  });

  it('a revoked session ends in signed-out with a reason and an empty keychain', async () => {
    const { api, session, store } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    const stolen = JSON.parse(store.items.get('a')!).refresh_token as string;
    // Someone else uses the refresh token first; the session's own use is then a reuse.
    await new ApiClient({ baseUrl: emu.apiUrl }).refresh(stolen);
    await expireAccessToken();
    await expect(api.me()).rejects.toBeInstanceOf(NotSignedInError);
    expect(session.view()).toEqual({ status: 'signed-out', reason: SESSION_ENDED_REASON });
    expect(store.items.size).toBe(0);
  });

  it('a network error during refresh keeps the session', async () => {
    const { api, session } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await expireAccessToken();
    await emu.control('faults', { path: '/v1/auth/refresh', reset_connection: true, times: 1 });
    await expect(api.me()).rejects.toBeInstanceOf(NetworkError);
    expect(session.view().status).toBe('signed-in');
    expect((await api.me()).email).toBe(DEMO.email);
  });

  it('keeps the session through refresh trouble that is no refusal, in words that say so', async () => {
    const { api, session, store } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    const stored = store.items.get('a');
    await expireAccessToken();
    // Only 401 INVALID_TOKEN ends a password session; a bad request, a proxy's 401, a 403
    // or a 5xx say nothing about the refresh token, which stays valid for the next try.
    const troubles = [
      { status: 400, code: 'VALIDATION_ERROR' },
      { status: 401, code: 'HTTP_401' },
      { status: 403, code: 'FORBIDDEN' },
      { status: 502, code: 'HTTP_502' },
    ];
    for (const trouble of troubles) {
      await emu.control('faults', { path: '/v1/auth/refresh', times: 1, ...trouble });
      const error: unknown = await api.me().catch((e: unknown) => e);
      const words = toBridgeError(error);
      expect(words.code, trouble.code).not.toBe('INVALID_TOKEN');
      expect(words.message).not.toMatch(/session has ended/i);
      if (trouble.status < 500) expect(words.message).toMatch(/still signed in/);
      expect(session.view().status).toBe('signed-in');
      expect(store.items.get('a')).toBe(stored);
    }
    expect((await api.me()).email).toBe(DEMO.email);
    expect(store.items.get('a')).not.toBe(stored);
  });

  it('sign-out ends the session on the server even when the access token has expired', async () => {
    const { session, store, logger } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    const refreshToken = JSON.parse(store.items.get('a')!).refresh_token as string;
    // Expired on the server's clock only: the logout meets a 401 and must renew first.
    await expireAccessToken();
    await session.signOut();
    expect((await counters()).active).toBe(0);
    await expect(
      new ApiClient({ baseUrl: emu.apiUrl }).refresh(refreshToken),
    ).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    expect(store.items.size).toBe(0);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });

  it('sign-out with kombify unreachable still signs out here, and says so in the log', async () => {
    const { session, store, logger } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await emu.control('faults', { path: '/v1/auth/*', reset_connection: true });
    await session.signOut();
    expect(session.view()).toEqual({ status: 'signed-out' });
    expect(store.items.size).toBe(0);
    const warned = logger.entries.filter((e) => e.level === 'warn').map((e) => e.msg);
    expect(warned).toEqual([expect.stringMatching(/could not be reached.*this computer only/)]);
    await emu.control('faults/clear');
    expect((await counters()).active).toBe(1);
  });

  it('sign-out revokes the session on the server', async () => {
    const { session, store } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    expect((await counters()).active).toBe(1);
    await session.signOut();
    const c = await counters();
    expect(c.logout).toBe(1);
    expect(c.active).toBe(0);
    expect(store.items.size).toBe(0);
  });
});

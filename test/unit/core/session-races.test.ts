/**
 * Session operations that overlap, against the real emulator and (under
 * scripts/with-keyring.sh) the real keyring: whichever finishes last, the
 * operation the person started last decides what the window shows and what
 * the keychain holds for the next start.
 *
 * Found by adversarial testing: a sign-in made while a slow sign-out still
 * waited for `/auth/logout` was wiped from the keychain when that sign-out
 * resumed; the window said "signed in", the next start was signed out.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import type { SecretStore } from '../../../src-main/core/ports';
import { systemClock } from '../../../src-main/core/ports';
import { Session } from '../../../src-main/core/session';
import { createKeytarSecretStore } from '../../../src-main/node/keytar-secret-store';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { MemorySecretStore, memoryLogger } from '../support/fakes';
import { REAL_KEYRING, secretToolLookup } from '../../support/real-keyring';

const keyring = REAL_KEYRING;
if (!keyring) {
  console.warn('session race tests on the real keyring skipped: run under scripts/with-keyring.sh');
}

interface Keychain {
  secrets: SecretStore;
  entry(account: string): string | null;
}

const keychains: Array<[string, () => Keychain]> = [
  [
    'an in-memory keychain',
    () => {
      const store = new MemorySecretStore();
      return { secrets: store, entry: (account) => store.items.get(account) ?? null };
    },
  ],
];
if (keyring) {
  keychains.push([
    'the real keyring',
    () => ({ secrets: createKeytarSecretStore(), entry: secretToolLookup }),
  ]);
}

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

let accounts = 0;
const used: Array<{ secrets: SecretStore; account: string }> = [];
afterEach(async () => {
  for (const { secrets, account } of used.splice(0)) await secrets.delete(account);
});

async function emulatorState() {
  return (await emu.control('state')) as {
    counters: { by_route: Record<string, number> };
    sessions: { active: number };
  };
}
const active = async () => (await emulatorState()).sessions.active;
/** How many requests for `route` reached the emulator (counted on arrival, before a fault). */
const arrived = async (route: string) => (await emulatorState()).counters.by_route[route] ?? 0;

describe.each(keychains)('overlapping session operations with %s', (_name, make) => {
  /** Client and session wired the way TrayCore wires them, on an account of their own. */
  function wire() {
    const keychain = make();
    accounts += 1;
    const account = `race-${accounts}|${emu.apiUrl}|${process.pid}`;
    used.push({ secrets: keychain.secrets, account });
    const holder: { session?: Session } = {};
    const api = new ApiClient({
      baseUrl: emu.apiUrl,
      auth: {
        accessToken: () => holder.session!.accessToken(),
        refreshAfterRejection: (t) => holder.session!.refreshAfterRejection(t),
      },
    });
    const session = new Session({
      account,
      secrets: keychain.secrets,
      api,
      clock: systemClock,
      logger: memoryLogger(),
    });
    holder.session = session;
    const stored = () => {
      const raw = keychain.entry(account);
      return raw === null ? null : (JSON.parse(raw) as { access_token: string });
    };
    return { api, session, stored };
  }

  it('a sign-in made while a slow sign-out is under way stays, in the keychain too', async () => {
    const { session, stored } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await emu.control('faults', { path: '/v1/auth/logout', latency_ms: 1500, times: 1 });

    const signingOut = session.signOut();
    // The window shows "signed out" at once, so the person signs in again meanwhile.
    await session.signIn(DEMO.email, DEMO.password);
    await signingOut;

    expect(session.view().status).toBe('signed-in');
    expect(session.keychain().status).toBe('ok');
    // What the next start reads is the sign-in the window says is current.
    expect(stored()?.access_token).toBe(await session.accessToken());
    // The old session ended at kombify; the new one lives.
    expect(await active()).toBe(1);
  });

  it('a sign-out made while a slow sign-in is under way is not undone by that sign-in', async () => {
    const { session, stored } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await emu.control('faults', { path: '/v1/auth/login', latency_ms: 1500, times: 1 });

    const signingIn = session.signIn(DEMO.email, DEMO.password);
    await session.signOut();
    await signingIn;

    expect(session.view().status).toBe('signed-out');
    expect(session.signedIn).toBe(false);
    expect(stored()).toBeNull();
    // The late sign-in's session does not stay open at kombify with nobody holding it.
    expect(await active()).toBe(0);
  });

  it('a sign-in that fails late does not turn a newer sign-in back to signed out', async () => {
    const { session, stored } = wire();
    await emu.control('faults', { path: '/v1/auth/login', latency_ms: 1500, times: 1 });

    const mistyped = session.signIn(DEMO.email, 'not-the-password');
    await session.signIn(DEMO.email, DEMO.password);
    await expect(mistyped).rejects.toMatchObject({ status: 401 });

    expect(session.view()).toMatchObject({ status: 'signed-in', email: DEMO.email });
    expect(stored()?.access_token).toBe(await session.accessToken());
  });

  it('a refresh of the replaced session that answers late does not overwrite the new one', async () => {
    const { api, session, stored } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    // Expired on the emulator's clock: the next request meets a 401 and refreshes, slowly.
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await emu.control('faults', { path: '/v1/auth/refresh', latency_ms: 1500, times: 1 });

    const reading = api.me().catch((error: unknown) => error);
    // The request met its 401 and the slow refresh is under way: now sign in again.
    await expect.poll(() => arrived('POST /v1/auth/refresh')).toBe(1);
    await session.signIn(DEMO.email, DEMO.password);
    await reading;
    // The replaced session is ended at kombify once its refresh answered.
    await expect.poll(active).toBe(1);

    expect(session.view().status).toBe('signed-in');
    expect(stored()?.access_token).toBe(await session.accessToken());
    expect((await api.me()).email).toBe(DEMO.email);
  });
});

/**
 * Found by adversarial testing: a sign-in that finishes while an earlier
 * sign-out still waits for kombify (a slow `/auth/logout`) is wiped from the
 * keychain when that sign-out resumes (Session.signOut: `#endAtServer` then
 * `#vault.wipe()` unconditionally). The window keeps saying "signed in" and
 * "keychain ok", but the next start is signed out.
 *
 * Reproduced by hand against the browser host: POST /_emulator/faults
 * {"path":"/v1/auth/logout","latency_ms":3000}, bridge signOut, then
 * signInWithPassword 0.5 s later; `secret-tool search service kombify-tray`
 * finds nothing while the window shows signed-in.
 *
 * Marked `it.fails` until a newer sign-in survives the older sign-out.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import { systemClock } from '../../../src-main/core/ports';
import { Session } from '../../../src-main/core/session';
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

function wire(store = new MemorySecretStore()) {
  const holder: { session?: Session } = {};
  const api = new ApiClient({
    baseUrl: emu.apiUrl,
    auth: {
      accessToken: () => holder.session!.accessToken(),
      refreshAfterRejection: (t) => holder.session!.refreshAfterRejection(t),
    },
  });
  const session = new Session({
    account: 'a',
    secrets: store,
    api,
    clock: systemClock,
    logger: memoryLogger(),
  });
  holder.session = session;
  return { session, store };
}

describe('a sign-in made while a slow sign-out is still under way', () => {
  it.fails('stays remembered in the keychain', async () => {
    const { session, store } = wire();
    await session.signIn(DEMO.email, DEMO.password);
    await emu.control('faults', { path: '/v1/auth/logout', latency_ms: 1500, times: 1 });

    const signingOut = session.signOut();
    // The window shows "signed out" at once, so the person signs in again meanwhile.
    await session.signIn(DEMO.email, DEMO.password);
    await signingOut;

    expect(session.view().status).toBe('signed-in');
    expect(session.keychain().status).toBe('ok');
    // What the next start reads: the sign-in the window says is current.
    expect(store.items.has('a')).toBe(true);
  });
});

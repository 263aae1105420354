import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppView } from '../../../src-shared/bridge';
import { TrayCore } from '../../../src-main/core/app';
import type { SecretStore } from '../../../src-main/core/ports';
import { keychainAccount } from '../../../src-main/core/session';
import { SnapshotDocumentSchema } from '../../../src-main/core/snapshot-document';
import { createJsonDocumentStore } from '../../../src-main/node/json-document-store';
import { createKeytarSecretStore } from '../../../src-main/node/keytar-secret-store';
import { createLogger } from '../../../src-main/node/logger';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { RecordingNotifier, RecordingTray } from '../support/fakes';
import { REAL_KEYRING, secretToolLookup } from '../../support/real-keyring';

const keyring = REAL_KEYRING;

let emu: RunningEmulator;
let dir: string;
beforeAll(async () => {
  if (!keyring) return;
  emu = await startEmulator({ speed: 0 });
  dir = mkdtempSync(join(tmpdir(), 'kombify-full-'));
});
afterAll(async () => {
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!keyring)('TrayCore on the Node adapters, the real keyring and emulator', () => {
  it('keeps tokens in the keychain only, through sign-in, refresh and sign-out', async () => {
    const environment = { name: 'emulator', apiUrl: emu.apiUrl };
    const logFile = join(dir, 'logs', 'main.log');
    const logger = await createLogger({ file: logFile, level: 'debug' });
    const snapshots = createJsonDocumentStore({
      cwd: dir,
      configName: 'snapshot',
      schema: SnapshotDocumentSchema,
      logger,
    });
    const core = new TrayCore({
      environment,
      secrets: createKeytarSecretStore(),
      snapshots,
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger,
    });
    await core.start();
    const signIn = await core.handle('signInWithPassword', {
      email: DEMO.email,
      password: DEMO.password,
    });
    expect(signIn).toMatchObject({ ok: true });
    const account = keychainAccount(environment);
    const first = JSON.parse(secretToolLookup(account)!) as { refresh_token: string };

    // Expire the access token on the server: the next poll refreshes and rotates.
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await core.handle('refresh', undefined);
    const rotated = JSON.parse(secretToolLookup(account)!) as {
      access_token: string;
      refresh_token: string;
    };
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    const snapshotText = readFileSync(join(dir, 'snapshot.json'), 'utf8');
    expect((JSON.parse(snapshotText) as { snapshot: unknown }).snapshot).not.toBeNull();

    const out = (await core.handle('signOut', undefined)) as { ok: true; value: AppView };
    expect(out.value.session.status).toBe('signed-out');
    await core.stop();
    logger.close();

    expect(secretToolLookup(account)).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['logs']);
    const files = [readFileSync(logger.file, 'utf8'), snapshotText];
    expect(files[0]).toContain('signed in');
    for (const secret of [
      first.refresh_token,
      rotated.access_token,
      rotated.refresh_token,
      DEMO.password,
    ]) {
      for (const text of files) expect(text).not.toContain(secret);
    }
  });

  it('a rotated token the keychain refuses to store leaves no dead one behind', async () => {
    const environment = { name: 'emulator-refusing', apiUrl: emu.apiUrl };
    const account = keychainAccount(environment);
    const logger = await createLogger({ file: join(dir, 'refusing', 'main.log'), level: 'debug' });
    const keychain = createKeytarSecretStore();
    // The real keyring, whose saves start failing after sign-in (as when it locks).
    let refuseSaves = false;
    const secrets: SecretStore = {
      get: (a) => keychain.get(a),
      set: (a, secret) =>
        refuseSaves
          ? Promise.reject(new Error('Cannot create an item in a locked collection'))
          : keychain.set(a, secret),
      delete: (a) => keychain.delete(a),
    };
    const core = () =>
      new TrayCore({
        environment,
        secrets,
        snapshots: createJsonDocumentStore({
          cwd: join(dir, 'refusing'),
          configName: 'snapshot',
          schema: SnapshotDocumentSchema,
          logger,
        }),
        notifier: new RecordingNotifier(),
        tray: new RecordingTray(),
        logger,
      });
    const first = core();
    await first.start();
    const { email, password } = DEMO;
    expect(await first.handle('signInWithPassword', { email, password })).toMatchObject({
      ok: true,
    });
    expect(secretToolLookup(account)).not.toBeNull();

    refuseSaves = true;
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await first.handle('refresh', undefined);
    expect(first.view().session.status).toBe('signed-in');
    expect(first.view().keychain.status).toBe('unavailable');
    expect(first.view().keychain.message).toMatch(/will not be remembered/);
    // The entry held the refresh token the rotation spent: it is gone, not left to fail later.
    expect(secretToolLookup(account)).toBeNull();
    // This run goes on with the tokens in memory, through another rotation.
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await first.handle('refresh', undefined);
    expect(first.view().session.status).toBe('signed-in');
    expect(first.view().connectivity.lastError).toBeNull();
    await first.stop();

    // The next start is plainly signed out: no sign-in shown that then "has ended".
    refuseSaves = false;
    const second = core();
    await second.start();
    expect(second.view().session).toEqual({ status: 'signed-out' });
    await second.stop();
    logger.close();
  });
});

/**
 * The secret-leak scan: a full browser sign-in (Chromium), refresh, sign-out,
 * then a device sign-in, password and API key and their sign-outs, on the real
 * keyring, Node adapters and emulator. Every secret that crossed the wire is
 * recorded by value (tokens, ID tokens, codes, device code, PKCE verifier);
 * afterwards every file the app wrote and every view it pushed to the window is
 * searched for each of them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppView } from '../../../src-shared/bridge';
import { TrayCore } from '../../../src-main/core/app';
import { keychainAccount } from '../../../src-main/core/session';
import { SettingsDocumentSchema } from '../../../src-main/core/settings-document';
import { SnapshotDocumentSchema } from '../../../src-main/core/snapshot-document';
import { createJsonDocumentStore } from '../../../src-main/node/json-document-store';
import { createKeytarSecretStore } from '../../../src-main/node/keytar-secret-store';
import { createLogger } from '../../../src-main/node/logger';
import { nodeLoopbackListener } from '../../../src-main/node/loopback-listener';
import { chromiumOpener, confirmDeviceCode, launchChromium } from '../../support/chromium-signin';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { SECRET_KINDS, recordSecrets } from '../../support/secret-recorder';
import { ManualClock } from '../support/manual-clock';
import { RecordingNotifier, RecordingTray } from '../support/fakes';
import { REAL_KEYRING, secretToolLookup } from '../../support/real-keyring';

const keyring = REAL_KEYRING;

let emu: RunningEmulator;
let chromium: Browser;
let dir: string;
beforeAll(async () => {
  if (!keyring) return;
  [emu, chromium] = await Promise.all([startEmulator({ speed: 0 }), launchChromium()]);
  dir = mkdtempSync(join(tmpdir(), 'kombify-leak-'));
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lookup(account: string): Record<string, string> | null {
  const stored = secretToolLookup(account);
  return stored === null ? null : (JSON.parse(stored) as Record<string, string>);
}

/** Every file under `root`, with its text. */
function filesUnder(root: string): { path: string; text: string }[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return [{ path, text: readFileSync(path, 'utf8') }];
  });
}

describe.skipIf(!keyring)('no secret leaves the keychain', () => {
  it('after browser sign-in, refresh, device, password and API-key sign-ins and sign-outs', async () => {
    const environment = { name: 'emulator', apiUrl: emu.apiUrl };
    const account = keychainAccount(environment);
    const logger = await createLogger({ file: join(dir, 'logs', 'main.log'), level: 'debug' });
    const browser = chromiumOpener(chromium, DEMO);
    const recorder = recordSecrets();
    const clock = new ManualClock(Date.now());
    const core = new TrayCore({
      environment,
      fetch: recorder.fetch,
      clock,
      secrets: createKeytarSecretStore(),
      snapshots: createJsonDocumentStore({
        cwd: dir,
        configName: 'snapshot',
        schema: SnapshotDocumentSchema,
        logger,
      }),
      settings: createJsonDocumentStore({
        cwd: dir,
        configName: 'settings',
        schema: SettingsDocumentSchema,
        logger,
      }),
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger,
      browser,
      loopback: nodeLoopbackListener,
    });
    const pushed: AppView[] = [];
    core.subscribe((view) => pushed.push(view));
    await core.start();

    expect(await core.handle('signInWithBrowser', undefined)).toMatchObject({ ok: true });
    const code = new URL(browser.visits[0]!.callback!).searchParams.get('code');
    expect(code).toBeTruthy();
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await core.handle('refresh', undefined);
    expect(await core.handle('signOut', undefined)).toMatchObject({ ok: true });
    expect(lookup(account)).toBeNull();

    const signingIn = core.handle('signInWithDeviceCode', undefined);
    await expect.poll(() => core.view().signIn).toMatchObject({ method: 'device' });
    const flow = core.view().signIn;
    if (flow?.method !== 'device') throw new Error('no device flow');
    await confirmDeviceCode(chromium, flow, DEMO);
    // One poll interval on the core's clock: the next poll gets the tokens.
    await clock.advance(5_000);
    expect(await signingIn).toMatchObject({ ok: true });
    expect(lookup(account)).toMatchObject({ method: 'device' });
    await core.handle('signOut', undefined);

    const { email, password } = DEMO;
    expect(await core.handle('signInWithPassword', { email, password })).toMatchObject({
      ok: true,
    });
    await core.handle('signOut', undefined);
    expect(await core.handle('signInWithApiKey', { apiKey: emu.apiKey })).toMatchObject({
      ok: true,
    });
    expect(lookup(account)).toMatchObject({ method: 'api-key' });
    await core.handle('signOut', undefined);
    expect(lookup(account)).toBeNull();
    await core.stop();
    logger.close();

    // Every kind of secret went over the wire, so the scan below looks for real values.
    const kinds = [...recorder.seen.keys()];
    expect(kinds).toEqual(expect.arrayContaining([...SECRET_KINDS]));
    expect(recorder.seen.get('code')).toContain(code);
    const secrets = new Set([...recorder.values(), DEMO.password, emu.apiKey]);

    const files = filesUnder(dir);
    expect(files.map((f) => f.path).some((p) => p.includes('main'))).toBe(true);
    expect(files.find((f) => f.path.includes('main'))!.text).toContain('signed in');
    expect(pushed.length).toBeGreaterThan(5);
    const views = JSON.stringify(pushed);
    for (const secret of secrets) {
      for (const file of files) expect(file.text, file.path).not.toContain(secret);
      expect(views).not.toContain(secret);
    }
  });
});

/**
 * The real Electron app, driven by Playwright: sign in, the tray, a
 * notification. It needs Electron's runtime binary, which cannot be
 * downloaded on our build machines; there the suite is skipped and says why.
 */
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationView, TrayModel } from '../../src-shared/bridge';
import { electronBinary } from '../../scripts/electron-runtime';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { signInWithPassword } from './support/screens';

const runtime = electronBinary();
const skipReason = 'missing' in runtime ? `Electron runtime unavailable: ${runtime.missing}` : '';
if (skipReason) console.log(`electron-app.e2e.ts skipped — ${skipReason}`);

interface Seen {
  tray: TrayModel | null;
  notifications: NotificationView[];
}

const seen = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as { kombifyE2E: Seen }).kombifyE2E);

test.describe('kombify Tray on Electron', () => {
  test.skip(Boolean(skipReason), skipReason);

  let emulator: RunningEmulator;
  let dataDir: string;
  let app: ElectronApplication;

  test.beforeEach(async () => {
    emulator = await startEmulator({ speed: 2 });
    dataDir = await mkdtemp(join(tmpdir(), 'kombify-electron-'));
    app = await _electron.launch({
      executablePath: 'path' in runtime ? runtime.path : undefined,
      args: ['.'],
      env: {
        ...process.env,
        KOMBIFY_API_URL: emulator.apiUrl,
        KOMBIFY_ENV_NAME: `electron e2e ${randomUUID()}`,
        KOMBIFY_DATA_DIR: dataDir,
        KOMBIFY_E2E: '1',
      },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    await emulator?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('signs in, shows the tray and notifies once when a deployment succeeds', async () => {
    const page = await app.firstWindow();
    await signInWithPassword(page);
    await expect(page.getByTestId('deployment').first()).toBeVisible();

    await expect.poll(async () => (await seen(app)).tray?.state).toBe('failed');
    const tray = (await seen(app)).tray!;
    expect(tray.items.map((item) => item.id)).toEqual(
      expect.arrayContaining(['open', 'deploy', 'refresh', 'sign-out', 'quit']),
    );

    await page.getByTestId('deploy-base-kit').click();
    await expect
      .poll(async () => (await seen(app)).notifications.map((n) => n.kind), { timeout: 30_000 })
      .toEqual(['deployment-succeeded']);
    await expect.poll(async () => (await seen(app)).tray?.state).toBe('ok');
  });
});

/**
 * Issue 5 end to end: a deployment that fails in the emulator gives exactly
 * one notification, with its error; a restart of the app gives none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { removeDir, startHost, stopProcess } from './support/app';
import { signInWithPassword } from './support/screens';
const ERROR = 'Disk full on /var/lib/docker.';

let emulator: RunningEmulator;
let dataDir: string;
let host: Awaited<ReturnType<typeof startHost>> | null = null;

test.beforeEach(async () => {
  emulator = await startEmulator({ speed: 2 });
  dataDir = await mkdtemp(join(tmpdir(), 'kombify-e2e-'));
});

test.afterEach(async () => {
  if (host) await stopProcess(host.child);
  host = null;
  await emulator.stop();
  await removeDir(dataDir);
  // The sign-in was remembered in the test keyring; later tests count what it holds.
  execFileSync('secret-tool', ['clear', 'service', 'kombify-tray'], { stdio: 'ignore' });
});

/** Lets several polls pass: a repeated notification would show up now. */
async function severalPolls(page: Page): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await page.getByTestId('refresh').click();
    await page.waitForTimeout(1_200);
  }
}

test('a failed deployment notifies once with its error, and a restart notifies nothing', async ({
  page,
}) => {
  host = await startHost(emulator.apiUrl, dataDir);
  await page.goto(host.pageUrl);
  await signInWithPassword(page);
  await expect(page.getByTestId('deployment')).toHaveCount(2);

  await emulator.control('next-deployment', { outcome: 'fail', error_message: ERROR });
  await page.getByTestId('deploy-base-kit').click();
  await expect(page.getByTestId('deployment')).toHaveCount(3);
  const failed = page.locator('[data-testid="deployment"][data-status="failed"]');
  await expect(failed).toHaveCount(2, { timeout: 30_000 });

  const notifications = page.getByTestId('notification');
  await expect(notifications).toHaveCount(1);
  await expect(notifications.first()).toContainText(ERROR);
  await severalPolls(page);
  await expect(notifications).toHaveCount(1);

  // Restart: same data folder and keychain, so the sign-in and the snapshot come back.
  await stopProcess(host.child);
  host = await startHost(emulator.apiUrl, dataDir);
  await page.goto(host.pageUrl);
  await expect(page.getByTestId('deployment')).toHaveCount(3);
  await expect(failed).toHaveCount(2);
  await severalPolls(page);
  await expect(page.getByTestId('notification')).toHaveCount(0);
});

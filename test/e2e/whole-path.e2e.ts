/**
 * The whole path a newcomer walks, on real parts: the emulator and the
 * browser host as processes, the real gnome-keyring, Debian's Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readAllFiles, removeDir, runStartScript, startApp, type RunningApp } from './support/app';
import { expectAccessible, shootBothThemes, signInWithPassword } from './support/screens';

const DEMO = { email: 'demo@kombify.dev', password: 'homelab-demo' };

let app: RunningApp;

test.beforeEach(async () => {
  app = await startApp();
});

/** What a test started beyond the app, undone even when the test times out. */
const cleanups: Array<() => Promise<void>> = [];

test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await app.stop();
  await removeDir(app.dataDir);
});

async function signIn(page: Page): Promise<void> {
  await page.goto(app.pageUrl);
  await signInWithPassword(page);
  await expect(page.getByTestId('deployment').first()).toBeVisible();
}

/**
 * The tokens gnome-keyring holds for this app's environment: every value stored under a
 * *token* key. Only this run's account: other tests share the keyring and sign in too.
 */
function keychainTokens(account: string): string[] {
  const query = ['search', '--all', 'service', 'kombify-tray', 'account', account];
  const out = execFileSync('secret-tool', query, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const tokens: string[] = [];
  for (const line of out.split('\n')) {
    const match = /^secret = (.*)$/.exec(line);
    if (!match) continue;
    const secret = JSON.parse(match[1]!) as Record<string, unknown>;
    for (const [key, value] of Object.entries(secret)) {
      if (/token/i.test(key) && typeof value === 'string') tokens.push(value);
    }
  }
  return tokens;
}

test('signs in, deploys base-kit, notifies once, and keeps tokens only in the keychain', async ({
  page,
}) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    seen.push(await response.text().catch(() => ''));
  });

  await signIn(page);
  await expect(page.getByTestId('deployment')).toHaveCount(2);

  const before = await page
    .getByTestId('deployment')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deployment-id')));
  await page.getByTestId('deploy-base-kit').click();
  await expect(page.getByTestId('deployment')).toHaveCount(3);
  const notBefore = before.map((id) => `:not([data-deployment-id="${id}"])`).join('');
  const fresh = page.locator(`[data-testid="deployment"]${notBefore}`);
  await expect(fresh).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });

  // Let several more polls pass: a repeated notification would show up now.
  for (let i = 0; i < 3; i += 1) {
    await page.getByTestId('refresh').click();
    await page.waitForTimeout(1_200);
  }
  const succeeded = page.getByTestId('notification').filter({ hasText: /succeeded/i });
  await expect(succeeded).toHaveCount(1);

  const secrets = keychainTokens(`e2e emulator|${app.emulator.apiUrl}|${resolve(app.dataDir)}`);
  expect(secrets, 'the access and refresh token are in gnome-keyring').toHaveLength(2);
  expect(secrets.every((token) => token.length >= 16)).toBe(true);

  const files = await readAllFiles(app.dataDir);
  expect(files.length, 'the app wrote its snapshot and logs').toBeGreaterThan(0);
  for (const secret of [...secrets, DEMO.password]) {
    for (const file of files) expect(file.text.includes(secret), file.path).toBe(false);
    for (const body of seen) expect(body.includes(secret), 'a reply to the window').toBe(false);
    expect((await page.content()).includes(secret)).toBe(false);
    const storage = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(storage.includes(secret)).toBe(false);
  }
  for (const line of app.output) {
    for (const secret of secrets) expect(line.includes(secret)).toBe(false);
  }
});

test('shows the last known state, marked offline with its age, when the cloud goes away', async ({
  page,
}) => {
  await signIn(page);
  await expect(page.getByTestId('deployment')).toHaveCount(2);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  await app.emulator.stop();

  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(/offline/i);
  await expect(banner).toContainText(/ago|just now/i);
  await expect(page.getByTestId('deployment')).toHaveCount(2);
  // The homelab is what was last known, not a green "Online" while nothing answers.
  await expect(page.getByTestId('homelab-state')).toContainText('Last known: Online');
  await expect(page.getByTestId('homelab-state')).toHaveClass(/tone-neutral/);
  await shootBothThemes(page, 'offline');
  await expectAccessible(page);
});

test('a second start on the same data folder hands over to the first', async () => {
  const second = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--browser', '--no-open'],
    {
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        KOMBIFY_API_URL: app.emulator.apiUrl,
        KOMBIFY_ENV_NAME: 'e2e emulator',
        KOMBIFY_DATA_DIR: app.dataDir,
      },
    },
  );
  expect(second.status).toBe(0);
  const origin = new URL(app.pageUrl).origin;
  expect(second.stdout).toContain(`kombify Tray is already running: ${origin}`);
  expect(second.stdout).not.toContain('kombify Tray is ready');
});

test('a second start on the same folder, emulator and all, starts no emulator of its own', async () => {
  // As `npm start` runs from a checkout: no KOMBIFY_API_URL, so it would start an emulator.
  const second = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--browser', '--no-open'],
    {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, KOMBIFY_API_URL: '', KOMBIFY_DATA_DIR: app.dataDir },
    },
  );
  expect(second.status).toBe(0);
  expect(second.stdout).toContain(
    `kombify Tray is already running: ${new URL(app.pageUrl).origin}`,
  );
  expect(second.stdout).not.toContain('emulator');
  expect(second.stdout).not.toContain('Demo API key');
});

test('npm start prints the address once, and one line when its emulator stops', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kombify-e2e-'));
  // No desktop to open a browser on, as on a server or in a container.
  const run = runStartScript(['--browser'], {
    KOMBIFY_API_URL: undefined,
    KOMBIFY_ENV_NAME: undefined,
    KOMBIFY_DATA_DIR: dataDir,
    DISPLAY: undefined,
    WAYLAND_DISPLAY: undefined,
    CI: undefined,
  });
  cleanups.push(async () => {
    await run.stop();
    await removeDir(dataDir);
  });
  const ready = await run.waitFor(/kombify Tray is ready: /);
  const pageUrl = /(http:\/\/127\.0\.0\.1:\d+\/#k=\S+)/.exec(ready)![1]!;
  const emulator = execFileSync('pgrep', ['-P', String(run.child.pid), '-f', 'emulator/main.ts'], {
    encoding: 'utf8',
  }).trim();
  expect(emulator).toMatch(/^\d+$/);
  process.kill(Number(emulator), 'SIGKILL');
  await run.waitFor(/emulator .*stopped/i);
  await run.stop();
  expect(run.lines.filter((line) => line.includes(pageUrl))).toHaveLength(1);
  expect(run.lines.filter((line) => /emulator .*stopped/i.test(line))).toHaveLength(1);
});

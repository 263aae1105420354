/**
 * Every screen of the signed-in window against the emulator and the browser
 * host: what it shows, one action each, a screenshot in both themes and an
 * axe check. One app for the file; the emulator runs at 4x speed.
 */
import { expect, test, type Route } from '@playwright/test';
import { removeDir, startApp, type RunningApp } from './support/app';
import {
  expectAccessible,
  expectChosenMethodStandsOut,
  expectNothingCovered,
  expectToastShadowsInside,
  expectWrapped,
  openScreen,
  openSignedIn,
  shootBothThemes,
} from './support/screens';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ speed: 4 });
});
test.afterAll(async () => {
  await app.stop();
  await removeDir(app.dataDir);
});
test.beforeEach(async () => {
  // A reset forgets the emulator's sessions; sign the host out first, so no test
  // starts on a session the host has not yet found to be gone.
  expect(await app.bridge('signOut')).toMatchObject({ ok: true });
  await app.emulator.control('reset');
  await app.emulator.control('time', { speed: 4 });
});

test('sign-in: every method against the contract, then the API key signs in', async ({ page }) => {
  await page.goto(app.pageUrl);
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  // The browser host can sign in with the browser, the way the README recommends: it opens there,
  // naming the issuer it signs in at (the emulator here), not kombify.io.
  await expect(page.getByTestId('sign-in-method-browser')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Continue in the browser');
  const issuerHost = new URL(app.emulator.url).host;
  await expect(page.getByTestId('browser-intro')).toContainText(`Sign in on ${issuerHost}`);
  await expect(page.getByTestId('browser-intro')).not.toContainText('kombify.io');
  await page.getByTestId('sign-in-method-password').click();
  await expect(page.getByTestId('sign-in-email')).toBeVisible();
  await shootBothThemes(page, 'sign-in-password');
  await expectAccessible(page);
  await page.getByTestId('sign-in-method-device').click();
  await expectChosenMethodStandsOut(page);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('device-user-code')).toHaveText(/\S{4,}/);
  await expect(page.getByTestId('device-uri')).toContainText(app.emulator.url);
  await expect(page.getByTestId('device-uri-link')).toHaveAttribute(
    'href',
    new RegExp(`^${app.emulator.url}`),
  );
  await expect(page.getByTestId('device-code-copy')).toBeVisible();
  await shootBothThemes(page, 'sign-in-device-code');
  await expectAccessible(page);
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Get a code');
  await page.getByTestId('sign-in-method-browser').click();
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Continue in the browser');
  await shootBothThemes(page, 'sign-in-browser');
  // The browser host opens no browser here: the window offers the address instead.
  await page.getByTestId('sign-in-submit').click();
  const manual = page.getByTestId('browser-url');
  await expect(manual).toHaveAttribute('href', new RegExp(`^${app.emulator.url}.*code_challenge=`));
  await expect(manual).not.toHaveAttribute('href', /code_verifier/);
  await expectWrapped(page, page.getByTestId('browser-waiting'));
  await shootBothThemes(page, 'sign-in-browser-waiting');
  await expectAccessible(page);
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Continue in the browser');
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0);

  await page.getByTestId('sign-in-method-apiKey').click();
  await page.getByTestId('sign-in-api-key').fill('kmb_wrong_key_123456');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await shootBothThemes(page, 'sign-in-api-key-error');
  await expectAccessible(page);
  await page.route('**/bridge/signInWithApiKey', (route) =>
    route.fulfill({
      json: { ok: false, error: { code: 'SOMETHING_NEW', message: 'y'.repeat(400) } },
    }),
  );
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('yyyy');
  await expectWrapped(page, page.getByTestId('sign-in-error'));
  await page.unroute('**/bridge/signInWithApiKey');
  await page.getByTestId('sign-in-api-key').fill(app.emulator.apiKey);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('nav-overview')).toBeVisible();
});

test('overview: cloud and homelab status with their age, plan quotas, latest deployments', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  // The demo's failed deployment is a few hours old: a newcomer sees the header say so.
  await expect(page.getByTestId('overall-state')).toHaveText('A deployment failed');
  await expect(page.getByTestId('cloud-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('cloud-age')).toContainText(/ago|just now/);
  await expect(page.getByTestId('homelab-state')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('quota-stacks')).toContainText('of 3');
  await expect(page.getByTestId('deployment')).toHaveCount(2);
  await shootBothThemes(page, 'overview');
  await expectAccessible(page);
});

test('deployments: filter, open the failed one with its error, delete the good one', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'deployments');
  await expect(page.getByTestId('deployment')).toHaveCount(2);
  await expect(page.getByTestId('filter-all')).toHaveAttribute('aria-pressed', 'true');
  await shootBothThemes(page, 'deployments');
  await expectAccessible(page);
  await page.getByTestId('filter-failed').click();
  await expect(page.getByTestId('deployment')).toHaveCount(1);
  await expect(page.getByTestId('deployment')).toHaveAttribute('data-status', 'failed');
  // Kit names, not ids; the age says what it is.
  await expect(page.getByTestId('deployment-meta')).toContainText('Modern Homelab');
  await expect(page.getByTestId('deployment-meta')).toContainText(/updated .+ ago/);
  await shootBothThemes(page, 'deployments-filter-failed');
  await expectAccessible(page);
  await page.getByTestId('filter-active').click();
  await expect(page.getByTestId('deployments-empty')).toContainText('No deployment matches');
  await shootBothThemes(page, 'deployments-filter-empty');
  await expectAccessible(page);
  await page.getByTestId('filter-failed').click();
  await page.getByTestId('deployment-details').click();
  await expect(page.getByTestId('detail-error')).toContainText('IMAGE_PULL_FAILED');
  await expect(page.getByTestId('detail-steps').locator('[data-state="failed"]')).toHaveCount(1);
  await expect(page.getByTestId('detail-steps')).toContainText('Pulling images');
  // The kit's id is one word on one line; the row breaks before it instead.
  const kitId = page.getByTestId('detail-kit').locator('code');
  await expect(kitId).toHaveText('modern-homelab');
  const kitIdLines = () => kitId.evaluate((code) => code.getClientRects().length);
  expect(await kitIdLines(), 'the kit id broke across lines').toBe(1);
  await shootBothThemes(page, 'deployment-detail');
  await expectAccessible(page);
  // In a narrow window the start time and its age break between phrases, never inside one.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await kitIdLines(), 'the kit id broke across lines').toBe(1);
  const lines = await page
    .getByTestId('detail-started')
    .locator('span')
    .evaluateAll((spans) => spans.map((span) => span.getClientRects().length));
  expect(lines.length).toBeGreaterThan(0);
  expect(
    lines.every((count) => count === 1),
    'a phrase broke across lines',
  ).toBe(true);
  await shootBothThemes(page, 'deployment-detail-narrow');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('button', { name: /back/i }).click();
  await page.getByTestId('filter-succeeded').click();
  await page.getByTestId('deployment-details').click();
  await page.getByTestId('delete-deployment').click();
  await expect(page.getByTestId('delete-confirm')).toContainText('cannot be undone');
  await shootBothThemes(page, 'deployment-delete-confirm');
  await expectAccessible(page);
  await page.getByTestId('delete-confirm-confirm').click();
  await expect(page.getByTestId('detail-status')).toHaveAttribute('data-status', 'deleting');
  await expect(page.getByTestId('deployment-gone')).toBeVisible({ timeout: 20_000 });
});

test('stackkits: deploys modern-homelab to the picked homelab once, with live progress', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'stackkits');
  await expect(page.getByTestId('stackkit')).toHaveCount(3);
  await shootBothThemes(page, 'stackkits');
  await expectAccessible(page);

  await page.getByTestId('deploy-modern-homelab').dblclick();
  const live = page.getByTestId('stackkit-live').getByTestId('deployment');
  await expect(live).toBeVisible();
  await shootBothThemes(page, 'stackkits-live');
  await expectAccessible(page);
  // The progress is the app's, not the screen's: it is still there after a visit elsewhere.
  await openScreen(page, 'overview');
  await openScreen(page, 'stackkits');
  await expect(live).toBeVisible();
  await expect(live).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  const state = (await app.emulator.control('state')) as { counters: { by_route: object } };
  const creates = Object.entries(state.counters.by_route).filter(([route]) =>
    /POST \/v1\/deployments$/.test(route),
  );
  expect(creates.map(([, count]) => count)).toEqual([1]);
});

test('stackkits: disabled with the reason while the homelab is offline', async ({ page }) => {
  await app.emulator.control('homelab', { status: 'offline' });
  await openSignedIn(page, app.pageUrl);
  await page.getByTestId('refresh').click();
  await openScreen(page, 'stackkits');
  await expect(page.getByTestId('deploy-base-kit')).toBeDisabled();
  await expect(page.getByTestId('stackkit-reason')).toContainText('offline');
  await shootBothThemes(page, 'stackkits-offline');
  await expectAccessible(page);
});

test('tools: by category, connect and disconnect, a tool above the plan offers the upgrade', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'tools');
  await expect(page.getByTestId('tool-category').first()).toBeVisible();
  const kuma = page.locator('[data-testid="tool"][data-tool-id="uptime-kuma"]');
  await kuma.getByTestId('tool-connect').click();
  await expect(kuma.getByTestId('tool-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 20_000,
  });
  const locked = page.locator('[data-testid="tool"][data-tool-id="authentik"]');
  await expect(locked.getByTestId('tool-needs-plan')).toContainText('Team');
  await shootBothThemes(page, 'tools');
  await expectAccessible(page);
  await kuma.getByTestId('tool-disconnect').click();
  await expect(kuma.getByTestId('tool-connect')).toBeVisible();
  await locked.getByTestId('tool-upgrade').click();
  await expect(page.getByTestId('screen-subscription')).toBeVisible();
});

test('subscription: upgrade and cancel, each after a confirmation that says what happens', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'subscription');
  await expect(page.getByTestId('subscription-plan')).toHaveAttribute('data-plan', 'hobby');
  await expect(page.getByTestId('subscription-renewal')).toContainText('Renews on');
  await page.getByTestId('upgrade-pro').click();
  await expect(page.getByTestId('upgrade-confirm')).toContainText('from Hobby to Pro');
  await shootBothThemes(page, 'subscription-upgrade');
  await expectAccessible(page);
  await page.getByTestId('upgrade-confirm-confirm').click();
  await expect(page.getByTestId('subscription-plan')).toHaveAttribute('data-plan', 'pro');

  await page.getByTestId('cancel-subscription').click();
  await expect(page.getByTestId('cancel-confirm')).toContainText('falls back to Free');
  await page.getByTestId('cancel-confirm-confirm').click();
  await expect(page.getByTestId('already-canceled')).toBeVisible();
  await expect(page.getByTestId('subscription-renewal')).toContainText('Ends on');
  await expect(page.getByTestId('subscription-state')).toContainText('Cancels on');
  await expect(page.getByTestId('subscription-state')).not.toContainText('active');
  await shootBothThemes(page, 'subscription');
  await expectAccessible(page);
});

test('errors: a 402 names the upgrade, a 503 the homelab, each with its next step', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await app.emulator.control('faults', {
    path: '/v1/deployments',
    method: 'POST',
    status: 503,
    code: 'HOMELAB_UNREACHABLE',
    times: 1,
  });
  await page.getByTestId('deploy-base-kit').click();
  const error = page.getByTestId('action-error');
  await expect(error).toContainText('homelab');
  await expect(error.getByTestId('next-step')).toHaveAttribute('data-step', 'homelab');
  // The card next to the banner does not say "Online" as if nothing had happened.
  await expect(page.getByTestId('homelab-state')).toContainText('Not answering');
  await shootBothThemes(page, 'error-503');
  await expectAccessible(page);
  await openScreen(page, 'stackkits');
  await error.getByTestId('next-step').click();
  await expect(page.getByTestId('screen-overview')).toBeVisible();
  await expect(page.getByTestId('status-homelab')).toBeFocused();
  await expect(page.getByTestId('homelab-age')).toContainText('Did not answer at');
  await shootBothThemes(page, 'error-503-next-step');
  await expectAccessible(page);

  await app.emulator.control('faults', {
    path: '/v1/deployments',
    method: 'POST',
    status: 402,
    code: 'SUBSCRIPTION_LIMIT_EXCEEDED',
    times: 1,
  });
  await page.getByTestId('deploy-base-kit').click();
  await expect(error.getByTestId('next-step')).toHaveAttribute('data-step', 'upgrade');
  await error.getByTestId('next-step').click();
  await expect(page.getByTestId('screen-subscription')).toBeVisible();
});

test('errors: a 400-character message without spaces wraps inside its box', async ({ page }) => {
  const long = `https://kombify.example/${'x'.repeat(400)}`;
  await openSignedIn(page, app.pageUrl);

  // The banner above the screens, with main's words as they came.
  await page.route('**/bridge/deployStackKit', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'SOMETHING_NEW', message: long } } }),
  );
  await page.getByTestId('deploy-base-kit').click();
  const banner = page.getByTestId('action-error');
  await expectWrapped(page, banner);
  // Clamped to three lines; "Show more" opens the rest, by keyboard too.
  const more = banner.getByTestId('show-more');
  await expect(more).toHaveText('Show more');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const clampedHeight = (await banner.boundingBox())!.height;
  await shootBothThemes(page, 'error-long');
  await expectAccessible(page);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(more).toHaveText('Show less');
  expect((await banner.boundingBox())!.height).toBeGreaterThan(clampedHeight);
  await expectWrapped(page, banner);
  await shootBothThemes(page, 'error-long-open');
  await page.unroute('**/bridge/deployStackKit');
  await page.getByTestId('action-error').getByRole('button', { name: 'Dismiss' }).click();

  // A deployment that failed with such a message: in its row and in its detail.
  await app.emulator.control('next-deployment', {
    outcome: 'fail',
    step: 'queued',
    error_message: long,
  });
  await page.getByTestId('deploy-base-kit').click();
  await openScreen(page, 'deployments');
  const failed = page.locator('[data-testid="deployment"][data-status="failed"]').first();
  await expect(failed.getByTestId('deployment-error')).toContainText('xxxx', { timeout: 30_000 });
  await expectWrapped(page, failed.getByTestId('deployment-error'));
  await failed.getByTestId('deployment-details').click();
  await expectWrapped(page, page.getByTestId('detail-error'));
  await shootBothThemes(page, 'error-long-detail');
});

test('notifications: a toast never covers a button, link or field of the window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 960, height: 680 });
  await openSignedIn(page, app.pageUrl);
  await app.emulator.control('next-deployment', { outcome: 'fail', step: 'queued' });
  await page.getByTestId('deploy-base-kit').click();
  // The overview is taller than the window: its last buttons sit where toasts used to float.
  await expect(page.getByTestId('notification').first()).toContainText('failed', {
    timeout: 30_000,
  });
  for (const at of [0, 0.5, 1]) {
    await page.evaluate((part) => {
      const root = document.documentElement;
      window.scrollTo(0, (root.scrollHeight - root.clientHeight) * part);
    }, at);
    await expectNothingCovered(page);
  }
  await expectToastShadowsInside(page);
  await shootBothThemes(page, 'notification-toast');
  await expectAccessible(page);

  // "Show" opens the deployment the toast is about, like a click on the system notification.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('notification').first().getByTestId('notification-show').click();
  await expect(page.getByTestId('deployment-detail')).toBeVisible();
  await expect(page.getByTestId('detail-status')).toHaveAttribute('data-status', 'failed');
});

test('loading and empty: connecting, a tools catalog on its way, one that failed, no deployments', async ({
  page,
}) => {
  // Connecting: the host has not answered the first state yet, neither asked nor pushed.
  for (const path of ['**/bridge/getState', '**/bridge/events']) {
    await page.route(path, () => undefined);
  }
  await page.goto(app.pageUrl);
  await expect(page.getByTestId('connecting')).toBeVisible();
  await shootBothThemes(page, 'connecting');
  await expectAccessible(page);
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  await app.emulator.control('reset', { scenario: 'new-user' });
  await app.emulator.control('time', { speed: 4 });
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'deployments');
  await expect(page.getByTestId('deployments-empty')).toContainText('No deployments yet');
  await shootBothThemes(page, 'deployments-empty');
  await expectAccessible(page);

  // A catalog that failed to load says why; Try again while the host is slow shows it on its way.
  await page.route('**/bridge/listTools', (route) =>
    route.fulfill({
      json: { ok: false, error: { code: 'TIMEOUT', message: 'kombify Cloud did not answer.' } },
    }),
  );
  await openScreen(page, 'tools');
  const failed = page.getByTestId('tools-load-error');
  await expect(failed).toContainText('did not answer');
  await shootBothThemes(page, 'tools-load-error');
  await expectAccessible(page);
  await page.unroute('**/bridge/listTools');
  let held: Route | null = null;
  await page.route('**/bridge/listTools', (route) => void (held = route));
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('tools-loading')).toBeVisible();
  await shootBothThemes(page, 'tools-loading');
  await expectAccessible(page);
  await expect.poll(() => held).not.toBeNull();
  await held!.continue();
  await expect(page.getByTestId('tool-category').first()).toBeVisible();
});

test('settings: pause notifications for an hour, see it in the header, then resume', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  const indicator = page.getByTestId('paused-indicator');
  await expect(indicator).toHaveCount(0);
  await openScreen(page, 'settings');
  const pause = page.getByTestId('notifications-pause');
  await expect(pause.getByRole('button', { name: 'For an hour' })).toBeVisible();
  await shootBothThemes(page, 'settings-pause');
  await expectAccessible(page);

  await pause.getByRole('button', { name: 'For an hour' }).click();
  // Main holds the pause, until an hour from now; the window says until when.
  const state = (await app.bridge('getState')) as {
    value: { notifications: { pausedUntil: string | null } };
  };
  const until = Date.parse(state.value.notifications.pausedUntil ?? '');
  expect(until - Date.now()).toBeGreaterThan(55 * 60_000);
  expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  // As the window writes a time in English (with the date when it is not today), in its browser.
  const time = await page.evaluate((at) => {
    const sameDay = new Date(at).toDateString() === new Date().toDateString();
    const date = sameDay ? {} : ({ month: 'short', day: 'numeric' } as const);
    return new Intl.DateTimeFormat('en', { ...date, hour: 'numeric', minute: '2-digit' }).format(
      at,
    );
  }, until);
  await expect(page.getByTestId('paused-until')).toHaveText(`Paused until ${time}`);
  // The header says it quietly: a struck-through bell, in words for a screen reader.
  await expect(indicator).toBeVisible();
  await expect(indicator).toHaveAccessibleName(`Notifications paused until ${time}`);
  await shootBothThemes(page, 'settings-paused');
  await expectAccessible(page);
  await openScreen(page, 'overview');
  await expect(indicator).toBeVisible();
  await shootBothThemes(page, 'overview-paused');

  await openScreen(page, 'settings');
  await page.getByTestId('notifications-resume').click();
  await expect(indicator).toHaveCount(0);
  await expect(pause.getByRole('button', { name: 'For an hour' })).toBeVisible();
  expect(await app.bridge('getState')).toMatchObject({
    value: { notifications: { pausedUntil: null, pausedIndefinitely: false } },
  });

  await pause.getByRole('button', { name: 'Until I resume them' }).click();
  await expect(page.getByTestId('paused-until')).toHaveText('Paused until you resume them');
  await expect(indicator).toHaveAccessibleName('Notifications paused until you resume them');
  await page.getByTestId('notifications-resume').click();
  await expect(indicator).toHaveCount(0);
});

test('settings: a fixed endpoint says why; theme, toggles and language apply through main', async ({
  page,
}) => {
  await openSignedIn(page, app.pageUrl);
  await openScreen(page, 'settings');
  await shootBothThemes(page, 'settings');
  await expectAccessible(page);

  // The e2e host runs with KOMBIFY_API_URL, which fixes the endpoint; the custom-URL check
  // itself is covered by the component tests.
  await expect(page.getByTestId('endpoint-fixed')).toContainText('KOMBIFY_API_URL');
  await expect(page.getByTestId('endpoint-fixed')).toContainText(app.emulator.apiUrl);
  await expect(page.getByTestId('endpoint-custom')).toHaveCount(0);

  // "Saved." has a place of its own: the cards do not move when it appears.
  const firstCard = page.getByTestId('settings').locator('section').first();
  const top = () => firstCard.evaluate((card) => card.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await page.getByTestId('theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  expect(await top()).toBe(before);
  await page.getByTestId('notify-deployment-created').uncheck();
  await expect(page.getByTestId('notify-deployment-created')).not.toBeChecked();
  await expect(page.getByTestId('quiet-start')).toBeDisabled();
  await page.getByTestId('quiet-enabled').check();
  await expect(page.getByTestId('quiet-start')).toBeEnabled();
  // Back to the system theme, so the German screenshots below follow light and dark.
  await page.getByTestId('theme-system').check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);

  await page.getByTestId('language').selectOption('de');
  await expect(page.getByTestId('nav-overview')).toHaveText('Übersicht');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('quiet-start')).toHaveValue('22:00');
  await page.getByTestId('quiet-end').fill('7:30');
  await page.getByTestId('quiet-end').blur();
  await expect(page.getByTestId('quiet-end')).toHaveValue('07:30');
  await expect(page.getByTestId('settings-saved')).toHaveText('Gespeichert.');
  await shootBothThemes(page, 'settings-german');
  await expectAccessible(page);
  // Ages the German way: "vor 3 Std.", "vor 2 Tagen", never "vor 3 T".
  await openScreen(page, 'overview');
  await expect(page.getByTestId('deployment-meta').first()).toContainText(/vor \d+ (Std\.|Min\.)/);
  await expect(page.getByTestId('deployment-meta').last()).toContainText(/vor \d+ Tagen/);
  await shootBothThemes(page, 'overview-german');
  await openScreen(page, 'settings');

  await page.reload();
  await expect(page.getByTestId('nav-overview')).toHaveText('Übersicht');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('system');
  await expect(page.getByTestId('nav-overview')).toHaveText('Overview');
});

/**
 * A real Chromium (Debian's, driven by Playwright) as the person's system
 * browser: it clicks through the emulator's sign-in, consent and device pages.
 */
import { type Browser, type Page, chromium } from '@playwright/test';
import type { BrowserOpener } from '../../src-main/core/ports';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** Starts headless Chromium with the flags our CI machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Signs in and allows access on the issuer's pages the page is on now. */
export async function signInAndAllow(
  page: Page,
  creds: { email: string; password: string },
): Promise<void> {
  await page.getByLabel('Email').fill(creds.email);
  await page.getByLabel('Password').fill(creds.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The consent page comes after a redirect chain; clicking earlier is lost in navigation.
  await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
  await page.getByRole('button', { name: 'Allow' }).click();
}

const LOOPBACK_CALLBACK = /^http:\/\/127\.0\.0\.1:\d+\/callback/;

/** What the "system browser" did for one open(). */
export interface Visit {
  url: string;
  /** Heading of the page it ended on (our loopback page after a browser sign-in). */
  heading: Promise<string>;
  /** The callback URL the browser was sent to (it carries the authorization code). */
  callback: string | null;
}

/**
 * A BrowserOpener that opens each URL in a fresh Chromium context and, unless
 * `act` is given, signs in and allows access there.
 */
export function chromiumOpener(
  browser: Browser,
  creds: { email: string; password: string },
  act?: (page: Page, url: string) => Promise<void>,
): BrowserOpener & { visits: Visit[] } {
  const visits: Visit[] = [];
  return {
    visits,
    async open(url) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const visit: Visit = { url, heading: Promise.resolve(''), callback: null };
      // Noted as the request leaves the browser, so before the app (which finishes
      // as soon as its listener has it) can tell the test it is signed in.
      page.on('request', (request) => {
        if (LOOPBACK_CALLBACK.test(request.url())) visit.callback ??= request.url();
      });
      visit.heading = (async () => {
        try {
          await page.goto(url);
          if (act) await act(page, url);
          else await signInAndAllow(page, creds);
          await page.waitForURL(LOOPBACK_CALLBACK);
          return (await page.locator('h1').textContent()) ?? '';
        } finally {
          await context.close();
        }
      })();
      visit.heading.catch(() => undefined);
      visits.push(visit);
    },
  };
}

/** Confirms a device sign-in's code on the issuer's pages, as a person would on another device. */
export async function confirmDeviceCode(
  browser: Browser,
  flow: { verificationUri: string; userCode: string },
  creds: { email: string; password: string },
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(flow.verificationUri);
    await page.locator('input[name="user_code"]').fill(flow.userCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await signInAndAllow(page, creds);
    await page.getByRole('heading', { name: 'Device connected' }).waitFor();
  } finally {
    await context.close();
  }
}

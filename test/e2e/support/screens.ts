/**
 * Helpers the per-screen tests share: sign in (or find the app signed in
 * already), open a screen, save a screenshot in both themes, and run axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO } from '../../support/emulator';

export { DEMO };

const SHOTS = 'test/e2e/screenshots';

/**
 * Signs in on the sign-in screen with the demo email and password. The screen opens
 * on Browser where the host can do that, so the Email tab is chosen first.
 */
export async function signInWithPassword(page: Page): Promise<void> {
  await page.getByTestId('sign-in-method-password').click();
  await page.getByTestId('sign-in-email').fill(DEMO.email);
  await page.getByTestId('sign-in-password').fill(DEMO.password);
  await page.getByTestId('sign-in-submit').click();
}

/** Opens the page; signs in with the demo password unless the host is signed in already. */
export async function openSignedIn(page: Page, pageUrl: string): Promise<void> {
  await page.goto(pageUrl);
  const nav = page.getByTestId('nav-overview');
  const form = page.getByTestId('sign-in-form');
  await expect(nav.or(form)).toBeVisible();
  if (await form.isVisible()) await signInWithPassword(page);
  await expect(nav).toBeVisible();
}

/** Clicks a section in the navigation and waits for it. */
export async function openScreen(page: Page, screen: string): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
}

/** Saves `<name>-light.png` and `<name>-dark.png` (full page), then goes back to light. */
export async function shootBothThemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Runs axe on the page as it is, in both themes; fails on any serious or critical finding. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${colorScheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(', ')}`,
      );
    expect(bad, 'serious or critical accessibility violations').toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The box holds its text: nothing sticks out of it, and the page does not scroll sideways. */
export async function expectWrapped(page: Page, box: Locator): Promise<void> {
  await expect(box).toBeVisible();
  const overflow = await box.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    // Text that overflows does not grow its element's box, so measure the text itself.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let textRight = outer.left;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      textRight = Math.max(textRight, range.getBoundingClientRect().right);
    }
    return {
      widest: textRight - outer.right,
      right: outer.right - document.documentElement.clientWidth,
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(overflow.widest, 'text wider than its box').toBeLessThanOrEqual(1);
  expect(overflow.right, 'box past the right edge').toBeLessThanOrEqual(0);
  expect(overflow.page, 'page scrolls sideways').toBeLessThanOrEqual(0);
}

/** No toast lies on top of anything a person can click or type into, wherever the page is. */
export async function expectNothingCovered(page: Page): Promise<void> {
  const covered = await page.evaluate(() => {
    const toasts = [...document.querySelectorAll('[data-testid="notification"]')];
    const controls = [
      ...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]'),
    ].filter((c) => !toasts.some((t) => t.contains(c)) && c.getClientRects().length > 0);
    const hits: string[] = [];
    for (const toast of toasts) {
      const a = toast.getBoundingClientRect();
      for (const control of controls) {
        const b = control.getBoundingClientRect();
        const overlap =
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        if (overlap) hits.push(control.textContent?.trim() || control.tagName);
      }
    }
    return hits;
  });
  expect(covered, 'controls under a toast').toEqual([]);
}

/** Each toast's shadow fits inside the scrolling region: no hard edge cuts it off. */
export async function expectToastShadowsInside(page: Page): Promise<void> {
  const cut = await page.evaluate(() => {
    const region = document.querySelector<HTMLElement>('[data-testid="notifications"]');
    if (!region) return ['no notification region'];
    const room = getComputedStyle(region);
    const problems: string[] = [];
    for (const toast of region.querySelectorAll<HTMLElement>('[data-testid="notification"]')) {
      const shadow = getComputedStyle(toast).boxShadow;
      if (shadow === 'none') continue;
      // "rgb(…) 0px 8px 24px 0px[, …]": each layer's offsets, blur and spread in px.
      for (const layer of shadow.split(/,(?![^(]*\))/)) {
        const [x = 0, y = 0, blur = 0, spread = 0] = (layer.match(/-?[\d.]+px/g) ?? []).map(
          parseFloat,
        );
        const below = y + blur + spread;
        const side = Math.abs(x) + blur + spread;
        if (below > parseFloat(room.paddingBottom) + 0.5) problems.push(`${below}px below`);
        if (side > parseFloat(room.paddingLeft) + 0.5) problems.push(`${side}px to the side`);
      }
    }
    return problems;
  });
  expect(cut, 'toast shadow cut off by its scrolling region').toEqual([]);
}

/** Relative luminance of a CSS `rgb(…)`/`color(srgb …)` colour, as WCAG defines it. */
function luminance(css: string): number {
  const parts = (css.match(/[\d.]+/g) ?? []).map(Number);
  const scale = css.startsWith('color(') ? 1 : 255;
  const [r = 0, g = 0, b = 0] = parts.slice(0, 3).map((v) => {
    const c = v / scale;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The chosen sign-in method stands out from its group by at least 3:1, in both themes. */
export async function expectChosenMethodStandsOut(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const [chosen, group] = await page
      .locator('[aria-pressed="true"][data-testid^="sign-in-method-"]')
      .evaluate((button) => [
        getComputedStyle(button).backgroundColor,
        getComputedStyle(button.parentElement!).backgroundColor,
      ]);
    const [a, b] = [luminance(chosen!), luminance(group!)].sort((x, y) => y - x);
    expect(
      (a! + 0.05) / (b! + 0.05),
      `${colorScheme}: chosen ${chosen} on ${group}`,
    ).toBeGreaterThanOrEqual(3);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

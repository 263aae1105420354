/**
 * Very long words from main or the API are clamped to a few lines with a
 * "Show more" button, so one message cannot fill the window; short ones are not.
 * jsdom lays nothing out, so the height the browser would measure is given here.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../../src-renderer/App.svelte';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { setLanguage } from '../../src-renderer/lib/i18n';
import type { AppView } from '../../src-shared/bridge';
import { fakeBridge } from './support/fake-bridge';
import { NOW, deployment, signedInView, signedOutView } from './support/fixtures';

const LONG = `https://kombify.example/${'x'.repeat(400)}`;
const SHORT = 'The stack did not start.';

/** What the browser would measure: long text is taller than three lines, short text is not. */
function layOut() {
  const tall = (element: Element) => (element.textContent ?? '').length > 200;
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return tall(this) ? 240 : 20;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return tall(this) && !this.classList.contains('open') ? 60 : this.scrollHeight;
    },
  });
}

beforeEach(layOut);
afterEach(() => {
  delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  setLanguage('en');
});

async function dashboard(view: AppView) {
  const fake = fakeBridge(view);
  const app = new AppState(fake.bridge);
  await app.load();
  render(Dashboard, { props: { app, now: NOW } });
  return { fake, app };
}

describe('long messages', () => {
  it('are clamped in the error banner, with a keyboard-reachable "Show more"', async () => {
    const { fake } = await dashboard(signedInView());
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: LONG },
    });
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    const banner = await screen.findByTestId('action-error');
    const more = within(banner).getByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    const text = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(text).toHaveTextContent(LONG);
    expect(text).toHaveClass('clamped');

    await fireEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(more).toHaveTextContent('Show less');
    expect(text).toHaveClass('open');
  });

  it('are clamped in a deployment row and its detail', async () => {
    const failed = deployment({
      status: 'failed',
      error: { code: 'IMAGE_PULL_FAILED', message: LONG },
    });
    const { app } = await dashboard(signedInView({}, { deployments: [failed] }));
    const row = screen.getByTestId('deployment-error');
    expect(within(row).getByRole('button', { name: 'Show more' })).toBeInTheDocument();
    app.navigate({ screen: 'deployments', deploymentId: failed.id });
    const detail = await screen.findByTestId('detail-error');
    expect(within(detail).getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it('leave short messages alone', async () => {
    const failed = deployment({ status: 'failed', error: { code: 'X', message: SHORT } });
    await dashboard(signedInView({}, { deployments: [failed] }));
    const row = screen.getByTestId('deployment-error');
    expect(row).toHaveTextContent(SHORT);
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('are clamped on the sign-in screen too, in German', async () => {
    const view = signedOutView();
    view.settings = { ...view.settings, language: 'de' };
    const fake = fakeBridge(view);
    fake.bridge.signInWithPassword.mockResolvedValueOnce({
      ok: false,
      error: { code: '', message: LONG },
    });
    render(App, { props: { app: new AppState(fake.bridge), clock: new Clock() } });
    await fireEvent.click(await screen.findByTestId('sign-in-method-password'));
    await fireEvent.input(screen.getByTestId('sign-in-email'), {
      target: { value: 'a@b.c' },
    });
    await fireEvent.input(screen.getByTestId('sign-in-password'), { target: { value: 'pw' } });
    await fireEvent.click(screen.getByTestId('sign-in-submit'));
    const error = await screen.findByTestId('sign-in-error');
    expect(within(error).getByRole('button', { name: 'Mehr zeigen' })).toBeInTheDocument();
  });
});

/**
 * A narrow box: 20 px lines of 35 characters, as on the sign-in card. A clamped
 * box shows the lines its --lines says; an open or unclamped one shows them all.
 */
function narrowBox() {
  const lines = (element: HTMLElement) => Math.ceil((element.textContent ?? '').length / 35);
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return lines(this) * 20;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const shown = Number(this.style.getPropertyValue('--lines'));
      const clamped = this.classList.contains('clamped') && !this.classList.contains('open');
      return clamped && shown > 0 ? Math.min(lines(this), shown) * 20 : this.scrollHeight;
    },
  });
}

describe('ordinary error sentences', () => {
  beforeEach(narrowBox);

  async function apiKeyRefused(message: string) {
    const fake = fakeBridge(signedOutView());
    fake.bridge.signInWithApiKey.mockResolvedValueOnce({
      ok: false,
      error: { code: 'API_KEY_REFUSED', message },
    });
    render(App, { props: { app: new AppState(fake.bridge), clock: new Clock() } });
    await fireEvent.click(await screen.findByTestId('sign-in-method-apiKey'));
    await fireEvent.input(screen.getByTestId('sign-in-api-key'), {
      target: { value: 'kmb_wrong_key_123456' },
    });
    await fireEvent.click(screen.getByTestId('sign-in-submit'));
    return screen.findByTestId('sign-in-error');
  }

  it('are shown whole, next step included, even when they take four lines', async () => {
    const message =
      'kombify did not accept this API key. Copy it again from the dashboard ' +
      '(or create a new one) and paste it here.';
    const error = await apiKeyRefused(message);
    expect(error).toHaveTextContent(message);
    expect(within(error).queryByTestId('show-more')).not.toBeInTheDocument();
    expect(error.querySelector('.clamped')).toBeNull();
  });

  it('stay whole up to about 300 characters, however many lines that makes', async () => {
    const message = `${'Something went wrong there. '.repeat(10)}Try again.`;
    expect(message.length).toBeLessThanOrEqual(300);
    const error = await apiKeyRefused(message);
    expect(within(error).queryByTestId('show-more')).not.toBeInTheDocument();
  });

  it('are clamped only when really long: more than 300 characters and five lines', async () => {
    const message = `${'Something went wrong there. '.repeat(12)}Try again.`;
    expect(message.length).toBeGreaterThan(300);
    const error = await apiKeyRefused(message);
    const more = within(error).getByTestId('show-more');
    const text = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(text.style.getPropertyValue('--lines')).toBe('5');
  });
});

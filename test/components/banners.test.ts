import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../src-renderer/App.svelte';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { setLanguage } from '../../src-renderer/lib/i18n';
import type { AppView, ConnectivityView } from '../../src-shared/bridge';
import { fakeBridge } from './support/fake-bridge';
import { NOW, ago, signedInView, signedOutView } from './support/fixtures';

async function renderWith(connectivity: ConnectivityView, now = NOW) {
  const fake = fakeBridge(signedInView({ connectivity }));
  const app = new AppState(fake.bridge);
  await app.load();
  const result = render(Dashboard, { props: { app, now } });
  return { fake, ...result };
}

const clock = (iso: string) =>
  new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

describe('connectivity banners', () => {
  it('shows no banner while online', async () => {
    await renderWith({ status: 'online', lastSuccessAt: ago(5), lastError: null, retryAt: null });
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rate-limit-banner')).not.toBeInTheDocument();
  });

  it('says offline with the time and age of the last update and the last error', async () => {
    const lastSuccessAt = ago(185);
    await renderWith({
      status: 'offline',
      lastSuccessAt,
      lastError: { code: 'NETWORK', message: 'kombify Cloud could not be reached.' },
      retryAt: null,
    });
    const banner = screen.getByTestId('offline-banner');
    expect(banner).toHaveTextContent(
      `Offline — showing the last update from ${clock(lastSuccessAt)} (3 min ago)`,
    );
    expect(banner).toHaveTextContent('kombify Cloud could not be reached.');
    expect(screen.getByTestId('deploy-reason')).toHaveTextContent('cannot be reached');
  });

  it('tells the same age in the header and the offline banner', async () => {
    // The kept snapshot is 12 s old; the cloud last answered 3 min ago.
    await renderWith({
      status: 'offline',
      lastSuccessAt: ago(185),
      lastError: null,
      retryAt: null,
    });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(3 min ago)');
    expect(screen.getByTestId('updated-age')).toHaveTextContent('updated 3 min ago');
  });

  it('moves the age on as time passes', async () => {
    const connectivity: ConnectivityView = {
      status: 'offline',
      lastSuccessAt: ago(12),
      lastError: null,
      retryAt: null,
    };
    const { rerender } = await renderWith(connectivity);
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(12 s ago)');
    await rerender({ now: NOW + 5000 });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(17 s ago)');
  });

  it('marks a kept snapshot stale before the first sync', async () => {
    await renderWith({ status: 'unknown', lastSuccessAt: null, lastError: null, retryAt: null });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Not connected yet');
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(12 s ago)');
  });

  it('says when to try again while rate-limited', async () => {
    const retryAt = new Date(NOW + 90_000).toISOString();
    await renderWith({
      status: 'rate-limited',
      lastSuccessAt: ago(20),
      lastError: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests.', retryAt },
      retryAt,
    });
    expect(screen.getByTestId('rate-limit-banner')).toHaveTextContent(
      `try again at ${clock(retryAt)}`.replace('try', 'Try'),
    );
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  });

  it('says "just now" instead of "0 s ago", in English and German', async () => {
    await renderWith({ status: 'offline', lastSuccessAt: ago(0), lastError: null, retryAt: null });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(just now)');
    expect(screen.getByTestId('updated-age')).toHaveTextContent('updated just now');
    expect(screen.getByTestId('offline-banner')).not.toHaveTextContent('0 s');
  });

  it('says "gerade eben" in German', async () => {
    const view = signedInView({
      connectivity: { status: 'offline', lastSuccessAt: ago(2), lastError: null, retryAt: null },
    });
    view.settings = { ...view.settings, language: 'de' };
    const fake = fakeBridge(view);
    const app = new AppState(fake.bridge);
    await app.load();
    render(Dashboard, { props: { app, now: NOW } });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('(gerade eben)');
    expect(screen.getByTestId('updated-age')).toHaveTextContent('gerade eben aktualisiert');
    setLanguage('en');
  });

  it('shows the offline banner for a last error that has no words', async () => {
    // A host or an older main may send an error without a message: nothing may throw.
    await renderWith({
      status: 'offline',
      lastSuccessAt: ago(60),
      lastError: { code: 'OFFLINE' } as ConnectivityView['lastError'],
      retryAt: null,
    });
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Offline');
    expect(screen.queryByTestId('offline-reason')).not.toBeInTheDocument();
  });

  it('puts the reason for being offline in the window language', async () => {
    const view = signedInView({
      connectivity: {
        status: 'offline',
        lastSuccessAt: ago(60),
        lastError: { code: 'OFFLINE', message: 'kombify Cloud cannot be reached.' },
        retryAt: null,
      },
    });
    view.settings = { ...view.settings, language: 'de' };
    const fake = fakeBridge(view);
    const app = new AppState(fake.bridge);
    await app.load();
    render(Dashboard, { props: { app, now: NOW } });
    expect(screen.getByTestId('offline-reason')).toHaveTextContent('nicht erreichbar');
    setLanguage('en');
  });

  it('shows no offline banner without a snapshot to be stale', async () => {
    const fake = fakeBridge(
      signedInView({
        snapshot: null,
        connectivity: { status: 'offline', lastSuccessAt: null, lastError: null, retryAt: null },
      } satisfies Partial<AppView>),
    );
    const app = new AppState(fake.bridge);
    await app.load();
    render(Dashboard, { props: { app, now: NOW } });
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
  });
});

describe('notices from main', () => {
  const reset = {
    id: 'settings-file',
    message: 'Some settings in /data/settings.json had values this version cannot use: Theme.',
  };

  async function renderApp(view: AppView) {
    const fake = fakeBridge(view);
    const app = new AppState(fake.bridge);
    render(App, { props: { app, clock: new Clock() } });
    return { fake, app };
  }

  it.each([
    ['signed in', signedInView({ notices: [reset] })],
    ['signed out', signedOutView({ notices: [reset] })],
  ])('shows each notice above the screens while %s', async (_state, view) => {
    await renderApp(view);
    const notice = await screen.findByTestId('notice-settings-file');
    expect(notice).toHaveTextContent(reset.message);
  });

  it('hides a dismissed notice, and shows it again when main raises it anew', async () => {
    const { fake } = await renderApp(signedInView({ notices: [reset] }));
    const notice = await screen.findByTestId('notice-settings-file');
    await fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('notice-settings-file')).not.toBeInTheDocument();
    // Still in main's view: stays dismissed.
    fake.emit('state', signedInView({ notices: [reset] }));
    await Promise.resolve();
    expect(screen.queryByTestId('notice-settings-file')).not.toBeInTheDocument();
    // Gone from main's view, then back: a new occurrence is shown.
    fake.emit('state', signedInView({ notices: [] }));
    fake.emit('state', signedInView({ notices: [reset] }));
    expect(await screen.findByTestId('notice-settings-file')).toBeInTheDocument();
  });
});

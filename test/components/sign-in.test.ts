import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { setLanguage } from '../../src-renderer/lib/i18n';
import type { AppView, BridgeResult } from '../../src-shared/bridge';
import { deferred, fakeBridge } from './support/fake-bridge';
import { signedInView, signedOutView } from './support/fixtures';

function renderApp(view: AppView) {
  const fake = fakeBridge(view);
  const app = new AppState(fake.bridge);
  render(App, { props: { app, clock: new Clock() } });
  return { fake, app };
}

async function fillAndSubmit(email: string, password: string) {
  await fireEvent.click(screen.getByTestId('sign-in-method-password'));
  await fireEvent.input(screen.getByTestId('sign-in-email'), { target: { value: email } });
  await fireEvent.input(screen.getByTestId('sign-in-password'), { target: { value: password } });
  await fireEvent.click(screen.getByTestId('sign-in-submit'));
}

describe('sign-in screen', () => {
  it('shows the environment it signs in to', async () => {
    renderApp(signedOutView());
    expect(await screen.findByTestId('environment')).toHaveTextContent('Local emulator');
    expect(screen.getByTestId('environment-url')).toHaveTextContent('http://127.0.0.1:4010/v1');
  });

  it('labels its fields for people and password managers', async () => {
    renderApp(signedOutView());
    await fireEvent.click(await screen.findByTestId('sign-in-method-password'));
    const email = await screen.findByLabelText('Email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('form', { name: 'Sign in to kombify' })).toBeInTheDocument();
  });

  it('submits the trimmed email and the password, disabled while it waits', async () => {
    const { fake } = renderApp(signedOutView());
    const reply = deferred<BridgeResult<AppView>>();
    fake.bridge.signInWithPassword.mockReturnValueOnce(reply.promise);
    await screen.findByTestId('sign-in-form');

    await fillAndSubmit(' demo@kombify.io ', 'secret');

    expect(fake.bridge.signInWithPassword).toHaveBeenCalledWith({
      email: 'demo@kombify.io',
      password: 'secret',
    });
    expect(screen.getByTestId('sign-in-submit')).toBeDisabled();
    expect(screen.getByTestId('sign-in-submit')).toHaveTextContent('Signing in…');
    expect(screen.getByTestId('sign-in-email')).toBeDisabled();

    reply.resolve({ ok: true, value: signedInView() });
    expect(await screen.findByTestId('overall-state')).toHaveTextContent('All good');
    expect(screen.queryByTestId('sign-in-form')).not.toBeInTheDocument();
  });

  it('shows a failed sign-in in plain words and lets the person try again', async () => {
    const { fake } = renderApp(signedOutView());
    fake.bridge.signInWithPassword.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' },
    });
    await screen.findByTestId('sign-in-form');

    await fillAndSubmit('demo@kombify.io', 'wrong');

    const error = await screen.findByTestId('sign-in-error');
    expect(error).toHaveTextContent('Wrong email or password.');
    expect(error).toHaveAttribute('role', 'alert');
    expect(screen.getByTestId('sign-in-submit')).toBeEnabled();
    expect(screen.getByTestId('sign-in-email')).toHaveValue('demo@kombify.io');
  });

  it('says when the bridge itself failed instead of breaking', async () => {
    const { fake } = renderApp(signedOutView());
    fake.bridge.signInWithPassword.mockRejectedValueOnce(new Error('ipc gone'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await screen.findByTestId('sign-in-form');

    await fillAndSubmit('demo@kombify.io', 'secret');

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Something went wrong');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('shows why main signed the person out', async () => {
    renderApp(signedOutView({ session: { status: 'signed-out', reason: 'Your session ended.' } }));
    expect(await screen.findByTestId('sign-in-reason')).toHaveTextContent('Your session ended.');
  });

  it('shows the keychain warning when the keychain is unavailable', async () => {
    renderApp(signedOutView({ keychain: { status: 'unavailable', message: 'No keyring here.' } }));
    expect(await screen.findByTestId('keychain-banner')).toHaveTextContent('No keyring here.');
  });
});

describe('the way it opens on', () => {
  const pressed = () =>
    screen
      .getAllByRole('button', { pressed: true })
      .filter((b) => b.dataset.testid?.startsWith('sign-in-method-'))
      .map((b) => b.dataset.testid);

  it('is the browser, as the README recommends, where the host can sign in that way', async () => {
    renderApp(signedOutView());
    await screen.findByTestId('sign-in-form');
    expect(pressed()).toEqual(['sign-in-method-browser']);
    expect(screen.getByTestId('sign-in-submit')).toHaveTextContent('Continue in the browser');
    expect(screen.queryByTestId('sign-in-email')).not.toBeInTheDocument();
  });

  it('is email and password where the host cannot open a browser for it', async () => {
    renderApp(signedOutView({ signInMethods: ['password', 'device', 'api-key'] }));
    await screen.findByTestId('sign-in-form');
    expect(pressed()).toEqual(['sign-in-method-password']);
    expect(screen.getByTestId('sign-in-email')).toBeInTheDocument();
  });

  it('names the issuer the browser signs in at: the emulator, a custom one or kombify', async () => {
    for (const [issuerUrl, host] of [
      ['http://127.0.0.1:4010', '127.0.0.1:4010'],
      ['https://login.example.com', 'login.example.com'],
      ['https://login.kombify.io', 'login.kombify.io'],
    ] as const) {
      const view = signedOutView();
      const { unmount } = render(App, {
        props: {
          app: new AppState(
            fakeBridge({ ...view, environment: { ...view.environment, issuerUrl } }).bridge,
          ),
          clock: new Clock(),
        },
      });
      expect(await screen.findByTestId('browser-intro')).toHaveTextContent(
        `Sign in on ${host} in your browser; kombify Tray picks up the rest.`,
      );
      unmount();
    }
  });

  it('names the issuer in German too', async () => {
    const view = signedOutView();
    view.settings = { ...view.settings, language: 'de' };
    renderApp(view);
    expect(await screen.findByTestId('browser-intro')).toHaveTextContent(
      'Melde dich im Browser bei 127.0.0.1:4010 an',
    );
    setLanguage('en');
  });
});

describe('browser sign-in', () => {
  it('goes back to the choices without an error when the person cancels', async () => {
    const { fake } = renderApp(signedOutView());
    const reply = deferred<BridgeResult<AppView>>();
    fake.bridge.signInWithBrowser.mockReturnValueOnce(reply.promise);
    await fireEvent.click(await screen.findByTestId('sign-in-method-browser'));
    await fireEvent.click(screen.getByTestId('sign-in-submit'));
    fake.emit(
      'state',
      signedOutView({
        signIn: { method: 'browser', status: 'waiting', startedAt: new Date().toISOString() },
      }),
    );
    expect(await screen.findByTestId('browser-waiting')).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId('sign-in-cancel'));
    fake.emit('state', signedOutView());
    reply.resolve({
      ok: false,
      error: { code: 'SIGN_IN_CANCELLED', message: 'The sign-in was canceled.' },
    });

    await waitFor(() => expect(screen.getByTestId('sign-in-submit')).toBeEnabled());
    expect(screen.queryByTestId('sign-in-error')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('browser-waiting')).not.toBeInTheDocument();
    expect(screen.getByTestId('sign-in-method-browser')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('browser sign-in address', () => {
  const url = 'https://login.kombify.io/auth?client_id=kombify-tray&state=s1&code_challenge=c1';
  const waiting = () =>
    signedOutView({
      signIn: { method: 'browser', status: 'waiting', startedAt: new Date().toISOString(), url },
    });

  it('shows the sign-in page as a link while it waits, for a browser that did not open', async () => {
    renderApp(waiting());
    const link = await screen.findByTestId('browser-url');
    expect(link).toHaveAttribute('href', url);
    expect(screen.getByTestId('browser-waiting')).toHaveTextContent('Browser did not open?');
  });

  it('writes the address short, on one line, and keeps all of it for the link and Copy', async () => {
    const long = `${url}&nonce=${'n'.repeat(300)}`;
    const view = signedOutView({
      signIn: {
        method: 'browser',
        status: 'waiting',
        startedAt: new Date().toISOString(),
        url: long,
      },
    });
    renderApp(view);
    const link = await screen.findByTestId('browser-url');
    expect(link).toHaveAttribute('href', long);
    expect(link).toHaveTextContent(/^login\.kombify\.io\/auth\?…$/);
    expect(link.textContent!.length).toBeLessThan(60);
  });

  it('copies the address, and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(waiting());
    await fireEvent.click(await screen.findByTestId('browser-url-copy'));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await screen.findByTestId('browser-url-copied')).toHaveTextContent('Copied.');
  });

  it('speaks German there too', async () => {
    const view = waiting();
    view.settings = { ...view.settings, language: 'de' };
    renderApp(view);
    expect(await screen.findByTestId('browser-url-copy')).toHaveTextContent('Adresse kopieren');
    setLanguage('en');
  });
});

describe('device-code sign-in', () => {
  const waiting = () =>
    signedOutView({
      signIn: {
        method: 'device',
        status: 'waiting',
        userCode: 'WDJB-MJHT',
        verificationUri: 'https://login.kombify.io/device',
        verificationUriComplete: 'https://login.kombify.io/device?user_code=WDJB-MJHT',
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      },
    });

  it('links the page to enter the code at, filled in where the issuer offers it', async () => {
    renderApp(waiting());
    const link = await screen.findByRole('link', { name: 'https://login.kombify.io/device' });
    expect(link).toHaveAttribute('href', 'https://login.kombify.io/device?user_code=WDJB-MJHT');
    expect(screen.getByTestId('device-uri')).toContainElement(link);
  });

  it('copies the code, and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(waiting());
    await fireEvent.click(await screen.findByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('WDJB-MJHT');
    expect(await screen.findByTestId('device-code-copied')).toHaveTextContent('Copied.');
  });
});

describe('a view with parts missing', () => {
  it('still renders the sign-in screen', async () => {
    renderApp({} as AppView);
    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
    expect(screen.queryByTestId('environment')).not.toBeInTheDocument();
  });

  it('still renders a signed-in dashboard without connectivity or tray', async () => {
    const partial = { ...signedInView(), connectivity: null, tray: null } as unknown as AppView;
    renderApp(partial);
    expect(await screen.findByTestId('overall-state')).toHaveTextContent('—');
    expect(screen.getAllByTestId('deployment')).toHaveLength(1);
    expect(screen.getByTestId('deploy-base-kit')).toBeEnabled();
  });
});

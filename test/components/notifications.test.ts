import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { Clock } from '../../src-renderer/lib/clock.svelte';
import { fakeBridge } from './support/fake-bridge';
import { deployment, signedInView, signedOutView } from './support/fixtures';

async function renderApp() {
  const fake = fakeBridge(signedInView());
  const app = new AppState(fake.bridge);
  render(App, { props: { app, clock: new Clock() } });
  await screen.findByTestId('overall-state');
  return { fake, app };
}

describe('notifications and pushed state', () => {
  it('shows a notification raised by main as a toast in a polite live region', async () => {
    const { fake } = await renderApp();
    const region = screen.getByRole('status', { name: 'Notifications' });
    expect(region).toHaveAttribute('aria-live', 'polite');

    fake.emit('notification', {
      key: 'dep_1:succeeded',
      kind: 'deployment-succeeded',
      title: 'base-kit-1 succeeded',
      body: 'Base Kit is running on basement-rack.',
      deploymentId: 'dep_1',
      to: { screen: 'deployments', deploymentId: 'dep_1' },
    });

    const toast = await within(region).findByTestId('notification');
    expect(toast).toHaveTextContent('base-kit-1 succeeded');
    expect(toast).toHaveTextContent('Base Kit is running on basement-rack.');
  });

  it('keeps every toast listed until it is dismissed', async () => {
    const { fake } = await renderApp();
    fake.emit('notification', {
      key: 'a',
      kind: 'deployment-succeeded',
      title: 'First',
      body: '',
      to: { screen: 'deployments' },
    });
    fake.emit('notification', {
      key: 'b',
      kind: 'deployment-succeeded',
      title: 'Second',
      body: 'done',
      to: { screen: 'deployments' },
    });
    expect(await screen.findAllByTestId('notification')).toHaveLength(2);

    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification: First' }));

    expect(screen.getAllByTestId('notification')).toHaveLength(1);
    expect(screen.getByTestId('notification')).toHaveTextContent('Second');
  });

  it('opens the deployment a toast is about, from any screen, with focus on its name', async () => {
    const { fake, app } = await renderApp();
    app.navigate({ screen: 'settings' });
    fake.emit('notification', {
      key: 'k',
      kind: 'deployment-succeeded',
      title: 'Done',
      body: '',
      deploymentId: 'dep_1',
      to: { screen: 'deployments', deploymentId: 'dep_1' },
    });

    await fireEvent.click(
      await screen.findByRole('button', { name: 'Show the deployment of: Done' }),
    );

    const detail = await screen.findByTestId('deployment-detail');
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(detail).toHaveTextContent('base-kit-1');
  });

  it('takes a homelab toast to the homelab status, and a plan toast to the subscription', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    const { fake, app } = await renderApp();
    app.navigate({ screen: 'tools' });
    fake.emit('notification', {
      key: 'h',
      kind: 'homelab-offline',
      title: 'Homelab offline',
      body: 'basement-rack stopped answering kombify Cloud.',
      to: { screen: 'overview' },
    });
    await fireEvent.click(await screen.findByRole('button', { name: 'Show: Homelab offline' }));
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('status-homelab'));

    fake.emit('notification', {
      key: 's',
      kind: 'subscription-canceled',
      title: 'Subscription canceled',
      body: 'Your subscription ends on 25 December 2026.',
      to: { screen: 'subscription' },
    });
    await fireEvent.click(
      await screen.findByRole('button', { name: 'Show: Subscription canceled' }),
    );
    expect(await screen.findByTestId('screen-subscription')).toBeInTheDocument();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('subscription'));
  });

  it('warns while the browser host cannot be reached', async () => {
    const fake = fakeBridge(signedInView());
    let report: (up: boolean) => void = () => undefined;
    const app = new AppState(fake.bridge, (listener) => {
      report = listener;
      return () => undefined;
    });
    render(App, { props: { app, clock: new Clock() } });
    await screen.findByTestId('overall-state');
    expect(screen.queryByTestId('host-banner')).not.toBeInTheDocument();

    report(false);
    expect(await screen.findByTestId('host-banner')).toHaveTextContent('not answering');
    report(true);
    await expect.poll(() => screen.queryByTestId('host-banner')).toBeNull();
  });

  it('follows state pushed by main: live status and the sign-out', async () => {
    const { fake } = await renderApp();
    const running = deployment({ status: 'deploying', progress: 40 });
    fake.emit('state', signedInView({}, { deployments: [running] }));
    expect(await screen.findByTestId('deployment')).toHaveAttribute('data-status', 'deploying');
    fake.emit('state', signedInView({ tray: { state: 'deploying', tooltip: '', items: [] } }));
    await expect.poll(() => document.title).toBe('Deploying · kombify Tray');
    fake.emit('state', signedInView({}, { deployments: [running] }));

    fake.emit('state', signedInView({}, { deployments: [{ ...running, status: 'succeeded' }] }));
    await expect.poll(() => screen.getByTestId('deployment').dataset.status).toBe('succeeded');

    fake.emit('state', signedInView({ session: { status: 'signed-out' }, snapshot: null }));
    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
  });
});

describe('toasts and the account they belong to', () => {
  const succeeded = {
    key: 'deployment:dep_1:succeeded',
    kind: 'deployment-succeeded',
    title: 'Deployment succeeded',
    body: 'base-kit-1 (Base Kit) is deployed.',
    deploymentId: 'dep_1',
    to: { screen: 'deployments', deploymentId: 'dep_1' },
  } as const;

  it('go with the sign-out: no Show is left that leads to a deployment while signed out', async () => {
    const { fake } = await renderApp();
    fake.emit('notification', succeeded);
    expect(await screen.findAllByTestId('notification')).toHaveLength(1);

    fake.emit('state', signedOutView());

    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
    expect(screen.queryAllByTestId('notification')).toHaveLength(0);
  });

  it('keep the one that says the session ended, whose Show leads to signing in', async () => {
    const { fake } = await renderApp();
    fake.emit('notification', succeeded);
    // Main raises it just before it pushes the signed-out state.
    fake.emit('notification', {
      key: 'session:ended:1',
      kind: 'session-ended',
      title: 'Signed out of kombify',
      body: 'Your session has ended. Sign in again to continue.',
      to: { screen: 'sign-in' },
    });
    fake.emit('state', signedOutView({ session: { status: 'signed-out', reason: 'Ended.' } }));

    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
    const left = screen.getAllByTestId('notification');
    expect(left).toHaveLength(1);
    expect(left[0]).toHaveTextContent('Signed out of kombify');
  });

  it('go when another account or another cloud takes over', async () => {
    const { fake } = await renderApp();
    fake.emit('notification', succeeded);
    fake.emit(
      'state',
      signedInView({ session: { status: 'signed-in', email: 'b@x.io', name: null } }),
    );
    await expect.poll(() => screen.queryAllByTestId('notification')).toHaveLength(0);

    fake.emit('notification', succeeded);
    expect(await screen.findAllByTestId('notification')).toHaveLength(1);
    fake.emit(
      'state',
      signedInView({
        session: { status: 'signed-in', email: 'b@x.io', name: null },
        environment: {
          name: 'staging',
          apiUrl: 'https://api.staging.kombify.io/v1',
          issuerUrl: 'https://login.staging.kombify.io',
        },
      }),
    );
    await expect.poll(() => screen.queryAllByTestId('notification')).toHaveLength(0);
  });

  it('stay while the same account goes on, however many views arrive', async () => {
    const { fake } = await renderApp();
    fake.emit('notification', succeeded);
    fake.emit('state', signedInView({ tray: { state: 'deploying', tooltip: '', items: [] } }));
    fake.emit('state', signedInView());
    expect(await screen.findAllByTestId('notification')).toHaveLength(1);
  });
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import type { AppView } from '../../src-shared/bridge';
import { deferred, fakeBridge } from './support/fake-bridge';
import { NOW, ago, deployment, homelab, signedInView, user } from './support/fixtures';

async function renderDashboard(view: AppView) {
  const fake = fakeBridge(view);
  const app = new AppState(fake.bridge);
  await app.load();
  render(Dashboard, { props: { app, now: NOW } });
  return { fake, app };
}

const button = () => screen.getByTestId('deploy-base-kit');
const reason = () => screen.getByTestId('deploy-reason');

describe('deploy base-kit button', () => {
  it('deploys base-kit to the first online homelab', async () => {
    const homelabs = [
      homelab({ id: 'hl_a', name: 'attic', status: 'offline' }),
      homelab({ id: 'hl_b', name: 'basement', status: 'online' }),
    ];
    const { fake } = await renderDashboard(signedInView({}, { user: user({ homelabs }) }));
    const started = deployment({ id: 'dep_new', name: 'base-kit-2', status: 'queued' });
    fake.bridge.deployStackKit.mockResolvedValueOnce({ ok: true, value: started });

    expect(reason()).toHaveTextContent('Deploys to basement.');
    await fireEvent.click(button());

    expect(fake.bridge.deployStackKit).toHaveBeenCalledWith({
      stackkit: 'base-kit',
      homelabId: 'hl_b',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The new deployment shows at once, before the next sync brings it.
    const row = await screen.findByText('base-kit-2');
    expect(row.closest('[data-testid="deployment"]')).toHaveAttribute('data-status', 'queued');
  });

  it('is disabled with the reason when the homelab is offline', async () => {
    const offline = user({ homelabs: [homelab({ name: 'basement', status: 'offline' })] });
    await renderDashboard(signedInView({}, { user: offline }));
    expect(button()).toBeDisabled();
    expect(reason()).toHaveTextContent('Your homelab basement is offline.');
    expect(button()).toHaveAccessibleDescription('Your homelab basement is offline.');
  });

  it('is disabled with the reason when the stacks quota is full', async () => {
    const full = user({ quota: { stacks: { used: 3, limit: 3 }, tools: { used: 0, limit: 5 } } });
    await renderDashboard(signedInView({}, { user: full }));
    expect(button()).toBeDisabled();
    expect(reason()).toHaveTextContent('All 3 stacks of your plan are in use.');
  });

  it('is disabled with the reason when no homelab is connected', async () => {
    await renderDashboard(signedInView({}, { user: user({ homelabs: [] }) }));
    expect(button()).toBeDisabled();
    expect(reason()).toHaveTextContent('Connect a homelab first.');
  });

  it('is disabled while a deployment is being started, so a double click starts one', async () => {
    const { fake } = await renderDashboard(signedInView());
    const reply = deferred<Awaited<ReturnType<typeof fake.bridge.deployStackKit>>>();
    fake.bridge.deployStackKit.mockReturnValueOnce(reply.promise);

    await fireEvent.click(button());
    expect(button()).toBeDisabled();
    expect(button()).toHaveTextContent('Starting…');
    await fireEvent.click(button());
    reply.resolve({ ok: true, value: deployment({ id: 'dep_x', created_at: ago(0) }) });

    expect(fake.bridge.deployStackKit).toHaveBeenCalledTimes(1);
  });

  it('shows a refused deployment in words with the next step', async () => {
    const { fake } = await renderDashboard(signedInView());
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', message: 'Your plan allows 3 stacks.' },
    });

    await fireEvent.click(button());

    const alert = await screen.findByTestId('action-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Your plan allows 3 stacks.');
    expect(alert).toHaveTextContent('Upgrade your plan');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('action-error')).not.toBeInTheDocument();
  });
});

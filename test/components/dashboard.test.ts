import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import type { AppView } from '../../src-shared/bridge';
import { fakeBridge } from './support/fake-bridge';
import { NOW, ago, deployment, homelab, signedInView, user } from './support/fixtures';

async function renderDashboard(view: AppView, now = NOW) {
  const fake = fakeBridge(view);
  const app = new AppState(fake.bridge);
  await app.load();
  const result = render(Dashboard, { props: { app, now } });
  return { fake, app, ...result };
}

const rows = () => screen.getAllByTestId('deployment');

describe('dashboard', () => {
  it('shows the account, the plan with its quota and the homelab', async () => {
    await renderDashboard(signedInView());
    expect(screen.getByTestId('account-name')).toHaveTextContent('Demo Owner');
    expect(screen.getByTestId('account-email')).toHaveTextContent('demo@kombify.io');
    expect(screen.getByTestId('plan')).toHaveTextContent('Hobby');
    expect(screen.getByTestId('plan')).toHaveAttribute('data-plan', 'hobby');
    expect(screen.getByTestId('quota-stacks')).toHaveTextContent('1 of 3');
    expect(screen.getByTestId('quota-tools')).toHaveTextContent('0 of 10');
    expect(screen.getByTestId('homelab-status')).toHaveAttribute('data-status', 'online');
    expect(screen.getByTestId('homelab-status')).toHaveTextContent('Online');
    expect(screen.getByTestId('homelab-last-seen')).toHaveTextContent('last seen 30 s ago');
    expect(screen.getByTestId('overall-state')).toHaveAttribute('data-status', 'ok');
    expect(screen.getByTestId('updated-age')).toHaveTextContent('updated 12 s ago');
  });

  it('lists deployments newest first with live status, progress, step and error', async () => {
    await renderDashboard(
      signedInView(
        {},
        {
          deployments: [
            deployment({ id: 'dep_1', name: 'old', status: 'succeeded', created_at: ago(7200) }),
            deployment({
              id: 'dep_2',
              name: 'running',
              status: 'deploying',
              progress: 45,
              step: 'Pulling images',
              created_at: ago(60),
            }),
            deployment({
              id: 'dep_3',
              name: 'broken',
              status: 'failed',
              error: { code: 'HOMELAB_UNREACHABLE', message: 'The homelab stopped answering.' },
              created_at: ago(600),
            }),
          ],
        },
      ),
    );
    expect(rows().map((r) => r.dataset.deploymentId)).toEqual(['dep_2', 'dep_3', 'dep_1']);
    const [running, broken, old] = rows() as [HTMLElement, HTMLElement, HTMLElement];

    expect(running).toHaveAttribute('data-status', 'deploying');
    const bar = within(running).getByRole('progressbar', { name: 'Progress of running' });
    expect(bar).toHaveValue(45);
    expect(within(running).getByTestId('deployment-step')).toHaveTextContent('Pulling images');
    expect(within(broken).getByTestId('deployment-status')).toHaveTextContent('Failed');
    expect(within(broken).getByTestId('deployment-error')).toHaveTextContent('stopped answering');
    expect(within(old).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows an unknown status as-is, neutral, and keeps its progress bar', async () => {
    await renderDashboard(
      signedInView({}, { deployments: [deployment({ status: 'paused-by-admin', progress: 10 })] }),
    );
    const row = rows()[0] as HTMLElement;
    expect(row).toHaveAttribute('data-status', 'paused-by-admin');
    const badge = within(row).getByTestId('deployment-status');
    expect(badge).toHaveTextContent('paused-by-admin');
    expect(badge).toHaveClass('tone-neutral');
    expect(within(row).getByRole('progressbar')).toHaveValue(10);
  });

  it('survives nulls and odd values from the server', async () => {
    const odd = deployment({
      name: '',
      step: null,
      error: null,
      progress: Number.NaN,
      status: 'queued',
      homelab_id: 'hl_gone',
      created_at: 'not a date',
      updated_at: 'not a date',
    });
    await renderDashboard(
      signedInView(
        { tray: null as unknown as AppView['tray'] },
        {
          user: user({
            name: null,
            plan: 'enterprise-2030',
            homelabs: [homelab({ name: '', last_seen_at: null, status: 'rebooting' })],
          }),
          deployments: [odd],
        },
      ),
    );
    expect(screen.getByTestId('account-name')).toHaveTextContent('demo@kombify.io');
    expect(screen.getByTestId('plan')).toHaveTextContent('enterprise-2030');
    expect(screen.getByTestId('homelab-status')).toHaveTextContent('rebooting');
    expect(screen.getByTestId('homelab-last-seen')).toHaveTextContent('never seen');
    expect(screen.getByTestId('deployment')).toHaveTextContent('Unnamed deployment');
    expect(screen.getByTestId('deployment')).toHaveTextContent('on hl_gone');
    expect(screen.getByRole('progressbar')).toHaveValue(0);
  });

  it('renders without a user in the snapshot and says the account is not known yet', async () => {
    await renderDashboard(signedInView({}, { user: null, deployments: [] }));
    expect(screen.getAllByText('Account details are not available yet.').length).toBeGreaterThan(0);
    expect(screen.getByTestId('deployments-empty')).toBeInTheDocument();
    expect(screen.getByTestId('deploy-base-kit')).toBeDisabled();
  });

  it('keeps "A deployment failed" only while the latest failure is less than a day old', async () => {
    const failedTray = { state: 'failed' as const, tooltip: '', items: [] };
    const failure = (hoursAgo: number) =>
      deployment({
        status: 'failed',
        created_at: ago(hoursAgo * 3600 + 600),
        updated_at: ago(hoursAgo * 3600),
        finished_at: ago(hoursAgo * 3600),
      });
    const fresh = await renderDashboard(
      signedInView({ tray: failedTray }, { deployments: [failure(2)] }),
    );
    expect(screen.getByTestId('overall-state')).toHaveAttribute('data-status', 'failed');
    expect(screen.getByTestId('overall-state')).toHaveTextContent('A deployment failed');
    fresh.unmount();

    await renderDashboard(signedInView({ tray: failedTray }, { deployments: [failure(30)] }));
    expect(screen.getByTestId('overall-state')).toHaveAttribute('data-status', 'ok');
    expect(screen.getByTestId('overall-state')).toHaveTextContent('All good');
  });

  it('shows a loading line while signed in without a snapshot yet', async () => {
    await renderDashboard(signedInView({ snapshot: null }));
    expect(screen.getByTestId('snapshot-loading')).toBeInTheDocument();
    expect(screen.getByTestId('updated-age')).toHaveTextContent('not updated yet');
  });
});

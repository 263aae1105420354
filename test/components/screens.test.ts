/**
 * The signed-in screens on the real AppState over an in-memory bridge: what
 * each shows, what it sends to main, and that odd replies never break it.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Dashboard from '../../src-renderer/components/Dashboard.svelte';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import { describeError } from '../../src-renderer/lib/errors';
import { setLanguage } from '../../src-renderer/lib/i18n';
import type { AppView } from '../../src-shared/bridge';
import type { Subscription, Tool } from '../../src-shared/kombify-api';
import { fakeBridge } from './support/fake-bridge';
import { openDashboard } from './support/open-dashboard';
import { NOW, ago, deployment, signedInView, user } from './support/fixtures';

const open = openDashboard;

function subscription(patch: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub_1',
    plan: 'hobby',
    status: 'active',
    current_period_end: '2026-12-24T12:00:00Z',
    cancel_at_period_end: false,
    limits: { requests_per_minute: 100, burst: 200 },
    ...patch,
  };
}

function tool(patch: Partial<Tool> = {}): Tool {
  return {
    id: 'uptime-kuma',
    name: 'Uptime Kuma',
    description: 'Watches services.',
    category: 'monitoring',
    min_plan: 'free',
    connection: null,
    ...patch,
  };
}

afterEach(() => {
  setLanguage('en');
});

describe('navigation', () => {
  it('moves between screens by keyboard-reachable buttons and marks the current one', async () => {
    await open(signedInView());
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('button', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await fireEvent.click(within(nav).getByRole('button', { name: 'StackKits' }));
    expect(screen.getByTestId('screen-stackkits')).toBeInTheDocument();
  });

  it("follows main's navigate event to a deployment's detail", async () => {
    const { fake } = await open(signedInView({}, { deployments: [deployment({ id: 'dep_9' })] }));
    fake.emit('navigate', { screen: 'deployments', deploymentId: 'dep_9' });
    expect(await screen.findByTestId('deployment-detail')).toHaveTextContent('base-kit-1');
  });
});

describe('deployments', () => {
  const list = [
    deployment({ id: 'dep_ok', name: 'good', status: 'succeeded', created_at: ago(300) }),
    deployment({
      id: 'dep_bad',
      name: 'broken',
      status: 'failed',
      step: 'pulling images',
      error: { code: 'IMAGE_PULL_FAILED', message: 'Could not pull.' },
      created_at: ago(200),
    }),
    deployment({
      id: 'dep_new',
      name: 'odd',
      status: 'rebalancing',
      progress: 40,
      created_at: ago(9),
    }),
  ];

  it('filters by status, counting unknown statuses as in progress', async () => {
    await open(signedInView({}, { deployments: list }), 'deployments');
    await fireEvent.click(screen.getByTestId('filter-active'));
    expect(screen.getAllByTestId('deployment').map((row) => row.dataset.deploymentId)).toEqual([
      'dep_new',
    ]);
    await fireEvent.click(screen.getByTestId('filter-failed'));
    expect(screen.getAllByTestId('deployment')).toHaveLength(1);
    expect(screen.getByTestId('filter-failed')).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the failed step and the error in the detail', async () => {
    const { app } = await open(signedInView({}, { deployments: list }), 'deployments');
    app.navigate({ screen: 'deployments', deploymentId: 'dep_bad' });
    const detail = await screen.findByTestId('deployment-detail');
    expect(within(detail).getByTestId('detail-error')).toHaveTextContent('IMAGE_PULL_FAILED');
    const failed = detail.querySelector('[data-state="failed"]');
    expect(failed).toHaveTextContent('Pulling images');
  });

  it("names the API's steps in words, capitalised or translated, and unknown ones as they came", async () => {
    const running = (id: string, step: string) =>
      deployment({ id, name: id, status: 'deploying', progress: 50, step, created_at: ago(5) });
    const view = signedInView(
      {},
      { deployments: [running('known', 'pulling images'), running('odd', 'warming caches')] },
    );
    const { unmount } = await open(view, 'deployments');
    const step = (id: string) =>
      within(
        screen.getAllByTestId('deployment').find((r) => r.dataset.deploymentId === id)!,
      ).getByTestId('deployment-step');
    expect(step('known')).toHaveTextContent(/^Pulling images$/);
    expect(step('odd')).toHaveTextContent(/^warming caches$/);
    unmount();

    view.settings = { ...view.settings, language: 'de' };
    const { app } = await open(view, 'deployments');
    expect(step('known')).toHaveTextContent(/^Images werden geladen$/);
    app.navigate({ screen: 'deployments', deploymentId: 'known' });
    expect(await screen.findByTestId('detail-step')).toHaveTextContent('Images werden geladen');
  });

  it('deletes only after the confirmation, and Keep sends nothing', async () => {
    const { fake, app } = await open(signedInView({}, { deployments: list }), 'deployments');
    app.navigate({ screen: 'deployments', deploymentId: 'dep_ok' });
    await fireEvent.click(await screen.findByTestId('delete-deployment'));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('cannot be undone');
    await fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(fake.bridge.deleteDeployment).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('delete-deployment'));
    await fireEvent.click(screen.getByTestId('delete-confirm-confirm'));
    expect(fake.bridge.deleteDeployment).toHaveBeenCalledWith({ deploymentId: 'dep_ok' });
  });

  it('shows kit names, not ids, in rows and the detail; an unknown kit keeps its id', async () => {
    const kits = [
      deployment({ id: 'dep_mh', name: 'home', stackkit: 'modern-homelab' }),
      deployment({ id: 'dep_x', name: 'other', stackkit: 'custom-kit', created_at: ago(9000) }),
    ];
    const { app } = await open(signedInView({}, { deployments: kits }), 'deployments');
    const [home, other] = screen.getAllByTestId('deployment') as [HTMLElement, HTMLElement];
    expect(within(home).getByTestId('deployment-meta')).toHaveTextContent('Modern Homelab');
    expect(within(home).getByTestId('deployment-meta')).not.toHaveTextContent('modern-homelab');
    expect(within(other).getByTestId('deployment-meta')).toHaveTextContent('custom-kit');

    app.navigate({ screen: 'deployments', deploymentId: 'dep_mh' });
    const kit = await screen.findByTestId('detail-kit');
    expect(kit).toHaveTextContent(/^Modern Homelab\s*modern-homelab$/);
    expect(within(kit).getByText('modern-homelab')).toHaveClass('muted');
  });

  it('says which age it gives: "updated" in the row and the detail, "started" for the start', async () => {
    const running = deployment({
      id: 'dep_run',
      status: 'deploying',
      progress: 30,
      created_at: ago(3600),
      updated_at: ago(300),
      finished_at: null,
    });
    const { app } = await open(signedInView({}, { deployments: [running] }), 'deployments');
    expect(screen.getByTestId('deployment-meta')).toHaveTextContent('updated 5 min ago');
    app.navigate({ screen: 'deployments', deploymentId: 'dep_run' });
    expect(await screen.findByTestId('detail-started')).toHaveTextContent('(1 h ago)');
    expect(screen.getByTestId('detail-updated')).toHaveTextContent('updated 5 min ago');
  });

  it('says "started" in the row when the server gave no update time', async () => {
    const bare = deployment({ created_at: ago(3600), updated_at: undefined as never });
    await open(signedInView({}, { deployments: [bare] }), 'deployments');
    expect(screen.getByTestId('deployment-meta')).toHaveTextContent('started 1 h ago');
  });

  it('says a deployment is gone instead of breaking when its id is unknown', async () => {
    const { app } = await open(signedInView(), 'deployments');
    app.navigate({ screen: 'deployments', deploymentId: 'dep_missing' });
    expect(await screen.findByTestId('deployment-gone')).toBeInTheDocument();
  });
});

describe('stackkits', () => {
  it('offers the three kits with what each sets up', async () => {
    await open(signedInView(), 'stackkits');
    const kits = screen.getAllByTestId('stackkit');
    expect(kits.map((kit) => kit.dataset.kit)).toEqual(['base-kit', 'modern-homelab', 'ha-kit']);
    expect(kits[2]).toHaveTextContent('High availability');
  });

  it('reuses the request id when a timed-out deploy is retried, and starts fresh after success', async () => {
    const { fake } = await open(signedInView(), 'stackkits');
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'TIMEOUT', message: 'kombify Cloud did not answer in time.' },
    });
    await fireEvent.click(screen.getByTestId('deploy-ha-kit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('did not answer');
    fake.bridge.deployStackKit.mockResolvedValue({
      ok: true,
      value: deployment({ id: 'dep_ha', stackkit: 'ha-kit', status: 'queued', created_at: ago(0) }),
    });
    await fireEvent.click(screen.getByTestId('deploy-ha-kit'));
    await screen.findByTestId('stackkit-live');
    await fireEvent.click(screen.getByTestId('deploy-ha-kit'));

    const ids = fake.bridge.deployStackKit.mock.calls.map(([request]) => request.requestId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
    expect(fake.bridge.deployStackKit.mock.calls[0]![0]).toMatchObject({
      stackkit: 'ha-kit',
      homelabId: 'hl_1',
    });
  });

  it('still shows the live progress after leaving the screen and coming back', async () => {
    const { fake, app } = await open(signedInView(), 'stackkits');
    const started = deployment({
      id: 'dep_live',
      name: 'ha-1',
      stackkit: 'ha-kit',
      status: 'queued',
      progress: 0,
      created_at: ago(0),
    });
    fake.bridge.deployStackKit.mockResolvedValueOnce({ ok: true, value: started });
    await fireEvent.click(screen.getByTestId('deploy-ha-kit'));
    expect(await screen.findByTestId('stackkit-live')).toHaveTextContent('ha-1');

    app.navigate({ screen: 'overview' });
    await screen.findByTestId('screen-overview');
    fake.emit(
      'state',
      signedInView({}, { deployments: [{ ...started, status: 'deploying', progress: 60 }] }),
    );
    app.navigate({ screen: 'stackkits' });

    const live = await screen.findByTestId('stackkit-live');
    expect(within(live).getByTestId('deployment')).toHaveAttribute('data-status', 'deploying');
    expect(within(live).getByRole('progressbar')).toHaveValue(60);
  });

  it('is disabled with the reason when the picked homelab is offline', async () => {
    const homelabs = [
      { id: 'hl_1', name: 'rack', status: 'online', last_seen_at: ago(5) },
      { id: 'hl_2', name: 'attic', status: 'offline', last_seen_at: ago(9000) },
    ];
    await open(signedInView({}, { user: user({ homelabs }) }), 'stackkits');
    await fireEvent.change(screen.getByTestId('stackkit-homelab'), { target: { value: 'hl_2' } });
    expect(screen.getByTestId('deploy-base-kit')).toBeDisabled();
    expect(screen.getByTestId('stackkit-reason')).toHaveTextContent('attic is offline');
  });
});

describe('tools', () => {
  it('groups by category, shows the plan that unlocks a tool and offers the upgrade', async () => {
    const { fake, app } = await open(signedInView(), 'tools');
    fake.bridge.listTools.mockResolvedValue({
      ok: true,
      value: [
        tool(),
        tool({ id: 'authentik', name: 'authentik', category: 'identity', min_plan: 'team' }),
        tool({ id: 'mystery', name: 'Mystery', category: '', min_plan: 'platinum' }),
      ],
    });
    await app.tools.load();
    expect(await screen.findAllByTestId('tool-category')).toHaveLength(3);
    const locked = screen.getAllByTestId('tool').find((row) => row.dataset.toolId === 'authentik')!;
    expect(locked).toHaveTextContent('Available from the Team plan.');
    await fireEvent.click(within(locked).getByTestId('tool-upgrade'));
    expect(app.screen).toBe('subscription');
  });

  it('connects to the homelab and shows a 503 in words with the next step', async () => {
    const { fake, app } = await open(signedInView(), 'tools');
    fake.bridge.listTools.mockResolvedValue({ ok: true, value: [tool()] });
    await app.tools.load();
    fake.bridge.connectTool.mockResolvedValueOnce({
      ok: false,
      error: { code: 'HOMELAB_UNREACHABLE', message: 'Your homelab cannot be reached.' },
    });
    await fireEvent.click(await screen.findByTestId('tool-connect'));
    expect(fake.bridge.connectTool).toHaveBeenCalledWith({
      toolId: 'uptime-kuma',
      homelabId: 'hl_1',
    });
    const error = await screen.findByTestId('tools-error');
    expect(within(error).getByTestId('next-step')).toHaveAttribute('data-step', 'homelab');
  });

  it("shows a reply that is not a list as empty and tells main's log", async () => {
    const { fake, app } = await open(signedInView(), 'tools');
    fake.bridge.listTools.mockResolvedValue({ ok: true, value: { data: [] } as never });
    await app.tools.load();
    expect(await screen.findByTestId('tools-empty')).toBeInTheDocument();
    expect(fake.bridge.log).toHaveBeenCalledWith({
      level: 'warn',
      message: 'tools: the catalog reply was not a list',
    });
  });

  it('says why the catalog did not load, and loads it again on Retry', async () => {
    const fake = fakeBridge(signedInView());
    fake.bridge.listTools.mockResolvedValueOnce({
      ok: false,
      error: { code: 'TIMEOUT', message: 'kombify Cloud did not answer in time.' },
    });
    const app = new AppState(fake.bridge);
    app.start();
    await app.load();
    app.navigate({ screen: 'tools' });
    render(Dashboard, { props: { app, now: NOW } });

    const failed = await screen.findByTestId('tools-load-error');
    expect(failed).toHaveTextContent('did not answer in time');
    expect(screen.queryByTestId('tools-loading')).not.toBeInTheDocument();
    fake.bridge.listTools.mockResolvedValueOnce({ ok: true, value: [tool()] });
    await fireEvent.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('tool')).toHaveTextContent('Uptime Kuma');
    expect(screen.queryByTestId('tools-load-error')).not.toBeInTheDocument();
    expect(fake.bridge.listTools).toHaveBeenCalledTimes(2);
  });

  it('shows an empty catalog as empty, not as loading', async () => {
    await open(signedInView(), 'tools');
    expect(await screen.findByTestId('tools-empty')).toBeInTheDocument();
  });
});

describe('subscription', () => {
  const view = () => ({
    ...signedInView(),
    snapshot: { ...signedInView().snapshot!, subscription: subscription() },
  });

  it('shows plan, renewal and limits; upgrades only after a confirmation that says what happens', async () => {
    const { fake } = await open(view(), 'subscription');
    expect(screen.getByTestId('subscription-renewal')).toHaveTextContent('Renews on');
    expect(screen.getByTestId('subscription-limits')).toHaveTextContent('100 requests per minute');
    await fireEvent.click(screen.getByTestId('upgrade-team'));
    expect(screen.getByTestId('upgrade-confirm')).toHaveTextContent('from Hobby to Team');
    expect(fake.bridge.upgradePlan).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('upgrade-confirm-confirm'));
    expect(fake.bridge.upgradePlan).toHaveBeenCalledWith({ plan: 'team' });
  });

  it('cancels at period end after saying until when the plan stays', async () => {
    const { fake } = await open(view(), 'subscription');
    await fireEvent.click(screen.getByTestId('cancel-subscription'));
    expect(screen.getByTestId('cancel-confirm')).toHaveTextContent('You keep Hobby until');
    await fireEvent.click(screen.getByTestId('cancel-confirm-confirm'));
    expect(fake.bridge.cancelSubscription).toHaveBeenCalledTimes(1);
  });

  it('says a canceled-at-period-end subscription cancels on its date, not "active"', async () => {
    const ending = view();
    ending.snapshot!.subscription = subscription({ cancel_at_period_end: true });
    await open(ending, 'subscription');
    const badge = screen.getByTestId('subscription-state');
    expect(badge).toHaveTextContent('Cancels on December 24, 2026');
    expect(badge).not.toHaveTextContent('active');
    expect(badge).toHaveClass('tone-warn');
    expect(screen.getByTestId('subscription-renewal')).toHaveTextContent(
      'Ends on December 24, 2026',
    );
  });

  it('says the same on the overview, in German with a German date', async () => {
    const ending = view();
    ending.snapshot!.subscription = subscription({ cancel_at_period_end: true });
    ending.settings = { ...ending.settings, language: 'de' };
    await open(ending, 'overview');
    expect(screen.getByTestId('subscription-status')).toHaveTextContent(
      'Gekündigt zum 24. Dezember 2026',
    );
  });

  it('keeps the other upgrade out of the way, not washed out, while one is confirmed', async () => {
    await open(view(), 'subscription');
    await fireEvent.click(screen.getByTestId('upgrade-pro'));
    expect(screen.getByTestId('upgrade-confirm')).toBeInTheDocument();
    for (const plan of ['pro', 'team']) {
      const button = screen.queryByTestId(`upgrade-${plan}`);
      if (button) expect(button).toBeEnabled();
    }
    await fireEvent.click(screen.getByRole('button', { name: 'Keep my plan' }));
    expect(screen.queryByTestId('upgrade-confirm')).not.toBeInTheDocument();
    expect(screen.getByTestId('upgrade-pro')).toBeEnabled();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('upgrade-pro'));
  });

  it('copes with an unknown plan and no period end', async () => {
    const odd = view();
    odd.snapshot!.subscription = subscription({ plan: 'enterprise', current_period_end: null });
    await open(odd, 'subscription');
    expect(screen.getByTestId('subscription-plan')).toHaveTextContent('enterprise');
    expect(screen.getByTestId('subscription-renewal')).toHaveTextContent('No renewal date');
    expect(screen.getByTestId('no-upgrade')).toBeInTheDocument();
  });
});

describe('settings', () => {
  it('refuses a custom URL on plain http elsewhere, and sends a good one', async () => {
    const { fake } = await open(signedInView(), 'settings');
    await fireEvent.click(screen.getByTestId('endpoint-custom'));
    await fireEvent.input(screen.getByTestId('endpoint-url'), {
      target: { value: 'http://example.com/v1' },
    });
    await fireEvent.click(screen.getByTestId('endpoint-apply'));
    expect(screen.getByTestId('endpoint-hint')).toHaveTextContent('Enter an https address');
    expect(screen.getByTestId('endpoint-url')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.bridge.updateSettings).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId('endpoint-url'), {
      target: { value: 'https://api.example.com/v1' },
    });
    await fireEvent.click(screen.getByTestId('endpoint-apply'));
    expect(fake.bridge.updateSettings).toHaveBeenCalledWith({
      endpoint: { kind: 'custom', url: 'https://api.example.com/v1' },
    });
  });

  it('sends each change as a small patch, even while the previous one saves', async () => {
    const { fake } = await open(signedInView(), 'settings');
    await fireEvent.click(screen.getByTestId('notify-deployment-created'));
    await fireEvent.click(screen.getByTestId('theme-dark'));
    await fireEvent.change(screen.getByTestId('polling-seconds'), { target: { value: '5' } });
    await fireEvent.change(screen.getByTestId('polling-seconds'), { target: { value: '120' } });
    expect(fake.bridge.updateSettings.mock.calls.map(([patch]) => patch)).toEqual([
      { notifications: { enabled: { 'deployment-created': false } } },
      { theme: 'dark' },
      { polling: { quietIntervalSeconds: 120 } },
    ]);
  });

  it('says why a polling interval below 15 s is not saved, and does not claim it was', async () => {
    const { fake } = await open(signedInView(), 'settings');
    const field = screen.getByTestId('polling-seconds');
    await fireEvent.change(field, { target: { value: '5' } });
    const hint = screen.getByTestId('polling-hint');
    expect(hint).toHaveTextContent('Not saved. Use a number from 15 to 3600 seconds.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(fake.bridge.updateSettings).not.toHaveBeenCalled();
    expect(screen.queryByTestId('settings-saved')).not.toBeInTheDocument();

    await fireEvent.change(field, { target: { value: '30' } });
    expect(fake.bridge.updateSettings).toHaveBeenCalledWith({
      polling: { quietIntervalSeconds: 30 },
    });
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId('polling-hint')).not.toHaveTextContent('Use a number');
  });

  it('hides an earlier "Saved." once a polling value is refused', async () => {
    const { fake } = await open(signedInView(), 'settings');
    await fireEvent.click(screen.getByTestId('theme-dark'));
    expect(await screen.findByTestId('settings-saved')).toBeInTheDocument();
    await fireEvent.change(screen.getByTestId('polling-seconds'), { target: { value: '14' } });
    expect(screen.queryByTestId('settings-saved')).not.toBeInTheDocument();
    expect(fake.bridge.updateSettings).toHaveBeenCalledTimes(1);
  });

  it('keeps quiet hours From and To off while quiet hours are off', async () => {
    const { fake } = await open(signedInView(), 'settings');
    expect(screen.getByTestId('quiet-start')).toBeDisabled();
    expect(screen.getByTestId('quiet-end')).toBeDisabled();
    const on = signedInView();
    on.settings = {
      ...on.settings,
      notifications: {
        ...on.settings.notifications,
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
      },
    };
    fake.emit('state', on);
    await expect.poll(() => screen.getByTestId('quiet-start')).toBeEnabled();
    expect(screen.getByTestId('quiet-end')).toBeEnabled();
  });

  it('takes quiet hours as 24-hour times, and says why one is not saved', async () => {
    const view = signedInView();
    view.settings = {
      ...view.settings,
      notifications: {
        ...view.settings.notifications,
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
      },
    };
    const { fake } = await open(view, 'settings');
    const start = screen.getByTestId('quiet-start');
    expect(start).toHaveValue('22:00');
    await fireEvent.change(start, { target: { value: '7:30' } });
    expect(fake.bridge.updateSettings).toHaveBeenLastCalledWith({
      notifications: { quietHours: { start: '07:30' } },
    });
    await fireEvent.change(screen.getByTestId('quiet-end'), { target: { value: '25:00' } });
    expect(fake.bridge.updateSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('quiet-end')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('quiet-hint')).toHaveTextContent('Not saved. Use a time like 22:00.');
  });

  it('shows quiet hours in 24 hours in German', async () => {
    const view = signedInView();
    view.settings = {
      ...view.settings,
      language: 'de',
      notifications: {
        ...view.settings.notifications,
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
      },
    };
    await open(view, 'settings');
    expect(screen.getByTestId('quiet-start')).toHaveValue('22:00');
    expect(screen.getByTestId('quiet-end')).toHaveValue('07:00');
    await fireEvent.change(screen.getByTestId('quiet-end'), { target: { value: '7 Uhr' } });
    expect(screen.getByTestId('quiet-hint')).toHaveTextContent('Gib eine Uhrzeit wie 22:00 ein.');
  });

  it('gives every part of the settings a heading, start at login included', async () => {
    await open(signedInView(), 'settings');
    expect(screen.getByRole('heading', { name: 'Startup' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Startup' })).toContainElement(
      screen.getByTestId('start-at-login'),
    );
    for (const heading of ['Endpoint', 'Updates', 'Notifications', 'Quiet hours', 'Appearance']) {
      expect(screen.getByRole('region', { name: heading })).toBeInTheDocument();
    }
  });

  it('says "Saved." in a place kept for it, so nothing moves when it appears', async () => {
    await open(signedInView(), 'settings');
    const slot = screen.getByTestId('settings-status');
    expect(slot).toHaveAttribute('role', 'status');
    await fireEvent.click(screen.getByTestId('theme-dark'));
    expect(await within(slot).findByTestId('settings-saved')).toHaveTextContent('Saved.');
  });

  it('refuses a too-short polling interval in German too', async () => {
    const view = signedInView();
    view.settings = { ...view.settings, language: 'de' };
    await open(view, 'settings');
    await fireEvent.change(screen.getByTestId('polling-seconds'), { target: { value: '5' } });
    expect(screen.getByTestId('polling-hint')).toHaveTextContent(
      'Nicht gespeichert. Gib eine Zahl von 15 bis 3600 Sekunden ein.',
    );
  });
});

describe('pausing notifications', () => {
  const clock = (iso: string) =>
    new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  const pausedFor = (notifications: AppView['notifications']) => {
    const view = signedInView();
    view.notifications = notifications;
    return view;
  };

  it('offers the pause from Settings: an hour, until tomorrow, or until resumed', async () => {
    const { fake } = await open(signedInView(), 'settings');
    const pause = screen.getByRole('group', { name: 'Pause notifications' });
    expect(screen.queryByTestId('paused-indicator')).not.toBeInTheDocument();
    for (const [name, choice] of [
      ['For an hour', 'hour'],
      ['Until tomorrow', 'tomorrow'],
      ['Until I resume them', 'until-resumed'],
    ] as const) {
      await fireEvent.click(within(pause).getByRole('button', { name }));
      expect(fake.bridge.pauseNotifications).toHaveBeenLastCalledWith({ for: choice });
    }
  });

  it('shows the pause that main holds: until when, with Resume, and a bell in the header', async () => {
    const until = new Date(NOW + 65 * 60_000).toISOString();
    const paused = pausedFor({ pausedUntil: until, pausedIndefinitely: false });
    const { fake } = await open(paused, 'settings');
    expect(screen.getByTestId('paused-until')).toHaveTextContent(`Paused until ${clock(until)}`);
    expect(screen.queryByRole('button', { name: 'For an hour' })).not.toBeInTheDocument();
    const indicator = screen.getByTestId('paused-indicator');
    expect(screen.getByRole('banner')).toContainElement(indicator);
    expect(indicator).toHaveAccessibleName(`Notifications paused until ${clock(until)}`);

    fake.bridge.resumeNotifications.mockResolvedValueOnce({ ok: true, value: signedInView() });
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.bridge.resumeNotifications).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'For an hour' })).toBeInTheDocument();
    expect(screen.queryByTestId('paused-indicator')).not.toBeInTheDocument();
  });

  it('says "until you resume them" for a pause without an end, on every screen', async () => {
    await open(pausedFor({ pausedUntil: null, pausedIndefinitely: true }), 'overview');
    expect(screen.getByTestId('paused-indicator')).toHaveAccessibleName(
      'Notifications paused until you resume them',
    );
  });

  it('says all of it in German', async () => {
    const until = new Date(NOW + 65 * 60_000).toISOString();
    const view = pausedFor({ pausedUntil: until, pausedIndefinitely: false });
    view.settings = { ...view.settings, language: 'de' };
    await open(view, 'settings');
    const time = new Intl.DateTimeFormat('de', { hour: 'numeric', minute: '2-digit' }).format(
      new Date(until),
    );
    expect(screen.getByTestId('paused-until')).toHaveTextContent(`Pausiert bis ${time}`);
    expect(screen.getByRole('button', { name: 'Fortsetzen' })).toBeInTheDocument();
    expect(screen.getByTestId('paused-indicator')).toHaveAccessibleName(
      `Benachrichtigungen pausiert bis ${time}`,
    );
  });

  it('shows a refused pause as an error, and keeps the choices', async () => {
    const { fake } = await open(signedInView(), 'settings');
    fake.bridge.pauseNotifications.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside kombify Tray. Try again.' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'For an hour' }));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('button', { name: 'For an hour' })).toBeInTheDocument();
  });
});

describe('errors with their next step', () => {
  it('offers to sign in again after a 401, and signs out to get there', async () => {
    const { fake } = await open(signedInView(), 'overview');
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_TOKEN', message: 'Your session has ended. Sign in again.' },
    });
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    const next = within(await screen.findByTestId('action-error')).getByTestId('next-step');
    expect(next).toHaveTextContent('Sign in again');
    await fireEvent.click(next);
    expect(fake.bridge.signOut).toHaveBeenCalledTimes(1);
  });

  it('does not repeat a next step that main already put into words', () => {
    const said = { code: 'HOMELAB_UNREACHABLE', message: 'Down. Check that it is powered on.' };
    expect(describeError(said, NOW)).toMatchObject({ hint: null, next: 'homelab' });
    const bare = { code: 'HOMELAB_UNREACHABLE', message: 'The homelab stopped answering.' };
    expect(describeError(bare, NOW).hint).toMatch(/^Check that your homelab/);
  });

  it('names the time to try again after a 429', async () => {
    const { fake } = await open(signedInView(), 'overview');
    const at = new Date(NOW + 90_000);
    fake.bridge.refresh.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Too many requests for your plan.',
        retryAt: at.toISOString(),
      },
    });
    await fireEvent.click(screen.getByTestId('refresh'));
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at);
    expect(await screen.findByTestId('action-error')).toHaveTextContent(`Try again at ${time}.`);
  });

  it("names the 429 time once, in the window's format, even when main's words name it too", () => {
    const at = new Date(NOW + 90_000);
    const said = {
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many requests for your plan. Try again at 23:59.',
      retryAt: at.toISOString(),
    };
    const words = describeError(said, NOW);
    const text = `${words.message} ${words.hint}`;
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at);
    expect(text.match(/try again/gi)).toHaveLength(1);
    expect(text).toContain(`Try again at ${time}.`);
    expect(text).not.toContain('23:59');

    setLanguage('de');
    const german = describeError(said, NOW);
    const deTime = new Intl.DateTimeFormat('de', { hour: 'numeric', minute: '2-digit' }).format(at);
    expect(`${german.message} ${german.hint}`).toBe(
      `Zu viele Anfragen für deinen Tarif. Versuch es um ${deTime} wieder.`,
    );
  });

  it('adds no second "try again" to a 429 without a time when main already says it', () => {
    const said = { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests. Try again later.' };
    expect(describeError(said, NOW)).toMatchObject({ message: said.message, hint: null });
    const bare = { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests.' };
    expect(describeError(bare, NOW).hint).toBe('Try again in a moment.');
  });

  it('backs out of a confirmation with Escape', async () => {
    const view = signedInView();
    view.snapshot = { ...view.snapshot!, subscription: subscription() };
    const { fake } = await open(view, 'subscription');
    await fireEvent.click(screen.getByTestId('cancel-subscription'));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fake.bridge.cancelSubscription).not.toHaveBeenCalled();
  });
});

describe('German', () => {
  it('shows every screen in German when the settings say so, errors included', async () => {
    const view = signedInView();
    view.settings = { ...view.settings, language: 'de' };
    const { fake } = await open(view, 'stackkits');
    expect(screen.getByRole('navigation', { name: 'Bereiche' })).toBeInTheDocument();
    expect(screen.getByTestId('deploy-base-kit')).toHaveTextContent('Base Kit bereitstellen');
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', message: 'Your plan does not allow this.' },
    });
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    const error = await screen.findByTestId('action-error');
    expect(error).toHaveTextContent('Dein Tarif erlaubt das nicht.');
    expect(within(error).getByTestId('next-step')).toHaveTextContent('Tarife ansehen');
  });

  it('writes ages with their units spelt out the German way', async () => {
    const view = signedInView(
      {},
      {
        deployments: [
          deployment({ id: 'd1', name: 'days', updated_at: ago(3 * 86_400) }),
          deployment({ id: 'd2', name: 'two-days', updated_at: ago(49 * 3600) }),
          deployment({ id: 'd3', name: 'hours', updated_at: ago(2 * 3600) }),
          deployment({ id: 'd4', name: 'minutes', updated_at: ago(5 * 60) }),
          deployment({ id: 'd5', name: 'seconds', updated_at: ago(30) }),
        ],
      },
    );
    view.settings = { ...view.settings, language: 'de' };
    await open(view, 'deployments');
    const meta = screen.getAllByTestId('deployment-meta').map((m) => m.textContent ?? '');
    const said = ['vor 3 Tagen', 'vor 2 Tagen', 'vor 2 Std.', 'vor 5 Min.', 'vor 30 Sek.'];
    said.forEach((age, i) => expect(meta[i]).toContain(`${age} aktualisiert`));
  });

  it('reads the polling setting as one German sentence around the number', async () => {
    const view = signedInView();
    view.settings = { ...view.settings, language: 'de' };
    await open(view, 'settings');
    const field = screen.getByTestId('polling-seconds');
    const sentence = field.closest('label');
    expect(sentence).not.toBeNull();
    // The words in reading order, with the field where the number goes.
    const parts = [...sentence!.childNodes].map((node) =>
      node === field ? '[60]' : (node.textContent ?? '').trim(),
    );
    expect(parts.filter(Boolean).join(' ')).toBe('Alle [60] Sekunden nach Änderungen sehen');
  });
});

describe('odd replies', () => {
  it('renders every screen from a snapshot with missing parts', async () => {
    const broken = signedInView();
    broken.snapshot = {
      fetchedAt: 'not a date',
      user: { ...user(), quota: undefined, homelabs: undefined } as never,
      subscription: { id: 'sub_x' } as never,
      deployments: [{ id: 'dep_x' } as never],
    };
    const { app } = await open(broken);
    for (const name of ['deployments', 'stackkits', 'tools', 'subscription', 'settings'] as const) {
      app.navigate({ screen: name });
      expect(await screen.findByTestId(`screen-${name}`)).toBeInTheDocument();
    }
  });
});

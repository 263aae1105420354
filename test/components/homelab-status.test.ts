/**
 * The homelab's status never contradicts what the window just said: offline it
 * is what was last known, and after "your homelab cannot be reached" it is not
 * shown as plainly online.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../src-renderer/lib/i18n';
import type { ConnectivityView } from '../../src-shared/bridge';
import { openDashboard } from './support/open-dashboard';
import { ago, deployment, signedInView } from './support/fixtures';

const open = openDashboard;

const offline: ConnectivityView = {
  status: 'offline',
  lastSuccessAt: ago(300),
  lastError: null,
  retryAt: null,
};

const unreachable = {
  ok: false as const,
  error: { code: 'HOMELAB_UNREACHABLE', message: 'Your homelab cannot be reached.' },
};

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  setLanguage('en');
});

describe('homelab status while the cloud is offline', () => {
  it('is the last known one, muted, not a green "Online"', async () => {
    await open(signedInView({ connectivity: offline }));
    for (const id of ['homelab-state', 'homelab-status']) {
      const badge = screen.getByTestId(id);
      expect(badge).toHaveTextContent('Last known: Online');
      expect(badge).toHaveClass('tone-neutral');
      expect(badge).not.toHaveClass('tone-ok');
    }
    expect(screen.getByTestId('homelab-age')).toHaveTextContent('last seen 30 s ago');
  });

  it('says so in German too', async () => {
    const view = signedInView({ connectivity: offline });
    view.settings = { ...view.settings, language: 'de' };
    await open(view);
    expect(screen.getByTestId('homelab-state')).toHaveTextContent('Zuletzt bekannt: Online');
  });

  it('is plainly online again once the cloud answers', async () => {
    const { fake } = await open(signedInView({ connectivity: offline }));
    fake.emit('state', signedInView());
    await expect.poll(() => screen.getByTestId('homelab-state').textContent).toContain('Online');
    expect(screen.getByTestId('homelab-state')).toHaveClass('tone-ok');
    expect(screen.getByTestId('homelab-state')).not.toHaveTextContent('Last known');
  });
});

describe('homelab status after "your homelab cannot be reached"', () => {
  it('is not shown as plainly online, and says when it did not answer', async () => {
    const { fake } = await open(signedInView());
    fake.bridge.deployStackKit.mockResolvedValueOnce(unreachable);
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    await screen.findByTestId('action-error');

    const badge = screen.getByTestId('homelab-state');
    expect(badge).toHaveTextContent('Not answering');
    expect(badge).toHaveClass('tone-warn');
    expect(screen.getByTestId('homelab-age')).toHaveTextContent('Did not answer at');
    expect(screen.getByTestId('homelab-status')).toHaveTextContent('Not answering');
  });

  it('is online again after the homelab took a deployment', async () => {
    const { fake } = await open(signedInView());
    fake.bridge.deployStackKit.mockResolvedValueOnce(unreachable);
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    await screen.findByTestId('action-error');
    fake.bridge.deployStackKit.mockResolvedValueOnce({
      ok: true,
      value: deployment({ id: 'dep_new', status: 'queued', created_at: ago(0) }),
    });
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    await expect.poll(() => screen.getByTestId('homelab-state').textContent).toContain('Online');
    expect(screen.getByTestId('homelab-state')).toHaveClass('tone-ok');
  });

  it('is marked after a tool could not reach it either', async () => {
    const { fake, app } = await open(signedInView(), 'tools');
    fake.bridge.listTools.mockResolvedValue({
      ok: true,
      value: [
        {
          id: 'uptime-kuma',
          name: 'Uptime Kuma',
          description: '',
          category: 'monitoring',
          min_plan: 'free',
          connection: null,
        },
      ],
    });
    await app.tools.load();
    fake.bridge.connectTool.mockResolvedValueOnce(unreachable);
    await fireEvent.click(await screen.findByTestId('tool-connect'));
    await screen.findByTestId('tools-error');
    app.navigate({ screen: 'overview' });
    expect(await screen.findByTestId('homelab-state')).toHaveTextContent('Not answering');
  });

  it('its next step checks now and brings the homelab status into view and focus', async () => {
    const { fake } = await open(signedInView(), 'stackkits');
    fake.bridge.deployStackKit.mockResolvedValueOnce(unreachable);
    await fireEvent.click(screen.getByTestId('deploy-base-kit'));
    const next = within(await screen.findByTestId('action-error')).getByTestId('next-step');
    expect(next).toHaveTextContent('Check the homelab now');

    await fireEvent.click(next);

    expect(await screen.findByTestId('screen-overview')).toBeInTheDocument();
    expect(fake.bridge.refresh).toHaveBeenCalledTimes(1);
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('status-homelab'));
    expect(screen.getByTestId('status-homelab').scrollIntoView).toHaveBeenCalled();
  });
});

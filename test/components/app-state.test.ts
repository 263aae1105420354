import { describe, expect, it } from 'vitest';
import { AppState } from '../../src-renderer/lib/app-state.svelte';
import type { AppView, BridgeResult } from '../../src-shared/bridge';
import { deferred, fakeBridge } from './support/fake-bridge';
import { deployment, signedInView, signedOutView } from './support/fixtures';

describe('AppState', () => {
  it('subscribes on start and lets go on stop', () => {
    const fake = fakeBridge(signedOutView());
    const stop = new AppState(fake.bridge).start();
    expect(fake.listenerCount('state')).toBe(1);
    expect(fake.listenerCount('notification')).toBe(1);
    stop();
    expect(fake.listenerCount('state')).toBe(0);
    expect(fake.listenerCount('notification')).toBe(0);
  });

  it('keeps a pushed view over the older reply of a call that was in flight', async () => {
    const fake = fakeBridge(signedOutView());
    const app = new AppState(fake.bridge);
    app.start();
    const reply = deferred<BridgeResult<AppView>>();
    fake.bridge.refresh.mockReturnValueOnce(reply.promise);

    const refreshing = app.refresh();
    const newer = signedInView({}, { deployments: [deployment({ status: 'deploying' })] });
    fake.emit('state', newer);
    reply.resolve({ ok: true, value: signedInView() });

    expect(await refreshing).toBe(true);
    expect(app.view).toEqual(newer);
  });

  it('lists a started deployment until the snapshot carries it', async () => {
    const fake = fakeBridge(signedInView({}, { deployments: [] }));
    const app = new AppState(fake.bridge);
    app.start();
    const started = deployment({ id: 'dep_new', status: 'queued' });
    fake.bridge.deployStackKit.mockResolvedValueOnce({ ok: true, value: started });

    await app.deploy('base-kit', 'hl_1');
    expect(app.deployments.map((d) => d.id)).toEqual(['dep_new']);

    fake.emit('state', signedInView({}, { deployments: [{ ...started, status: 'deploying' }] }));
    expect(app.deployments).toHaveLength(1);
    expect(app.deployments[0]?.status).toBe('deploying');
  });

  it('keeps the last error of an action until the next one starts', async () => {
    const fake = fakeBridge(signedInView());
    const app = new AppState(fake.bridge);
    fake.bridge.refresh.mockResolvedValueOnce({
      ok: false,
      error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down.' },
    });

    expect(await app.refresh()).toBe(false);
    expect(app.actionError).toMatchObject({ action: 'refresh', error: { message: 'Slow down.' } });
    expect(await app.refresh()).toBe(true);
    expect(app.actionError).toBeNull();
  });

  it('keeps at most the 50 newest notifications', () => {
    const fake = fakeBridge(signedOutView());
    const app = new AppState(fake.bridge);
    app.start();
    for (let i = 0; i < 55; i += 1) {
      fake.emit('notification', {
        key: `k${i}`,
        kind: 'deployment-succeeded',
        title: `${i}`,
        body: '',
        to: { screen: 'deployments' },
      });
    }
    expect(app.notifications).toHaveLength(50);
    expect(app.notifications[0]?.key).toBe('k5');
  });

  it('remembers why the first load failed, and forgets it once state arrives', async () => {
    const fake = fakeBridge(signedOutView());
    fake.bridge.getState.mockResolvedValueOnce({
      ok: false,
      error: { code: 'BRIDGE_UNREACHABLE', message: 'kombify Tray is not answering.' },
    });
    const app = new AppState(fake.bridge);
    app.start();
    await expect.poll(() => app.loadError?.code).toBe('BRIDGE_UNREACHABLE');
    fake.emit('state', signedOutView());
    expect(app.loadError).toBeNull();
    expect(app.view).not.toBeNull();
  });
});

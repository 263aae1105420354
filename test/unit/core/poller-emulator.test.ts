import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectivityView, SnapshotView } from '../../../src-shared/bridge';
import { ApiClient } from '../../../src-main/core/api/client';
import { Poller } from '../../../src-main/core/poller';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { ManualClock } from '../support/manual-clock';
import { memoryLogger } from '../support/fakes';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
});

async function pollerOnEmulator() {
  const login = await new ApiClient({ baseUrl: emu.apiUrl }).login(DEMO.email, DEMO.password);
  const clock = new ManualClock(Date.now());
  const api = new ApiClient({
    baseUrl: emu.apiUrl,
    clock,
    auth: { accessToken: async () => login.token, refreshAfterRejection: async () => login.token },
  });
  const snapshots: SnapshotView[] = [];
  const seen: ConnectivityView[] = [];
  const poller = new Poller({
    source: api,
    clock,
    logger: memoryLogger(),
    onSnapshot: (s) => snapshots.push(s),
    onConnectivity: (c) => seen.push(c),
  });
  return { poller, clock, snapshots, seen };
}

describe('Poller against the emulator', () => {
  it('builds a snapshot of me, the active subscription and deployments', async () => {
    const { poller, snapshots } = await pollerOnEmulator();
    await poller.start();
    await poller.stop();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.user?.email).toBe(DEMO.email);
    expect(snapshots[0]?.subscription?.status).toBe('active');
    expect(snapshots[0]?.deployments).toHaveLength(2);
  });

  it('obeys a 429 whose Retry-After is an HTTP date, and says until when', async () => {
    const { poller, clock } = await pollerOnEmulator();
    await emu.control('faults', {
      path: '/v1/deployments*',
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      retry_after: 'http-date',
      times: 1,
    });
    await poller.start();
    const view = poller.connectivity();
    expect(view.status).toBe('rate-limited');
    expect(view.lastError?.code).toBe('RATE_LIMIT_EXCEEDED');
    const wait = Date.parse(view.retryAt!) - clock.now();
    expect(wait).toBeGreaterThanOrEqual(1_000);
    // The only timer is the next poll, set for the moment the server named.
    expect(clock.pending()).toEqual([wait]);
    // A refresh asked for meanwhile is not sent: it would only meet another 429.
    await poller.refreshNow();
    const state = (await emu.control('state')) as {
      counters: { by_route: Record<string, number> };
    };
    expect(state.counters.by_route['GET /v1/me']).toBe(1);
    await poller.stop();
  });
});

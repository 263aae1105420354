import { describe, expect, it } from 'vitest';
import type { ConnectivityView, SnapshotView } from '../../../src-shared/bridge';
import type { Deployment } from '../../../src-shared/kombify-api';
import { ApiError, NetworkError, NotSignedInError } from '../../../src-main/core/api/errors';
import { Poller, type SnapshotSource } from '../../../src-main/core/poller';
import { ManualClock } from '../support/manual-clock';
import { memoryLogger } from '../support/fakes';
import { deployment, subscription, user } from './fixtures';

/** A source whose replies the test controls; each poll can be held open. */
interface FakeSource extends SnapshotSource {
  polls: number;
  inFlight: number;
  maxInFlight: number;
  list: Deployment[];
  failure: Error | null;
  gate: Promise<void> | null;
}

function fakeSource(): FakeSource {
  const source: FakeSource = {
    polls: 0,
    inFlight: 0,
    maxInFlight: 0,
    list: [deployment('a', 'succeeded')] as Deployment[],
    failure: null as Error | null,
    gate: null as Promise<void> | null,
    async me() {
      source.polls += 1;
      source.inFlight += 1;
      source.maxInFlight = Math.max(source.maxInFlight, source.inFlight);
      try {
        if (source.gate) await source.gate;
        if (source.failure) throw source.failure;
        return user;
      } finally {
        source.inFlight -= 1;
      }
    },
    async subscriptions() {
      return [subscription];
    },
    async deployments() {
      return source.list;
    },
  };
  return source;
}

function setup() {
  const clock = new ManualClock();
  const source = fakeSource();
  const logger = memoryLogger();
  const snapshots: SnapshotView[] = [];
  const connectivity: ConnectivityView[] = [];
  let signedOut = 0;
  const poller = new Poller({
    source,
    clock,
    logger,
    onSnapshot: (s) => snapshots.push(s),
    onConnectivity: (c) => connectivity.push(c),
    onSignedOut: () => (signedOut += 1),
  });
  return { clock, source, snapshots, connectivity, poller, logger, signedOut: () => signedOut };
}

describe('Poller', () => {
  it('polls at start and then every 10 s', async () => {
    const { clock, source, poller, snapshots } = setup();
    await poller.start();
    expect(source.polls).toBe(1);
    expect(snapshots[0]).toMatchObject({ user, subscription, fetchedAt: expect.any(String) });
    await clock.advance(9_999);
    expect(source.polls).toBe(1);
    await clock.advance(1);
    expect(source.polls).toBe(2);
    await clock.advance(30_000);
    expect(source.polls).toBe(5);
  });

  it('polls every 2 s while a deployment is not final, unknown statuses included', async () => {
    const { clock, source, poller } = setup();
    source.list = [deployment('a', 'warming-up')];
    await poller.start();
    await clock.advance(2_000);
    expect(source.polls).toBe(2);
    source.list = [deployment('a', 'succeeded')];
    await clock.advance(2_000);
    expect(source.polls).toBe(3);
    await clock.advance(9_999);
    expect(source.polls).toBe(3);
  });

  it('never runs two polls at once, even when a poll hangs past the interval', async () => {
    const { clock, source, poller } = setup();
    await poller.start();
    let release!: () => void;
    source.gate = new Promise<void>((r) => (release = r));
    await clock.advance(10_000);
    expect(source.inFlight).toBe(1);
    await clock.advance(60_000);
    const refreshing = poller.refreshNow();
    expect(source.polls).toBe(2);
    source.gate = null;
    release();
    await refreshing;
    expect(source.maxInFlight).toBe(1);
    // The refresh waited for the hung poll, then made its own fresh one.
    expect(source.polls).toBe(3);
  });

  it('coalesces refreshNow calls made during a poll into one follow-up poll', async () => {
    const { source, poller } = setup();
    await poller.start();
    // The first starts a poll; the others arrive while it runs, so they share one after it.
    await Promise.all([poller.refreshNow(), poller.refreshNow(), poller.refreshNow()]);
    expect(source.polls).toBe(3);
    expect(source.maxInFlight).toBe(1);
  });

  it('marks offline on a network error and keeps the last success time', async () => {
    const { clock, source, poller, connectivity } = setup();
    await poller.start();
    const lastSuccessAt = poller.connectivity().lastSuccessAt;
    source.failure = new NetworkError('connection refused');
    await clock.advance(10_000);
    expect(connectivity.at(-1)).toMatchObject({
      status: 'offline',
      lastSuccessAt,
      lastError: { code: 'OFFLINE' },
    });
    source.failure = null;
    await clock.advance(10_000);
    expect(poller.connectivity()).toMatchObject({ status: 'online', lastError: null });
  });

  it('logs a lasting outage once, not on every poll', async () => {
    const { clock, source, poller, logger } = setup();
    source.failure = new NetworkError('connection refused');
    await poller.start();
    await clock.advance(60_000);
    expect(source.polls).toBe(7);
    expect(logger.entries.filter((e) => e.msg === 'poll failed')).toHaveLength(1);
  });

  it('waits until Retry-After after a 429 and says until when', async () => {
    const { clock, source, poller } = setup();
    await poller.start();
    const retryAt = new Date(clock.now() + 10_000 + 45_000);
    source.failure = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow down', null, retryAt);
    await clock.advance(10_000);
    expect(poller.connectivity()).toMatchObject({
      status: 'rate-limited',
      retryAt: retryAt.toISOString(),
    });
    source.failure = null;
    await poller.refreshNow();
    await clock.advance(44_999);
    expect(source.polls).toBe(2);
    await clock.advance(1);
    expect(source.polls).toBe(3);
    expect(poller.connectivity().status).toBe('online');
  });

  it('backs off exponentially after a 429 without a readable Retry-After', async () => {
    const { clock, source, poller } = setup();
    source.failure = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow down');
    await poller.start();
    expect(clock.pending()).toEqual([20_000]);
    await clock.advance(20_000);
    expect(clock.pending()).toEqual([40_000]);
  });

  it('stops itself when the session is gone', async () => {
    const { clock, source, poller, signedOut } = setup();
    source.failure = new NotSignedInError();
    await poller.start();
    expect(signedOut()).toBe(1);
    expect(poller.running).toBe(false);
    await clock.advance(60_000);
    expect(source.polls).toBe(1);
  });

  it('leaves no timer behind and drops a late reply after stop', async () => {
    const { clock, source, poller, snapshots } = setup();
    await poller.start();
    let release!: () => void;
    source.gate = new Promise<void>((r) => (release = r));
    await clock.advance(10_000);
    const stopping = poller.stop();
    release();
    await stopping;
    expect(clock.pending()).toEqual([]);
    expect(snapshots).toHaveLength(1);
  });
});

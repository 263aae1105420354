import { describe, expect, it } from 'vitest';
import type { ConnectivityView, SnapshotView } from '../../../../src-shared/bridge';
import {
  ApiError,
  NetworkError,
  NotSignedInError,
  parseRetryAfter,
} from '../../../../src-main/core/api/errors';
import { MAX_BACKOFF_MS } from '../../../../src-main/core/sync/backoff';
import { AWAY_AFTER_MS, SyncEngine } from '../../../../src-main/core/sync/engine';
import { deployment, snapshot } from '../fixtures';
import { ManualClock } from '../../support/manual-clock';
import { memoryLogger } from '../../support/fakes';
import { FakeSource } from './fake-source';

const MINUTE = 60_000;

function setup(options: { random?: () => number; limit?: number; failSnapshots?: number } = {}) {
  let failSnapshots = options.failSnapshots ?? 0;
  const clock = new ManualClock();
  const source = new FakeSource(clock);
  const logger = memoryLogger();
  const snapshots: Array<{ snapshot: SnapshotView; away: boolean }> = [];
  const connectivity: ConnectivityView[] = [];
  let signedOut = 0;
  const engine = new SyncEngine({
    source,
    clock,
    logger,
    random: options.random ?? (() => 0.5),
    onSnapshot: (s, { away }) => {
      if (failSnapshots > 0) {
        failSnapshots -= 1;
        throw new Error('ENOSPC: no space left on device');
      }
      snapshots.push({ snapshot: s, away });
    },
    onConnectivity: (c) => connectivity.push(c),
    onSignedOut: () => (signedOut += 1),
  });
  if (options.limit) {
    engine.learnRateLimit(options.limit);
    const limits = { requests_per_minute: options.limit, burst: options.limit };
    source.subscription = { ...source.subscription, limits };
  }
  return { clock, source, engine, logger, snapshots, connectivity, signedOut: () => signedOut };
}

/** Most reads in any 60 s window. */
function busiestMinute(reads: Array<{ at: number }>): number {
  let most = 0;
  for (const r of reads)
    most = Math.max(most, reads.filter((o) => o.at >= r.at && o.at < r.at + MINUTE).length);
  return most;
}

describe('SyncEngine scheduling', () => {
  it('reads me, the subscriptions and the list once at start, then one snapshot', async () => {
    const { source, engine, snapshots } = setup();
    await engine.start(null);
    expect(source.reads.map((r) => r.resource).sort()).toEqual([
      'deployments',
      'me',
      'subscriptions',
    ]);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.snapshot.user?.email).toBe('ada@example.org');
    await engine.stop();
  });

  it('reads the list once a minute and the account every five while nothing moves', async () => {
    const { clock, source, engine } = setup();
    await engine.start(null);
    await clock.advance(10 * MINUTE);
    expect(source.count('deployments')).toBe(11);
    expect(source.count('me')).toBe(3);
    expect(source.count('subscriptions')).toBe(3);
    // One timer per idle minute: the account reads ride along with the list read.
    expect(engine.wakeups).toBe(10);
    await engine.stop();
  });

  it('polls a deployment in motion on its own every few seconds, until it is final', async () => {
    const { clock, source, engine } = setup({ limit: 100 });
    source.list = [deployment('m', 'warming-up')];
    await engine.start(null);
    await clock.advance(30_000);
    expect(source.count('deployment:m')).toBe(10);
    expect(source.count('deployments')).toBe(1);
    source.list = [deployment('m', 'succeeded')];
    await clock.advance(3_000);
    const after = source.count('deployment:m');
    await clock.advance(5 * MINUTE);
    expect(source.count('deployment:m')).toBe(after);
    await engine.stop();
  });

  it('drops a deployment that answers 404 and reads it no more', async () => {
    const { clock, source, engine, snapshots } = setup();
    source.list = [deployment('d', 'deleting')];
    await engine.start(null);
    source.list = [];
    await clock.advance(3_000);
    expect(snapshots.at(-1)?.snapshot.deployments).toEqual([]);
    await clock.advance(MINUTE);
    expect(source.count('deployment:d')).toBe(1);
    await engine.stop();
  });

  it('stays within half of a 30/min plan with three deployments moving', async () => {
    const { clock, source, engine } = setup({ limit: 30 });
    source.list = [deployment('x', 'queued'), deployment('y', 'queued'), deployment('z', 'queued')];
    await engine.start(null);
    await clock.advance(10 * MINUTE);
    expect(busiestMinute(source.reads)).toBeLessThanOrEqual(15);
    expect(source.count('deployment:x')).toBeGreaterThan(10);
    await engine.stop();
  });

  it('keeps within the budget when focus asks for a refresh every few seconds', async () => {
    const { clock, source, engine } = setup({ limit: 30 });
    source.list = [deployment('x', 'queued'), deployment('y', 'queued'), deployment('z', 'queued')];
    await engine.start(null);
    for (let i = 0; i < 60; i += 1) {
      await engine.refresh('focus');
      await clock.advance(5_000);
    }
    expect(busiestMinute(source.reads)).toBeLessThanOrEqual(15);
    await engine.stop();
  });

  it('learns the limit from the plan and never overlaps reads of one resource', async () => {
    const { clock, source, engine } = setup();
    source.list = [deployment('x', 'queued')];
    let release!: () => void;
    await engine.start(null);
    source.gates.set('deployment:x', new Promise<void>((r) => (release = r)));
    await clock.advance(3_000);
    await clock.advance(20_000);
    // The read hung 20 s: no second one started meanwhile.
    expect(source.count('deployment:x')).toBe(1);
    source.gates.clear();
    release();
    await clock.advance(3_000);
    expect(source.count('deployment:x')).toBe(2);
    expect(source.maxInFlightPerResource).toBe(1);
    await engine.stop();
  });
});

describe('SyncEngine refreshes', () => {
  it('reads everything at once on a user action, after a read in flight', async () => {
    const { source, engine } = setup();
    await engine.start(null);
    await engine.refresh('user');
    expect(source.count()).toBe(6);
    await engine.stop();
  });

  it('answers focus, network back and resume with one jittered read per resource', async () => {
    const { clock, source, engine } = setup({ random: () => 1 });
    await engine.start(null);
    await clock.advance(20_000);
    const before = source.count();
    await engine.refresh('focus');
    await engine.refresh('network');
    await engine.refresh('focus');
    await clock.advance(499);
    expect(source.count()).toBe(before);
    await clock.advance(2_600);
    expect(source.count()).toBe(before + 3);
    await engine.stop();
  });

  it('sends nothing in 3 h asleep, then one read each, then the cadence', async () => {
    const { clock, source, engine, snapshots } = setup({ limit: 30 });
    await engine.start(null);
    engine.suspend();
    const before = source.count();
    await clock.advance(3 * 60 * MINUTE);
    expect(source.count()).toBe(before);
    expect(clock.pending()).toEqual([]);
    engine.resume();
    // The jitter is at least half a second: nothing goes out at the moment of waking.
    await clock.advance(400);
    expect(source.count()).toBe(before);
    await clock.advance(2_600);
    const woke = source.reads
      .slice(before)
      .map((r) => r.resource)
      .sort();
    expect(woke).toEqual(['deployments', 'me', 'subscriptions']);
    // The gap makes the next changes a "while you were away" summary.
    expect(snapshots.at(-1)?.away).toBe(true);
    await clock.advance(MINUTE);
    expect(source.count()).toBe(before + 4);
    await engine.stop();
  });

  it('marks nothing as away after a gap shorter than the threshold', async () => {
    const { clock, engine, snapshots } = setup();
    await engine.start(
      snapshot([], new Date(Date.parse('2026-12-03T12:00:00Z') - AWAY_AFTER_MS + 1).toISOString()),
    );
    expect(snapshots.at(-1)?.away).toBe(false);
    await clock.advance(MINUTE);
    await engine.stop();
  });
});

describe('SyncEngine trouble', () => {
  const retryAfterCases: Array<[string, string | null, number | 'backoff']> = [
    ['an HTTP date 30 s ahead', 'date+30', 30_000],
    ['120 seconds', '120', 120_000],
    ['a date in the past', 'date-60', 2_000],
    ['-3', '-3', 'backoff'],
    ['1.5', '1.5', 'backoff'],
    ['soon', 'soon', 'backoff'],
    ['no header', null, 'backoff'],
  ];

  for (const [name, header, expected] of retryAfterCases) {
    it(`obeys a 429 with Retry-After ${name} and says until when`, async () => {
      const { clock, source, engine } = setup();
      await engine.start(null);
      const now = clock.now();
      const value =
        header?.startsWith('date') === true
          ? new Date(now + Number(header.slice(4)) * 1000).toUTCString()
          : header;
      source.failure = new ApiError(
        429,
        'RATE_LIMIT_EXCEEDED',
        'slow down',
        null,
        parseRetryAfter(value, now),
      );
      await engine.refresh('user');
      const view = engine.connectivity();
      expect(view.status).toBe('rate-limited');
      const wait = Date.parse(view.retryAt!) - now;
      expect(Number.isFinite(wait)).toBe(true);
      if (expected === 'backoff') {
        // 15 s first, with jitter between half and all of it.
        expect(wait).toBeGreaterThanOrEqual(7_500);
        expect(wait).toBeLessThanOrEqual(15_000);
      } else {
        expect(wait).toBe(expected);
      }
      const sent = source.count();
      await engine.refresh('user');
      await clock.advance(wait - 1);
      expect(source.count()).toBe(sent);
      source.failure = null;
      await clock.advance(1);
      expect(source.count()).toBeGreaterThan(sent);
      expect(engine.connectivity().status).toBe('online');
      await engine.stop();
    });
  }

  it('tells the same time it asks again when a 429 asks for days', async () => {
    const { clock, source, engine } = setup();
    await engine.start(null);
    const at = parseRetryAfter(String(3 * 86_400), clock.now());
    source.failure = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow down', null, at);
    await engine.refresh('user');
    const view = engine.connectivity();
    expect(view.status).toBe('rate-limited');
    // The "try again at" the person reads is when the app really asks again.
    expect(view.lastError?.retryAt).toBe(view.retryAt);
    await engine.stop();
  });

  it('caps the backoff after many unreadable 429s in a row', async () => {
    const { clock, source, engine } = setup({ random: () => 1 });
    source.failure = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow down');
    await engine.start(null);
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      // Read just after each failed retry: the whole wait the engine chose.
      waits.push(Date.parse(engine.connectivity().retryAt!) - clock.now());
      await clock.advance(clock.pending()[0]!);
    }
    expect(waits.slice(0, 3)).toEqual([15_000, 30_000, 60_000]);
    // It grows until the cap, then stays there.
    expect(waits.slice(-3)).toEqual([MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(Math.max(...waits)).toBe(MAX_BACKOFF_MS);
    await engine.stop();
  });

  it('backs off exponentially with jitter while offline, capped, and logs once', async () => {
    const { clock, source, engine, logger } = setup({ random: () => 1 });
    source.failure = new NetworkError('connection refused');
    await engine.start(null);
    expect(engine.connectivity().status).toBe('offline');
    const gaps: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      gaps.push(clock.pending()[0]!);
      await clock.advance(clock.pending()[0]!);
    }
    expect(gaps.slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...gaps)).toBe(MAX_BACKOFF_MS);
    expect(logger.entries.filter((e) => e.msg === 'sync failed')).toHaveLength(1);
    source.failure = null;
    await engine.refresh('network');
    await clock.advance(3_000);
    expect(engine.connectivity().status).toBe('online');
    await engine.stop();
  });

  it('backs off on a 5xx and keeps the last success time', async () => {
    const { clock, source, engine } = setup({ random: () => 0 });
    await engine.start(null);
    const lastSuccessAt = engine.connectivity().lastSuccessAt;
    source.failure = new ApiError(503, 'HOMELAB_UNREACHABLE', 'down');
    await clock.advance(MINUTE);
    expect(engine.connectivity()).toMatchObject({
      status: 'offline',
      lastSuccessAt,
      lastError: { code: 'HOMELAB_UNREACHABLE' },
    });
    // Half of the first 5 s step with this jitter.
    expect(clock.pending()).toEqual([2_500]);
    await engine.stop();
  });

  it('stays offline through a round the spent budget leaves empty', async () => {
    const { clock, source, engine, connectivity } = setup({ limit: 30 });
    await engine.start(null);
    const lastSuccessAt = engine.connectivity().lastSuccessAt;
    source.failure = new NetworkError('connection refused');
    // Five presses of Refresh spend the whole background minute (15 reads).
    for (let press = 0; press < 5; press += 1) await engine.refresh('user');
    const before = source.reads.length;
    await clock.advance(30_000);
    expect(source.reads.length).toBe(before);
    expect(connectivity.at(-1)).toMatchObject({ status: 'offline', lastSuccessAt });
    await engine.stop();
  });

  it('keeps its loop when a snapshot listener throws, and reads again after a backoff step', async () => {
    const { clock, source, engine, logger, snapshots } = setup({ failSnapshots: 1 });
    await expect(engine.start(null)).resolves.toBeUndefined();
    expect(snapshots).toHaveLength(0);
    expect(logger.entries.filter((e) => e.msg === 'sync round failed')).toHaveLength(1);
    expect(clock.pending().length).toBe(1);
    await clock.advance(MINUTE);
    expect(snapshots).toHaveLength(1);
    expect(source.count('deployments')).toBeGreaterThanOrEqual(2);
    await engine.stop();
  });

  it('stops itself when the session is gone', async () => {
    const { clock, source, engine, signedOut } = setup();
    source.failure = new NotSignedInError();
    await engine.start(null);
    expect(signedOut()).toBe(1);
    expect(engine.running).toBe(false);
    await clock.advance(MINUTE);
    expect(source.count()).toBe(3);
  });

  it('leaves no timer behind and drops a late reply after stop', async () => {
    const { clock, source, engine, snapshots } = setup();
    await engine.start(null);
    let release!: () => void;
    source.gates.set('deployments', new Promise<void>((r) => (release = r)));
    await clock.advance(MINUTE);
    const stopping = engine.stop();
    release();
    await stopping;
    expect(clock.pending()).toEqual([]);
    expect(snapshots).toHaveLength(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { startUpdateChecks, type UpdaterLike } from '../../src-main/electron/updater';
import { FakeBeats } from './fake-beats';
import { silentLogger } from './fake-core';

function recordingUpdater(fail = false) {
  const calls: string[] = [];
  const updater: UpdaterLike = {
    setFeedURL: ({ url }) => void calls.push(`feed ${url}`),
    checkForUpdatesAndNotify: async () => {
      calls.push('check');
      if (fail) throw new Error('offline');
    },
  };
  return { calls, loadUpdater: async () => updater };
}

describe('startUpdateChecks()', () => {
  it('never loads the updater outside a packaged build', async () => {
    let loaded = false;
    const stop = await startUpdateChecks({
      packaged: false,
      logger: silentLogger,
      loadUpdater: async () => {
        loaded = true;
        throw new Error('must not load');
      },
    });
    stop();
    expect(loaded).toBe(false);
  });

  it('checks at once in a packaged build, with the configured feed', async () => {
    const { calls, loadUpdater } = recordingUpdater();
    const stop = await startUpdateChecks({
      packaged: true,
      feedUrl: 'https://mirror.example/tray',
      logger: silentLogger,
      loadUpdater,
    });
    stop();
    expect(calls).toEqual(['feed https://mirror.example/tray', 'check']);
  });

  it('refuses a feed that is not https', async () => {
    const { calls, loadUpdater } = recordingUpdater();
    const stop = await startUpdateChecks({
      packaged: true,
      feedUrl: 'http://mirror.example/tray',
      logger: silentLogger,
      loadUpdater,
    });
    stop();
    expect(calls).toEqual([]);
  });

  it('survives a failing check', async () => {
    const { calls, loadUpdater } = recordingUpdater(true);
    const stop = await startUpdateChecks({ packaged: true, logger: silentLogger, loadUpdater });
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    expect(calls).toEqual(['check']);
  });

  it('checks again on the heartbeat once six hours have passed, with no timer of its own', async () => {
    vi.useFakeTimers();
    const { calls, loadUpdater } = recordingUpdater();
    const beats = new FakeBeats();
    const stop = await startUpdateChecks({
      packaged: true,
      logger: silentLogger,
      loadUpdater,
      heartbeat: beats,
    });
    expect(vi.getTimerCount()).toBe(0);
    for (let minute = 1; minute < 6 * 60; minute += 1) beats.beat();
    expect(calls).toEqual(['check']);
    beats.beat();
    expect(calls).toEqual(['check', 'check']);
    stop();
    for (let minute = 0; minute < 7 * 60; minute += 1) beats.beat();
    expect(calls).toEqual(['check', 'check']);
    vi.useRealTimers();
  });
});

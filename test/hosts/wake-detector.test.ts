import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeDetector } from '../../src-main/node/wake-detector';
import { FakeBeats } from './fake-beats';

describe('wakeDetector()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a wake when the heartbeat saw the clock jump, and sets no timer of its own', () => {
    vi.useFakeTimers();
    const beats = new FakeBeats();
    const power = wakeDetector(beats);
    const woke = vi.fn();
    const off = power.onResume(woke);
    expect(vi.getTimerCount()).toBe(0);

    for (let i = 0; i < 10; i += 1) beats.beat();
    expect(woke).not.toHaveBeenCalled();

    beats.beat(true); // three hours asleep, then the next beat
    expect(woke).toHaveBeenCalledTimes(1);

    off();
    beats.beat(true);
    expect(woke).toHaveBeenCalledTimes(1);
    expect(beats.listeners.size).toBe(0);
  });
});

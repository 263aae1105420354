import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeDetector } from '../../src-main/node/wake-detector';

describe('wakeDetector()', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a wake when the clock jumped past a timer tick, and only then', () => {
    vi.useFakeTimers();
    let clock = 0;
    const power = wakeDetector({ now: () => clock, everyMs: 1000, slackMs: 5000 });
    const woke = vi.fn();
    const off = power.onResume(woke);

    for (let i = 0; i < 10; i += 1) {
      clock += 1000;
      vi.advanceTimersByTime(1000);
    }
    expect(woke).not.toHaveBeenCalled();

    clock += 3 * 60 * 60 * 1000; // three hours asleep, then the next tick
    vi.advanceTimersByTime(1000);
    expect(woke).toHaveBeenCalledTimes(1);

    off();
    clock += 60 * 60 * 1000;
    vi.advanceTimersByTime(1000);
    expect(woke).toHaveBeenCalledTimes(1);
  });
});

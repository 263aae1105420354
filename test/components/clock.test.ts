/**
 * The window's ticking "now" stops while the window is hidden (closed to the
 * tray): a hidden window must not wake the app every second.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../src-renderer/lib/clock.svelte';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('Clock', () => {
  afterEach(() => {
    setVisibility('visible');
    vi.useRealTimers();
  });

  it('ticks while the window is shown, not while it is hidden, and is current when shown again', () => {
    vi.useFakeTimers();
    const clock = new Clock();
    const stop = clock.start(1000);
    vi.advanceTimersByTime(3000);
    expect(clock.now).toBe(Date.now());
    expect(vi.getTimerCount()).toBe(1);

    setVisibility('hidden');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60 * 60_000);

    setVisibility('visible');
    expect(clock.now).toBe(Date.now());
    expect(vi.getTimerCount()).toBe(1);

    stop();
    expect(vi.getTimerCount()).toBe(0);
    setVisibility('hidden');
    setVisibility('visible');
    expect(vi.getTimerCount()).toBe(0);
  });
});

import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appFocus, networkStatus, powerEvents } from '../../src-main/electron/system-events';
import { FakeBeats } from './fake-beats';

describe('Electron system events as ports', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports sleep and wake, and removes exactly its own listeners', () => {
    const monitor = new EventEmitter();
    const power = powerEvents(monitor as never);
    const woke = vi.fn();
    const slept = vi.fn();
    const offs = [power.onResume(woke), power.onSuspend(slept)];
    for (let i = 0; i < 3; i += 1) {
      monitor.emit('suspend');
      monitor.emit('resume');
    }
    expect(slept).toHaveBeenCalledTimes(3);
    expect(woke).toHaveBeenCalledTimes(3);
    offs.forEach((off) => off());
    expect(monitor.listenerCount('resume') + monitor.listenerCount('suspend')).toBe(0);
  });

  it('says when the network comes back, not while it stays up, on the heartbeat only', () => {
    vi.useFakeTimers();
    const answers = [false, false, true, true, false, true];
    let online = true;
    const net = { isOnline: () => online };
    const beats = new FakeBeats();
    const back = vi.fn();
    const off = networkStatus(net, beats).onOnline(back);
    // No polling of its own: an idle minute is the heartbeat's one wakeup.
    expect(vi.getTimerCount()).toBe(0);
    for (const answer of answers) {
      online = answer;
      beats.beat();
    }
    expect(back).toHaveBeenCalledTimes(2);
    off();
    online = false;
    beats.beat();
    online = true;
    beats.beat();
    expect(back).toHaveBeenCalledTimes(2);
    expect(beats.listeners.size).toBe(0);
  });

  it('reports window focus', () => {
    const app = new EventEmitter();
    const focused = vi.fn();
    const off = appFocus(app as never).onFocus(focused);
    app.emit('browser-window-focus');
    off();
    app.emit('browser-window-focus');
    expect(focused).toHaveBeenCalledTimes(1);
  });
});

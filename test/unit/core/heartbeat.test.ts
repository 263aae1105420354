import { describe, expect, it } from 'vitest';
import { Heartbeat, type Beat } from '../../../src-main/core/heartbeat';
import type { Clock } from '../../../src-main/core/ports';
import { ManualClock } from '../support/manual-clock';

const MINUTE = 60_000;

/** A ManualClock whose wall time can jump ahead without firing timers, as a sleep does. */
class SleepyClock implements Clock {
  readonly timers = new ManualClock();
  #slept = 0;
  now = () => this.timers.now() + this.#slept;
  setTimeout = (fn: () => void, ms: number) => this.timers.setTimeout(fn, ms);
  clearTimeout = (handle: unknown) => this.timers.clearTimeout(handle);
  sleep(ms: number) {
    this.#slept += ms;
  }
}

function started(clock: Clock) {
  const heartbeat = new Heartbeat({ clock });
  const beats: Beat[] = [];
  heartbeat.onBeat((beat) => beats.push(beat));
  heartbeat.start();
  return { heartbeat, beats };
}

describe('Heartbeat', () => {
  it('beats about once a minute on its own while nothing else wakes, with one timer', async () => {
    const clock = new ManualClock();
    const { heartbeat, beats } = started(clock);
    await clock.advance(10 * MINUTE);
    expect(beats.length).toBeGreaterThanOrEqual(9);
    expect(heartbeat.wakeups).toBe(beats.length);
    for (const beat of beats) expect(beat.sinceLastMs).toBeLessThanOrEqual(65_000);
    expect(clock.pending()).toHaveLength(1);
    heartbeat.stop();
    expect(clock.pending()).toHaveLength(0);
    await clock.advance(10 * MINUTE);
    expect(beats.length).toBe(heartbeat.wakeups);
  });

  it('rides the wakeups of a part that wakes every minute anyway: no wakeup of its own', async () => {
    const clock = new ManualClock();
    const { heartbeat, beats } = started(clock);
    const engine = heartbeat.riding(clock);
    // Like the sync engine: a read at each wakeup, the next one set when the reply is in.
    const read = () => void clock.setTimeout(() => engine.setTimeout(read, MINUTE), 400);
    engine.setTimeout(read, MINUTE);
    await clock.advance(30 * MINUTE);
    expect(heartbeat.wakeups).toBe(0);
    expect(beats.length).toBeGreaterThanOrEqual(28);
    for (const beat of beats) expect(beat.sinceLastMs).toBeLessThanOrEqual(65_000);
  });

  it('keeps beating on its own when the other part sleeps long between wakeups', async () => {
    const clock = new ManualClock();
    const { heartbeat, beats } = started(clock);
    const engine = heartbeat.riding(clock);
    const read = () => void engine.setTimeout(read, 60 * MINUTE);
    engine.setTimeout(read, 60 * MINUTE);
    await clock.advance(60 * MINUTE);
    expect(beats.length).toBeGreaterThanOrEqual(55);
    expect(heartbeat.wakeups).toBeGreaterThanOrEqual(54);
  });

  it('says the machine woke when the clock jumped past a beat, and only then', async () => {
    const clock = new SleepyClock();
    const { beats } = started(clock);
    await clock.timers.advance(10 * MINUTE);
    expect(beats.some((b) => b.woke)).toBe(false);
    clock.sleep(3 * 60 * MINUTE);
    await clock.timers.advance(2 * MINUTE);
    expect(beats.filter((b) => b.woke)).toHaveLength(1);
    expect(beats.find((b) => b.woke)!.sinceLastMs).toBeGreaterThan(3 * 60 * MINUTE);
  });

  it('keeps beating for the others when one listener throws', async () => {
    const clock = new ManualClock();
    const heartbeat = new Heartbeat({ clock });
    let beats = 0;
    heartbeat.onBeat(() => {
      throw new Error('broken');
    });
    const off = heartbeat.onBeat(() => (beats += 1));
    heartbeat.start();
    await clock.advance(5 * MINUTE);
    expect(beats).toBeGreaterThanOrEqual(4);
    off();
    const before = beats;
    await clock.advance(5 * MINUTE);
    expect(beats).toBe(before);
    heartbeat.stop();
  });
});

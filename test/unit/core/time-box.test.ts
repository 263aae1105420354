import { describe, expect, it } from 'vitest';
import { TimeBoxExpired, timeBox } from '../../../src-main/core/time-box';
import { ManualClock } from '../support/manual-clock';

const never = () => new Promise<string>(() => {});

describe('timeBox', () => {
  it('passes a prompt result through and leaves no timer', async () => {
    const clock = new ManualClock();
    expect(await timeBox(clock, 100, 'x', async () => 'ok')).toBe('ok');
    expect(clock.pending()).toEqual([]);
  });

  it('rejects a call that never settles once the time is up', async () => {
    const clock = new ManualClock();
    const boxed = timeBox(clock, 100, 'keychain read', never);
    const outcome = boxed.catch((e: unknown) => e);
    await clock.advance(100);
    expect(await outcome).toBeInstanceOf(TimeBoxExpired);
    expect(((await outcome) as Error).message).toBe('keychain read did not answer within 100 ms');
  });

  it('turns a synchronous throw into a rejection', async () => {
    const clock = new ManualClock();
    const work = (): Promise<string> => {
      throw new Error('native module missing');
    };
    await expect(timeBox(clock, 100, 'x', work)).rejects.toThrow('native module missing');
    expect(clock.pending()).toEqual([]);
  });

  it('gives up at once and clears its timer when aborted', async () => {
    const clock = new ManualClock();
    const quitting = new AbortController();
    const boxed = timeBox(clock, 3_000, 'x', never, quitting.signal);
    quitting.abort();
    await expect(boxed).rejects.toBeInstanceOf(TimeBoxExpired);
    expect(clock.pending()).toEqual([]);
    let started = false;
    const late = timeBox(clock, 3_000, 'x', async () => (started = true), quitting.signal);
    await expect(late).rejects.toBeInstanceOf(TimeBoxExpired);
    expect(started).toBe(false);
  });
});

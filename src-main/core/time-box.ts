/** Time-boxing for calls into the outside world that may never settle (keychains do hang). */
import type { Clock } from './ports';

/** Thrown when a time-boxed call did not settle in time. */
export class TimeBoxExpired extends Error {
  override readonly name = 'TimeBoxExpired';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not answer within ${ms} ms`);
  }
}

/**
 * Resolves or rejects like `work`, or rejects with TimeBoxExpired after `ms`.
 * The abandoned call keeps running; its late result is ignored on purpose.
 */
export function timeBox<T>(clock: Clock, ms: number, what: string, work: () => Promise<T>) {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new TimeBoxExpired(what, ms)), ms);
    const settle = (fn: () => void) => {
      clock.clearTimeout(timer);
      fn();
    };
    let started: Promise<T>;
    try {
      started = work();
    } catch (error) {
      settle(() => reject(error));
      return;
    }
    started.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

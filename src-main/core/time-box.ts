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
 * Resolves or rejects like `work`, or rejects with TimeBoxExpired after `ms` or
 * when `signal` aborts (quit: no timer may outlive the app). The abandoned call
 * keeps running; its late result is ignored on purpose.
 */
export function timeBox<T>(
  clock: Clock,
  ms: number,
  what: string,
  work: () => Promise<T>,
  signal?: AbortSignal,
) {
  return new Promise<T>((resolve, reject) => {
    let timer: unknown = null;
    const settle = (fn: () => void) => {
      if (timer !== null) clock.clearTimeout(timer);
      signal?.removeEventListener('abort', expire);
      fn();
    };
    const expire = () => settle(() => reject(new TimeBoxExpired(what, ms)));
    if (signal?.aborted) {
      expire();
      return;
    }
    timer = clock.setTimeout(expire, ms);
    signal?.addEventListener('abort', expire, { once: true });
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

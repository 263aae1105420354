/**
 * Wake-ups for a host without power events (the browser host under Node):
 * a timer that fires much later than asked means the machine slept.
 */
import type { PowerEvents, Unsubscribe } from '../core/ports';

export interface WakeDetectorOptions {
  now?: () => number;
  /** How often to look. */
  everyMs?: number;
  /** A gap this much longer than `everyMs` counts as sleep. */
  slackMs?: number;
}

export function wakeDetector(options: WakeDetectorOptions = {}): PowerEvents {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 5000;
  const slackMs = options.slackMs ?? 30_000;
  return {
    // Asleep, nothing runs, so there is no moment to say so; the wake says it all.
    onSuspend: (): Unsubscribe => () => undefined,
    onResume(listener): Unsubscribe {
      let last = now();
      const timer = setInterval(() => {
        const at = now();
        if (at - last > everyMs + slackMs) listener();
        last = at;
      }, everyMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}

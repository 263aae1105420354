/**
 * Wake-ups for a host without power events (the browser host under Node):
 * the heartbeat says when the clock jumped far past a beat, which means the
 * machine slept. No timer of its own.
 */
import type { BeatSource } from '../core/heartbeat';
import type { PowerEvents, Unsubscribe } from '../core/ports';

export function wakeDetector(heartbeat: BeatSource): PowerEvents {
  return {
    // Asleep, nothing runs, so there is no moment to say so; the wake says it all.
    onSuspend: (): Unsubscribe => () => undefined,
    onResume: (listener): Unsubscribe =>
      heartbeat.onBeat((beat) => {
        if (beat.woke) listener();
      }),
  };
}

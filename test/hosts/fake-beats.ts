/** A heartbeat the test beats by hand, counting its listeners. */
import type { Beat, BeatSource } from '../../src-main/core/heartbeat';

export class FakeBeats implements BeatSource {
  readonly listeners = new Set<(beat: Beat) => void>();
  at = 0;

  onBeat(listener: (beat: Beat) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** One beat a minute after the last, or a wake after a long sleep. */
  beat(woke = false): void {
    const sinceLastMs = woke ? 3 * 60 * 60_000 : 60_000;
    this.at += sinceLastMs;
    for (const listener of [...this.listeners]) listener({ at: this.at, sinceLastMs, woke });
  }
}

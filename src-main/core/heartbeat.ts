/**
 * The one periodic timer a host keeps while idle: about once a minute it
 * refreshes the tray's ages and lets host adapters look at the network and
 * the clock (a jump means the machine slept). It rides the wakeups the sync
 * engine has anyway, so while the engine reads once a minute it costs no
 * wakeup of its own; it fires itself only when nothing else woke for a while.
 */
import type { Clock, Unsubscribe } from './ports';

/** One beat. */
export interface Beat {
  at: number;
  /** Wall time since the beat before. */
  sinceLastMs: number;
  /** The gap is far longer than an awake machine leaves: it slept (or was frozen). */
  woke: boolean;
}

export interface HeartbeatOptions {
  clock: Clock;
  /** How often to beat. Default 60 s. */
  everyMs?: number;
  /**
   * How long past a beat's length the own timer waits for another part's wakeup
   * (the engine's minute, set when its reply came in). Default 1 s.
   */
  slackMs?: number;
  /** A gap this much longer than a beat can take counts as sleep. Default 30 s. */
  sleepSlackMs?: number;
}

/** What host adapters need of the heartbeat: its beats. */
export interface BeatSource {
  onBeat(listener: (beat: Beat) => void): Unsubscribe;
}

export class Heartbeat implements BeatSource {
  readonly #clock: Clock;
  readonly #everyMs: number;
  readonly #slackMs: number;
  readonly #sleepSlackMs: number;
  readonly #listeners = new Set<(beat: Beat) => void>();
  #timer: unknown = null;
  #running = false;
  #lastBeat = 0;
  /** Own timer callbacks so far: what the benchmark adds to the engine's wakeups. */
  wakeups = 0;

  constructor(options: HeartbeatOptions) {
    this.#clock = options.clock;
    this.#everyMs = options.everyMs ?? 60_000;
    this.#slackMs = options.slackMs ?? 1_000;
    this.#sleepSlackMs = options.sleepSlackMs ?? 30_000;
  }

  onBeat(listener: (beat: Beat) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#lastBeat = this.#clock.now();
    this.#arm();
  }

  stop(): void {
    this.#running = false;
    this.#disarm();
  }

  /**
   * The process is awake anyway (another part's timer fired or was set): beat
   * now if a beat is nearly due (nine tenths of its length), and push the own
   * timer back either way.
   */
  awake(): void {
    if (!this.#running) return;
    if (this.#clock.now() - this.#lastBeat >= this.#everyMs * 0.9) this.#beat();
    else this.#arm();
  }

  /** `clock`, with every timer set or fired through it counted as an awake moment. */
  riding(clock: Clock): Clock {
    return {
      now: () => clock.now(),
      setTimeout: (fn, ms) => {
        this.awake();
        return clock.setTimeout(() => {
          this.awake();
          fn();
        }, ms);
      },
      clearTimeout: (handle) => clock.clearTimeout(handle),
    };
  }

  #beat(): void {
    const at = this.#clock.now();
    const sinceLastMs = at - this.#lastBeat;
    this.#lastBeat = at;
    this.#arm();
    const woke = sinceLastMs > this.#everyMs + this.#slackMs + this.#sleepSlackMs;
    for (const listener of [...this.#listeners]) {
      try {
        listener({ at, sinceLastMs, woke });
      } catch {
        // One broken listener must not stop the beat for the others; each logs its own.
      }
    }
  }

  /** The own timer: a beat's length and the slack after the last awake moment. */
  #arm(): void {
    this.#disarm();
    if (!this.#running) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.wakeups += 1;
      this.#beat();
    }, this.#everyMs + this.#slackMs);
  }

  #disarm(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}

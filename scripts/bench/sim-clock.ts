/**
 * Simulated time for the sync benchmark: one timeline shared by every
 * subject, moved by the driver from timer to timer. Each subject gets its own
 * Clock view so its wakeups can be counted apart.
 */
import type { Clock } from '../../src-main/core/ports';

interface Timer {
  id: number;
  at: number;
  tag: string;
  fn: () => void;
}

/** The shared timeline. */
export class SimTimeline {
  now: number;
  #nextId = 1;
  #timers = new Map<number, Timer>();
  /** Timer callbacks run, by subject tag. */
  readonly fired = new Map<string, number[]>();

  constructor(start: number) {
    this.now = start;
  }

  /** A Clock whose timers carry `tag`. */
  clock(tag: string): Clock {
    return {
      now: () => this.now,
      setTimeout: (fn, ms) => {
        const id = this.#nextId++;
        this.#timers.set(id, { id, at: this.now + Math.max(0, ms), tag, fn });
        return id;
      },
      clearTimeout: (handle) => {
        this.#timers.delete(handle as number);
      },
    };
  }

  /** Time of the earliest timer, or null. */
  nextAt(): number | null {
    let next: number | null = null;
    for (const t of this.#timers.values()) if (next === null || t.at < next) next = t.at;
    return next;
  }

  /** Moves to `at` and runs every timer due by then, in order. */
  runUntil(at: number): void {
    this.now = Math.max(this.now, at);
    const due = [...this.#timers.values()].filter((t) => t.at <= at).sort((a, b) => a.at - b.at);
    for (const t of due) {
      if (!this.#timers.delete(t.id)) continue;
      const list = this.fired.get(t.tag) ?? [];
      list.push(this.now);
      this.fired.set(t.tag, list);
      t.fn();
    }
  }
}

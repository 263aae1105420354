/** A ticking "now" so ages like "updated 12 s ago" stay current without a reload. */
export class Clock {
  #now = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | null = null;

  get now(): number {
    return this.#now;
  }

  /** Starts ticking; returns the stop function. */
  start(intervalMs = 1000): () => void {
    this.stop();
    this.#now = Date.now();
    this.#timer = setInterval(() => (this.#now = Date.now()), intervalMs);
    return () => this.stop();
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}

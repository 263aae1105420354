/**
 * A ticking "now" so ages like "updated 12 s ago" stay current without a
 * reload. It rests while the window is hidden (closed to the tray), so a
 * hidden window never wakes the app, and is current again when shown.
 */
export class Clock {
  #now = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | null = null;
  #intervalMs = 1000;
  #running = false;

  get now(): number {
    return this.#now;
  }

  /** Starts ticking; returns the stop function. */
  start(intervalMs = 1000): () => void {
    this.stop();
    this.#intervalMs = intervalMs;
    this.#running = true;
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.#visibilityChanged);
    }
    this.#tick();
    return () => this.stop();
  }

  stop(): void {
    this.#running = false;
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.#visibilityChanged);
    }
    this.#rest();
  }

  readonly #visibilityChanged = () => {
    if (!this.#running) return;
    if (document.visibilityState === 'hidden') this.#rest();
    else this.#tick();
  };

  #tick(): void {
    this.#rest();
    this.#now = Date.now();
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.#timer = setInterval(() => (this.#now = Date.now()), this.#intervalMs);
  }

  #rest(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}

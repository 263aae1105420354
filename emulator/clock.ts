/**
 * The emulator's own time. Every lifecycle, token expiry and rate-limit
 * refill reads this clock, so tests can freeze it (speed 0) and move it
 * explicitly instead of sleeping.
 */
export class EmulatorClock {
  #anchorReal: number;
  #anchorEmu: number;
  #speed: number;
  readonly #realNow: () => number;

  constructor(speed = 1, startAt?: number, realNow: () => number = Date.now) {
    this.#realNow = realNow;
    this.#anchorReal = realNow();
    this.#anchorEmu = startAt ?? this.#anchorReal;
    this.#speed = speed;
  }

  /** Milliseconds since the epoch, in emulator time. */
  now(): number {
    return Math.floor(this.#anchorEmu + (this.#realNow() - this.#anchorReal) * this.#speed);
  }

  /** How many emulated milliseconds pass per real one (0 freezes time). */
  get speed(): number {
    return this.#speed;
  }

  setSpeed(speed: number): void {
    // Re-anchor so the change applies from now on and time never jumps.
    const now = this.now();
    this.#anchorReal = this.#realNow();
    this.#anchorEmu = now;
    this.#speed = speed;
  }

  /** Moves emulator time forward by `ms`, as if that much had passed. */
  advance(ms: number): void {
    this.#anchorEmu += ms;
  }

  /** Puts the clock back to real time at the given speed. */
  reset(speed: number): void {
    this.#anchorReal = this.#realNow();
    this.#anchorEmu = this.#anchorReal;
    this.#speed = speed;
  }
}

/** ISO 8601 form of an emulator timestamp, as the API writes dates. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

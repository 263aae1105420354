/**
 * The request budget of background polling: at most half of the plan's
 * per-minute limit in any 60 s, so the person's own actions always have room.
 */

/** Per-minute limit assumed before the server or the plan says (the Free plan's). */
export const DEFAULT_LIMIT_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/** What an `X-RateLimit-*` reply or a subscription tells about the limit. */
export interface RateLimitInfo {
  limitPerMinute: number;
}

/** Counts requests in a sliding minute and says when the next may go. */
export class RequestBudget {
  #limit = DEFAULT_LIMIT_PER_MINUTE;
  #sent: number[] = [];

  /** The per-minute limit in force; a nonsense value is ignored. */
  get limitPerMinute(): number {
    return this.#limit;
  }

  /** Requests background polling may make in any minute. */
  get allowance(): number {
    return Math.max(1, Math.floor(this.#limit / 2));
  }

  learn(info: RateLimitInfo): void {
    const limit = Math.floor(info.limitPerMinute);
    if (Number.isFinite(limit) && limit > 0 && limit < 1_000_000) this.#limit = limit;
  }

  /** Records one request sent at `now`. */
  spend(now: number): void {
    this.#forget(now);
    this.#sent.push(now);
  }

  /** Requests sent in the minute before `now`. */
  used(now: number): number {
    this.#forget(now);
    return this.#sent.length;
  }

  /** The earliest time a background request may go: `now` when the budget has room. */
  nextSlot(now: number): number {
    this.#forget(now);
    if (this.#sent.length < this.allowance) return now;
    const oldestThatMustExpire = this.#sent[this.#sent.length - this.allowance] ?? now;
    return oldestThatMustExpire + WINDOW_MS;
  }

  reset(): void {
    this.#sent = [];
  }

  #forget(now: number): void {
    let drop = 0;
    while (drop < this.#sent.length && (this.#sent[drop] ?? 0) <= now - WINDOW_MS) drop += 1;
    if (drop > 0) this.#sent.splice(0, drop);
  }
}

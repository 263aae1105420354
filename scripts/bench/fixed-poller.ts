/**
 * The baseline of the sync benchmark: what most tray clients do, all three
 * reads every 60 s whatever happens.
 */
import type { SnapshotView } from '../../src-shared/bridge';
import type { Clock } from '../../src-main/core/ports';
import type { SyncSource } from '../../src-main/core/sync/engine';
import { currentSubscription } from '../../src-main/core/sync/working-snapshot';

/** Polls me, subscriptions and deployments together at a fixed interval. */
export class FixedPoller {
  #timer: unknown = null;
  #running = false;

  constructor(
    private readonly source: SyncSource,
    private readonly clock: Clock,
    private readonly onSnapshot: (snapshot: SnapshotView) => void,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    this.#running = true;
    void this.#poll();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
  }

  async #poll(): Promise<void> {
    try {
      const [user, subscriptions, deployments] = await Promise.all([
        this.source.me(),
        this.source.subscriptions(),
        this.source.deployments(),
      ]);
      const fetchedAt = new Date(this.clock.now()).toISOString();
      const subscription = currentSubscription(subscriptions);
      this.onSnapshot({ fetchedAt, user, subscription, deployments });
    } catch {
      // The baseline knows no backoff: it simply tries again next interval.
    }
    if (this.#running)
      this.#timer = this.clock.setTimeout(() => void this.#poll(), this.intervalMs);
  }
}

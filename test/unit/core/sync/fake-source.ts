/** A SyncSource that records every read with its time, and can hang or fail per resource. */
import type { Deployment, Subscription } from '../../../../src-shared/kombify-api';
import { ApiError } from '../../../../src-main/core/api/errors';
import type { SyncSource } from '../../../../src-main/core/sync/engine';
import type { Clock } from '../../../../src-main/core/ports';
import { deployment, subscription, user } from '../fixtures';

export interface Read {
  resource: string;
  at: number;
}

export class FakeSource implements SyncSource {
  readonly reads: Read[] = [];
  list: Deployment[] = [deployment('a', 'succeeded')];
  subscription: Subscription = subscription;
  /** Replies to single reads; missing ids answer 404. */
  single = new Map<string, Deployment>();
  /** Thrown by every read while set. */
  failure: Error | null = null;
  /** Reads of a resource wait for this while set. */
  readonly gates = new Map<string, Promise<void>>();
  readonly inFlight = new Map<string, number>();
  maxInFlightPerResource = 0;

  constructor(private readonly clock: Clock) {}

  count(resource?: string): number {
    return this.reads.filter((r) => resource === undefined || r.resource === resource).length;
  }

  me() {
    return this.#read('me', () => user);
  }

  subscriptions() {
    return this.#read('subscriptions', () => [this.subscription]);
  }

  deployments() {
    return this.#read('deployments', () => this.list);
  }

  deployment(id: string) {
    return this.#read(`deployment:${id}`, () => {
      const found = this.single.get(id) ?? this.list.find((d) => d.id === id);
      if (!found) throw new ApiError(404, 'NOT_FOUND', 'No such deployment.');
      return found;
    });
  }

  async #read<T>(resource: string, answer: () => T): Promise<T> {
    this.reads.push({ resource, at: this.clock.now() });
    const now = (this.inFlight.get(resource) ?? 0) + 1;
    this.inFlight.set(resource, now);
    this.maxInFlightPerResource = Math.max(this.maxInFlightPerResource, now);
    try {
      const gate = this.gates.get(resource);
      if (gate) await gate;
      if (this.failure) throw this.failure;
      return answer();
    } finally {
      this.inFlight.set(resource, (this.inFlight.get(resource) ?? 1) - 1);
    }
  }
}

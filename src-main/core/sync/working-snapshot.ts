/**
 * The snapshot the sync engine builds up from replies that arrive one
 * resource at a time: the list replaces the list, a single deployment
 * replaces its entry unless the list already had something newer.
 */
import type { SnapshotView } from '../../../src-shared/bridge';
import {
  type Deployment,
  type Subscription,
  type User,
  isFinalDeploymentStatus,
} from '../../../src-shared/kombify-api';

/** Resources every snapshot is made of; deployments in motion are polled on their own. */
export const BASE_RESOURCES = ['deployments', 'subscriptions', 'me'] as const;
export type BaseResource = (typeof BASE_RESOURCES)[number];

/** Last known state, assembled from the latest reply of each resource. */
export class WorkingSnapshot {
  #user: User | null = null;
  #subscription: Subscription | null = null;
  #deployments: Deployment[] = [];
  readonly #seen = new Set<BaseResource>();

  /** Starts from a cached snapshot (or nothing): what is known before any reply. */
  constructor(initial: SnapshotView | null) {
    if (initial === null) return;
    this.#user = initial.user;
    this.#subscription = initial.subscription;
    this.#deployments = [...initial.deployments];
    for (const resource of BASE_RESOURCES) this.#seen.add(resource);
  }

  /** True once every base resource is known, from the cache or a reply. */
  get complete(): boolean {
    return this.#seen.size === BASE_RESOURCES.length;
  }

  get subscription(): Subscription | null {
    return this.#subscription;
  }

  setUser(user: User): void {
    this.#user = user;
    this.#seen.add('me');
  }

  setSubscriptions(subscriptions: Subscription[]): void {
    this.#subscription = currentSubscription(subscriptions);
    this.#seen.add('subscriptions');
  }

  /** The list is the truth for membership; an entry fetched on its own since stays if newer. */
  setDeployments(list: Deployment[]): void {
    const known = new Map(this.#deployments.map((d) => [d.id, d]));
    this.#deployments = list.map((d) => newer(known.get(d.id), d));
    this.#seen.add('deployments');
  }

  setDeployment(deployment: Deployment): void {
    const at = this.#deployments.findIndex((d) => d.id === deployment.id);
    if (at === -1) this.#deployments.unshift(deployment);
    else this.#deployments[at] = newer(this.#deployments[at], deployment);
  }

  /** A deployment the server no longer has (404). */
  removeDeployment(id: string): void {
    this.#deployments = this.#deployments.filter((d) => d.id !== id);
  }

  /** Ids of deployments not final yet (unknown statuses and `deleting` included). */
  moving(): string[] {
    return this.#deployments.filter((d) => !isFinalDeploymentStatus(d.status)).map((d) => d.id);
  }

  view(fetchedAt: number): SnapshotView {
    return {
      fetchedAt: new Date(fetchedAt).toISOString(),
      user: this.#user,
      subscription: this.#subscription,
      deployments: [...this.#deployments],
    };
  }
}

/** The subscription that is in force: the first not cancelled, else the first. */
export function currentSubscription(subscriptions: Subscription[]): Subscription | null {
  return subscriptions.find((s) => s.status !== 'canceled') ?? subscriptions[0] ?? null;
}

function newer(known: Deployment | undefined, incoming: Deployment): Deployment {
  if (!known) return incoming;
  return Date.parse(known.updated_at) > Date.parse(incoming.updated_at) ? known : incoming;
}

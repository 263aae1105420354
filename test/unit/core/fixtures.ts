/** Builders for API bodies in unit tests. */
import type { SnapshotView } from '../../../src-shared/bridge';
import type { Deployment, Subscription, User } from '../../../src-shared/kombify-api';

export function deployment(id: string, status: string, extra: Partial<Deployment> = {}) {
  const final = status === 'succeeded' || status === 'failed';
  const value: Deployment = {
    id,
    name: `stack-${id}`,
    stackkit: 'base-kit',
    homelab_id: 'hl_1',
    status,
    progress: status === 'succeeded' ? 100 : 40,
    step: null,
    error: status === 'failed' ? { code: 'BOOM', message: 'The stack did not start.' } : null,
    created_at: '2026-12-03T10:00:00.000Z',
    updated_at: '2026-12-03T10:05:00.000Z',
    finished_at: final ? '2026-12-03T10:05:00.000Z' : null,
    ...extra,
  };
  return value;
}

export const user: User = {
  id: 'usr_1',
  email: 'ada@example.org',
  name: 'Ada',
  plan: 'hobby',
  quota: { stacks: { used: 1, limit: 3 }, tools: { used: 0, limit: 5 } },
  homelabs: [{ id: 'hl_1', name: 'basement', status: 'online', last_seen_at: null }],
};

export const subscription: Subscription = {
  id: 'sub_1',
  plan: 'hobby',
  status: 'active',
  current_period_end: null,
  cancel_at_period_end: false,
  limits: { requests_per_minute: 100, burst: 200 },
};

export function snapshot(deployments: Deployment[], fetchedAt = '2026-12-03T12:00:00.000Z') {
  const value: SnapshotView = { fetchedAt, user, subscription, deployments };
  return value;
}

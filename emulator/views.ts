/**
 * The contract's User and Subscription bodies, derived from records at the
 * current emulator time (a cancellation takes effect at period end).
 */
import { iso } from './clock';
import { usesStackQuota } from './deployments';
import type { AccountRecord, Plan, SubscriptionRecord } from './model';
import { PLAN_LIMITS, PLAN_QUOTAS } from './model';
import type { Store } from './store';

/** The subscription status at `now`: a pending cancellation becomes `canceled` at period end. */
export function subscriptionStatus(sub: SubscriptionRecord, now: number): string {
  if (sub.cancel_at_period_end && now >= sub.current_period_end) return 'canceled';
  return sub.status;
}

/** The plan an account is on right now; a canceled subscription falls back to free. */
export function effectivePlan(store: Store, account: AccountRecord): Plan {
  const sub = store.data.subscriptions.find((s) => s.account_id === account.id);
  if (sub && subscriptionStatus(sub, store.now()) === 'canceled') return 'free';
  return account.plan;
}

/** The contract's Subscription body at the current emulator time. */
export function viewSubscription(store: Store, sub: SubscriptionRecord): unknown {
  const status = subscriptionStatus(sub, store.now());
  const limits = PLAN_LIMITS[sub.plan];
  return {
    id: sub.id,
    plan: sub.plan,
    status,
    current_period_end: iso(sub.current_period_end),
    cancel_at_period_end: sub.cancel_at_period_end,
    limits: { requests_per_minute: limits.perMinute, burst: limits.burst },
  };
}

/** How many stacks and tools the account uses now. */
export function usage(store: Store, account: AccountRecord): { stacks: number; tools: number } {
  const now = store.now();
  const stacks = store.data.deployments.filter(
    (d) => d.account_id === account.id && usesStackQuota(d, now),
  ).length;
  const tools = store.data.tool_connections.filter((c) => c.account_id === account.id).length;
  return { stacks, tools };
}

/** The contract's User body (`GET /me`) with live quota usage. */
export function viewUser(store: Store, account: AccountRecord): unknown {
  const plan = effectivePlan(store, account);
  const used = usage(store, account);
  const quota = PLAN_QUOTAS[plan];
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    plan,
    quota: {
      stacks: { used: used.stacks, limit: quota.stacks },
      tools: { used: used.tools, limit: quota.tools },
    },
    homelabs: account.homelabs.map((h) => ({
      id: h.id,
      name: h.name,
      status: h.status,
      last_seen_at: h.last_seen_at === null ? null : iso(h.last_seen_at),
    })),
  };
}

/**
 * Changes to the account between two snapshots: homelabs going offline and
 * back, the plan changing, a cancellation, a payment past due, a quota at 90 %.
 * Each key names one episode, so the same news is never raised twice.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import type { Homelab, Subscription, User } from '../../src-shared/kombify-api';

/** Share of a quota that counts as nearly full. */
export const QUOTA_WARNING = 0.9;

/** Account events between `previous` and `next`, in a stable order. */
export function accountEvents(previous: SnapshotView, next: SnapshotView): NotificationView[] {
  return [
    ...homelabEvents(previous.user, next.user),
    ...subscriptionEvents(previous.subscription, next.subscription),
    ...quotaEvents(previous.user, next.user),
  ];
}

function homelabEvents(before: User | null, after: User | null): NotificationView[] {
  if (!before || !after) return [];
  const was = new Map(before.homelabs.map((h) => [h.id, h]));
  const events: NotificationView[] = [];
  for (const homelab of after.homelabs) {
    const old = was.get(homelab.id);
    if (!old || old.status === homelab.status) continue;
    if (homelab.status === 'offline') events.push(wentOffline(homelab));
    else if (old.status === 'offline' && homelab.status === 'online') events.push(cameBack(old));
  }
  return events;
}

function wentOffline(homelab: Homelab): NotificationView {
  return {
    key: `homelab:${homelab.id}:offline:${homelab.last_seen_at ?? 'never'}`,
    kind: 'homelab-offline',
    title: 'Homelab offline',
    body: `${homelab.name} stopped answering kombify Cloud.`,
  };
}

/** Keyed by the offline spell it ends (the last sighting before it). */
function cameBack(offline: Homelab): NotificationView {
  return {
    key: `homelab:${offline.id}:online:${offline.last_seen_at ?? 'never'}`,
    kind: 'homelab-online',
    title: 'Homelab back online',
    body: `${offline.name} is reachable again.`,
  };
}

function subscriptionEvents(
  before: Subscription | null,
  after: Subscription | null,
): NotificationView[] {
  if (!before || !after) return [];
  const period = after.current_period_end ?? 'none';
  const events: NotificationView[] = [];
  if (before.plan !== after.plan) {
    events.push({
      key: `plan:${after.id}:${before.plan}>${after.plan}:${period}`,
      kind: 'plan-changed',
      title: 'Plan changed',
      body: `Your plan is now ${capitalize(after.plan)} (was ${capitalize(before.plan)}).`,
    });
  }
  const cancelled = (s: Subscription) => s.status === 'canceled' || s.cancel_at_period_end;
  if (cancelled(after) && !cancelled(before)) {
    const body =
      after.status === 'canceled'
        ? 'Your subscription has ended; the account is on the Free plan.'
        : `Your subscription ends ${dateWords(after.current_period_end)}.`;
    events.push({
      key: `subscription:${after.id}:canceled:${period}`,
      kind: 'subscription-canceled',
      title: 'Subscription canceled',
      body,
    });
  }
  if (after.status === 'past_due' && before.status !== 'past_due') {
    events.push({
      key: `subscription:${after.id}:past_due:${period}`,
      kind: 'payment-past-due',
      title: 'Payment past due',
      body: 'kombify could not charge your last payment. Update your billing details.',
    });
  }
  return events;
}

function quotaEvents(before: User | null, after: User | null): NotificationView[] {
  if (!before || !after) return [];
  const events: NotificationView[] = [];
  for (const name of ['stacks', 'tools'] as const) {
    const was = before.quota[name];
    const now = after.quota[name];
    if (!nearlyFull(now) || (nearlyFull(was) && was.limit === now.limit)) continue;
    events.push({
      key: `quota:${name}:${now.used}/${now.limit}`,
      kind: 'quota-nearly-full',
      title: `${capitalize(name)} quota nearly full`,
      body: `You use ${now.used} of ${now.limit} ${name} on your plan.`,
    });
  }
  return events;
}

function nearlyFull(usage: { used: number; limit: number }): boolean {
  return usage.limit > 0 && usage.used / usage.limit >= QUOTA_WARNING;
}

function dateWords(iso: string | null): string {
  return iso ? `on ${iso.slice(0, 10)}` : 'at the end of the period';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

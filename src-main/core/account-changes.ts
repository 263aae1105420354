/**
 * Changes to the account between two snapshots: homelabs going offline and
 * back, the plan changing, a cancellation, a payment past due, a quota at 90 %.
 * Each key names one episode, so the same news is never raised twice.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import type { Homelab, Subscription, User } from '../../src-shared/kombify-api';
import { ENGLISH, type Words, calendarDate, planName } from './i18n';

/** Share of a quota that counts as nearly full; all of it (or more) is full. */
export const QUOTA_WARNING = 0.9;

/** Account events between `previous` and `next`, in a stable order. */
export function accountEvents(
  previous: SnapshotView,
  next: SnapshotView,
  words: Words = ENGLISH,
): NotificationView[] {
  return [
    ...homelabEvents(previous.user, next.user, words),
    ...subscriptionEvents(previous.subscription, next.subscription, words),
    ...quotaEvents(previous.user, next.user, words),
  ];
}

function homelabEvents(before: User | null, after: User | null, words: Words): NotificationView[] {
  if (!before || !after) return [];
  const was = new Map(before.homelabs.map((h) => [h.id, h]));
  const events: NotificationView[] = [];
  for (const homelab of after.homelabs) {
    const old = was.get(homelab.id);
    if (!old || old.status === homelab.status) continue;
    if (homelab.status === 'offline') events.push(wentOffline(homelab, words));
    else if (old.status === 'offline' && homelab.status === 'online') {
      events.push(cameBack(old, words));
    }
  }
  return events;
}

function wentOffline(homelab: Homelab, { t }: Words): NotificationView {
  return {
    key: `homelab:${homelab.id}:offline:${homelab.last_seen_at ?? 'never'}`,
    kind: 'homelab-offline',
    title: t.notifications.homelabOffline,
    body: t.notifications.stoppedAnswering(homelab.name),
  };
}

/** Keyed by the offline spell it ends (the last sighting before it). */
function cameBack(offline: Homelab, { t }: Words): NotificationView {
  return {
    key: `homelab:${offline.id}:online:${offline.last_seen_at ?? 'never'}`,
    kind: 'homelab-online',
    title: t.notifications.homelabOnline,
    body: t.notifications.reachableAgain(offline.name),
  };
}

function subscriptionEvents(
  before: Subscription | null,
  after: Subscription | null,
  words: Words,
): NotificationView[] {
  const { t } = words;
  if (!before || !after) return [];
  const period = after.current_period_end ?? 'none';
  const events: NotificationView[] = [];
  if (before.plan !== after.plan) {
    events.push({
      key: `plan:${after.id}:${before.plan}>${after.plan}:${period}`,
      kind: 'plan-changed',
      title: t.notifications.planChanged,
      body: t.notifications.planNow(planName(words, after.plan), planName(words, before.plan)),
    });
  }
  const cancelled = (s: Subscription) => s.status === 'canceled' || s.cancel_at_period_end;
  if (cancelled(after) && !cancelled(before)) {
    const end = after.current_period_end;
    const body =
      after.status === 'canceled'
        ? t.notifications.subscriptionEnded
        : end
          ? t.notifications.subscriptionEndsOn(periodEnd(words, end))
          : t.notifications.subscriptionEndsAtPeriodEnd;
    events.push({
      key: `subscription:${after.id}:canceled:${period}`,
      kind: 'subscription-canceled',
      title: t.notifications.subscriptionCanceled,
      body,
    });
  }
  if (after.status === 'past_due' && before.status !== 'past_due') {
    events.push({
      key: `subscription:${after.id}:past_due:${period}`,
      kind: 'payment-past-due',
      title: t.notifications.paymentPastDue,
      body: t.notifications.paymentFailed,
    });
  }
  return events;
}

/**
 * A quota reaching 90 %, or reaching all of it: raised when it climbs to either (or
 * its limit changes while there), never while it stays or when it frees up.
 */
function quotaEvents(before: User | null, after: User | null, { t }: Words): NotificationView[] {
  if (!before || !after) return [];
  const events: NotificationView[] = [];
  for (const name of ['stacks', 'tools'] as const) {
    const was = before.quota[name];
    const now = after.quota[name];
    const level = fullness(now);
    if (level === 0 || (level <= fullness(was) && was.limit === now.limit)) continue;
    const full = level === 2;
    events.push({
      key: `quota:${name}:${now.used}/${now.limit}`,
      kind: 'quota-nearly-full',
      title: (full ? t.notifications.quotaFullTitle : t.notifications.quotaTitle)[name],
      body: (full ? t.notifications.quotaFullBody : t.notifications.quotaBody)[name](
        now.used,
        now.limit,
      ),
    });
  }
  return events;
}

/** 0 while there is room, 1 at 90 % or more, 2 when used up (or over, after a smaller plan). */
function fullness(usage: { used: number; limit: number }): 0 | 1 | 2 {
  if (usage.limit <= 0) return 0;
  if (usage.used >= usage.limit) return 2;
  return usage.used / usage.limit >= QUOTA_WARNING ? 1 : 0;
}

/** The day the period ends, as the API dates it (UTC), in the words' locale. */
function periodEnd(words: Words, iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso.slice(0, 10) : calendarDate(words, iso, 'UTC');
}

/** `/v1/me` and `/v1/subscriptions/*`. */
import { ApiError } from '../errors';
import { paginate } from '../http';
import type { SubscriptionRecord } from '../model';
import { isPlan, PLANS } from '../model';
import type { Store } from '../store';
import { subscriptionStatus, viewSubscription, viewUser } from '../views';
import type { ApiContext, Route } from './context';
import { param, who } from './context';

/** The caller's subscription by id: 404 when unknown, 403 when someone else's. */
function ownSubscription(ctx: ApiContext): SubscriptionRecord {
  const sub = ctx.store.data.subscriptions.find((s) => s.id === param(ctx, 0));
  if (!sub) throw new ApiError('NOT_FOUND', 'No such subscription.');
  if (sub.account_id !== who(ctx).account.id) {
    throw new ApiError('FORBIDDEN', 'This subscription belongs to another account.');
  }
  return sub;
}

/** Moves a subscription and its account to `plan` (upgrades and the plan control). */
export function setPlan(
  store: Store,
  sub: SubscriptionRecord,
  plan: SubscriptionRecord['plan'],
): void {
  sub.plan = plan;
  const account = store.account(sub.account_id);
  if (account) account.plan = plan;
}

/** Routes for the account and its subscriptions. */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/me',
    auth: true,
    handle: (ctx) => ({ status: 200, body: viewUser(ctx.store, who(ctx).account) }),
  },
  {
    method: 'GET',
    path: '/v1/subscriptions',
    auth: true,
    handle(ctx) {
      const mine = ctx.store.data.subscriptions.filter((s) => s.account_id === who(ctx).account.id);
      const page = paginate(mine, ctx.query, { key: (s) => [s.id] });
      return {
        status: 200,
        body: { ...page, data: page.data.map((s) => viewSubscription(ctx.store, s)) },
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/{id}',
    auth: true,
    handle: (ctx) => ({ status: 200, body: viewSubscription(ctx.store, ownSubscription(ctx)) }),
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{id}/upgrade',
    auth: true,
    async handle(ctx) {
      const sub = ownSubscription(ctx);
      const { plan } = await ctx.body();
      if (!isPlan(plan)) {
        throw new ApiError('VALIDATION_ERROR', `plan must be one of ${PLANS.join(', ')}.`);
      }
      if (subscriptionStatus(sub, ctx.store.now()) === 'canceled') {
        throw new ApiError('VALIDATION_ERROR', 'A canceled subscription cannot be upgraded.');
      }
      if (PLANS.indexOf(plan) <= PLANS.indexOf(sub.plan)) {
        throw new ApiError(
          'VALIDATION_ERROR',
          `plan must be above the current plan (${sub.plan}).`,
        );
      }
      // Upgrades apply at once and withdraw a pending cancellation.
      setPlan(ctx.store, sub, plan);
      sub.cancel_at_period_end = false;
      ctx.store.save();
      return { status: 200, body: viewSubscription(ctx.store, sub) };
    },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/{id}/cancel',
    auth: true,
    handle(ctx) {
      const sub = ownSubscription(ctx);
      sub.cancel_at_period_end = true;
      ctx.store.save();
      return { status: 200, body: viewSubscription(ctx.store, sub) };
    },
  },
];

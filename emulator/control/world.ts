/**
 * Controls that change the emulated world: the next deployment's outcome,
 * a deployment's shown status, homelab state, plan and subscription status.
 */
import { setPlan } from '../api/account-routes';
import type { EmulatorApp } from '../app';
import { findFailPhase, PHASES } from '../deployments';
import { ApiError } from '../errors';
import type { AccountRecord } from '../model';
import { isPlan } from '../model';
import { DEMO_EMAIL } from '../seed';
import type { Handler } from './types';

/** The account a control names by `email`; the demo account by default. */
export function accountFor(app: EmulatorApp, body: Record<string, unknown>): AccountRecord {
  const email = typeof body.email === 'string' ? body.email : DEMO_EMAIL;
  const account = app.store.data.accounts.find((a) => a.email === email);
  if (!account) throw new ApiError('NOT_FOUND', `No account ${email}`);
  return account;
}

/** Handlers by control name. */
export const worldControls: Record<string, Handler> = {
  'next-deployment'(app, body) {
    if (body.outcome === 'succeed') {
      app.store.data.next_deployment = null;
      return { next_deployment: null };
    }
    if (body.outcome !== 'fail')
      throw new ApiError('VALIDATION_ERROR', 'outcome must be "fail" or "succeed"');
    const step = typeof body.step === 'string' ? body.step : 'deploying';
    if (findFailPhase(step) < 0) {
      const known = PHASES.flatMap((p) => [p.status, p.step]);
      throw new ApiError(
        'VALIDATION_ERROR',
        `step must be one of: ${[...new Set(known)].join(', ')}`,
      );
    }
    app.store.data.next_deployment = {
      fail: {
        step,
        code: typeof body.error_code === 'string' ? body.error_code : 'DEPLOYMENT_FAILED',
        message:
          typeof body.error_message === 'string' ? body.error_message : 'The stack did not start.',
      },
    };
    app.store.save();
    return { next_deployment: app.store.data.next_deployment };
  },
  deployment(app, body) {
    const rec = app.store.data.deployments.find((d) => d.id === body.id);
    if (!rec) throw new ApiError('NOT_FOUND', `No deployment ${String(body.id)}`);
    if (body.status !== null && (typeof body.status !== 'string' || !body.status)) {
      throw new ApiError('VALIDATION_ERROR', 'status must be a non-empty string, or null to clear');
    }
    rec.status_override = body.status;
    app.store.save();
    return { id: rec.id, status_override: rec.status_override };
  },
  homelab(app, body) {
    const account = accountFor(app, body);
    const id = typeof body.id === 'string' ? body.id : account.homelabs[0]?.id;
    const homelab = account.homelabs.find((h) => h.id === id);
    if (!homelab) throw new ApiError('NOT_FOUND', `No homelab ${String(id)}`);
    if (body.status !== 'online' && body.status !== 'offline') {
      throw new ApiError('VALIDATION_ERROR', 'status must be "online" or "offline"');
    }
    // last_seen_at marks the moment of the change: when it went away or came back.
    if (homelab.status !== body.status) homelab.last_seen_at = app.store.now();
    homelab.status = body.status;
    app.store.save();
    return homelab;
  },
  plan(app, body) {
    const account = accountFor(app, body);
    if (!isPlan(body.plan))
      throw new ApiError('VALIDATION_ERROR', 'plan must be free, hobby, pro or team');
    const sub = app.store.data.subscriptions.find((s) => s.account_id === account.id);
    if (sub) setPlan(app.store, sub, body.plan);
    else account.plan = body.plan;
    app.store.save();
    return { email: account.email, plan: account.plan };
  },
  subscription(app, body) {
    const account = accountFor(app, body);
    const sub = app.store.data.subscriptions.find((s) => s.account_id === account.id);
    if (!sub) throw new ApiError('NOT_FOUND', 'No subscription');
    const statuses = ['active', 'trialing', 'past_due', 'canceled'] as const;
    const status = statuses.find((s) => s === body.status);
    if (body.status !== undefined && !status) {
      throw new ApiError('VALIDATION_ERROR', `status must be one of ${statuses.join(', ')}`);
    }
    if (status) sub.status = status;
    if (typeof body.period_end_in_ms === 'number') {
      sub.current_period_end = app.store.now() + body.period_end_in_ms;
    }
    app.store.save();
    return sub;
  },
};

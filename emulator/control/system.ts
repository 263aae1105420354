/**
 * Controls over the emulator itself: state summary, reset, time, rate
 * limits, token lifetime and faults.
 */
import type { EmulatorApp } from '../app';
import { ApiError } from '../errors';
import { parseFault } from '../faults';
import { PLAN_LIMITS } from '../model';
import { accountBucket } from '../ratelimit';
import { SCENARIOS } from '../scenarios';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../seed';
import { effectivePlan } from '../views';
import type { Handler } from './types';
import { accountFor } from './world';

/** What `GET /_emulator/state` shows: enough for tests to assert on. */
function summary(app: EmulatorApp): unknown {
  const { store } = app;
  const now = store.now();
  return {
    now: new Date(now).toISOString(),
    now_ms: now,
    speed: store.clock.speed,
    token_ttl_seconds: app.auth.tokenTtlSeconds,
    demo: { email: DEMO_EMAIL, password: DEMO_PASSWORD, api_key: store.demoApiKey },
    counters: store.counters,
    sessions: {
      total: store.data.sessions.length,
      active: store.data.sessions.filter((s) => !s.revoked).length,
    },
    accounts: store.data.accounts.map((a) => ({
      email: a.email,
      plan: a.plan,
      homelabs: a.homelabs.map((h) => ({ id: h.id, status: h.status })),
      deployments: store.data.deployments.filter((d) => d.account_id === a.id).length,
    })),
    next_deployment: store.data.next_deployment,
    faults: app.faults.list,
    rate_limit: { enabled: app.limiter.enabled, retry_after: app.limiter.retryAfterForm },
  };
}

/** Handlers by control name. */
export const systemControls: Record<string, Handler> = {
  state: (app) => summary(app),
  reset(app, body) {
    const scenario = body.scenario ?? 'default';
    if (typeof scenario !== 'string' || !SCENARIOS[scenario]) {
      const names = Object.keys(SCENARIOS).join(', ');
      throw new ApiError('VALIDATION_ERROR', `scenario must be one of: ${names}`);
    }
    app.reset(scenario);
    return summary(app);
  },
  time(app, body) {
    const { clock } = app.store;
    if (body.speed !== undefined) {
      if (typeof body.speed !== 'number' || body.speed < 0) {
        throw new ApiError('VALIDATION_ERROR', 'speed must be a number >= 0');
      }
      clock.setSpeed(body.speed);
    }
    if (body.advance_ms !== undefined) {
      if (typeof body.advance_ms !== 'number' || body.advance_ms < 0) {
        throw new ApiError('VALIDATION_ERROR', 'advance_ms must be a number >= 0');
      }
      clock.advance(body.advance_ms);
    }
    return { now: new Date(clock.now()).toISOString(), now_ms: clock.now(), speed: clock.speed };
  },
  'rate-limit'(app, body) {
    if (typeof body.enabled === 'boolean') app.limiter.enabled = body.enabled;
    if (body.retry_after === 'seconds' || body.retry_after === 'http-date') {
      app.limiter.retryAfterForm = body.retry_after;
    } else if (body.retry_after !== undefined) {
      throw new ApiError('VALIDATION_ERROR', 'retry_after must be "seconds" or "http-date"');
    }
    if (body.remaining !== undefined) {
      // Reaching a limit by spending thousands of requests only proves the loop.
      const account = accountFor(app, body);
      const { burst } = PLAN_LIMITS[effectivePlan(app.store, account)];
      const n = body.remaining;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > burst) {
        throw new ApiError(
          'VALIDATION_ERROR',
          `remaining must be a whole number from 0 to the plan's burst (${burst})`,
        );
      }
      app.limiter.setRemaining(accountBucket(account.id), n, app.store.now());
    }
    return { enabled: app.limiter.enabled, retry_after: app.limiter.retryAfterForm };
  },
  'token-ttl'(app, body) {
    if (typeof body.seconds !== 'number' || body.seconds < 1) {
      throw new ApiError('VALIDATION_ERROR', 'seconds must be a number >= 1');
    }
    app.auth.tokenTtlSeconds = Math.floor(body.seconds);
    return { token_ttl_seconds: app.auth.tokenTtlSeconds };
  },
  faults(app, body) {
    app.faults.add(parseFault(body));
    return { faults: app.faults.list };
  },
  'faults/clear'(app) {
    app.faults.clear();
    return { faults: [] };
  },
};

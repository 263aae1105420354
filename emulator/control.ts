/**
 * `/_emulator/*`: the control API for tests and demos. Loopback only, JSON
 * in and out, documented in emulator/README.md. Not part of kombify Cloud.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setPlan } from './api/account-routes';
import type { EmulatorApp } from './app';
import { findFailPhase, PHASES } from './deployments';
import { ApiError, errorBody } from './errors';
import { parseFault } from './faults';
import { parseJsonObject, readRaw } from './http';
import { isPlan } from './model';
import type { AccountRecord } from './model';
import { SCENARIOS } from './scenarios';
import { DEMO_EMAIL, DEMO_PASSWORD } from './seed';

type Handler = (app: EmulatorApp, body: Record<string, unknown>) => unknown;

function accountFor(app: EmulatorApp, body: Record<string, unknown>): AccountRecord {
  const email = typeof body.email === 'string' ? body.email : DEMO_EMAIL;
  const account = app.store.data.accounts.find((a) => a.email === email);
  if (!account) throw new ApiError('NOT_FOUND', `No account ${email}`);
  return account;
}

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

const HANDLERS: Record<string, Handler> = {
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
  'rate-limit'(app, body) {
    if (typeof body.enabled === 'boolean') app.limiter.enabled = body.enabled;
    if (body.retry_after === 'seconds' || body.retry_after === 'http-date') {
      app.limiter.retryAfterForm = body.retry_after;
    } else if (body.retry_after !== undefined) {
      throw new ApiError('VALIDATION_ERROR', 'retry_after must be "seconds" or "http-date"');
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

function isLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/** Handles one `/_emulator/...` request. */
export async function handleControl(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    res
      .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));
  };
  const name = url.pathname.slice('/_emulator/'.length);
  try {
    if (!isLoopback(req))
      throw new ApiError('FORBIDDEN', 'The control API is for loopback callers only.');
    const handler = HANDLERS[name];
    const allowed = req.method === 'POST' || (req.method === 'GET' && name === 'state');
    if (!handler || !allowed) throw new ApiError('NOT_FOUND', `No control ${req.method} ${name}`);
    const body = req.method === 'POST' ? parseJsonObject(await readRaw(req)) : {};
    reply(200, handler(app, body) ?? {});
  } catch (err) {
    if (err instanceof ApiError) {
      reply(err.status, errorBody(err.code, err.message, 'control'));
      return;
    }
    console.error('emulator: control failed', err);
    reply(500, errorBody('INTERNAL_ERROR', String(err), 'control'));
  }
}

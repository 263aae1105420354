/**
 * The `/v1` pipeline: route match, injected faults, authentication, plan
 * rate limit, the handler, then ETag/304 on reads. Every reply carries
 * X-Request-Id and, once the caller is known, X-RateLimit-*.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorApp } from '../app';
import type { Principal } from '../auth';
import { ApiError, errorBody } from '../errors';
import { applyFault, newRequestId, send, withEtag } from '../reply';
import { parseJsonObject, readRaw } from '../http';
import { PLAN_LIMITS } from '../model';
import { accountBucket } from '../ratelimit';
import { effectivePlan } from '../views';
import { accountRoutes } from './account-routes';
import { authRoutes } from './auth-routes';
import type { Route } from './context';
import { deploymentRoutes } from './deployment-routes';
import { toolRoutes } from './tool-routes';

const ROUTES = [...authRoutes, ...accountRoutes, ...deploymentRoutes, ...toolRoutes].map(
  (route) => ({
    route,
    regex: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
  }),
);

/** Anonymous callers (login, refresh, bad credentials) share generous limits per address. */
const ANON_LIMITS = PLAN_LIMITS.team;

function match(method: string, path: string): { route: Route; params: string[] } | null {
  for (const { route, regex } of ROUTES) {
    const m = regex.exec(path);
    if (m && route.method === method) return { route, params: m.slice(1) };
  }
  return null;
}

/** Handles one `/v1/...` request. */
export async function handleApi(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = newRequestId();
  const { store } = app;
  const method = req.method ?? 'GET';
  store.counters.requests += 1;
  let rateHeaders: Record<string, string> = {};
  try {
    const found = match(method, url.pathname);
    const routeKey = found ? `${method} ${found.route.path}` : `${method} ?`;
    store.counters.by_route[routeKey] = (store.counters.by_route[routeKey] ?? 0) + 1;
    const fault = app.faults.take(method, url.pathname);
    if (fault && (await applyFault(fault, res, requestId, store.now()))) return;
    let principal: Principal | null = null;
    let authError: unknown = null;
    if (found?.route.auth) {
      // Rate limiting still applies (to the caller's address) when authentication fails.
      principal = await app.auth.authenticate(req.headers).catch((err: unknown) => {
        authError = err;
        return null;
      });
    }
    const limitKey = principal
      ? accountBucket(principal.account.id)
      : `anon:${req.socket.remoteAddress}`;
    const limits = principal ? PLAN_LIMITS[effectivePlan(store, principal.account)] : ANON_LIMITS;
    try {
      rateHeaders = app.limiter.take(limitKey, limits, store.now());
    } catch (err) {
      store.counters.rate_limited += 1;
      throw err;
    }
    if (authError) throw authError;
    if (!found) throw new ApiError('NOT_FOUND', `No route for ${method} ${url.pathname}.`);
    let bodyCache: Record<string, unknown> | null = null;
    const reply = await found.route.handle({
      store,
      auth: app.auth,
      principal,
      params: found.params,
      query: url.searchParams,
      headers: req.headers,
      body: async () => (bodyCache ??= parseJsonObject(await readRaw(req))),
    });
    const final = withEtag(req, reply);
    send(res, { ...final, headers: { ...rateHeaders, ...final.headers } }, requestId);
  } catch (err) {
    if (err instanceof ApiError) {
      const headers = { ...rateHeaders, ...err.headers };
      send(
        res,
        { status: err.status, headers, body: errorBody(err.code, err.message, requestId) },
        requestId,
      );
      return;
    }
    console.error(`emulator: ${method} ${url.pathname} failed`, err);
    send(
      res,
      { status: 500, body: errorBody('INTERNAL_ERROR', 'Emulator bug.', requestId) },
      requestId,
    );
  }
}

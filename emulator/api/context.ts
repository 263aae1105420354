/** What every API route handler receives. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Auth, Principal } from '../auth';
import { ApiError } from '../errors';
import type { Reply } from '../http';
import type { HomelabRecord } from '../model';
import type { Store } from '../store';

/** What a route handler gets: state, caller, path parameters, query, body. */
export interface ApiContext {
  store: Store;
  auth: Auth;
  /** Set for routes that require authentication. */
  principal: Principal | null;
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON object body (400 VALIDATION_ERROR when it is not one). */
  body(): Promise<Record<string, unknown>>;
}

/** One `/v1` route: method, path template, whether it needs credentials. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template with `{id}` placeholders, e.g. `/v1/deployments/{id}`. */
  path: string;
  /** Login and refresh are the only routes open without credentials. */
  auth: boolean;
  handle(ctx: ApiContext): Promise<Reply> | Reply;
}

/** The principal of an authenticated route (the router guarantees it). */
export function who(ctx: ApiContext): Principal {
  if (!ctx.principal) throw new Error('route declared auth but has no principal');
  return ctx.principal;
}

/** The n-th path parameter (the router guarantees it exists). */
export function param(ctx: ApiContext, n: number): string {
  return decodeURIComponent(ctx.params[n] ?? '');
}

/** The caller's homelab: 404 when no account has it, 403 when another account does. */
export function ownHomelab(ctx: ApiContext, id: string): HomelabRecord {
  const homelab = ctx.store.homelab(who(ctx).account, id);
  if (homelab) return homelab;
  const elsewhere = ctx.store.data.accounts.some((a) => a.homelabs.some((h) => h.id === id));
  if (elsewhere) throw new ApiError('FORBIDDEN', 'This homelab belongs to another account.');
  throw new ApiError('NOT_FOUND', 'No such homelab.');
}

/** What every API route handler receives. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Auth, Principal } from '../auth';
import type { Reply } from '../http';
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

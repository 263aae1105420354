/**
 * Typed client for the kombify Cloud API. Every request is time-boxed, every
 * reply is validated against src-shared/kombify-api.ts, and every failure is
 * one of the typed errors in ./errors.
 */
import type { z } from 'zod';
import {
  type CreateDeploymentRequest,
  type Deployment as DeploymentT,
  type Subscription as SubscriptionT,
  type TokenResponse as TokenResponseT,
  type Tool as ToolT,
  type User as UserT,
  Deployment,
  DeploymentList,
  ErrorEnvelope,
  Subscription,
  SubscriptionList,
  TokenResponse,
  Tool,
  ToolList,
  User,
} from '../../../src-shared/kombify-api';
import { type Clock, systemClock } from '../ports';
import {
  ApiError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
  parseRetryAfter,
} from './errors';

/** Supplies the bearer token; the session implements it so refresh stays invisible here. */
export interface AccessTokenProvider {
  /** A token fit to send now (refreshed first when close to expiry). */
  accessToken(): Promise<string>;
  /** The server refused `rejected`: refresh (once, shared) and return a new token. */
  refreshAfterRejection(rejected: string): Promise<string>;
  /** True when `token` is an API key, sent as `X-API-Key` instead of a bearer token. */
  isApiKey?(token: string): boolean;
}

/** How one request proves who it is: a bearer token or an API key. */
export type Credential = { bearer: string } | { apiKey: string };

/** The calls the session needs; kept narrow so tests can fake them. */
export interface AuthApi {
  login(email: string, password: string): Promise<TokenResponseT>;
  refresh(refreshToken: string): Promise<TokenResponseT>;
  logout(accessToken: string): Promise<void>;
  /** The account a credential belongs to; also proves an API key works. */
  identify(credential: Credential): Promise<UserT>;
}

/** Options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Base URL including the version, e.g. `https://api.kombify.io/v1`. */
  baseUrl: string;
  auth?: AccessTokenProvider;
  fetch?: typeof fetch;
  /** Time box per request, body included. Default 10 s. */
  timeoutMs?: number;
  clock?: Clock;
  /** Told the plan's per-minute limit whenever a reply carries `X-RateLimit-Limit`. */
  onRateLimit?: (limitPerMinute: number) => void;
}

interface RequestSpec<S extends z.ZodType | null> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  schema: S;
  body?: unknown;
  bearer?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

type Reply<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** The kombify Cloud API as typed calls. */
export class ApiClient implements AuthApi {
  #baseUrl: string;
  readonly #auth: AccessTokenProvider | undefined;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  readonly #pending = new Set<AbortController>();
  #closed = false;
  /** Last ETag and body per GET path, so an unchanged resource costs a 304 and no body. */
  readonly #etags = new Map<string, { etag: string; text: string }>();
  readonly #onRateLimit: ((limitPerMinute: number) => void) | undefined;

  constructor(options: ApiClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#auth = options.auth;
    // Bound so a host's fetch that relies on `this` (the global one does) keeps working.
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#clock = options.clock ?? systemClock;
    this.#onRateLimit = options.onRateLimit;
  }

  /** Sends later requests to another kombify Cloud (the person switched environments). */
  useBaseUrl(baseUrl: string): void {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    // Validators from the other server mean nothing here.
    this.#etags.clear();
  }

  /** Aborts every request in flight and refuses new ones: nothing keeps running after quit. */
  close(): void {
    this.#closed = true;
    for (const controller of this.#pending) controller.abort();
  }

  login(email: string, password: string): Promise<TokenResponseT> {
    const body = { email, password };
    return this.#send({ method: 'POST', path: '/auth/login', schema: TokenResponse, body });
  }

  refresh(refreshToken: string): Promise<TokenResponseT> {
    const body = { refresh_token: refreshToken };
    return this.#send({ method: 'POST', path: '/auth/refresh', schema: TokenResponse, body });
  }

  async logout(accessToken: string): Promise<void> {
    await this.#send({ method: 'POST', path: '/auth/logout', schema: null, bearer: accessToken });
  }

  identify(credential: Credential): Promise<UserT> {
    return this.#send({ method: 'GET', path: '/me', schema: User, ...credential });
  }

  me(): Promise<UserT> {
    return this.#authed({ method: 'GET', path: '/me', schema: User });
  }

  async subscriptions(): Promise<SubscriptionT[]> {
    const list = await this.#authed({
      method: 'GET',
      path: '/subscriptions',
      schema: SubscriptionList,
    });
    return list.data;
  }

  /** The first page of deployments, newest first as the server orders them. */
  async deployments(limit = 50): Promise<DeploymentT[]> {
    const path = `/deployments?limit=${limit}`;
    const list = await this.#authed({ method: 'GET', path, schema: DeploymentList });
    return list.data;
  }

  deployment(id: string): Promise<DeploymentT> {
    const path = `/deployments/${encodeURIComponent(id)}`;
    return this.#authed({ method: 'GET', path, schema: Deployment });
  }

  /**
   * Starts a deployment. `idempotencyKey` names one logical action: a retry of
   * the same action (after a timeout, or the 401 retry below) must reuse it so
   * the server returns the first result instead of deploying twice.
   */
  createDeployment(
    request: CreateDeploymentRequest,
    idempotencyKey: string = crypto.randomUUID(),
  ): Promise<DeploymentT> {
    return this.#authed({
      method: 'POST',
      path: '/deployments',
      schema: Deployment,
      body: request,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** Asks the server to delete; it answers with the deployment in `deleting`. */
  deleteDeployment(id: string): Promise<DeploymentT> {
    const path = `/deployments/${encodeURIComponent(id)}`;
    return this.#authed({ method: 'DELETE', path, schema: Deployment });
  }

  /** The tools catalog with each tool's connection, first page (the catalog is small). */
  async tools(limit = 100): Promise<ToolT[]> {
    const path = `/tools?limit=${limit}`;
    const list = await this.#authed({ method: 'GET', path, schema: ToolList });
    return list.data;
  }

  tool(id: string): Promise<ToolT> {
    const path = `/tools/${encodeURIComponent(id)}`;
    return this.#authed({ method: 'GET', path, schema: Tool });
  }

  /** Connects a tool to a homelab; an already connected tool comes back unchanged. */
  connectTool(id: string, homelabId: string): Promise<ToolT> {
    const path = `/tools/${encodeURIComponent(id)}/connect`;
    const body = { homelab_id: homelabId };
    return this.#authed({ method: 'POST', path, schema: Tool, body });
  }

  /** Disconnects a tool; the server treats a repeat as done (204). */
  async disconnectTool(id: string): Promise<void> {
    const path = `/tools/${encodeURIComponent(id)}/disconnect`;
    await this.#authed({ method: 'DELETE', path, schema: null });
  }

  /** Moves the subscription to a higher plan at once. */
  upgradeSubscription(id: string, plan: string): Promise<SubscriptionT> {
    const path = `/subscriptions/${encodeURIComponent(id)}/upgrade`;
    return this.#authed({ method: 'POST', path, schema: Subscription, body: { plan } });
  }

  /** Cancels at the end of the paid period; the plan stays until then. */
  cancelSubscription(id: string): Promise<SubscriptionT> {
    const path = `/subscriptions/${encodeURIComponent(id)}/cancel`;
    return this.#authed({ method: 'POST', path, schema: Subscription });
  }

  /** Sends with the session's token; on one 401 INVALID_TOKEN, refreshes and retries once. */
  async #authed<S extends z.ZodType | null>(spec: RequestSpec<S>): Promise<Reply<S>> {
    if (!this.#auth) throw new Error('ApiClient was built without an access-token provider');
    const token = await this.#auth.accessToken();
    const credential = (t: string): Credential =>
      this.#auth?.isApiKey?.(t) ? { apiKey: t } : { bearer: t };
    try {
      return await this.#send({ ...spec, ...credential(token) });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || error.code !== 'INVALID_TOKEN') {
        throw error;
      }
      const fresh = await this.#auth.refreshAfterRejection(token);
      return await this.#send({ ...spec, ...credential(fresh) });
    }
  }

  async #send<S extends z.ZodType | null>(spec: RequestSpec<S>): Promise<Reply<S>> {
    if (this.#closed) throw new NetworkError('the app is shutting down');
    const controller = new AbortController();
    const timer = this.#clock.setTimeout(() => controller.abort(), this.#timeoutMs);
    this.#pending.add(controller);
    try {
      const response = await this.#fetch(this.#baseUrl + spec.path, {
        method: spec.method,
        headers: this.#headers(spec),
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
        redirect: 'error',
      });
      this.#noteRateLimit(response);
      const cached = spec.method === 'GET' ? this.#etags.get(spec.path) : undefined;
      if (response.status === 304 && cached) return this.#parse(spec, 200, cached.text);
      const text = await this.#readBody(response, spec.path, controller);
      if (!response.ok) throw this.#errorFrom(response, text, spec.path);
      this.#rememberEtag(spec, response, text);
      return this.#parse(spec, response.status, text);
    } catch (error) {
      if (this.#closed) throw new NetworkError('the app is shutting down', { cause: error });
      if (controller.signal.aborted) throw new TimeoutError(this.#timeoutMs);
      if (error instanceof TypeError) {
        // Node's fetch reports refused, reset and DNS failures as TypeError('fetch failed').
        throw new NetworkError(describeNetworkFailure(error), { cause: error });
      }
      throw error;
    } finally {
      this.#clock.clearTimeout(timer);
      this.#pending.delete(controller);
    }
  }

  /**
   * The body as text, refused as malformed once it is larger than any reply the
   * contract can produce: a broken or hostile server must not fill memory. The
   * time box is checked per chunk too, as a fast endless stream keeps timers waiting.
   */
  async #readBody(response: Response, path: string, controller: AbortController): Promise<string> {
    const tooLarge = () =>
      new MalformedResponseError(path, MAX_REPLY_LABEL, `${path}: ${MAX_REPLY_LABEL}`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_REPLY_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!response.body) return '';
    const deadline = this.#clock.now() + this.#timeoutMs;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > MAX_REPLY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      if (this.#clock.now() > deadline) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        throw new TimeoutError(this.#timeoutMs);
      }
      text += decoder.decode(value, { stream: true });
    }
  }

  #noteRateLimit(response: Response): void {
    const limit = Number(response.headers.get('x-ratelimit-limit'));
    if (this.#onRateLimit && Number.isInteger(limit) && limit > 0) this.#onRateLimit(limit);
  }

  #rememberEtag(spec: RequestSpec<z.ZodType | null>, response: Response, text: string): void {
    const etag = response.headers.get('etag');
    if (spec.method !== 'GET' || response.status !== 200 || !etag) return;
    this.#etags.delete(spec.path);
    this.#etags.set(spec.path, { etag, text });
    // Oldest first in a Map: drop them so deployments polled once do not pile up.
    for (const path of this.#etags.keys()) {
      if (this.#etags.size <= MAX_ETAGS) break;
      this.#etags.delete(path);
    }
  }

  #headers(spec: RequestSpec<z.ZodType | null>): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
    const etag = spec.method === 'GET' ? this.#etags.get(spec.path)?.etag : undefined;
    if (etag !== undefined) headers['If-None-Match'] = etag;
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.bearer !== undefined) headers.Authorization = `Bearer ${spec.bearer}`;
    if (spec.apiKey !== undefined) headers['X-API-Key'] = spec.apiKey;
    return headers;
  }

  #parse<S extends z.ZodType | null>(spec: RequestSpec<S>, status: number, text: string): Reply<S> {
    if (spec.schema === null) return undefined as Reply<S>;
    if (status === 204 || text === '') {
      throw new MalformedResponseError(spec.path, null, `${spec.path}: empty reply`);
    }
    const json = parseJson(text);
    if (json === undefined) {
      throw new MalformedResponseError(spec.path, null, `${spec.path}: reply is not JSON`);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'the reply as a whole';
      const why = issue?.message ?? 'does not match the contract';
      throw new MalformedResponseError(spec.path, field, `${spec.path}: field ${field}: ${why}`);
    }
    return parsed.data as Reply<S>;
  }

  #errorFrom(response: Response, text: string, path: string): ApiError {
    const retryAt = parseRetryAfter(response.headers.get('retry-after'), this.#clock.now());
    const envelope = ErrorEnvelope.safeParse(parseJson(text));
    if (!envelope.success) {
      // A proxy or crash page: keep the status so the caller can still decide.
      const message = `HTTP ${response.status} from ${path} without an error body`;
      return new ApiError(response.status, `HTTP_${response.status}`, message, null, retryAt);
    }
    const { code, message, request_id: requestId } = envelope.data.error;
    return new ApiError(response.status, code, message, requestId ?? null, retryAt);
  }
}

/** Paths whose ETag is kept: the list, account, plan and the deployments in motion. */
const MAX_ETAGS = 64;

/** A full page of the largest objects in the contract is about 2 MB; four times that is refused. */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;
const MAX_REPLY_LABEL = 'a reply over 8 MB';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the caller reports it as malformed with its own context.
    return undefined;
  }
}

function describeNetworkFailure(error: TypeError): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return code ?? (typeof cause?.message === 'string' ? cause.message : error.message);
}

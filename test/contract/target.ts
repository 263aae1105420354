/**
 * Where the contract tests run: the local emulator by default, or any
 * kombify Cloud given by environment variables, so the same suite shows
 * where a real deployment differs from ../shared/kombify-cloud-api.md.
 *
 *   KOMBIFY_CONTRACT_BASE_URL   API base, e.g. https://api.staging.kombify.io/v1
 *   KOMBIFY_CONTRACT_EMAIL      account to sign in with
 *   KOMBIFY_CONTRACT_PASSWORD
 *   KOMBIFY_CONTRACT_API_KEY    optional; API-key tests skip without it
 *   KOMBIFY_CONTRACT_HOMELAB_ID optional; default: the first homelab in /me
 *   KOMBIFY_CONTRACT_ISSUER     optional OIDC issuer; OIDC tests skip without it
 *   KOMBIFY_CONTRACT_WRITES=1   allow tests that create and delete things
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { ErrorEnvelope, TokenResponse } from '../../src-shared/kombify-api';
import type { RunningEmulator, StartEmulatorOptions } from '../support/emulator';
import { DEMO, startEmulator } from '../support/emulator';

const env = process.env;
/** The remote API base URL when the suite runs against a real cloud. */
export const REMOTE = env.KOMBIFY_CONTRACT_BASE_URL ?? null;

/** The cloud under test and the account to use. */
export interface Target {
  apiUrl: string;
  email: string;
  password: string;
  apiKey: string | null;
  homelabId: string | null;
  issuer: string | null;
  writes: boolean;
  /** Null against a remote cloud: the control API exists only in the emulator. */
  emulator: RunningEmulator | null;
}

/** Starts the emulator (frozen clock unless told otherwise) or describes the remote target. */
export async function openTarget(opts: StartEmulatorOptions = { speed: 0 }): Promise<Target> {
  if (REMOTE) {
    const { KOMBIFY_CONTRACT_EMAIL: email, KOMBIFY_CONTRACT_PASSWORD: password } = env;
    if (!email || !password) {
      throw new Error('KOMBIFY_CONTRACT_EMAIL and KOMBIFY_CONTRACT_PASSWORD are required');
    }
    return {
      apiUrl: REMOTE.replace(/\/$/, ''),
      email,
      password,
      apiKey: env.KOMBIFY_CONTRACT_API_KEY ?? null,
      homelabId: env.KOMBIFY_CONTRACT_HOMELAB_ID ?? null,
      issuer: env.KOMBIFY_CONTRACT_ISSUER ?? null,
      writes: env.KOMBIFY_CONTRACT_WRITES === '1',
      emulator: null,
    };
  }
  const emulator = await startEmulator(opts);
  return {
    apiUrl: emulator.apiUrl,
    email: DEMO.email,
    password: DEMO.password,
    apiKey: emulator.apiKey,
    homelabId: DEMO.homelabId,
    issuer: emulator.url,
    writes: true,
    emulator,
  };
}

type Skip = (condition: boolean, note?: string) => void;

/** The emulator, or skips the test with the reason when running against a remote cloud. */
export function needEmulator(t: Target, skip: Skip, why: string): RunningEmulator {
  skip(
    t.emulator === null,
    `needs the emulator's control API (${why}); not available at ${REMOTE}`,
  );
  return t.emulator as RunningEmulator;
}

/** Skips a test that changes account state unless writes are allowed. */
export function needWrites(t: Target, skip: Skip): void {
  skip(!t.writes, 'changes account state; set KOMBIFY_CONTRACT_WRITES=1 to allow it');
}

/** Back to the seeded state before each test (emulator only; a no-op remotely). */
export async function resetTarget(t: Target): Promise<void> {
  await t.emulator?.control('reset');
}

/** A reply with its body read (and parsed when JSON). */
export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Credentials, body and headers for one call. */
export interface CallOptions {
  token?: string;
  apiKey?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to the API; JSON is parsed when the body is JSON. */
export async function call(
  t: Target,
  method: string,
  path: string,
  o: CallOptions = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.apiKey) headers['X-API-Key'] = o.apiKey;
  let body: string | undefined = o.rawBody;
  if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(`${t.apiUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = undefined;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, json };
}

/** Asserts a 2xx-or-given status and parses the body with a contract schema. */
export function expectBody<S extends z.ZodType>(res: Res, status: number, schema: S): z.infer<S> {
  expect(res.status, res.text).toBe(status);
  const parsed = schema.safeParse(res.json);
  expect(parsed.success, parsed.error?.message).toBe(true);
  return parsed.data as z.infer<S>;
}

/** Asserts the error envelope with the given status and code, and a request id. */
export function expectError(res: Res, status: number, code: string): void {
  const body = expectBody(res, status, ErrorEnvelope);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  // The contract requires request_id in every error (the app's schema leaves it optional).
  expect(typeof body.error.request_id).toBe('string');
  expect(body.error.request_id?.length).toBeGreaterThan(0);
}

/** A list body: `{data:[…], next_cursor}`. */
type ListSchema = z.ZodType<{ data: Array<{ id: string }>; next_cursor: string | null }>;

/**
 * Follows `next_cursor` one item at a time from the first page to the last
 * and returns the ids in order; fails on a page over the limit or a cursor
 * that comes back.
 */
export async function walkPages(
  t: Target,
  token: string,
  path: string,
  schema: ListSchema,
): Promise<string[]> {
  const ids: string[] = [];
  const cursors = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = expectBody(
      await call(t, 'GET', `${path}?limit=1${query}`, { token }),
      200,
      schema,
    );
    expect(page.data.length).toBeLessThanOrEqual(1);
    ids.push(...page.data.map((item) => item.id));
    cursor = page.next_cursor;
    if (cursor !== null) {
      expect(cursors.has(cursor), `cursor ${cursor} came back`).toBe(false);
      cursors.add(cursor);
    }
  } while (cursor !== null);
  return ids;
}

/** Password login with the target's account. */
export async function login(t: Target): Promise<z.infer<typeof TokenResponse>> {
  const res = await call(t, 'POST', '/auth/login', {
    body: { email: t.email, password: t.password },
  });
  return expectBody(res, 200, TokenResponse);
}

/** The homelab to deploy to: configured, or the first in /me. */
export async function homelabId(t: Target, token: string): Promise<string> {
  if (t.homelabId) return t.homelabId;
  const me = await call(t, 'GET', '/me', { token });
  const first = (me.json as { homelabs: Array<{ id: string }> }).homelabs[0];
  if (!first) throw new Error('the account has no homelab');
  return first.id;
}

/** Stops the emulator, if this target started one. */
export async function closeTarget(t: Target | undefined): Promise<void> {
  await t?.emulator?.stop();
}

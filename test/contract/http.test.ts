import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { User } from '../../src-shared/kombify-api';
import type { Target } from './target';
import {
  call,
  closeTarget,
  expectBody,
  expectError,
  login,
  needEmulator,
  openTarget,
  resetTarget,
} from './target';

let t: Target;
let token: string;
beforeAll(async () => {
  t = await openTarget({ speed: 0 });
});
afterAll(() => closeTarget(t));
beforeEach(async () => {
  await resetTarget(t);
  token = (await login(t)).token;
});

const me = () => call(t, 'GET', '/me', { token });

describe('request ids', () => {
  it('puts the same request id in the error body and the X-Request-Id header', async ({ skip }) => {
    needEmulator(t, skip, 'X-Request-Id is an emulator convention');
    const res = await call(t, 'GET', '/deployments/dep_nope', { token });
    expectError(res, 404, 'NOT_FOUND');
    const body = res.json as { error: { request_id: string } };
    expect(res.headers.get('x-request-id')).toBe(body.error.request_id);
  });

  it('answers 404 NOT_FOUND in the envelope for an unknown route', async () => {
    expectError(await call(t, 'GET', '/no-such-thing', { token }), 404, 'NOT_FOUND');
  });
});

describe('ETag', () => {
  it('answers 304 without a body for a matching If-None-Match', async () => {
    const first = await me();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await call(t, 'GET', '/me', { token, headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('answers 200 with a new ETag once the resource changed', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'changing the homelab');
    const etag = (await me()).headers.get('etag') ?? '';
    await emu.control('homelab', { status: 'offline' });
    const changed = await call(t, 'GET', '/me', { token, headers: { 'If-None-Match': etag } });
    expectBody(changed, 200, User);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('rate limits', () => {
  it('sends X-RateLimit-* on success and on errors', async () => {
    for (const res of [await me(), await call(t, 'GET', '/deployments/dep_nope', { token })]) {
      expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
      expect(Number.isInteger(Number(res.headers.get('x-ratelimit-remaining')))).toBe(true);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(1_600_000_000);
    }
  });

  it('counts remaining requests down', async () => {
    const a = Number((await me()).headers.get('x-ratelimit-remaining'));
    const b = Number((await me()).headers.get('x-ratelimit-remaining'));
    expect(b).toBeLessThan(a);
  });

  it.for<[string, number, number]>([
    ['free', 30, 50],
    ['hobby', 100, 200],
    ['pro', 500, 1000],
  ])(
    'allows the %s plan %i/min with a burst of %i, then 429',
    async ([plan, perMin, burst], { skip }) => {
      const emu = needEmulator(t, skip, 'setting the plan on a frozen clock');
      await emu.control('plan', { plan });
      // Login is anonymous (its own bucket), so the whole burst is left for these calls.
      const results = await Promise.all(Array.from({ length: burst }, () => me()));
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(results[0]?.headers.get('x-ratelimit-limit')).toBe(String(perMin));
      const over = await me();
      expectError(over, 429, 'RATE_LIMIT_EXCEEDED');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
      // The frozen clock refills nothing; moving it a minute refills the bucket.
      await emu.control('time', { advance_ms: 60_000 });
      expectBody(await me(), 200, User);
    },
  );

  it('announces the team plan limits (2000/min, burst 5000)', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'setting the plan');
    await emu.control('plan', { plan: 'team' });
    const res = await me();
    expect(res.headers.get('x-ratelimit-limit')).toBe('2000');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  it('drives the team plan to 429 once its bucket is spent, and refills 2000/min', async ({
    skip,
  }) => {
    const emu = needEmulator(t, skip, 'setting the plan and draining the bucket');
    await emu.control('plan', { plan: 'team' });
    // Spending 5000 requests one by one only proves the loop; leave two in the bucket instead.
    await emu.control('rate-limit', { remaining: 2 });
    const last = await me();
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-limit')).toBe('2000');
    expect(last.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await me()).headers.get('x-ratelimit-remaining')).toBe('0');
    const over = await me();
    expectError(over, 429, 'RATE_LIMIT_EXCEEDED');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    // A frozen clock refills nothing; one minute at the team rate gives 2000 back.
    expectError(await me(), 429, 'RATE_LIMIT_EXCEEDED');
    await emu.control('time', { advance_ms: 60_000 });
    const refilled = await me();
    expectBody(refilled, 200, User);
    expect(refilled.headers.get('x-ratelimit-remaining')).toBe('1999');
  });

  it('refuses a rate-limit remaining that is not a count', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'rate-limit control');
    await expect(emu.control('rate-limit', { remaining: -1 })).rejects.toThrow(/VALIDATION_ERROR/);
    await expect(emu.control('rate-limit', { remaining: 'x' })).rejects.toThrow(/VALIDATION_ERROR/);
    // The seeded hobby plan holds at most 200.
    await expect(emu.control('rate-limit', { remaining: 201 })).rejects.toThrow(/burst \(200\)/);
  });

  it('sends Retry-After as an HTTP date when so configured', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'rate-limit control');
    await emu.control('plan', { plan: 'free' });
    await emu.control('rate-limit', { retry_after: 'http-date' });
    await Promise.all(Array.from({ length: 50 }, () => me()));
    const over = await me();
    expectError(over, 429, 'RATE_LIMIT_EXCEEDED');
    const when = over.headers.get('retry-after') ?? '';
    expect(when).toMatch(/GMT$/);
    expect(Number.isNaN(Date.parse(when))).toBe(false);
  });

  it('limits each account on its own', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'a second seeded account');
    await emu.control('plan', { plan: 'free' });
    await Promise.all(Array.from({ length: 51 }, () => me()));
    expect((await me()).status).toBe(429);
    const other = await call(t, 'POST', '/auth/login', {
      body: { email: 'other@kombify.dev', password: 'other-homelab' },
    });
    const otherToken = (other.json as { token: string }).token;
    expectBody(await call(t, 'GET', '/me', { token: otherToken }), 200, User);
  });
});

describe('faults', () => {
  const fault = async (body: unknown, skip: (c: boolean, n?: string) => void) => {
    const emu = needEmulator(t, skip, 'fault injection');
    await emu.control('faults', body);
  };

  it('replaces a reply with an injected status and Retry-After, once', async ({ skip }) => {
    await fault({ path: '/v1/me', status: 503, retry_after: 7, times: 1 }, skip);
    const res = await me();
    expectError(res, 503, 'HOMELAB_UNREACHABLE');
    expect(res.headers.get('retry-after')).toBe('7');
    expectBody(await me(), 200, User);
  });

  it('can send Retry-After as an HTTP date with an injected status', async ({ skip }) => {
    await fault({ path: '/v1/me', status: 429, retry_after: 'http-date', times: 1 }, skip);
    const res = await me();
    expectError(res, 429, 'RATE_LIMIT_EXCEEDED');
    expect(Number.isNaN(Date.parse(res.headers.get('retry-after') ?? ''))).toBe(false);
  });

  it('matches path prefixes and methods', async ({ skip }) => {
    await fault({ path: '/v1/deployments*', method: 'GET', status: 500 }, skip);
    expectError(await call(t, 'GET', '/deployments/x', { token }), 500, 'INTERNAL_ERROR');
    expectBody(await me(), 200, User);
  });

  it('sends malformed JSON with a JSON content type', async ({ skip }) => {
    await fault({ path: '/v1/me', malformed_json: true }, skip);
    const res = await fetch(`${t.apiUrl}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    await expect(res.json()).rejects.toThrow();
  });

  it('sends headers then stalls the body', async ({ skip }) => {
    await fault({ path: '/v1/me', stall_body: true }, skip);
    const abort = new AbortController();
    const res = await fetch(`${t.apiUrl}/me`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const body = res.text();
    abort.abort();
    await expect(body).rejects.toThrow();
  });

  it('resets the connection', async ({ skip }) => {
    await fault({ path: '/v1/me', reset_connection: true, times: 1 }, skip);
    await expect(
      fetch(`${t.apiUrl}/me`, { headers: { Authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
    expectBody(await me(), 200, User);
  });

  it('delays a reply that then arrives intact', async ({ skip }) => {
    await fault({ path: '/v1/me', latency_ms: 50, times: 1 }, skip);
    expectBody(await me(), 200, User);
    const state = (await t.emulator?.control('state')) as { faults: unknown[] };
    expect(state.faults).toEqual([]);
  });

  it('refuses a fault on the control API, naming what can be faulted', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'fault injection');
    await expect(emu.control('faults', { path: '/_emulator/state', status: 500 })).rejects.toThrow(
      /VALIDATION_ERROR.*\/v1.*issuer/,
    );
    const state = (await emu.control('state')) as { faults: unknown[] };
    expect(state.faults).toEqual([]);
  });

  it('faults the issuer routes too, with an OAuth error body', async ({ skip }) => {
    await fault(
      { method: 'POST', path: '/token', status: 401, code: 'invalid_client', times: 1 },
      skip,
    );
    await fault({ method: 'POST', path: '/token', status: 503, retry_after: 9, times: 1 }, skip);
    const token = () =>
      fetch(`${t.issuer}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x' }),
      });
    const refused = await token();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Injected fault.',
    });
    const down = await token();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('9');
    expect(await down.json()).toMatchObject({ error: 'temporarily_unavailable' });
    // The faults are used up: the issuer answers for itself again.
    const real = (await (await token()).json()) as { error_description?: string };
    expect(real.error_description).not.toBe('Injected fault.');
  });

  it('rejects a fault without a path', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'fault injection');
    await expect(emu.control('faults', { status: 500 })).rejects.toThrow(/VALIDATION_ERROR/);
  });
});

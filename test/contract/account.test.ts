import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Subscription, SubscriptionList, User } from '../../src-shared/kombify-api';
import type { Target } from './target';
import {
  call,
  closeTarget,
  expectBody,
  expectError,
  login,
  needEmulator,
  needWrites,
  openTarget,
  resetTarget,
  walkPages,
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

async function firstSubscription(): Promise<Subscription> {
  const list = expectBody(await call(t, 'GET', '/subscriptions', { token }), 200, SubscriptionList);
  const sub = list.data[0];
  if (!sub) throw new Error('the account has no subscription');
  return sub;
}

describe('GET /me', () => {
  it('returns the signed-in user with quota and homelabs', async () => {
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(me.email).toBe(t.email);
    expect(me.id).toMatch(/^usr_/);
    for (const h of me.homelabs) expect(h.id).toMatch(/^hl_/);
  });

  it('is the seeded demo account on the hobby plan with basement-rack online', async ({ skip }) => {
    needEmulator(t, skip, 'seeded data');
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(me).toMatchObject({ name: 'Demo Homelabber', plan: 'hobby' });
    expect(me.homelabs).toEqual([
      expect.objectContaining({ id: 'hl_demo', name: 'basement-rack', status: 'online' }),
    ]);
    expect(me.quota.stacks).toEqual({ used: 1, limit: 3 });
  });

  it('shows the homelab going offline and coming back', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'homelab control');
    await emu.control('homelab', { status: 'offline' });
    const off = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(off.homelabs[0]?.status).toBe('offline');
    await emu.control('homelab', { status: 'online' });
    const on = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(on.homelabs[0]?.status).toBe('online');
  });
});

describe('GET /subscriptions', () => {
  it('lists subscriptions with their limits', async () => {
    const sub = await firstSubscription();
    expect(sub.id).toMatch(/^sub_/);
    expect(sub.limits.burst).toBeGreaterThanOrEqual(sub.limits.requests_per_minute);
  });

  it('has one active hobby subscription with hobby limits', async ({ skip }) => {
    needEmulator(t, skip, 'seeded data');
    const list = expectBody(
      await call(t, 'GET', '/subscriptions', { token }),
      200,
      SubscriptionList,
    );
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      plan: 'hobby',
      status: 'active',
      cancel_at_period_end: false,
      limits: { requests_per_minute: 100, burst: 200 },
    });
    expect(list.next_cursor).toBeNull();
  });
});

describe('GET /subscriptions paging', () => {
  it('walks every page with limit=1 to the same list as one page', async () => {
    const all = expectBody(
      await call(t, 'GET', '/subscriptions?limit=100', { token }),
      200,
      SubscriptionList,
    );
    expect(all.data.length).toBeGreaterThan(0);
    expect(await walkPages(t, token, '/subscriptions', SubscriptionList)).toEqual(
      all.data.map((s) => s.id),
    );
  });

  it('answers 400 VALIDATION_ERROR for a limit out of range or a bad cursor', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=two', 'cursor=bm90LWEtY3Vyc29y']) {
      const res = await call(t, 'GET', `/subscriptions?${query}`, { token });
      expectError(res, 400, 'VALIDATION_ERROR');
    }
  });
});

describe('GET /subscriptions/{id}', () => {
  it('returns one subscription', async () => {
    const sub = await firstSubscription();
    const one = expectBody(
      await call(t, 'GET', `/subscriptions/${sub.id}`, { token }),
      200,
      Subscription,
    );
    expect(one).toEqual(sub);
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    expectError(await call(t, 'GET', '/subscriptions/sub_nope', { token }), 404, 'NOT_FOUND');
  });

  it('answers 403 FORBIDDEN for another account subscription', async ({ skip }) => {
    needEmulator(t, skip, 'a second seeded account');
    expectError(await call(t, 'GET', '/subscriptions/sub_other', { token }), 403, 'FORBIDDEN');
  });

  it('shows past_due when payment fails', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'subscription control');
    await emu.control('subscription', { status: 'past_due' });
    expect((await firstSubscription()).status).toBe('past_due');
  });
});

describe('POST /subscriptions/{id}/upgrade', () => {
  it('upgrades at once and the new limits apply', async ({ skip }) => {
    needEmulator(t, skip, 'a known starting plan');
    const sub = await firstSubscription();
    const res = await call(t, 'POST', `/subscriptions/${sub.id}/upgrade`, {
      token,
      body: { plan: 'pro' },
    });
    const up = expectBody(res, 200, Subscription);
    expect(up).toMatchObject({ plan: 'pro', limits: { requests_per_minute: 500, burst: 1000 } });
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(me.plan).toBe('pro');
    expect((await call(t, 'GET', '/me', { token })).headers.get('x-ratelimit-limit')).toBe('500');
  });

  it('answers 400 VALIDATION_ERROR for a plan not above the current one', async () => {
    const sub = await firstSubscription();
    const body = { plan: sub.plan };
    const res = await call(t, 'POST', `/subscriptions/${sub.id}/upgrade`, { token, body });
    expectError(res, 400, 'VALIDATION_ERROR');
  });

  it('answers 400 VALIDATION_ERROR for an unknown plan', async () => {
    const sub = await firstSubscription();
    const body = { plan: 'platinum' };
    const res = await call(t, 'POST', `/subscriptions/${sub.id}/upgrade`, { token, body });
    expectError(res, 400, 'VALIDATION_ERROR');
  });

  it('answers 404 NOT_FOUND for an unknown subscription', async () => {
    const res = await call(t, 'POST', '/subscriptions/sub_nope/upgrade', {
      token,
      body: { plan: 'team' },
    });
    expectError(res, 404, 'NOT_FOUND');
  });
});

describe('POST /subscriptions/{id}/cancel', () => {
  it('cancels at period end, and the plan ends when the period does', async ({ skip }) => {
    needWrites(t, skip);
    const sub = await firstSubscription();
    const res = await call(t, 'POST', `/subscriptions/${sub.id}/cancel`, { token });
    const canceled = expectBody(res, 200, Subscription);
    expect(canceled.cancel_at_period_end).toBe(true);
    expect(canceled.status).not.toBe('canceled');
    const emu = needEmulator(t, skip, 'moving time to period end');
    const periodEnd = Date.parse(canceled.current_period_end ?? '');
    const state = (await emu.control('state')) as { now_ms: number };
    await emu.control('time', { advance_ms: periodEnd - state.now_ms + 1000 });
    token = (await login(t)).token; // weeks passed: the old access token has expired
    expect((await firstSubscription()).status).toBe('canceled');
    expect(expectBody(await call(t, 'GET', '/me', { token }), 200, User).plan).toBe('free');
  });

  it('answers 403 FORBIDDEN for another account subscription', async ({ skip }) => {
    needEmulator(t, skip, 'a second seeded account');
    expectError(
      await call(t, 'POST', '/subscriptions/sub_other/cancel', { token }),
      403,
      'FORBIDDEN',
    );
  });
});

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploymentList, SubscriptionList, User } from '../../src-shared/kombify-api';
import type { Target } from './target';
import { call, closeTarget, expectBody, login, openTarget, REMOTE } from './target';

// The control API exists only in the emulator.
const describeLocal = describe.skipIf(REMOTE !== null);

let t: Target;
beforeAll(async () => {
  t = await openTarget({ speed: 0 });
});
afterAll(() => closeTarget(t));

async function seen(scenario: string) {
  const emu = t.emulator;
  if (!emu) throw new Error('scenarios need the emulator');
  await emu.control('reset', { scenario });
  const { token } = await login(t);
  return {
    me: expectBody(await call(t, 'GET', '/me', { token }), 200, User),
    deployments: expectBody(await call(t, 'GET', '/deployments', { token }), 200, DeploymentList),
    subs: expectBody(await call(t, 'GET', '/subscriptions', { token }), 200, SubscriptionList),
  };
}

describeLocal('POST /_emulator/reset {scenario}', () => {
  it('new-user: free plan, nothing deployed', async () => {
    const { me, deployments } = await seen('new-user');
    expect(me.plan).toBe('free');
    expect(deployments.data).toEqual([]);
  });

  it('deploying: one deployment in progress', async () => {
    const { deployments } = await seen('deploying');
    expect(deployments.data.filter((d) => d.status === 'queued')).toHaveLength(1);
  });

  it('homelab-offline: the homelab is offline with a last-seen time', async () => {
    const { me } = await seen('homelab-offline');
    expect(me.homelabs[0]?.status).toBe('offline');
    expect(Date.parse(me.homelabs[0]?.last_seen_at ?? '')).toBeLessThan(Date.now());
  });

  it('past-due: the subscription is past due', async () => {
    const { subs } = await seen('past-due');
    expect(subs.data[0]?.status).toBe('past_due');
  });

  it('quota-full: every stack is in use', async () => {
    const { me } = await seen('quota-full');
    expect(me.quota.stacks.used).toBe(me.quota.stacks.limit);
  });

  it('default after a scenario: the plain seed again', async () => {
    await seen('past-due');
    const { me, subs } = await seen('default');
    expect(me.plan).toBe('hobby');
    expect(subs.data[0]?.status).toBe('active');
  });

  it('refuses an unknown scenario', async () => {
    await expect(t.emulator?.control('reset', { scenario: 'nope' })).rejects.toThrow(
      /VALIDATION_ERROR/,
    );
  });
});

describeLocal('control API', () => {
  it('answers GET /_emulator/state too, with the demo API key', async () => {
    const res = await fetch(`${t.emulator?.url}/_emulator/state`);
    const state = (await res.json()) as { demo: { api_key: string } };
    expect(state.demo.api_key).toBe(t.apiKey);
  });

  it('answers 404 in the envelope for an unknown control', async () => {
    const res = await fetch(`${t.emulator?.url}/_emulator/nope`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('refuses a POST that is not JSON, as a cross-site form would send', async () => {
    const res = await fetch(`${t.emulator?.url}/_emulator/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(400);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(t.emulator?.url ?? '');
    const status = await new Promise<number | undefined>((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/_emulator/state', headers: { Host: 'evil.example' } },
        (res) => {
          res.resume();
          done(res.statusCode);
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('validates its bodies', async () => {
    const emu = t.emulator;
    await expect(emu?.control('homelab', { status: 'sideways' })).rejects.toThrow(
      /VALIDATION_ERROR/,
    );
    await expect(emu?.control('time', { advance_ms: -5 })).rejects.toThrow(/VALIDATION_ERROR/);
    await expect(emu?.control('next-deployment', { outcome: 'fail', step: 'x' })).rejects.toThrow(
      /VALIDATION_ERROR/,
    );
  });

  it('changes the token lifetime for later logins', async () => {
    await t.emulator?.control('token-ttl', { seconds: 30 });
    const { expires_at: expiresAt } = await login(t);
    const state = (await t.emulator?.control('state')) as { now_ms: number };
    expect(Date.parse(expiresAt) - state.now_ms).toBeLessThanOrEqual(30_000);
    expect(Date.parse(expiresAt) - state.now_ms).toBeGreaterThan(29_000);
  });
});

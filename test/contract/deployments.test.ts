import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Deployment, DeploymentList, User } from '../../src-shared/kombify-api';
import type { Target } from './target';
import {
  call,
  closeTarget,
  expectBody,
  expectError,
  homelabId,
  login,
  needEmulator,
  needWrites,
  openTarget,
  resetTarget,
  walkPages,
} from './target';

let t: Target;
let token: string;
let homelab: string;
beforeAll(async () => {
  t = await openTarget({ speed: 0 });
});
afterAll(() => closeTarget(t));
beforeEach(async () => {
  await resetTarget(t);
  token = (await login(t)).token;
  homelab = await homelabId(t, token);
});

// Against a real cloud nothing resets: delete what a test created so quota stays free.
let created: string[] = [];
afterEach(async () => {
  for (const id of new Set(created)) await call(t, 'DELETE', `/deployments/${id}`, { token });
  created = [];
});

async function deploy(body: unknown, headers?: Record<string, string>) {
  const res = await call(t, 'POST', '/deployments', { token, body, headers });
  const id = (res.json as { id?: unknown } | undefined)?.id;
  if (res.status === 202 && typeof id === 'string') created.push(id);
  return res;
}
const get = (id: string) => call(t, 'GET', `/deployments/${id}`, { token });

describe('GET /deployments', () => {
  it('lists the account deployments in the list envelope', async () => {
    const list = expectBody(await call(t, 'GET', '/deployments', { token }), 200, DeploymentList);
    for (const d of list.data) expect(d.id).toMatch(/^dep_/);
  });

  it('has the seeded succeeded and failed deployments, the failure with its error', async ({
    skip,
  }) => {
    needEmulator(t, skip, 'seeded data');
    const list = expectBody(await call(t, 'GET', '/deployments', { token }), 200, DeploymentList);
    expect(list.data.map((d) => d.status).sort()).toEqual(['failed', 'succeeded']);
    const failed = list.data.find((d) => d.status === 'failed');
    expect(failed?.error?.code).toBeTruthy();
    expect(failed?.finished_at).not.toBeNull();
  });

  it('has the failure as recent news: a few hours old, well inside the day the header shows it', async ({
    skip,
  }) => {
    const emu = needEmulator(t, skip, 'seeded data');
    const { now_ms: now } = (await emu.control('state')) as { now_ms: number };
    const list = expectBody(await call(t, 'GET', '/deployments', { token }), 200, DeploymentList);
    const failed = list.data.find((d) => d.status === 'failed');
    const age = now - Date.parse(failed?.finished_at ?? '');
    expect(age).toBeGreaterThan(0);
    // A newcomer who starts the demo any time in the next half day still sees it failed.
    expect(age).toBeLessThanOrEqual(12 * 3_600_000);
    // And it is the latest to finish, so it is what the header and tray speak of.
    const finished = list.data.map((d) => Date.parse(d.finished_at ?? ''));
    expect(Math.max(...finished)).toBe(Date.parse(failed!.finished_at!));
  });

  it('pages with limit and cursor without repeating items', async () => {
    const first = expectBody(
      await call(t, 'GET', '/deployments?limit=1', { token }),
      200,
      DeploymentList,
    );
    expect(first.data.length).toBeLessThanOrEqual(1);
    if (first.next_cursor === null) return;
    const path = `/deployments?limit=1&cursor=${encodeURIComponent(first.next_cursor)}`;
    const second = expectBody(await call(t, 'GET', path, { token }), 200, DeploymentList);
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
  });

  it('continues after a page whose last item was deleted meanwhile', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'controlling time');
    const all = expectBody(
      await call(t, 'GET', '/deployments?limit=100', { token }),
      200,
      DeploymentList,
    );
    expect(all.data.length).toBeGreaterThanOrEqual(2);
    const first = expectBody(
      await call(t, 'GET', '/deployments?limit=1', { token }),
      200,
      DeploymentList,
    );
    const gone = first.data[0]?.id ?? '';
    expect(first.next_cursor).not.toBeNull();
    expect((await call(t, 'DELETE', `/deployments/${gone}`, { token })).status).toBe(202);
    await emu.control('time', { advance_ms: 5_000 });
    expectError(await get(gone), 404, 'NOT_FOUND');
    const path = `/deployments?limit=1&cursor=${encodeURIComponent(first.next_cursor ?? '')}`;
    const next = expectBody(await call(t, 'GET', path, { token }), 200, DeploymentList);
    expect(next.data.map((d) => d.id)).toEqual([all.data[1]?.id]);
  });

  it('walks every page with limit=1 to the same list as one page', async () => {
    const all = expectBody(
      await call(t, 'GET', '/deployments?limit=100', { token }),
      200,
      DeploymentList,
    );
    expect(await walkPages(t, token, '/deployments', DeploymentList)).toEqual(
      all.data.map((d) => d.id),
    );
  });

  it('answers 400 VALIDATION_ERROR for a limit out of range', async () => {
    expectError(await call(t, 'GET', '/deployments?limit=0', { token }), 400, 'VALIDATION_ERROR');
  });

  it('answers 401 INVALID_TOKEN without a token', async () => {
    expectError(await call(t, 'GET', '/deployments'), 401, 'INVALID_TOKEN');
  });
});

describe('POST /deployments', () => {
  it('answers 202 with a queued deployment', async ({ skip }) => {
    needWrites(t, skip);
    const dep = expectBody(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      202,
      Deployment,
    );
    expect(dep.stackkit).toBe('base-kit');
    expect(dep.homelab_id).toBe(homelab);
    expect(dep.finished_at).toBeNull();
    expect(dep.error).toBeNull();
    expectBody(await get(dep.id), 200, Deployment);
  });

  it('moves queued → provisioning → deploying → succeeded', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'controlling time');
    const dep = expectBody(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      202,
      Deployment,
    );
    const seen: Array<[string, number]> = [];
    for (let i = 0; i < 8; i += 1) {
      const now = expectBody(await get(dep.id), 200, Deployment);
      seen.push([now.status, now.progress]);
      await emu.control('time', { advance_ms: 1000 });
    }
    const statuses = [...new Set(seen.map(([s]) => s))];
    expect(statuses).toEqual(['queued', 'provisioning', 'deploying', 'succeeded']);
    const progress = seen.map(([, p]) => p);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const done = expectBody(await get(dep.id), 200, Deployment);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, error: null });
    expect(done.finished_at).not.toBeNull();
  });

  it('fails at the chosen step with the chosen error when told to', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'next-deployment outcome');
    await emu.control('next-deployment', {
      outcome: 'fail',
      step: 'provisioning',
      error_code: 'DISK_FULL',
      error_message: 'No space left on /var/lib/docker',
    });
    const dep = expectBody(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      202,
      Deployment,
    );
    await emu.control('time', { advance_ms: 10_000 });
    const done = expectBody(await get(dep.id), 200, Deployment);
    expect(done.status).toBe('failed');
    expect(done.error).toEqual({ code: 'DISK_FULL', message: 'No space left on /var/lib/docker' });
    expect(done.progress).toBeLessThan(100);
    expect(done.finished_at).not.toBeNull();
    // Only the next deployment fails; the one after succeeds again.
    const next = expectBody(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      202,
      Deployment,
    );
    await emu.control('time', { advance_ms: 10_000 });
    expect(expectBody(await get(next.id), 200, Deployment).status).toBe('succeeded');
  });

  it('returns the first result for a repeated Idempotency-Key', async ({ skip }) => {
    needWrites(t, skip);
    const key = `contract-${Math.random()}`;
    const body = { stackkit: 'base-kit', homelab_id: homelab, name: 'idem' };
    const first = expectBody(await deploy(body, { 'Idempotency-Key': key }), 202, Deployment);
    const again = expectBody(await deploy(body, { 'Idempotency-Key': key }), 202, Deployment);
    expect(again.id).toBe(first.id);
    const list = expectBody(
      await call(t, 'GET', '/deployments?limit=100', { token }),
      200,
      DeploymentList,
    );
    expect(list.data.filter((d) => d.id === first.id)).toHaveLength(1);
    expect(list.data.filter((d) => d.name === 'idem')).toHaveLength(1);
  });

  it('creates one deployment for concurrent repeats of one Idempotency-Key', async ({ skip }) => {
    needWrites(t, skip);
    const key = `contract-race-${Math.random()}`;
    const body = { stackkit: 'base-kit', homelab_id: homelab };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => deploy(body, { 'Idempotency-Key': key })),
    );
    const ids = replies.map((r) => expectBody(r, 202, Deployment).id);
    expect(new Set(ids).size).toBe(1);
  });

  it('answers 400 VALIDATION_ERROR without a stackkit', async () => {
    expectError(await deploy({ homelab_id: homelab }), 400, 'VALIDATION_ERROR');
  });

  it('answers 400 VALIDATION_ERROR for non-string variables', async () => {
    const body = { stackkit: 'base-kit', homelab_id: homelab, variables: { port: 8080 } };
    expectError(await deploy(body), 400, 'VALIDATION_ERROR');
  });

  it('answers 503 HOMELAB_UNREACHABLE when the homelab is offline', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'taking the homelab offline');
    await emu.control('homelab', { id: homelab, status: 'offline' });
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(me.homelabs.find((h) => h.id === homelab)?.status).toBe('offline');
    expectError(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      503,
      'HOMELAB_UNREACHABLE',
    );
    await emu.control('homelab', { id: homelab, status: 'online' });
    expectBody(await deploy({ stackkit: 'base-kit', homelab_id: homelab }), 202, Deployment);
  });

  it('answers 402 SUBSCRIPTION_LIMIT_EXCEEDED when the stacks quota is full', async ({ skip }) => {
    needEmulator(t, skip, 'filling the quota on a known plan');
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    const free = me.quota.stacks.limit - me.quota.stacks.used;
    for (let i = 0; i < free; i += 1) {
      expectBody(await deploy({ stackkit: 'base-kit', homelab_id: homelab }), 202, Deployment);
    }
    const full = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(full.quota.stacks.used).toBe(full.quota.stacks.limit);
    const res = await deploy({ stackkit: 'base-kit', homelab_id: homelab });
    expectError(res, 402, 'SUBSCRIPTION_LIMIT_EXCEEDED');
  });

  it('answers 404 NOT_FOUND for an unknown homelab', async () => {
    expectError(await deploy({ stackkit: 'base-kit', homelab_id: 'hl_nope' }), 404, 'NOT_FOUND');
  });

  it('answers 403 FORBIDDEN for another account homelab', async ({ skip }) => {
    needEmulator(t, skip, 'a second seeded account');
    expectError(await deploy({ stackkit: 'base-kit', homelab_id: 'hl_other' }), 403, 'FORBIDDEN');
  });
});

describe('GET /deployments/{id}', () => {
  it('can show a status the client does not know, as the contract allows', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'status override');
    await emu.control('deployment', { id: 'dep_seed_ok', status: 'paused' });
    expect(expectBody(await get('dep_seed_ok'), 200, Deployment).status).toBe('paused');
    await emu.control('deployment', { id: 'dep_seed_ok', status: null });
    expect(expectBody(await get('dep_seed_ok'), 200, Deployment).status).toBe('succeeded');
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    expectError(await get('dep_does_not_exist'), 404, 'NOT_FOUND');
  });

  it('answers 403 FORBIDDEN for another account deployment', async ({ skip }) => {
    needEmulator(t, skip, 'a second seeded account');
    expectError(await get('dep_other'), 403, 'FORBIDDEN');
  });
});

describe('DELETE /deployments/{id}', () => {
  it('answers 202 deleting, then the deployment is gone (404)', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'controlling time');
    const dep = expectBody(
      await deploy({ stackkit: 'base-kit', homelab_id: homelab }),
      202,
      Deployment,
    );
    await emu.control('time', { advance_ms: 10_000 });
    const res = await call(t, 'DELETE', `/deployments/${dep.id}`, { token });
    expect(expectBody(res, 202, Deployment).status).toBe('deleting');
    expect(expectBody(await get(dep.id), 200, Deployment).status).toBe('deleting');
    await emu.control('time', { advance_ms: 5_000 });
    expectError(await get(dep.id), 404, 'NOT_FOUND');
    const list = expectBody(await call(t, 'GET', '/deployments', { token }), 200, DeploymentList);
    expect(list.data.map((d) => d.id)).not.toContain(dep.id);
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    const res = await call(t, 'DELETE', '/deployments/dep_does_not_exist', { token });
    expectError(res, 404, 'NOT_FOUND');
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Tool, ToolList, User } from '../../src-shared/kombify-api';
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

// Against a real cloud nothing resets: disconnect what a test connected.
let connected: string[] = [];
afterEach(async () => {
  for (const id of new Set(connected))
    await call(t, 'DELETE', `/tools/${id}/disconnect`, { token });
  connected = [];
});

async function connect(id: string, body: unknown = { homelab_id: homelab }) {
  const res = await call(t, 'POST', `/tools/${id}/connect`, { token, body });
  if (res.status === 200) connected.push(id);
  return res;
}

describe('GET /tools', () => {
  it('lists the catalog in the list envelope', async () => {
    const list = expectBody(await call(t, 'GET', '/tools', { token }), 200, ToolList);
    expect(list.data.length).toBeGreaterThan(0);
  });

  it('pages with limit and cursor', async () => {
    const first = expectBody(await call(t, 'GET', '/tools?limit=2', { token }), 200, ToolList);
    expect(first.data).toHaveLength(2);
    expect(first.next_cursor).not.toBeNull();
    const path = `/tools?limit=2&cursor=${encodeURIComponent(first.next_cursor ?? '')}`;
    const second = expectBody(await call(t, 'GET', path, { token }), 200, ToolList);
    const ids = [...first.data, ...second.data].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers 400 VALIDATION_ERROR for a bad cursor', async () => {
    const res = await call(t, 'GET', '/tools?cursor=bm90LWEtY3Vyc29y', { token });
    expectError(res, 400, 'VALIDATION_ERROR');
  });
});

describe('GET /tools/{id}', () => {
  it('returns one tool', async () => {
    const list = expectBody(await call(t, 'GET', '/tools', { token }), 200, ToolList);
    const id = list.data[0]?.id ?? '';
    expect(expectBody(await call(t, 'GET', `/tools/${id}`, { token }), 200, Tool).id).toBe(id);
  });

  it('answers 404 NOT_FOUND for an unknown tool', async () => {
    expectError(await call(t, 'GET', '/tools/no-such-tool', { token }), 404, 'NOT_FOUND');
  });
});

describe('POST /tools/{id}/connect', () => {
  it('goes connecting → connected, and counts against the tools quota', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'controlling time');
    const tool = expectBody(await connect('grafana'), 200, Tool);
    expect(tool.connection).toMatchObject({ homelab_id: homelab, status: 'connecting' });
    expect(tool.connection?.connected_at).toBeNull();
    await emu.control('time', { advance_ms: 3000 });
    const later = expectBody(await call(t, 'GET', '/tools/grafana', { token }), 200, Tool);
    expect(later.connection?.status).toBe('connected');
    expect(later.connection?.connected_at).not.toBeNull();
    const me = expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    expect(me.quota.tools.used).toBe(1);
  });

  it('returns an already connected tool unchanged', async ({ skip }) => {
    needWrites(t, skip);
    const first = expectBody(await connect('uptime-kuma'), 200, Tool);
    const again = expectBody(await connect('uptime-kuma'), 200, Tool);
    expect(again).toEqual(first);
  });

  it('answers 402 SUBSCRIPTION_LIMIT_EXCEEDED for a tool above the plan', async ({ skip }) => {
    needEmulator(t, skip, 'a known plan (hobby) and catalog');
    expectError(await connect('authentik'), 402, 'SUBSCRIPTION_LIMIT_EXCEEDED');
  });

  it('answers 402 once the tools quota is full', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'setting the plan');
    await emu.control('plan', { plan: 'free' });
    expectBody(await connect('uptime-kuma'), 200, Tool);
    expectError(await connect('tailscale'), 402, 'SUBSCRIPTION_LIMIT_EXCEEDED');
  });

  it('answers 503 HOMELAB_UNREACHABLE when the homelab is offline', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'taking the homelab offline');
    await emu.control('homelab', { id: homelab, status: 'offline' });
    expectError(await connect('uptime-kuma'), 503, 'HOMELAB_UNREACHABLE');
  });

  it('answers 404 NOT_FOUND for an unknown homelab', async () => {
    expectError(await connect('uptime-kuma', { homelab_id: 'hl_nope' }), 404, 'NOT_FOUND');
  });

  it('answers 403 FORBIDDEN for another account homelab, as deployments do', async ({ skip }) => {
    needEmulator(t, skip, 'a second seeded account');
    expectError(await connect('uptime-kuma', { homelab_id: 'hl_other' }), 403, 'FORBIDDEN');
    // Before anything is said about the plan: authentik is above hobby.
    expectError(await connect('authentik', { homelab_id: 'hl_other' }), 403, 'FORBIDDEN');
  });

  it('answers 400 VALIDATION_ERROR without a homelab_id', async () => {
    expectError(await connect('uptime-kuma', {}), 400, 'VALIDATION_ERROR');
  });

  it('answers 404 NOT_FOUND for an unknown tool', async () => {
    expectError(await connect('no-such-tool'), 404, 'NOT_FOUND');
  });
});

describe('DELETE /tools/{id}/disconnect', () => {
  it('answers 204 and the tool has no connection', async ({ skip }) => {
    needWrites(t, skip);
    expectBody(await connect('uptime-kuma'), 200, Tool);
    const res = await call(t, 'DELETE', '/tools/uptime-kuma/disconnect', { token });
    expect(res.status).toBe(204);
    const tool = expectBody(await call(t, 'GET', '/tools/uptime-kuma', { token }), 200, Tool);
    expect(tool.connection).toBeNull();
  });

  it('answers 404 NOT_FOUND for an unknown tool', async () => {
    const res = await call(t, 'DELETE', '/tools/no-such-tool/disconnect', { token });
    expectError(res, 404, 'NOT_FOUND');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ speed: 0 });
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
});

async function client() {
  const login = await new ApiClient({ baseUrl: emu.apiUrl }).login(DEMO.email, DEMO.password);
  const sent: Array<{ ifNoneMatch: string | null; status: number }> = [];
  const limits: number[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    sent.push({ ifNoneMatch: headers.get('if-none-match'), status: response.status });
    return response;
  };
  const api = new ApiClient({
    baseUrl: emu.apiUrl,
    fetch: recording,
    onRateLimit: (limit) => limits.push(limit),
    auth: { accessToken: async () => login.token, refreshAfterRejection: async () => login.token },
  });
  return { api, sent, limits };
}

describe('ApiClient conditional reads', () => {
  it('asks with If-None-Match and reuses the last body on a 304', async () => {
    const { api, sent } = await client();
    const first = await api.deployments();
    const second = await api.deployments();
    expect(second).toEqual(first);
    expect(sent[0]).toEqual({ ifNoneMatch: null, status: 200 });
    expect(sent[1]?.ifNoneMatch).toMatch(/.+/);
    expect(sent[1]?.status).toBe(304);
  });

  it('reads the new body when the resource changed', async () => {
    const { api, sent } = await client();
    await api.me();
    await emu.control('homelab', { status: 'offline' });
    const user = await api.me();
    expect(sent[1]?.status).toBe(200);
    expect(user.homelabs[0]?.status).toBe('offline');
  });

  it("reports the plan's per-minute limit from X-RateLimit-Limit", async () => {
    const { api, limits } = await client();
    await api.me();
    expect(limits).toEqual([100]);
  });
});

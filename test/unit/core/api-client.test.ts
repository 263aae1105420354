import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import {
  ApiError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
} from '../../../src-main/core/api/errors';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
});

interface Counters {
  refresh: number;
  by_route: Record<string, number>;
}
async function counters(): Promise<Counters> {
  const state = (await emu.control('state')) as { counters: Counters };
  return state.counters;
}

/** A client signed in as the demo account with a fixed token (no refresh). */
async function signedInClient(timeoutMs?: number) {
  const tokens = await new ApiClient({ baseUrl: emu.apiUrl }).login(DEMO.email, DEMO.password);
  return new ApiClient({
    baseUrl: emu.apiUrl,
    timeoutMs,
    auth: {
      accessToken: async () => tokens.token,
      refreshAfterRejection: async () => tokens.token,
    },
  });
}

describe('ApiClient against the emulator', () => {
  it('signs in and reads me, subscriptions and deployments through the schemas', async () => {
    const client = await signedInClient();
    const me = await client.me();
    expect(me.email).toBe(DEMO.email);
    expect(me.homelabs.map((h) => h.id)).toContain(DEMO.homelabId);
    const subscriptions = await client.subscriptions();
    expect(subscriptions[0]?.limits.requests_per_minute).toBeGreaterThan(0);
    const deployments = await client.deployments();
    expect(deployments.map((d) => d.status).sort()).toEqual(['failed', 'succeeded']);
    const one = await client.deployment(deployments[0]!.id);
    expect(one.id).toBe(deployments[0]!.id);
  });

  it('turns wrong credentials into ApiError INVALID_CREDENTIALS with a request id', async () => {
    const client = new ApiClient({ baseUrl: emu.apiUrl });
    const error = await client.login(DEMO.email, 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect((error as ApiError).requestId).toBeTruthy();
  });

  it('creates one deployment for two requests with the same idempotency key', async () => {
    const client = await signedInClient();
    const request = { stackkit: 'base-kit', homelab_id: DEMO.homelabId };
    const first = await client.createDeployment(request, 'key-one');
    const again = await client.createDeployment(request, 'key-one');
    expect(again.id).toBe(first.id);
    const other = await client.createDeployment(request, 'key-two');
    expect(other.id).not.toBe(first.id);
    expect((await client.deployments()).filter((d) => d.status !== 'succeeded').length).toBe(3);
  });

  it('deletes a deployment, which then reads as deleting', async () => {
    const client = await signedInClient();
    const [first] = await client.deployments();
    const deleted = await client.deleteDeployment(first!.id);
    expect(deleted.status).toBe('deleting');
  });

  it('reports a 404 on an unknown deployment as ApiError NOT_FOUND', async () => {
    const client = await signedInClient();
    await expect(client.deployment('dep_nope')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('reads Retry-After seconds of a 429 into retryAt', async () => {
    const client = await signedInClient();
    await emu.control('faults', {
      path: '/v1/me',
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      retry_after: 30,
      times: 1,
    });
    const before = Date.now();
    const error = (await client.me().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('RATE_LIMIT_EXCEEDED');
    const wait = error.retryAt!.getTime() - before;
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThan(35_000);
  });

  it('reports a body that is not JSON as MalformedResponseError', async () => {
    const client = await signedInClient();
    await emu.control('faults', { path: '/v1/me', malformed_json: true, times: 1 });
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as MalformedResponseError).field).toBeNull();
  });

  it('gives up on a body that never ends with TimeoutError', async () => {
    const client = await signedInClient(300);
    await emu.control('faults', { path: '/v1/deployments*', stall_body: true, times: 1 });
    const error = await client.deployments().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('reports a dropped connection as NetworkError', async () => {
    const client = await signedInClient();
    await emu.control('faults', { path: '/v1/me', reset_connection: true, times: 1 });
    await expect(client.me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps a 503 error code and its Retry-After', async () => {
    const client = await signedInClient();
    await emu.control('faults', {
      path: '/v1/deployments',
      method: 'POST',
      status: 503,
      code: 'HOMELAB_UNREACHABLE',
      times: 1,
    });
    const request = { stackkit: 'base-kit', homelab_id: DEMO.homelabId };
    await expect(client.createDeployment(request)).rejects.toMatchObject({
      status: 503,
      code: 'HOMELAB_UNREACHABLE',
    });
  });

  it('on a 401 INVALID_TOKEN asks for a new token once and retries once', async () => {
    const login = await new ApiClient({ baseUrl: emu.apiUrl }).login(DEMO.email, DEMO.password);
    const asked: string[] = [];
    const client = new ApiClient({
      baseUrl: emu.apiUrl,
      auth: {
        accessToken: async () => 'not-a-valid-token',
        refreshAfterRejection: async (rejected) => {
          asked.push(rejected);
          return login.token;
        },
      },
    });
    expect((await client.me()).email).toBe(DEMO.email);
    expect(asked).toEqual(['not-a-valid-token']);
    expect((await counters()).by_route['GET /v1/me']).toBe(2);
  });

  it('does not retry a second time when the new token is refused too', async () => {
    let asked = 0;
    const client = new ApiClient({
      baseUrl: emu.apiUrl,
      auth: {
        accessToken: async () => 'bad-1',
        refreshAfterRejection: async () => {
          asked += 1;
          return 'bad-2';
        },
      },
    });
    await expect(client.me()).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    expect(asked).toBe(1);
    expect((await counters()).by_route['GET /v1/me']).toBe(2);
  });
});

describe('ApiClient without a server', () => {
  it('reports a refused connection as NetworkError', async () => {
    const stopped = await startEmulator();
    const url = stopped.apiUrl;
    await stopped.stop();
    const error = await new ApiClient({ baseUrl: url })
      .login(DEMO.email, DEMO.password)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toBe('connection refused');
  });
});

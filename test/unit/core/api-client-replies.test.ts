import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import type { ApiError } from '../../../src-main/core/api/errors';
import { MalformedResponseError } from '../../../src-main/core/api/errors';
import { MAX_PAGE_ITEMS } from '../../../src-shared/kombify-api';

/** A fetch that answers every request with one canned reply. */
function replying(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(status === 204 ? null : body, { status, headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const auth = {
  accessToken: async () => 'tok',
  refreshAfterRejection: async () => 'tok2',
};

describe('ApiClient reply handling', () => {
  it('names the field that breaks the contract', async () => {
    const body = JSON.stringify({ data: [{ id: 'dep_1', name: 'x' }], next_cursor: null });
    const { fetch } = replying(200, body);
    const client = new ApiClient({ baseUrl: 'http://x/v1', fetch, auth });
    const error = (await client.deployments().catch((e: unknown) => e)) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.field).toBe('data.0.stackkit');
    expect(error.message).toContain('data.0.stackkit');
  });

  it('refuses a list far longer than any page it asked for', async () => {
    const item = {
      id: 'dep_1',
      name: 'x',
      stackkit: 'base-kit',
      homelab_id: 'hl_1',
      status: 'queued',
      progress: 0,
      step: null,
      error: null,
      created_at: '2026-12-03T12:00:00Z',
      updated_at: '2026-12-03T12:00:00Z',
      finished_at: null,
    };
    const body = JSON.stringify({ data: Array(MAX_PAGE_ITEMS + 1).fill(item), next_cursor: null });
    const client = new ApiClient({
      baseUrl: 'http://x/v1',
      fetch: replying(200, body).fetch,
      auth,
    });
    const error = await client.deployments().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
  });

  it('retries only a 401 INVALID_TOKEN, not other refusals', async () => {
    const body = JSON.stringify({ error: { code: 'ACCOUNT_LOCKED', message: 'locked' } });
    const { fetch, seen } = replying(401, body);
    let refreshes = 0;
    const client = new ApiClient({
      baseUrl: 'http://x/v1',
      fetch,
      auth: { ...auth, refreshAfterRejection: async () => `tok${++refreshes}` },
    });
    await expect(client.me()).rejects.toMatchObject({ status: 401, code: 'ACCOUNT_LOCKED' });
    expect(refreshes).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('keeps the status of an error reply without an envelope', async () => {
    const { fetch } = replying(502, '<html>Bad gateway</html>');
    const client = new ApiClient({ baseUrl: 'http://x/v1', fetch, auth });
    await expect(client.me()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reads an HTTP-date Retry-After', async () => {
    const at = new Date(Date.now() + 60_000);
    at.setMilliseconds(0);
    const envelope = JSON.stringify({ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow' } });
    const { fetch } = replying(429, envelope, { 'Retry-After': at.toUTCString() });
    const client = new ApiClient({ baseUrl: 'http://x/v1', fetch, auth });
    const error = (await client.me().catch((e: unknown) => e)) as ApiError;
    expect(error.retryAt?.getTime()).toBe(at.getTime());
  });

  it('sends the bearer token, JSON body and idempotency key', async () => {
    const reply = JSON.stringify({
      id: 'dep_1',
      name: 'n',
      stackkit: 'base-kit',
      homelab_id: 'hl_1',
      status: 'queued',
      progress: 0,
      step: null,
      error: null,
      created_at: '2026-12-03T12:00:00Z',
      updated_at: '2026-12-03T12:00:00Z',
      finished_at: null,
    });
    const { fetch, seen } = replying(202, reply);
    const client = new ApiClient({ baseUrl: 'http://x/v1/', fetch, auth });
    await client.createDeployment({ stackkit: 'base-kit', homelab_id: 'hl_1' }, 'idem-1');
    const request = seen[0]!;
    expect(request.url).toBe('http://x/v1/deployments');
    expect(request.headers.get('authorization')).toBe('Bearer tok');
    expect(request.headers.get('idempotency-key')).toBe('idem-1');
    expect(await request.json()).toEqual({ stackkit: 'base-kit', homelab_id: 'hl_1' });
  });

  it('generates a fresh idempotency key per call when none is given', async () => {
    const { fetch, seen } = replying(400, '{"error":{"code":"VALIDATION_ERROR","message":"m"}}');
    const client = new ApiClient({ baseUrl: 'http://x/v1', fetch, auth });
    const request = { stackkit: 'base-kit', homelab_id: 'hl_1' };
    await client.createDeployment(request).catch(() => undefined);
    await client.createDeployment(request).catch(() => undefined);
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('accepts a 204 for logout and sends the token being revoked', async () => {
    const { fetch, seen } = replying(204, '');
    await new ApiClient({ baseUrl: 'http://x/v1', fetch }).logout('old-token');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer old-token');
  });

  it('refuses new requests after close', async () => {
    const { fetch } = replying(204, '');
    const client = new ApiClient({ baseUrl: 'http://x/v1', fetch });
    client.close();
    await expect(client.logout('t')).rejects.toThrow('shutting down');
  });
});

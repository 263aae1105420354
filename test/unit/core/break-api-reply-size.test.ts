/**
 * Found by adversarial testing: ApiClient reads every reply body whole
 * (`await response.text()` in src-main/core/api/client.ts #send) with no size
 * limit. The schemas cap list lengths (MAX_PAGE_ITEMS) but not the bytes, so
 * one reply can be as large as the server likes.
 *
 * By hand, a proxy in front of the emulator that streams an endless `/v1/me`
 * body took the browser host from 110 MB to 15 GB resident in under a minute:
 * the 10 s time box did not stop it, because reading the fast local stream kept
 * the timer from running.
 *
 * Marked `it.fails` until a reply far beyond anything the contract can produce
 * is refused as malformed before it is read to the end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import { MalformedResponseError } from '../../../src-main/core/api/errors';

/** Far beyond a full page of the largest objects the contract has (about 1 MB). */
const HUGE_BYTES = 32 * 1024 * 1024;

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = null;
});

/** A real loopback server answering `/v1/me` with a valid account whose name is huge. */
async function hugeAccountServer(): Promise<string> {
  const name = 'A'.repeat(HUGE_BYTES);
  const body = JSON.stringify({
    id: 'usr_1',
    email: 'a@b.c',
    name,
    plan: 'hobby',
    quota: { stacks: { used: 0, limit: 3 }, tools: { used: 0, limit: 5 } },
    homelabs: [],
  });
  server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('ApiClient against a reply of unreasonable size', () => {
  it.fails('refuses it as malformed instead of reading and keeping it', async () => {
    const baseUrl = await hugeAccountServer();
    const client = new ApiClient({ baseUrl });
    const outcome = await client.identify({ bearer: 'token' }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(MalformedResponseError);
  });
});

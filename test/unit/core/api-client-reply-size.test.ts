/**
 * ApiClient against replies no contract can produce: far too large, declared
 * or streamed, and endless. Each is refused before it fills memory (once an
 * endless `/v1/me` took the host to 15 GB), as malformed, and the time box
 * holds while a body drips in.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src-main/core/api/client';
import { MalformedResponseError, TimeoutError } from '../../../src-main/core/api/errors';

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
  it('refuses it as malformed instead of reading and keeping it', async () => {
    const baseUrl = await hugeAccountServer();
    const client = new ApiClient({ baseUrl });
    const outcome = await client.identify({ bearer: 'token' }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(MalformedResponseError);
  });
});

/** A server answering `/v1/me` with chunks of `chunk` bytes every `everyMs`, never ending. */
async function endlessServer(chunk: number, everyMs: number): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"id":"usr_1","name":"');
    const piece = 'A'.repeat(chunk);
    const timer = setInterval(() => res.write(piece), everyMs);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('ApiClient against a reply that never ends', () => {
  it('stops reading a fast endless body at the size limit, as malformed', async () => {
    const client = new ApiClient({ baseUrl: await endlessServer(256 * 1024, 1) });
    const outcome = await client.identify({ bearer: 'token' }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(MalformedResponseError);
    expect((outcome as MalformedResponseError).field).toMatch(/over 8 MB/);
  });

  it('gives up on a body that drips in forever when its time box ends', async () => {
    const client = new ApiClient({ baseUrl: await endlessServer(16, 20), timeoutMs: 300 });
    const outcome = await client.identify({ bearer: 'token' }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(TimeoutError);
  });
});

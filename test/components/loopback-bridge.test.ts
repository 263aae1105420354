// @vitest-environment node
/**
 * The loopback client against a real HTTP server speaking the browser host's
 * wire protocol: POST /bridge/<method> and the GET /bridge/events stream.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLoopbackBridge, type LoopbackBridge } from '../../src-renderer/lib/loopback-bridge';
import type { AppView, NotificationView } from '../../src-shared/bridge';
import { signedInView, signedOutView } from './support/fixtures';

const KEY = 'test-key-0123456789';

interface Call {
  method: string;
  key: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

let server: Server;
let origin: string;
let calls: Call[];
let streams: ServerResponse[];
let streamOpens: number;
let reply: (method: string) => { status: number; body: string };

beforeEach(async () => {
  calls = [];
  streams = [];
  streamOpens = 0;
  reply = () => ({ status: 200, body: JSON.stringify({ ok: true, value: signedOutView() }) });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const stream of streams) stream.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function handle(req: IncomingMessage, res: ServerResponse) {
  const key = req.headers['x-kombify-bridge-key'] as string | undefined;
  if (req.url === '/bridge/events') {
    if (key !== KEY) return void res.writeHead(401).end('{"error":"key"}');
    streamOpens += 1;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    streams.push(res);
    return;
  }
  let text = '';
  for await (const chunk of req) text += String(chunk);
  const method = (req.url ?? '').replace('/bridge/', '');
  calls.push({ method, key, contentType: req.headers['content-type'], body: JSON.parse(text) });
  const { status, body } = key === KEY ? reply(method) : { status: 401, body: '{}' };
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

const bridge = (key = KEY): LoopbackBridge =>
  createLoopbackBridge({ key, origin, retryDelaysMs: [20], callTimeoutMs: 2000 });

function collect<T>(subscribe: (listener: (payload: T) => void) => () => void) {
  const received: T[] = [];
  const off = subscribe((payload) => received.push(payload));
  return { received, off };
}

describe('loopback bridge calls', () => {
  it('waits for a person on browser and device sign-in far longer than for other calls', async () => {
    const slow = new Set(['signInWithBrowser', 'signInWithDeviceCode', 'getState']);
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const method = (req.url ?? '').replace('/bridge/', '');
      const wait = slow.has(method) ? 400 : 0;
      // A request the client gave up on fails to read; that is the point here.
      setTimeout(() => void handle(req, res).catch(() => undefined), wait);
    });
    const quick = createLoopbackBridge({
      key: KEY,
      origin,
      retryDelaysMs: [20],
      callTimeoutMs: 150,
    });

    expect(await quick.getState()).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_UNREACHABLE' },
    });
    expect(await quick.signInWithBrowser()).toEqual({ ok: true, value: signedOutView() });
    expect(await quick.signInWithDeviceCode()).toEqual({ ok: true, value: signedOutView() });
  });

  it('still gives up on a sign-in the host never answers, after its own longer limit', async () => {
    server.removeAllListeners('request');
    const arrived: string[] = [];
    server.on('request', (req: IncomingMessage) => arrived.push(req.url ?? ''));
    // The time limits as the client asks for them, ended by the test instead of the clock.
    const limits: Array<{ ms: number; end: () => void }> = [];
    const quick = createLoopbackBridge({
      key: KEY,
      origin,
      callTimeoutMs: 50,
      signInTimeoutMs: 200,
      timeout: (ms) => {
        const controller = new AbortController();
        limits.push({ ms, end: () => controller.abort(new Error('time is up')) });
        return controller.signal;
      },
    });
    let settled = false;
    const signingIn = quick.signInWithBrowser().finally(() => (settled = true));
    await expect.poll(() => arrived).toEqual(['/bridge/signInWithBrowser']);
    expect(limits.map((limit) => limit.ms)).toEqual([200]);
    expect(settled).toBe(false);

    limits[0]!.end();
    expect(await signingIn).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNREACHABLE' } });
  });

  it('posts the payload with the key and returns the host result', async () => {
    const result = await bridge().signInWithPassword({ email: 'a@b.c', password: 'pw' });

    expect(result).toEqual({ ok: true, value: signedOutView() });
    expect(calls).toEqual([
      {
        method: 'signInWithPassword',
        key: KEY,
        contentType: 'application/json',
        body: { payload: { email: 'a@b.c', password: 'pw' } },
      },
    ]);
  });

  it('sends an empty object for methods without a payload', async () => {
    await bridge().getState();
    expect(calls[0]).toMatchObject({ method: 'getState', body: {} });
  });

  it('passes failures from main through unchanged', async () => {
    const error = { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' };
    reply = () => ({ status: 200, body: JSON.stringify({ ok: false, error }) });
    expect(await bridge().signOut()).toEqual({ ok: false, error });
  });

  it.each([
    [401, 'BRIDGE_UNAUTHORIZED', /did not accept this page/],
    [403, 'BRIDGE_FORBIDDEN', /refused this page/],
    [404, 'BRIDGE_UNKNOWN_METHOD', /Reload the page/],
    [500, 'BRIDGE_HTTP_ERROR', /\(500\)/],
  ])('turns HTTP %i into an error result in plain words', async (status, code, words) => {
    reply = () => ({ status, body: '{"error":"diagnostics for developers"}' });
    const result = await bridge().refresh();
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.message).toMatch(words);
  });

  it('reports a wrong key as unauthorized', async () => {
    expect(await bridge('wrong').getState()).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_UNAUTHORIZED' },
    });
  });

  it('reports an answer that is not a BridgeResult', async () => {
    reply = () => ({ status: 200, body: '<html>' });
    expect(await bridge().getState()).toMatchObject({ error: { code: 'BRIDGE_BAD_RESPONSE' } });
    reply = () => ({ status: 200, body: '{"value":1}' });
    expect(await bridge().getState()).toMatchObject({ error: { code: 'BRIDGE_BAD_RESPONSE' } });
  });

  it('reports a host that is gone instead of throwing', async () => {
    const gone = createLoopbackBridge({ key: KEY, origin: 'http://127.0.0.1:9' });
    const result = await gone.deployStackKit({
      stackkit: 'base-kit',
      homelabId: 'hl_1',
      requestId: '2c5ea4c0-4067-11e9-8bad-9b1deb4d3b7d',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNREACHABLE' } });
  });
});

describe('loopback bridge events', () => {
  it('delivers state and notification events, skipping pings and split chunks', async () => {
    const client = bridge();
    const states = collect<AppView>((l) => client.on('state', l));
    const notes = collect<NotificationView>((l) => client.on('notification', l));
    await expect.poll(() => streams.length).toBe(1);

    const view = signedInView();
    const note: NotificationView = {
      key: 'k',
      kind: 'deployment-succeeded',
      title: 'base-kit-1 succeeded',
      body: 'ok',
    };
    const wire =
      `: ping\n\nevent: state\ndata: ${JSON.stringify(view)}\n\n` +
      `event: notification\r\ndata: ${JSON.stringify(note)}\r\n\r\n`;
    const stream = streams[0] as ServerResponse;
    stream.write(wire.slice(0, 37));
    stream.write(wire.slice(37));

    await expect.poll(() => notes.received.length).toBe(1);
    expect(states.received).toEqual([view]);
    expect(notes.received).toEqual([note]);
    states.off();
    notes.off();
  });

  it('closes the stream once nobody listens', async () => {
    const client = bridge();
    const { off } = collect<AppView>((l) => client.on('state', l));
    await expect.poll(() => streams.length).toBe(1);
    const closed = new Promise((resolve) => (streams[0] as ServerResponse).on('close', resolve));
    off();
    await closed;
  });

  it('reconnects after a drop and catches up with getState', async () => {
    const view = signedInView();
    reply = () => ({ status: 200, body: JSON.stringify({ ok: true, value: view }) });
    const client = bridge();
    const states = collect<AppView>((l) => client.on('state', l));
    await expect.poll(() => streamOpens).toBe(1);
    expect(calls).toHaveLength(0);

    (streams[0] as ServerResponse).destroy();

    await expect.poll(() => streamOpens).toBe(2);
    await expect.poll(() => states.received.length).toBe(1);
    expect(calls.map((c) => c.method)).toEqual(['getState']);
    expect(states.received[0]).toEqual(view);
    states.off();
  });

  it('keeps retrying a refused key without throwing, and reports the link down', async () => {
    const client = bridge('wrong');
    const link = collect<boolean>((l) => client.onLink(l));
    const states = collect<AppView>((l) => client.on('state', l));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamOpens).toBe(0);
    expect(states.received).toEqual([]);
    expect(link.received).toEqual([false]);
    states.off();
  });

  it('reports the link up, then down once the host is gone for good', async () => {
    const client = bridge();
    const link = collect<boolean>((l) => client.onLink(l));
    const states = collect<AppView>((l) => client.on('state', l));
    await expect.poll(() => link.received).toEqual([true]);

    server.close();
    (streams[0] as ServerResponse).destroy();

    await expect.poll(() => link.received).toEqual([true, false]);
    states.off();
  });
});

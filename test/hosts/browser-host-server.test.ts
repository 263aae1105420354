import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../src-main/browser-host/server';
import { FakeBeats } from './fake-beats';
import { NOTIFICATION_DESTINATIONS } from './notification-destinations';
import { RecordingCore, sampleView, silentLogger } from './fake-core';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host header a browser would not. */
function raw(
  server: BridgeServer,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawReply> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('browser host loopback server', () => {
  let core: RecordingCore;
  let server: BridgeServer;
  let staticDir: string;
  let opened: string[];
  let windowsConnected: number;

  beforeEach(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'kombify-static-'));
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>kombify</title>');
    await writeFile(join(staticDir, 'assets', 'app.js'), 'export {};');
    await writeFile(join(tmpdir(), 'kombify-outside.txt'), 'outside');
    core = new RecordingCore();
    opened = [];
    windowsConnected = 0;
    server = await startBridgeServer({
      onWindowConnected: () => (windowsConnected += 1),
      core,
      staticDir,
      logger: silentLogger,
      opener: { openExternal: async (url) => void opened.push(url) },
    });
  });

  afterEach(async () => {
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  /** Opens the window's event stream; `readUntil` reads on until the text holds a needle. */
  async function openEvents() {
    const controller = new AbortController();
    const reply = await fetch(`${server.origin}/bridge/events`, {
      headers: { 'x-kombify-bridge-key': server.key },
      signal: controller.signal,
    });
    const reader = reply.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (until: string | (() => boolean)) => {
      const reached = typeof until === 'string' ? () => text.includes(until) : until;
      while (!reached()) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${String(until)}`);
        text += decoder.decode(value);
      }
    };
    return { reply, controller, readUntil, text: () => text };
  }

  const call = (method: string, body: unknown, key = server.key) =>
    fetch(`${server.origin}/bridge/${method}`, {
      method: 'POST',
      headers: { 'x-kombify-bridge-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('listens on loopback only and puts the key in the fragment, not the path', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.pageUrl).toBe(`${server.origin}/#k=${server.key}`);
    expect(server.key.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const reply = await fetch(`${server.origin}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    expect(await reply.text()).toContain('<title>kombify</title>');
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    const reply = await raw(server, '/../kombify-outside.txt');
    expect(reply.status).toBe(404);
    const encoded = await raw(server, '/%2e%2e/kombify-outside.txt');
    expect(encoded.status).toBe(404);
    const slash = await raw(server, '/..%2fkombify-outside.txt');
    expect(slash.status).toBe(404);
    expect((await raw(server, '/assets/app.js')).status).toBe(200);
  });

  it('answers nothing to a request whose Host is not the server itself', async () => {
    const { port } = new URL(server.origin);
    const rebinding = await raw(server, '/bridge/getState', {
      method: 'POST',
      headers: { host: `evil.example:${port}`, 'x-kombify-bridge-key': server.key },
      body: '{}',
    });
    expect(rebinding.status).toBe(403);
    const page = await raw(server, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(core.calls).toHaveLength(0);
  });

  it('refuses a cross-site Origin even with the right key', async () => {
    const reply = await raw(server, '/bridge/getState', {
      method: 'POST',
      headers: {
        host: new URL(server.origin).host,
        origin: 'http://evil.example',
        'x-kombify-bridge-key': server.key,
      },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(core.calls).toHaveLength(0);
  });

  it('requires the per-run key for every bridge call', async () => {
    expect((await call('getState', {}, 'wrong')).status).toBe(401);
    expect((await call('getState', {}, '')).status).toBe(401);
    const events = await fetch(`${server.origin}/bridge/events`);
    expect(events.status).toBe(401);
    expect(core.calls).toHaveLength(0);
  });

  it('hands the payload to the core untouched and returns its result', async () => {
    const reply = await call('signInWithPassword', { payload: { email: 'a@b.c', password: 'x' } });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ ok: true, value: { echoed: 'signInWithPassword' } });
    expect(core.calls).toEqual([
      { method: 'signInWithPassword', payload: { email: 'a@b.c', password: 'x' } },
    ]);
  });

  it('rejects a body that is not JSON or too large without calling the core', async () => {
    const notJson = await fetch(`${server.origin}/bridge/getState`, {
      method: 'POST',
      headers: { 'x-kombify-bridge-key': server.key },
      body: '{"payload":',
    });
    expect(notJson.status).toBe(400);
    const huge = await call('getState', { payload: 'x'.repeat(100_000) });
    expect(huge.status).toBe(400);
    expect(core.calls).toHaveLength(0);
  });

  it('opens kombify pages by name and nothing else', async () => {
    const byUrl = await call('openLink', { payload: { url: 'file:///etc/passwd' } });
    expect(await byUrl.json()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const unknown = await call('openLink', { payload: { link: 'evil' } });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const good = await call('openLink', { payload: { link: 'pricing' } });
    expect(await good.json()).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://kombify.io/pricing']);
    expect(core.calls).toHaveLength(0);
  });

  it('streams the current state, every change and notifications as server-sent events', async () => {
    const { reply, readUntil, controller } = await openEvents();
    expect(reply.headers.get('content-type')).toContain('text/event-stream');

    await readUntil('"tooltip":"kombify Tray — signed out"');
    expect(windowsConnected).toBe(1);
    core.publish(sampleView({ session: { status: 'signed-in', email: 'a@b.c', name: null } }));
    await readUntil('"email":"a@b.c"');
    expect(
      server.broadcastNotification({
        key: 'k1',
        kind: 'deployment-succeeded',
        title: 'Done',
        body: 'base-kit',
      }),
    ).toBe(1);
    await readUntil('event: notification\ndata: {"key":"k1"');

    controller.abort();
    await expect.poll(() => core.listenerCount).toBe(0);
  });

  it('keeps the stream of an open window alive on the heartbeat, with no timer of its own', async () => {
    await server.close();
    const beats = new FakeBeats();
    server = await startBridgeServer({
      core,
      staticDir,
      logger: silentLogger,
      opener: { openExternal: async () => undefined },
      heartbeat: beats,
      onWindowConnected: () => (windowsConnected += 1),
    });
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const { readUntil, controller } = await openEvents();
    await expect.poll(() => windowsConnected).toBe(1);
    beats.beat();
    await readUntil(': ping');
    expect(intervals).not.toHaveBeenCalled();
    intervals.mockRestore();
    controller.abort();
    await expect.poll(() => beats.listeners.size).toBe(0);
  });

  it('tells the window where a click on each kind of notification goes', async () => {
    const { text, readUntil, controller } = await openEvents();
    const events = () =>
      text()
        .split('\n\n')
        .filter((block) => block.startsWith('event: notification\n'))
        .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as unknown);
    await expect.poll(() => windowsConnected).toBe(1);
    for (const { notification } of NOTIFICATION_DESTINATIONS) {
      server.broadcastNotification(notification);
    }
    await readUntil(() => events().length === NOTIFICATION_DESTINATIONS.length);
    expect(events()).toEqual(
      NOTIFICATION_DESTINATIONS.map(({ notification, to }) => ({ ...notification, to })),
    );
    controller.abort();
  });
});

/**
 * The browser host's loopback server: serves the built renderer and carries
 * the bridge over HTTP. Only this machine can reach it (127.0.0.1), only pages
 * that know the per-run key can call it, and the Host header must name the
 * server itself so a DNS-rebinding page cannot borrow the browser's access.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { BridgeEvents, NotificationView } from '../../src-shared/bridge';
import type { BeatSource } from '../core/heartbeat';
import { navigationFor } from '../core/notification-rules';
import type { Logger } from '../core/ports';
import { dispatchBridgeCall, type BridgeCore } from '../host/bridge-host';
import type { ExternalOpener } from '../host/links';

export const BRIDGE_KEY_HEADER = 'x-kombify-bridge-key';
const MAX_BODY_BYTES = 64 * 1024;
/** Pings of an open event stream when the host gives no heartbeat to ride. */
const PING_INTERVAL_MS = 15_000;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BridgeServerOptions {
  core: BridgeCore;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  logger: Logger;
  port?: number;
  /** Opens kombify pages for `openLink`. */
  opener: ExternalOpener;
  /** Fixed key for tests; a random one otherwise. */
  key?: string;
  /** A window opened its event stream (a page load or a reconnect). */
  onWindowConnected?: () => void;
  /** The host's heartbeat: open streams are pinged on it instead of on a timer of their own. */
  heartbeat?: BeatSource;
}

export interface BridgeServer {
  /** The address to open, key included in the fragment (never sent to the server). */
  pageUrl: string;
  origin: string;
  key: string;
  /** Pushes a notification to every open window, with where a click on it goes. */
  broadcastNotification(notification: NotificationView): number;
  close(): Promise<void>;
}

/** Starts the loopback server on 127.0.0.1 and resolves once it listens. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.logger;
  const key = options.key ?? randomBytes(32).toString('base64url');
  const keyBytes = Buffer.from(key);
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const hasKey = (req: IncomingMessage): boolean => {
    const given = Buffer.from(String(req.headers[BRIDGE_KEY_HEADER] ?? ''));
    return given.length === keyBytes.length && timingSafeEqual(given, keyBytes);
  };

  const send = <E extends keyof BridgeEvents>(
    res: ServerResponse,
    event: E,
    data: BridgeEvents[E],
  ) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      log.error('request failed', { error: String(error), path: safePath(req.url) });
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A rebinding attack arrives with a foreign Host; a cross-site page with a foreign Origin.
    if (!allowedHosts.has(String(req.headers.host ?? '')))
      return reply(res, 403, { error: 'host' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return reply(res, 403, { error: 'origin' });
    }
    const path = safePath(req.url);
    if (path.startsWith('/bridge/')) {
      if (!hasKey(req)) return reply(res, 401, { error: 'bridge key missing or wrong' });
      if (path === '/bridge/events' && req.method === 'GET') return openEventStream(res);
      if (req.method !== 'POST') return reply(res, 405, { error: 'method' });
      return invoke(path.slice('/bridge/'.length), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { error: 'method' });
    return serveStatic(path, res);
  }

  async function invoke(method: string, req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    if (!body.ok) return reply(res, 400, { error: body.reason });
    const payload = (body.value as { payload?: unknown } | null)?.payload;
    return reply(res, 200, await dispatchBridgeCall(options.core, options.opener, method, payload));
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    streams.add(res);
    send(res, 'state', options.core.view());
    options.onWindowConnected?.();
    const unsubscribe = options.core.subscribe((view) => send(res, 'state', view));
    const ping = () => void res.write(': ping\n\n');
    const stopPings = options.heartbeat
      ? options.heartbeat.onBeat(ping)
      : clearIntervalOf(setInterval(ping, PING_INTERVAL_MS));
    res.on('close', () => {
      stopPings();
      unsubscribe();
      streams.delete(res);
    });
  }

  async function serveStatic(path: string, res: ServerResponse) {
    const relative = path === '/' ? 'index.html' : path.slice(1);
    const file = normalize(join(options.staticDir, relative));
    if (!file.startsWith(normalize(options.staticDir) + sep))
      return reply(res, 404, { error: 'not found' });
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return reply(res, 404, { error: 'not found' });
    res.writeHead(200, {
      'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const originUrl = `http://127.0.0.1:${port}`;
  log.info('browser host listening', { origin: originUrl });

  return {
    pageUrl: `${originUrl}/#k=${key}`,
    origin: originUrl,
    key,
    broadcastNotification(notification) {
      const event = { ...notification, to: navigationFor(notification) };
      for (const res of streams) send(res, 'notification', event);
      return streams.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** The path alone: query strings are dropped so they never reach a log. */
function safePath(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return '/';
  }
}

type JsonBody = { ok: true; value: unknown } | { ok: false; reason: string };

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, reason: 'body too large' };
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
}

function clearIntervalOf(timer: ReturnType<typeof setInterval>): () => void {
  return () => clearInterval(timer);
}

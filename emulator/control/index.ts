/**
 * `/_emulator/*`: the control API for tests and demos. Loopback only, JSON
 * in and out, documented in emulator/README.md. Not part of kombify Cloud.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorApp } from '../app';
import { ApiError, errorBody } from '../errors';
import { parseJsonObject, readRaw } from '../http';
import { systemControls } from './system';
import type { Handler } from './types';
import { worldControls } from './world';

const HANDLERS: Record<string, Handler> = { ...systemControls, ...worldControls };

function isLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/**
 * Refuses what a web page in the user's browser could send: a foreign Host
 * (DNS rebinding) or a POST that is not JSON (a "simple" cross-site request
 * needs no preflight, and we answer no preflights).
 */
function checkBrowserSafety(req: IncomingMessage, app: EmulatorApp): void {
  const { port } = new URL(app.baseUrl);
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) {
    throw new ApiError('FORBIDDEN', 'The control API answers only to its loopback address.');
  }
  const type = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && !type.startsWith('application/json')) {
    throw new ApiError('VALIDATION_ERROR', 'Control requests must be application/json.');
  }
}

/** Handles one `/_emulator/...` request. */
export async function handleControl(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    res
      .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));
  };
  const name = url.pathname.slice('/_emulator/'.length);
  try {
    if (!isLoopback(req)) {
      throw new ApiError('FORBIDDEN', 'The control API is for loopback callers only.');
    }
    checkBrowserSafety(req, app);
    const handler = HANDLERS[name];
    const allowed = req.method === 'POST' || (req.method === 'GET' && name === 'state');
    if (!handler || !allowed) throw new ApiError('NOT_FOUND', `No control ${req.method} ${name}`);
    const body = req.method === 'POST' ? parseJsonObject(await readRaw(req)) : {};
    reply(200, handler(app, body) ?? {});
  } catch (err) {
    if (err instanceof ApiError) {
      reply(err.status, errorBody(err.code, err.message, 'control'));
      return;
    }
    console.error('emulator: control failed', err);
    reply(500, errorBody('INTERNAL_ERROR', String(err), 'control'));
  }
}

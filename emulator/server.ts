/** The HTTP server: `/v1` to the API, `/_emulator` to the control API, the rest to OIDC. */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api/router';
import type { EmulatorApp } from './app';
import { handleControl } from './control/index';
import { errorBody } from './errors';
import { applyFault } from './reply';

/** A handler for everything outside `/v1` and `/_emulator` (the OIDC issuer). */
export type FallbackHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Starts listening on 127.0.0.1 only; resolves with the server and its base URL. */
export async function startServer(
  app: EmulatorApp,
  port: number,
  fallback: () => FallbackHandler | null,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', app.baseUrl);
    const path = url.pathname;
    let work: Promise<void> | void = undefined;
    if (path === '/v1' || path.startsWith('/v1/')) work = handleApi(app, req, res, url);
    else if (path.startsWith('/_emulator/')) work = handleControl(app, req, res, url);
    else {
      const other = fallback();
      if (other) work = withIssuerFault(app, req, res, path, other);
      else {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(errorBody('NOT_FOUND', `Nothing at ${path}`, 'none')));
      }
    }
    Promise.resolve(work).catch((err: unknown) => {
      console.error('emulator: request failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${bound}` };
}

/** The issuer's routes (`/token`, `/device/auth`, …) take injected faults too, answered the OAuth way. */
async function withIssuerFault(
  app: EmulatorApp,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  handle: FallbackHandler,
): Promise<void> {
  const fault = app.faults.take(req.method ?? 'GET', path);
  const requestId = `req_${randomBytes(8).toString('hex')}`;
  if (fault && (await applyFault(fault, res, requestId, app.store.now(), 'oauth'))) return;
  await handle(req, res);
}

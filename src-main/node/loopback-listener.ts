/**
 * The loopback listener for browser sign-in on node:http: bound to 127.0.0.1
 * only, answering GET with the core's page and closing every connection on close.
 */
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type LoopbackListener,
  type LoopbackReply,
  type LoopbackRequest,
  type LoopbackServer,
  PortInUseError,
} from '../core/ports';

/** A {@link LoopbackListener} on node:http. */
export const nodeLoopbackListener: LoopbackListener = {
  async listen(port, handle) {
    const server = createServer((req, res) => {
      if (req.method !== 'GET') return send(res, { status: 405, html: 'Method not allowed' });
      // Any local process can reach this port: nothing it sends may throw out of
      // node:http's handler, which would end the whole app mid sign-in.
      const answer = async (): Promise<LoopbackReply> => {
        const url = new URL(req.url ?? '/', `http://127.0.0.1:${boundPort(server)}`);
        const request: LoopbackRequest = { method: req.method ?? 'GET', url };
        return handle(request);
      };
      answer().then(
        (reply) => send(res, reply),
        () => send(res, { status: 400, html: 'Bad request' }),
      );
    });
    // A malformed request line never reaches the handler: answer it instead of a reset.
    server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    // Short keep-alive so a closed listener does not linger on the browser's idle socket.
    server.keepAliveTimeout = 1_000;
    await bind(server, port);
    return controlOf(server);
  },
};

function bind(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function controlOf(server: Server): LoopbackServer {
  const port = boundPort(server);
  let closing: Promise<void> | null = null;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A reply being written (the page of the request that ended the flow) may finish;
        // every reply says Connection: close, and stragglers are cut after a second.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closing;
    },
  };
}

function boundPort(server: Server): number {
  return (server.address() as AddressInfo | null)?.port ?? 0;
}

function send(res: ServerResponse, reply: LoopbackReply): void {
  // The browser may have gone while the reply waited (a closed tab).
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  res.end(reply.html);
}

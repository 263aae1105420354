/**
 * Writing `/v1` replies: JSON with X-Request-Id, ETag/304 on reads, and the
 * injected faults that replace or damage a reply.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './errors';
import type { FaultSpec } from './faults';
import { codeForStatus, oauthCodeForStatus } from './faults';
import type { Reply } from './http';

/** Writes `reply` as JSON (or empty) with the request id. */
export function send(res: ServerResponse, reply: Reply, requestId: string): void {
  const headers: Record<string, string> = { 'X-Request-Id': requestId, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(text);
}

/** Strong ETag over the body; a matching If-None-Match turns a 200 GET into 304. */
export function withEtag(req: IncomingMessage, reply: Reply): Reply {
  if (req.method !== 'GET' || reply.status !== 200 || reply.body === undefined) return reply;
  const hash = createHash('sha256').update(JSON.stringify(reply.body)).digest('base64url');
  const tag = `"${hash.slice(0, 27)}"`;
  const headers = { ...reply.headers, ETag: tag };
  const inm = req.headers['if-none-match'];
  const tags =
    typeof inm === 'string' ? inm.split(',').map((t) => t.trim().replace(/^W\//, '')) : [];
  if (tags.includes(tag) || tags.includes('*')) return { status: 304, headers };
  return { ...reply, headers };
}

/** Applies a fault; returns true when the fault replaced the reply entirely. */
export async function applyFault(
  fault: FaultSpec,
  res: ServerResponse,
  requestId: string,
  now: number,
  /** `oauth` for the issuer's routes: `{error, error_description}` (RFC 6749 §5.2). */
  envelope: 'api' | 'oauth' = 'api',
): Promise<boolean> {
  if (fault.latency_ms > 0) await new Promise((r) => setTimeout(r, fault.latency_ms));
  if (fault.reset_connection) {
    res.socket?.resetAndDestroy();
    return true;
  }
  if (fault.stall_body) {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': '4096',
      'X-Request-Id': requestId,
    });
    // The socket stays open until the client gives up or the server stops.
    res.write('{"data":[');
    return true;
  }
  if (fault.malformed_json) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': requestId });
    res.end('{"data":[{"id": "dep_');
    return true;
  }
  if (fault.status !== null) {
    const headers: Record<string, string> = {};
    if (fault.retry_after !== null) {
      headers['Retry-After'] =
        fault.retry_after === 'http-date'
          ? new Date(now + 5000).toUTCString()
          : String(fault.retry_after);
    }
    const body =
      envelope === 'oauth'
        ? {
            error: fault.code ?? oauthCodeForStatus(fault.status),
            error_description: 'Injected fault.',
          }
        : errorBody(fault.code ?? codeForStatus(fault.status), 'Injected fault.', requestId);
    send(res, { status: fault.status, headers, body }, requestId);
    return true;
  }
  return false;
}

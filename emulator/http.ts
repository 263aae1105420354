/** Small HTTP helpers shared by the API and control routes. */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';

/** What a route handler returns; the server writes it (after faults, ETag, limits). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const MAX_BODY = 256 * 1024;

/** Reads the raw request body (bounded, so a runaway client cannot exhaust memory). */
export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new ApiError('VALIDATION_ERROR', 'Request body is too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; empty means `{}`; anything but an object is a 400. */
export function parseJsonObject(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'Request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('VALIDATION_ERROR', 'Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** `{data, next_cursor}` for one page of `items`, honouring `limit` and `cursor`. */
export function paginate<T extends { id: string }>(
  items: T[],
  query: URLSearchParams,
): { data: T[]; next_cursor: string | null } {
  const limitRaw = query.get('limit');
  const limit = limitRaw === null ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ApiError('VALIDATION_ERROR', 'limit must be an integer from 1 to 100.');
  }
  let start = 0;
  const cursor = query.get('cursor');
  if (cursor !== null) {
    const afterId = Buffer.from(cursor, 'base64url')
      .toString('utf8')
      .replace(/^after:/, '');
    const index = items.findIndex((i) => i.id === afterId);
    if (index < 0) throw new ApiError('VALIDATION_ERROR', 'cursor is not valid.');
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  const last = data[data.length - 1];
  const more = start + limit < items.length && last !== undefined;
  return {
    data,
    next_cursor: more ? Buffer.from(`after:${last.id}`).toString('base64url') : null,
  };
}

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

/** Where an item sorts in a list: compared element by element. */
export type SortKey = ReadonlyArray<string | number>;

/** A list's order: each item's sort key (unique per item), ascending unless `descending`. */
export interface ListOrder<T> {
  key(item: T): SortKey;
  descending?: boolean;
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The sort key a cursor continues after, or a 400 when it is not one of ours for this list. */
function decodeCursor(cursor: string, like: SortKey | undefined): SortKey {
  let after: unknown;
  try {
    after = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown })
      .after;
  } catch {
    after = undefined;
  }
  const valid =
    Array.isArray(after) &&
    after.length > 0 &&
    after.every((v) => typeof v === 'string' || typeof v === 'number') &&
    (like === undefined ||
      (after.length === like.length && after.every((v, i) => typeof v === typeof like[i])));
  if (!valid) throw new ApiError('VALIDATION_ERROR', 'cursor is not valid.');
  return after as SortKey;
}

/**
 * `{data, next_cursor}` for one page of `items` in `order`, honouring `limit`
 * and `cursor`. The cursor holds the sort key of the page's last item, so the
 * next page continues after that position even once the item itself is gone.
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  order: ListOrder<T>,
): { data: T[]; next_cursor: string | null } {
  const limitRaw = query.get('limit');
  const limit = limitRaw === null ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ApiError('VALIDATION_ERROR', 'limit must be an integer from 1 to 100.');
  }
  const sign = order.descending ? -1 : 1;
  const keyed = items
    .map((item) => ({ item, key: order.key(item) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  let start = 0;
  const cursor = query.get('cursor');
  if (cursor !== null) {
    const after = decodeCursor(cursor, keyed[0]?.key);
    start = keyed.findIndex((k) => sign * compareKeys(k.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < keyed.length && last !== undefined;
  return {
    data: page.map((k) => k.item),
    next_cursor: more
      ? Buffer.from(JSON.stringify({ after: last.key })).toString('base64url')
      : null,
  };
}

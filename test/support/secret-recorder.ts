/**
 * A fetch for TrayCore that records the value of every secret crossing the wire,
 * either way: tokens, the ID token, authorization and device codes, the PKCE
 * verifier, passwords and API keys. The secret-leak scans then search what the
 * app wrote and showed for these real values, not for the names of fields.
 */

/** Fields whose values are secrets, in JSON replies and in form or JSON request bodies. */
const SECRET_FIELDS = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'device_code',
  'code_verifier',
  'password',
] as const;

export type SecretKind = (typeof SECRET_FIELDS)[number] | 'bearer' | 'api_key';

/** Every kind the recorder tells apart, so a scan can ask that each was seen. */
export const SECRET_KINDS: readonly SecretKind[] = [...SECRET_FIELDS, 'bearer', 'api_key'];

export interface SecretRecorder {
  fetch: typeof fetch;
  /** Every value seen, by the field it came in. */
  seen: Map<SecretKind, Set<string>>;
  /** All values, for scanning. */
  values(): string[];
}

export function recordSecrets(inner: typeof fetch = globalThis.fetch): SecretRecorder {
  const seen = new Map<SecretKind, Set<string>>();
  const keep = (kind: SecretKind, value: unknown) => {
    // Short values ("", "x") would match anywhere; real secrets are long.
    if (typeof value !== 'string' || value.length < 8) return;
    if (!seen.has(kind)) seen.set(kind, new Set());
    seen.get(kind)!.add(value);
  };
  const fromFields = (fields: Record<string, unknown>) => {
    for (const field of SECRET_FIELDS) keep(field, fields[field]);
  };
  const fromBody = (body: unknown) => {
    const text = bodyText(body);
    if (text === null) return;
    const json = parse(text);
    if (json && typeof json === 'object') fromFields(json as Record<string, unknown>);
    else fromFields(Object.fromEntries(new URLSearchParams(text)));
  };
  const recording: typeof fetch = async (input, init) => {
    fromBody(init?.body);
    const headers = new Headers(init?.headers);
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
    keep('bearer', bearer);
    keep('api_key', headers.get('x-api-key'));
    const response = await inner(input, init);
    const json = parse(await response.clone().text());
    if (json && typeof json === 'object') fromFields(json as Record<string, unknown>);
    return response;
  };
  return {
    fetch: recording,
    seen,
    values: () => [...seen.values()].flatMap((set) => [...set]),
  };
}

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return null;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A form body or an HTML page: read as form fields, or not at all.
    return null;
  }
}

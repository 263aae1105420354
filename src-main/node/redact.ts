/**
 * Redaction applied to every log line at the sink, after formatting, so no
 * code path can forget it: secret-named fields are replaced and strings are
 * scanned for JWTs, bearer credentials, long token-like runs and emails.
 */

/** What a redacted value becomes. */
export const REDACTED = '[redacted]';

/** Field names (lowercased, letters and digits only) whose values are always secret. */
const SECRET_KEYS = new Set([
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'password',
  'passwd',
  'authorization',
  'apikey',
  'xapikey',
  'secret',
  'clientsecret',
  'code',
  'codeverifier',
  'cookie',
  'setcookie',
]);

function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEYS.has(k) || /(token|password|secret)$/.test(k);
}

/** Error codes (INVALID_TOKEN) help support and are not secret; an OAuth code never looks so. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
const LONG_RUN = /[A-Za-z0-9_-]{32,}/g;
/** kombify's keys and tokens carry a prefix: `kmb_…` API keys, `rt_…` refresh tokens. */
const PREFIXED = /\b(?:kmb|rt|at|sk)_[A-Za-z0-9_-]{8,}/g;
/** "X-API-Key: …", "password=…" and the like in free text. */
const LABELLED =
  /\b(x-api-key|api[-_ ]?key|authorization|password|passwd|secret|refresh[-_ ]?token|access[-_ ]?token)(\s*[:=]\s*"?)([^\s"',;]+)/gi;
const EMAIL = /\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

/** Random token alphabets mix digits or both cases; long identifiers_in_code do not. */
function looksRandom(run: string): boolean {
  return /\d/.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run));
}

/** Masks secrets inside free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(LABELLED, (_m, label: string, sep: string) => `${label}${sep}${REDACTED}`)
    .replace(PREFIXED, REDACTED)
    .replace(LONG_RUN, (run) => (UUID.test(run) || !looksRandom(run) ? run : REDACTED))
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

/** Masks secrets in any JSON-like value; `key` is the field name it sits under. */
export function redactValue(value: unknown, key?: string): unknown {
  if (key !== undefined && isSecretKey(key) && value !== null && value !== undefined) {
    const keep =
      key.toLowerCase() === 'code' && typeof value === 'string' && ERROR_CODE.test(value);
    if (!keep) return REDACTED;
  }
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k);
    return out;
  }
  return value;
}

/** Redacts one serialized log line (JSON, or any text as a fallback). */
export function redactLine(line: string): string {
  const trimmed = line.endsWith('\n') ? line.slice(0, -1) : line;
  try {
    return `${JSON.stringify(redactValue(JSON.parse(trimmed)))}\n`;
  } catch {
    // Not JSON (should not happen with pino): the text pass still runs.
    return `${redactText(trimmed)}\n`;
  }
}

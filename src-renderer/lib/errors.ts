/** Turning a bridge error into the words and next step the window shows. */
import type { BridgeError } from '../../src-shared/bridge';
import { formatTime } from './format';
import { t } from './i18n';

/** What the window offers as the next step: a button next to the words. */
export type NextStep = 'upgrade' | 'homelab' | 'sign-in' | null;

export interface ErrorWords {
  message: string;
  /** What the person can do next, when we know it. */
  hint: string | null;
  next: NextStep;
}

/** Errors the window itself reports (the bridge failed), with words made in its language. */
const WINDOW_CODE_PREFIX = 'BRIDGE_';

const NEXT_STEPS: Record<string, NextStep> = {
  SUBSCRIPTION_LIMIT_EXCEEDED: 'upgrade',
  HOMELAB_UNREACHABLE: 'homelab',
  INVALID_TOKEN: 'sign-in',
};

/** Words for `error`; a missing or blank message still gives a sentence. */
export function describeError(error: BridgeError, now: number): ErrorWords {
  const code = typeof error?.code === 'string' ? error.code : '';
  const own = pick(t.errors.byCode, code) ?? unknownWords(code);
  const message = own ?? (String(error?.message ?? '').trim() || t.errors.generic);
  const next = NEXT_STEPS[code] ?? null;
  if (code === 'RATE_LIMIT_EXCEEDED') {
    // Main's words name the time in its own format; with the time itself at hand the
    // window says it once, its own way, after words of its own that leave it out.
    const at = formatTime(error.retryAt, now);
    if (at) return { message: own ?? t.errors.rateLimited, hint: t.banners.tryAgainAt(at), next };
    return { message, hint: unsaid(message, t.banners.tryAgainSoon), next };
  }
  const hint = pick(t.errors.hints, code);
  return { message, hint: hint ? unsaid(message, hint) : null, next };
}

/**
 * Main writes English; a language with words of its own says an unknown code in
 * them too. Codes the window made itself (BRIDGE_*) are in its language already.
 */
function unknownWords(code: string): string | null {
  if (!code || code.startsWith(WINDOW_CODE_PREFIX)) return null;
  return t.errors.unknownCode?.(code) ?? null;
}

/** The hint, unless the message already ends with that next step. */
function unsaid(message: string, hint: string): string | null {
  return saysAlready(message, hint) ? null : hint;
}

/** Main's words often end with the next step already; the hint must not say it twice. */
function saysAlready(message: string, hint: string): boolean {
  const opening = hint.split(/\s+/).slice(0, 2).join(' ').toLowerCase();
  return message.toLowerCase().includes(opening);
}

function pick(words: Record<string, string>, code: string): string | null {
  return Object.hasOwn(words, code) ? (words[code] as string) : null;
}

/** Turning a bridge error into the words and next step the window shows. */
import type { BridgeError } from '../../src-shared/bridge';
import { formatTime } from './format';
import { t } from './i18n';

export interface ErrorWords {
  message: string;
  /** What the person can do next, when we know it. */
  hint: string | null;
}

export function describeError(error: BridgeError, now: number): ErrorWords {
  const message = error.message.trim() || t.errors.generic;
  if (error.code === 'RATE_LIMIT_EXCEEDED') {
    const at = formatTime(error.retryAt, now);
    return { message, hint: at ? t.banners.tryAgainAt(at) : t.banners.tryAgainSoon };
  }
  const hints = t.errors.hints;
  return { message, hint: Object.hasOwn(hints, error.code) ? (hints[error.code] as string) : null };
}

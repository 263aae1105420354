/**
 * Turns any failure into a BridgeError: a code the window can branch on and a
 * sentence a person understands, ending with what to do next.
 */
import type { BridgeError } from '../../src-shared/bridge';
import {
  ApiError,
  MalformedResponseError,
  NetworkError,
  NotSignedInError,
  RenewalFailedError,
  TimeoutError,
} from './api/errors';
import { ENGLISH, type Messages, type Words, clockTime } from './i18n';

/** An error that already is in plain words; passed to the window as it is. */
export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure';
  constructor(
    readonly bridgeError: BridgeError,
    /** Says the message in another language; without it the message is kept as it is. */
    readonly say?: (t: Messages) => string,
  ) {
    super(bridgeError.message);
  }

  /** A failure whose message follows the language of the call it ends; English until then. */
  static worded(code: string, say: (t: Messages) => string): BridgeFailure {
    return new BridgeFailure({ code, message: say(ENGLISH.t) }, say);
  }
}

/** Formats a time for "try again at 14:05". */
export type TimeFormatter = (at: Date) => string;

/**
 * Plain words for any error thrown by the core, in the language of `words`
 * (codes never change). Unknown errors never leak their text.
 */
export function toBridgeError(
  error: unknown,
  formatTime?: TimeFormatter,
  words: Words = ENGLISH,
): BridgeError {
  const { errors: say } = words.t;
  if (error instanceof BridgeFailure) {
    const { bridgeError } = error;
    return error.say ? { ...bridgeError, message: error.say(words.t) } : bridgeError;
  }
  if (error instanceof ApiError) {
    return fromApiError(error, formatTime ?? ((at) => clockTime(words, at)), say);
  }
  if (error instanceof NotSignedInError) {
    return { code: 'NOT_SIGNED_IN', message: error.reason ?? say.notSignedIn };
  }
  if (error instanceof RenewalFailedError) {
    const { code, status } = error.reply;
    return { code: 'SESSION_NOT_RENEWED', message: say.notRenewed(code, status) };
  }
  if (error instanceof NetworkError) return { code: 'OFFLINE', message: say.offline };
  if (error instanceof TimeoutError) return { code: 'TIMEOUT', message: say.timeout };
  if (error instanceof MalformedResponseError) {
    return { code: 'MALFORMED_RESPONSE', message: say.malformed(error.field ?? null) };
  }
  return { code: 'INTERNAL', message: say.internal };
}

type ErrorWords = Messages['errors'];

function fromApiError(error: ApiError, formatTime: TimeFormatter, say: ErrorWords): BridgeError {
  const retryAt = error.retryAt?.toISOString();
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return { code: error.code, message: say.invalidCredentials };
    case 'INVALID_TOKEN':
      return { code: error.code, message: say.sessionEnded };
    case 'FORBIDDEN':
      return { code: error.code, message: say.forbidden };
    case 'NOT_FOUND':
      return { code: error.code, message: say.notFound };
    case 'SUBSCRIPTION_LIMIT_EXCEEDED':
      return { code: error.code, message: say.planLimit };
    case 'HOMELAB_UNREACHABLE':
      return { code: error.code, message: say.homelabUnreachable };
    case 'VALIDATION_ERROR':
      return { code: error.code, message: say.refused(error.message) };
    case 'RATE_LIMIT_EXCEEDED':
      return {
        code: error.code,
        message: error.retryAt ? say.rateLimitedAt(formatTime(error.retryAt)) : say.rateLimitedSoon,
        ...(retryAt ? { retryAt } : {}),
      };
  }
  return fromStatus(error, retryAt, say);
}

/** Codes this version does not know are explained by their HTTP status. */
function fromStatus(error: ApiError, retryAt: string | undefined, say: ErrorWords): BridgeError {
  const extra = retryAt ? { retryAt } : {};
  if (error.status === 401) return { code: 'INVALID_TOKEN', message: say.sessionEnded };
  if (error.status === 402) return { code: error.code, message: say.planRequired };
  if (error.status === 429) return { code: error.code, message: say.tooManyRequests, ...extra };
  if (error.status >= 500) return { code: error.code, message: say.cloudTrouble, ...extra };
  return { code: error.code, message: say.refused(error.message) };
}

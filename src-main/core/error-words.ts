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

/** An error that already is in plain words; passed to the window as it is. */
export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure';
  constructor(readonly bridgeError: BridgeError) {
    super(bridgeError.message);
  }
}

/** Formats a time for "try again at 14:05". */
export type TimeFormatter = (at: Date) => string;

const hhmm: TimeFormatter = (at) =>
  at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Plain words for any error thrown by the core. Unknown errors never leak their text. */
export function toBridgeError(error: unknown, formatTime: TimeFormatter = hhmm): BridgeError {
  if (error instanceof BridgeFailure) return error.bridgeError;
  if (error instanceof ApiError) return fromApiError(error, formatTime);
  if (error instanceof NotSignedInError) {
    return {
      code: 'NOT_SIGNED_IN',
      message: error.reason ?? 'You are not signed in. Sign in first.',
    };
  }
  if (error instanceof RenewalFailedError) {
    const { code, status } = error.reply;
    return {
      code: 'SESSION_NOT_RENEWED',
      message:
        `kombify Cloud did not renew your sign-in just now (${code}, HTTP ${status}). ` +
        'You are still signed in, and kombify Tray tries again shortly. ' +
        'If this keeps happening, sign out and sign in again.',
    };
  }
  if (error instanceof NetworkError) {
    return {
      code: 'OFFLINE',
      message: 'kombify Cloud cannot be reached. Check your internet connection; the app retries.',
    };
  }
  if (error instanceof TimeoutError) {
    return {
      code: 'TIMEOUT',
      message: 'kombify Cloud did not answer in time. Try again in a moment.',
    };
  }
  if (error instanceof MalformedResponseError) {
    return {
      code: 'MALFORMED_RESPONSE',
      message:
        'kombify Cloud sent a reply this version of the app does not understand ' +
        `(${error.field ?? 'not JSON'}). Try again later or update kombify Tray.`,
    };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside kombify Tray. Try again.' };
}

function fromApiError(error: ApiError, formatTime: TimeFormatter): BridgeError {
  const retryAt = error.retryAt?.toISOString();
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return { code: error.code, message: 'The email or password is not right. Try again.' };
    case 'INVALID_TOKEN':
      return { code: error.code, message: 'Your session has ended. Sign in again.' };
    case 'FORBIDDEN':
      return { code: error.code, message: 'Your account is not allowed to do this.' };
    case 'NOT_FOUND':
      return {
        code: error.code,
        message: 'That item no longer exists. Refresh to see the latest.',
      };
    case 'SUBSCRIPTION_LIMIT_EXCEEDED':
      return {
        code: error.code,
        message: 'Your plan does not allow this. Upgrade your plan to continue.',
      };
    case 'HOMELAB_UNREACHABLE':
      return {
        code: error.code,
        message: 'Your homelab cannot be reached. Check that it is powered on and online.',
      };
    case 'VALIDATION_ERROR':
      return { code: error.code, message: `kombify Cloud refused the request: ${error.message}` };
    case 'RATE_LIMIT_EXCEEDED': {
      const when = error.retryAt ? `at ${formatTime(error.retryAt)}` : 'in a minute';
      return {
        code: error.code,
        message: `Too many requests for your plan. Try again ${when}.`,
        ...(retryAt ? { retryAt } : {}),
      };
    }
  }
  return fromStatus(error, retryAt);
}

/** Codes this version does not know are explained by their HTTP status. */
function fromStatus(error: ApiError, retryAt: string | undefined): BridgeError {
  const extra = retryAt ? { retryAt } : {};
  if (error.status === 401) {
    return { code: 'INVALID_TOKEN', message: 'Your session has ended. Sign in again.' };
  }
  if (error.status === 402) {
    return { code: error.code, message: 'Your plan does not allow this. Upgrade to continue.' };
  }
  if (error.status === 429) {
    return { code: error.code, message: 'Too many requests. Try again later.', ...extra };
  }
  if (error.status >= 500) {
    return {
      code: error.code,
      message: 'kombify Cloud has a problem right now. Try again in a few minutes.',
      ...extra,
    };
  }
  return { code: error.code, message: `kombify Cloud refused the request: ${error.message}` };
}

/** The ways a browser or device sign-in ends without a session, in words for the window. */
import { BridgeFailure } from '../error-words';
import type { Messages } from '../i18n';

/** A failure that says itself in the language of the call it ends (English until then). */
function failure(code: string, say: (t: Messages) => string): BridgeFailure {
  return BridgeFailure.worded(code, say);
}

/** A sign-in that was canceled: by the person, by a newer sign-in, or at quit. */
export function signInCancelled(): BridgeFailure {
  return failure('SIGN_IN_CANCELLED', (t) => t.signInErrors.canceled);
}

/** The browser came back with a `state` this sign-in did not send (RFC 6749 §10.12). */
export function signInStateMismatch(): BridgeFailure {
  return failure('SIGN_IN_STATE_MISMATCH', (t) => t.signInErrors.stateMismatch);
}

/** The person (or the issuer) refused in the browser. */
export function signInDenied(detail: string | null): BridgeFailure {
  const why = detail ? detail.slice(0, 200) : null;
  return failure('SIGN_IN_DENIED', (t) => t.signInErrors.denied(why));
}

/** Nobody finished the sign-in in time. */
export function signInTimedOut(): BridgeFailure {
  return failure('SIGN_IN_TIMED_OUT', (t) => t.signInErrors.timedOut);
}

/** The host cannot open a browser or listen on loopback. */
export function signInNotSupported(_method: 'browser'): BridgeFailure {
  return failure('NOT_SUPPORTED', (t) => t.signInErrors.browserNotSupported);
}

/** The API did not accept the pasted key. */
export function apiKeyRefused(): BridgeFailure {
  return failure('INVALID_API_KEY', (t) => t.signInErrors.apiKeyRefused);
}

/** The issuer's discovery sent the sign-in somewhere other than the issuer itself. */
export function signInPageRefused(issuer: string): BridgeFailure {
  return failure('SIGN_IN_PAGE_REFUSED', (t) => t.signInErrors.pageRefused(issuer));
}

/** The system browser could not be started; the device code works without it. */
export function browserDidNotOpen(): BridgeFailure {
  return failure('BROWSER_UNAVAILABLE', (t) => t.signInErrors.browserDidNotOpen);
}

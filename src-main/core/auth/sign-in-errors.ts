/** The ways a browser or device sign-in ends without a session, in words for the window. */
import { BridgeFailure } from '../error-words';

/** A sign-in that was canceled: by the person, by a newer sign-in, or at quit. */
export function signInCancelled(): BridgeFailure {
  return new BridgeFailure({ code: 'SIGN_IN_CANCELLED', message: 'The sign-in was canceled.' });
}

/** The browser came back with a `state` this sign-in did not send (RFC 6749 §10.12). */
export function signInStateMismatch(): BridgeFailure {
  return new BridgeFailure({
    code: 'SIGN_IN_STATE_MISMATCH',
    message:
      'The browser answered for a different sign-in, so it was stopped for your safety. ' +
      'Start the sign-in again from the app.',
  });
}

/** The person (or the issuer) refused in the browser. */
export function signInDenied(detail: string | null): BridgeFailure {
  const why = detail ? ` (${detail.slice(0, 200)})` : '';
  return new BridgeFailure({
    code: 'SIGN_IN_DENIED',
    message: `kombify did not allow the sign-in${why}. Start it again if that was a mistake.`,
  });
}

/** Nobody finished the sign-in in time. */
export function signInTimedOut(): BridgeFailure {
  return new BridgeFailure({
    code: 'SIGN_IN_TIMED_OUT',
    message: 'The sign-in took too long and was stopped. Start it again when you are ready.',
  });
}

/** The host cannot open a browser or listen on loopback. */
export function signInNotSupported(what: string): BridgeFailure {
  return new BridgeFailure({
    code: 'NOT_SUPPORTED',
    message: `${what} is not available in this app. Use another way to sign in.`,
  });
}

/** The API did not accept the pasted key. */
export function apiKeyRefused(): BridgeFailure {
  return new BridgeFailure({
    code: 'INVALID_API_KEY',
    message:
      'kombify did not accept this API key. Copy it again from the dashboard ' +
      '(or create a new one) and paste it here.',
  });
}

/** The issuer's discovery sent the sign-in somewhere other than the issuer itself. */
export function signInPageRefused(issuer: string): BridgeFailure {
  return new BridgeFailure({
    code: 'SIGN_IN_PAGE_REFUSED',
    message:
      `The sign-in service at ${issuer} pointed to a sign-in page on another site, so ` +
      'kombify Tray did not open it. Check the endpoint in Settings, or sign in with ' +
      'an API key.',
  });
}

/** The system browser could not be started; the device code works without it. */
export function browserDidNotOpen(): BridgeFailure {
  return new BridgeFailure({
    code: 'BROWSER_UNAVAILABLE',
    message:
      'Your browser could not be opened from the app. Sign in with a device code instead: ' +
      'it shows a code to enter in any browser.',
  });
}

import { describe, expect, it } from 'vitest';
import {
  ApiError,
  MalformedResponseError,
  NetworkError,
  NotSignedInError,
  TimeoutError,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from '../../../src-main/core/api/errors';
import { signInDenied, signInTimedOut } from '../../../src-main/core/auth/sign-in-errors';
import { BridgeFailure, toBridgeError } from '../../../src-main/core/error-words';
import { wordsFor } from '../../../src-main/core/i18n';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const utc = (at: Date) => at.toISOString().slice(11, 16);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)?.getTime()).toBe(NOW + 120_000);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:30 GMT', NOW)?.getTime()).toBe(NOW + 30_000);
  });

  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:00:00 GMT', NOW)?.getTime()).toBe(NOW);
  });

  it.each(['-3', '1.5', 'soon', '', '   '])('gives null for %j so the caller backs off', (v) => {
    expect(parseRetryAfter(v, NOW)).toBeNull();
  });

  it('gives null without a header', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it.each(['99999999999999', '100000000000000000000', 'Sat, 01 Jan 9999 00:00:00 GMT'])(
    'caps %j at an hour, always a valid time a person can be told',
    (value) => {
      const at = parseRetryAfter(value, NOW)!;
      expect(at.getTime()).toBe(NOW + MAX_RETRY_AFTER_MS);
      const words = toBridgeError(new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow', 'r', at));
      expect(words.retryAt).toBe(new Date(NOW + MAX_RETRY_AFTER_MS).toISOString());
    },
  );
});

describe('toBridgeError', () => {
  const api = (status: number, code: string, retryAt: Date | null = null) =>
    new ApiError(status, code, 'server words', 'req_1', retryAt);

  it('asks to sign in again on 401', () => {
    expect(toBridgeError(api(401, 'INVALID_TOKEN'))).toMatchObject({
      code: 'INVALID_TOKEN',
      message: expect.stringMatching(/sign in again/i),
    });
  });

  it('asks to upgrade on 402', () => {
    expect(toBridgeError(api(402, 'SUBSCRIPTION_LIMIT_EXCEEDED')).message).toMatch(/upgrade/i);
  });

  it('asks to check the homelab on 503 HOMELAB_UNREACHABLE', () => {
    expect(toBridgeError(api(503, 'HOMELAB_UNREACHABLE')).message).toMatch(/homelab/i);
  });

  it('says when to try again on 429 and passes the time on', () => {
    const at = new Date(NOW + 90_000);
    const error = toBridgeError(api(429, 'RATE_LIMIT_EXCEEDED', at), utc);
    expect(error.message).toContain('12:01');
    expect(error.retryAt).toBe(at.toISOString());
  });

  it('explains an unknown 5xx code by its status', () => {
    expect(toBridgeError(api(500, 'INTERNAL_ERROR')).message).toMatch(/problem right now/);
  });

  it('words offline, timeout, malformed and not signed in', () => {
    expect(toBridgeError(new NetworkError('connection refused')).code).toBe('OFFLINE');
    expect(toBridgeError(new TimeoutError(10)).code).toBe('TIMEOUT');
    const malformed = toBridgeError(new MalformedResponseError('/me', 'plan', 'x'));
    expect(malformed).toMatchObject({ code: 'MALFORMED_RESPONSE' });
    expect(malformed.message).toContain('plan');
    expect(toBridgeError(new NotSignedInError('Gone.'))).toEqual({
      code: 'NOT_SIGNED_IN',
      message: 'Gone.',
    });
  });

  it('never passes the text of an unexpected error to the window', () => {
    const error = toBridgeError(new Error('secret internals at /home/me'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('internals');
  });

  it('passes a BridgeFailure through as it is', () => {
    const failure = { code: 'NOT_SUPPORTED', message: 'No.' };
    expect(toBridgeError(new BridgeFailure(failure))).toEqual(failure);
  });
});

describe('toBridgeError in German', () => {
  const german = wordsFor('de');
  const api = (status: number, code: string, retryAt: Date | null = null) =>
    new ApiError(status, code, 'server words', 'req_1', retryAt);

  it('keeps every code and says the message in German', () => {
    expect(toBridgeError(api(401, 'INVALID_TOKEN'), undefined, german)).toEqual({
      code: 'INVALID_TOKEN',
      message: 'Deine Sitzung ist abgelaufen. Melde dich neu an.',
    });
    expect(toBridgeError(new NetworkError('refused'), undefined, german)).toEqual({
      code: 'OFFLINE',
      message:
        'kombify Cloud ist nicht erreichbar. Prüfe die Internetverbindung; die App versucht es weiter.',
    });
    const at = new Date('2026-12-03T12:05:00Z');
    expect(toBridgeError(api(429, 'RATE_LIMIT_EXCEEDED', at), utc, german)).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Zu viele Anfragen für deinen Tarif. Versuch es um 12:05 wieder.',
      retryAt: at.toISOString(),
    });
    expect(toBridgeError(api(422, 'VALIDATION_ERROR'), undefined, german).message).toBe(
      'kombify Cloud hat die Anfrage abgelehnt: server words',
    );
  });

  it('says the ways a sign-in ends in German, codes unchanged', () => {
    expect(toBridgeError(signInTimedOut(), undefined, german)).toEqual({
      code: 'SIGN_IN_TIMED_OUT',
      message:
        'Die Anmeldung hat zu lange gedauert und wurde gestoppt. Starte sie erneut, wenn du so weit bist.',
    });
    expect(toBridgeError(signInDenied('access_denied'), undefined, german).message).toBe(
      'kombify hat die Anmeldung nicht erlaubt (access_denied). Starte sie erneut, falls das ein Versehen war.',
    );
    // Without a language, the words stay English.
    expect(toBridgeError(signInTimedOut()).message).toMatch(/^The sign-in took too long/);
  });
});

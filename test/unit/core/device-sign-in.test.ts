/** Device sign-in polling (RFC 8628) on a manual clock against a scripted issuer. */
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, TimeoutError } from '../../../src-main/core/api/errors';
import { DeviceSignIn } from '../../../src-main/core/auth/device-sign-in';
import type { DeviceStart, Grant } from '../../../src-main/core/auth/oidc';
import { ManualClock } from '../support/manual-clock';
import { memoryLogger } from '../support/fakes';

const GRANT: Grant = { accessToken: 'at', refreshToken: 'rt', expiresAt: 0, email: 'a@b.c' };
const pending = () => new ApiError(400, 'authorization_pending', 'pending');

/** An issuer whose poll answers come from `script`, in order; the last one repeats. */
function setup(script: (() => Promise<Grant>)[], intervalSeconds = 5) {
  const clock = new ManualClock();
  const polls: number[] = [];
  const start: DeviceStart = {
    deviceCode: 'dc',
    userCode: 'WDJB-MJHT',
    verificationUri: 'https://login.example/device',
    verificationUriComplete: 'https://login.example/device?user_code=WDJB-MJHT',
    expiresAt: clock.now() + 600_000,
    intervalSeconds,
  };
  const issuer = {
    startDevice: async () => start,
    pollDevice: async () => {
      polls.push(clock.now());
      const answer = script[Math.min(polls.length - 1, script.length - 1)]!;
      return answer();
    },
  };
  const sign = new DeviceSignIn({ issuer, clock, logger: memoryLogger() });
  const t0 = clock.now();
  const at = () => polls.map((p) => (p - t0) / 1000);
  return { sign, clock, at };
}

describe('DeviceSignIn', () => {
  it('shows the code and link, polls at the asked interval, and finishes', async () => {
    const reject = (e: Error) => () => Promise.reject(e);
    const { sign, clock, at } = setup([reject(pending()), reject(pending()), async () => GRANT]);
    await sign.start();
    expect(sign.view()).toMatchObject({
      method: 'device',
      userCode: 'WDJB-MJHT',
      verificationUri: 'https://login.example/device',
      expiresAt: '2026-12-03T12:10:00.000Z',
    });
    await clock.advance(4_999);
    expect(at()).toEqual([]);
    await clock.advance(30_000);
    expect(at()).toEqual([5, 10, 15]);
    await expect(sign.done).resolves.toEqual(GRANT);
    expect(clock.pending()).toEqual([]);
  });

  it('slows by 5 s for good after slow_down, keeps polling through a network error', async () => {
    const fail = (e: Error) => () => Promise.reject(e);
    const { sign, clock, at } = setup([
      fail(pending()),
      fail(new ApiError(400, 'slow_down', 'slow down')),
      fail(new NetworkError('connection refused')),
      fail(pending()),
      async () => GRANT,
    ]);
    await sign.start();
    await clock.advance(60_000);
    expect(at()).toEqual([5, 10, 20, 30, 40]);
    await expect(sign.done).resolves.toEqual(GRANT);
  });

  it('keeps polling through 5xx, 429 and timeouts, waiting twice as long after each', async () => {
    const fail = (e: Error) => () => Promise.reject(e);
    const { sign, clock, at } = setup([
      fail(new ApiError(503, 'temporarily_unavailable', 'down')),
      fail(new TimeoutError(10_000)),
      fail(new ApiError(429, 'HTTP_429', 'too many')),
      fail(new ApiError(500, 'HTTP_500', 'HTTP 500 without an error body')),
      // The issuer answers normally again: back to its interval.
      fail(pending()),
      async () => GRANT,
    ]);
    await sign.start();
    await clock.advance(5 * 60_000);
    expect(at()).toEqual([5, 15, 35, 75, 135, 140]);
    await expect(sign.done).resolves.toEqual(GRANT);
  });

  it('waits at least as long as a 429 asks, and slow_down still adds 5 s for good', async () => {
    const fail = (e: Error) => () => Promise.reject(e);
    const retryAt = new Date(Date.parse('2026-12-03T12:00:50Z'));
    const { sign, clock, at } = setup([
      fail(new ApiError(400, 'slow_down', 'slow down')),
      fail(new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'wait', null, retryAt)),
      fail(pending()),
      async () => GRANT,
    ]);
    await sign.start();
    await clock.advance(5 * 60_000);
    // slow_down at 5 s: every wait is 10 s; the 429 at 15 s asks until 50 s.
    expect(at()).toEqual([5, 15, 50, 60]);
    await expect(sign.done).resolves.toEqual(GRANT);
  });

  it('still ends at the code expiry while backing off from a failing issuer', async () => {
    const { sign, clock, at } = setup([() => Promise.reject(new ApiError(502, 'HTTP_502', 'x'))]);
    await sign.start();
    await clock.advance(10 * 60_000);
    await expect(sign.done).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_TIMED_OUT' } });
    expect(at().every((t) => t < 600)).toBe(true);
    expect(at().length).toBeGreaterThan(3);
    expect(clock.pending()).toEqual([]);
  });

  it('ends with words when the code expires or the person denies it', async () => {
    const expired = setup([() => Promise.reject(new ApiError(400, 'expired_token', 'x'))]);
    await expired.sign.start();
    await expired.clock.advance(5_000);
    await expect(expired.sign.done).rejects.toMatchObject({
      bridgeError: { code: 'SIGN_IN_TIMED_OUT' },
    });
    const denied = setup([() => Promise.reject(new ApiError(400, 'access_denied', 'x'))]);
    await denied.sign.start();
    await denied.clock.advance(5_000);
    await expect(denied.sign.done).rejects.toMatchObject({
      bridgeError: { code: 'SIGN_IN_DENIED' },
    });
    expect(denied.sign.view()).toBeNull();
  });

  it('stops at the code expiry even if the issuer keeps saying pending', async () => {
    const { sign, clock, at } = setup([() => Promise.reject(pending())], 60);
    await sign.start();
    await clock.advance(11 * 60_000);
    expect(at()).toHaveLength(9);
    await expect(sign.done).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_TIMED_OUT' } });
    expect(clock.pending()).toEqual([]);
  });

  it('stops polling when cancelled', async () => {
    const { sign, clock, at } = setup([() => Promise.reject(pending())]);
    await sign.start();
    await clock.advance(5_000);
    await sign.cancel();
    await clock.advance(60_000);
    expect(at()).toEqual([5]);
    await expect(sign.done).rejects.toMatchObject({ bridgeError: { code: 'SIGN_IN_CANCELLED' } });
    expect(clock.pending()).toEqual([]);
  });
});

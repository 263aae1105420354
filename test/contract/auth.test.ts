import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenResponse, User } from '../../src-shared/kombify-api';
import type { Target } from './target';
import {
  call,
  closeTarget,
  expectBody,
  expectError,
  login,
  needEmulator,
  openTarget,
  resetTarget,
} from './target';

let t: Target;
beforeAll(async () => {
  t = await openTarget({ speed: 0, tokenTtlSeconds: 60 });
});
afterAll(() => closeTarget(t));
beforeEach(() => resetTarget(t));

describe('POST /auth/login', () => {
  it('returns a token, its expiry and a refresh token for good credentials', async () => {
    const body = await login(t);
    expect(body.token).not.toBe(body.refresh_token);
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password', async () => {
    const res = await call(t, 'POST', '/auth/login', {
      body: { email: t.email, password: 'nope' },
    });
    expectError(res, 401, 'INVALID_CREDENTIALS');
  });

  it('answers 401 INVALID_CREDENTIALS for an unknown email', async () => {
    const body = { email: 'nobody@example.invalid', password: 'whatever' };
    expectError(await call(t, 'POST', '/auth/login', { body }), 401, 'INVALID_CREDENTIALS');
  });

  it('answers 400 VALIDATION_ERROR for a body without a password', async () => {
    const res = await call(t, 'POST', '/auth/login', { body: { email: t.email } });
    expectError(res, 400, 'VALIDATION_ERROR');
  });

  it('answers 400 VALIDATION_ERROR for a body that is not JSON', async () => {
    const res = await call(t, 'POST', '/auth/login', { rawBody: '{"email":' });
    expectError(res, 400, 'VALIDATION_ERROR');
  });
});

describe('bearer authentication', () => {
  it('accepts the login token on /me', async () => {
    const { token } = await login(t);
    expectBody(await call(t, 'GET', '/me', { token }), 200, User);
  });

  it('answers 401 INVALID_TOKEN without credentials', async () => {
    expectError(await call(t, 'GET', '/me'), 401, 'INVALID_TOKEN');
  });

  it('answers 401 INVALID_TOKEN for a tampered token', async () => {
    const { token } = await login(t);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expectError(await call(t, 'GET', '/me', { token: tampered }), 401, 'INVALID_TOKEN');
  });

  it('answers 401 INVALID_TOKEN once the token has expired', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'moving time past expiry');
    const { token } = await login(t);
    await emu.control('time', { advance_ms: 59_000 });
    expectBody(await call(t, 'GET', '/me', { token }), 200, User);
    await emu.control('time', { advance_ms: 2_000 });
    expectError(await call(t, 'GET', '/me', { token }), 401, 'INVALID_TOKEN');
  });
});

describe('POST /auth/refresh', () => {
  it('returns new tokens and rotates the refresh token', async () => {
    const first = await login(t);
    const res = await call(t, 'POST', '/auth/refresh', {
      body: { refresh_token: first.refresh_token },
    });
    const second = expectBody(res, 200, TokenResponse);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expectBody(await call(t, 'GET', '/me', { token: second.token }), 200, User);
  });

  it('revokes the whole session when a used refresh token comes back', async () => {
    const first = await login(t);
    const rotate = (refresh_token: string) =>
      call(t, 'POST', '/auth/refresh', { body: { refresh_token } });
    const second = expectBody(await rotate(first.refresh_token), 200, TokenResponse);
    expectError(await rotate(first.refresh_token), 401, 'INVALID_TOKEN');
    // The thief's replay also kills the legitimate holder's tokens.
    expectError(await rotate(second.refresh_token), 401, 'INVALID_TOKEN');
    expectError(await call(t, 'GET', '/me', { token: second.token }), 401, 'INVALID_TOKEN');
  });

  it('answers 401 INVALID_TOKEN for an unknown refresh token', async () => {
    const res = await call(t, 'POST', '/auth/refresh', { body: { refresh_token: 'rt_unknown' } });
    expectError(res, 401, 'INVALID_TOKEN');
  });

  it('answers 400 VALIDATION_ERROR without a refresh token', async () => {
    expectError(await call(t, 'POST', '/auth/refresh', { body: {} }), 400, 'VALIDATION_ERROR');
  });

  it('keeps working after the access token expired', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'moving time past expiry');
    const first = await login(t);
    await emu.control('time', { advance_ms: 120_000 });
    const res = await call(t, 'POST', '/auth/refresh', {
      body: { refresh_token: first.refresh_token },
    });
    const next = expectBody(res, 200, TokenResponse);
    expectBody(await call(t, 'GET', '/me', { token: next.token }), 200, User);
  });
});

describe('POST /auth/logout', () => {
  it('answers 204 and kills the token and the refresh token', async () => {
    const { token, refresh_token } = await login(t);
    const res = await call(t, 'POST', '/auth/logout', { token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectError(await call(t, 'GET', '/me', { token }), 401, 'INVALID_TOKEN');
    expectError(
      await call(t, 'POST', '/auth/refresh', { body: { refresh_token } }),
      401,
      'INVALID_TOKEN',
    );
  });

  it('leaves other sessions of the same account alive', async () => {
    const one = await login(t);
    const two = await login(t);
    expect((await call(t, 'POST', '/auth/logout', { token: one.token })).status).toBe(204);
    expectBody(await call(t, 'GET', '/me', { token: two.token }), 200, User);
  });

  it('answers 401 INVALID_TOKEN without a token', async () => {
    expectError(await call(t, 'POST', '/auth/logout'), 401, 'INVALID_TOKEN');
  });
});

describe('X-API-Key', () => {
  it('authenticates as the account that owns the key', async ({ skip }) => {
    skip(!t.apiKey, 'no API key given (KOMBIFY_CONTRACT_API_KEY)');
    const me = expectBody(await call(t, 'GET', '/me', { apiKey: t.apiKey ?? '' }), 200, User);
    expect(me.email).toBe(t.email);
  });

  it('answers 401 INVALID_TOKEN for an unknown key', async () => {
    expectError(await call(t, 'GET', '/me', { apiKey: 'kmb_not_a_key' }), 401, 'INVALID_TOKEN');
  });
});

describe('emulator counters', () => {
  it('counts logins and refreshes so tests can assert exactly one refresh', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'reading /_emulator/state');
    const first = await login(t);
    await call(t, 'POST', '/auth/refresh', { body: { refresh_token: first.refresh_token } });
    const state = (await emu.control('state')) as { counters: { login: number; refresh: number } };
    expect(state.counters).toMatchObject({ login: 1, refresh: 1 });
  });
});

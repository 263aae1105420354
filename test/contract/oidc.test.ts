import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { User } from '../../src-shared/kombify-api';
import { Browser, hiddenInputs, pkce } from './oidc-browser';
import type { Target } from './target';
import {
  call,
  closeTarget,
  expectBody,
  expectError,
  needEmulator,
  openTarget,
  resetTarget,
} from './target';

const CLIENT_ID = process.env.KOMBIFY_CONTRACT_CLIENT_ID ?? 'kombify-tray';
const SCOPE = 'openid profile email offline_access';

const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  revocation_endpoint: z.string().url(),
  device_authorization_endpoint: z.string().url(),
  code_challenge_methods_supported: z.array(z.string()),
  grant_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
});
type Discovery = z.infer<typeof Discovery>;

const Tokens = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  id_token: z.string().min(1),
  scope: z.string(),
});
const OAuthError = z.object({ error: z.string(), error_description: z.string().optional() });

let t: Target;
let issuer: string;
let disco: Discovery;
beforeAll(async () => {
  t = await openTarget({ speed: 0 });
  issuer = (t.issuer ?? '').replace(/\/$/, '');
});
afterAll(() => closeTarget(t));
beforeEach(async ({ skip }) => {
  skip(!issuer, 'no issuer given (KOMBIFY_CONTRACT_ISSUER)');
  await resetTarget(t);
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  disco = Discovery.parse(await res.json());
});

function authUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: SCOPE,
    state: 'st-123',
    prompt: 'consent',
    ...params,
  });
  return `${disco.authorization_endpoint}?${query}`;
}

async function tokenRequest(
  form: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(disco.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }).toString(),
  });
  return { status: res.status, json: await res.json() };
}

/** The full browser sign-in: returns the tokens for the demo account. */
async function signIn(port = 53_123, browser = new Browser()): Promise<z.infer<typeof Tokens>> {
  const { verifier, challenge } = pkce();
  const redirect = `http://127.0.0.1:${port}/callback`;
  const url = authUrl({
    redirect_uri: redirect,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const done = await browser.run(url, redirect, { email: t.email, password: t.password });
  const back = new URL(done.location ?? 'http://x/');
  expect(back.searchParams.get('state')).toBe('st-123');
  expect(back.searchParams.get('iss')).toBe(disco.issuer);
  const code = back.searchParams.get('code') ?? '';
  const res = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirect,
    code_verifier: verifier,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return Tokens.parse(res.json);
}

describe('discovery and JWKS', () => {
  it('publishes the endpoints, S256 and the device grant', () => {
    expect(disco.issuer).toBe(issuer);
    expect(disco.code_challenge_methods_supported).toEqual(['S256']);
    expect(disco.grant_types_supported).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
    );
    expect(disco.scopes_supported).toEqual(expect.arrayContaining(SCOPE.split(' ')));
  });

  it('serves public signing keys only', async () => {
    const jwks = (await (await fetch(disco.jwks_uri)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key.kid).toBeTruthy();
      expect(key.d).toBeUndefined();
    }
  });
});

describe('end session', () => {
  it('asks a signed-in user before signing out, with a CSRF-protected form', async ({ skip }) => {
    needEmulator(t, skip, 'the page is the emulator’s');
    const browser = new Browser();
    await signIn(53_123, browser);
    const res = await browser.go(`${issuer}/session/end`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Sign out of kombify?');
    expect(hiddenInputs(html).xsrf).toBeTruthy();
  });
});

describe('authorization code with PKCE', () => {
  it('signs in through the sign-in and consent pages and the API accepts the token', async ({
    skip,
  }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const tokens = await signIn();
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'offline_access']));
    const me = expectBody(await call(t, 'GET', '/me', { token: tokens.access_token }), 200, User);
    expect(me.email).toBe(t.email);
  });

  it('accepts a loopback redirect on any port', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    await signIn(61_999);
    await signIn(1_024);
  });

  it('requires PKCE from the public client', async () => {
    const redirect = 'http://127.0.0.1:53123/callback';
    const res = await new Browser().go(authUrl({ redirect_uri: redirect }));
    const location = new URL(res.headers.get('location') ?? 'http://x/');
    expect(location.toString().startsWith(redirect)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses the plain PKCE method', async () => {
    const redirect = 'http://127.0.0.1:53123/callback';
    const url = authUrl({
      redirect_uri: redirect,
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    const location = new URL((await new Browser().go(url)).headers.get('location') ?? 'http://x/');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('never redirects to a non-loopback URI', async () => {
    const { challenge } = pkce();
    const url = authUrl({
      redirect_uri: 'http://evil.example/callback',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await new Browser().go(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('rejects a code exchanged with the wrong verifier', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const { challenge } = pkce();
    const redirect = 'http://127.0.0.1:53123/callback';
    const url = authUrl({
      redirect_uri: redirect,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const done = await new Browser().run(url, redirect, { email: t.email, password: t.password });
    const code = new URL(done.location ?? 'http://x/').searchParams.get('code') ?? '';
    const res = await tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
      code_verifier: pkce().verifier,
    });
    expect(res.status).toBe(400);
    expect(OAuthError.parse(res.json).error).toBe('invalid_grant');
  });

  it('shows the sign-in page again after a wrong password', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const { challenge } = pkce();
    const redirect = 'http://127.0.0.1:53123/callback';
    const url = authUrl({
      redirect_uri: redirect,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const done = await new Browser().run(url, redirect, { email: t.email, password: 'wrong' });
    expect(done.location).toBeNull();
    expect(done.last.status).toBe(401);
    expect(done.pages.at(-1)).toContain('Wrong email or password');
  });
});

describe('refresh, revocation and the API', () => {
  it('rotates refresh tokens and revokes the grant when an old one is reused', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const first = await signIn();
    const second = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    const rotated = Tokens.omit({ id_token: true }).parse(second.json);
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expectBody(await call(t, 'GET', '/me', { token: rotated.access_token }), 200, User);
    const replay = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(OAuthError.parse(replay.json).error).toBe('invalid_grant');
    const after = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: rotated.refresh_token,
    });
    expect(OAuthError.parse(after.json).error).toBe('invalid_grant');
    expectError(await call(t, 'GET', '/me', { token: rotated.access_token }), 401, 'INVALID_TOKEN');
  });

  it('revokes an access token so the API refuses it', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const tokens = await signIn();
    const res = await fetch(disco.revocation_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, token: tokens.access_token }).toString(),
    });
    expect(res.status).toBe(200);
    expectError(await call(t, 'GET', '/me', { token: tokens.access_token }), 401, 'INVALID_TOKEN');
  });

  it('POST /auth/logout with an issuer token kills it and its refresh token', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const tokens = await signIn();
    const res = await call(t, 'POST', '/auth/logout', { token: tokens.access_token });
    expect(res.status).toBe(204);
    expectError(await call(t, 'GET', '/me', { token: tokens.access_token }), 401, 'INVALID_TOKEN');
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(400);
    expect(OAuthError.parse(refreshed.json).error).toBe('invalid_grant');
  });

  it('POST /auth/logout with an issuer token leaves other sign-ins alive', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const one = await signIn(53_123, new Browser());
    const two = await signIn(53_124, new Browser());
    expect((await call(t, 'POST', '/auth/logout', { token: one.access_token })).status).toBe(204);
    expectBody(await call(t, 'GET', '/me', { token: two.access_token }), 200, User);
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: two.refresh_token,
    });
    expect(refreshed.status, JSON.stringify(refreshed.json)).toBe(200);
  });

  it('lets issuer access tokens expire with the emulator clock', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'moving time');
    const tokens = await signIn();
    await emu.control('time', { advance_ms: (tokens.expires_in + 1) * 1000 });
    expectError(await call(t, 'GET', '/me', { token: tokens.access_token }), 401, 'INVALID_TOKEN');
  });
});

describe('device authorization grant', () => {
  it('issues tokens once the user confirms the code in a browser', async ({ skip }) => {
    needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const start = await fetch(disco.device_authorization_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, scope: SCOPE }).toString(),
    });
    const device = z
      .object({
        device_code: z.string(),
        user_code: z.string(),
        verification_uri: z.string().url(),
        verification_uri_complete: z.string().url(),
        expires_in: z.number(),
      })
      .parse(await start.json());
    const grant = 'urn:ietf:params:oauth:grant-type:device_code';
    const pending = await tokenRequest({ grant_type: grant, device_code: device.device_code });
    expect(OAuthError.parse(pending.json).error).toBe('authorization_pending');

    // The link from the device carries the code; the user submits it, then confirms it.
    const browser = new Browser();
    const input = await (await browser.go(device.verification_uri_complete)).text();
    expect(input).toContain(device.user_code);
    const submitted = await browser.go(device.verification_uri, hiddenInputs(input));
    const confirmPage = await submitted.text();
    expect(confirmPage).toContain(device.user_code);
    const form = hiddenInputs(confirmPage);
    expect(form).toMatchObject({ confirm: 'yes', user_code: device.user_code });
    const confirmed = await browser.go(device.verification_uri, form);
    const next = new URL(
      confirmed.headers.get('location') ?? '',
      device.verification_uri,
    ).toString();
    const done = await browser.run(next, 'never-matches', { email: t.email, password: t.password });
    expect(done.last.status).toBe(200);
    expect(done.pages.at(-1), done.pages.join('\n---\n')).toContain('Device connected');

    const tokens = await tokenRequest({ grant_type: grant, device_code: device.device_code });
    expect(tokens.status, JSON.stringify(tokens.json)).toBe(200);
    const { access_token: token } = Tokens.parse(tokens.json);
    expectBody(await call(t, 'GET', '/me', { token }), 200, User);
  });
});

describe('faults on the issuer', () => {
  const refreshWith = (refresh: string) =>
    tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh });

  it('fails the token endpoint with an injected status, once', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'fault injection');
    const path = new URL(disco.token_endpoint).pathname;
    await emu.control('faults', { path, status: 503, retry_after: 4, times: 1 });
    const res = await fetch(disco.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, grant_type: 'refresh_token' }).toString(),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('4');
    // An issuer answers in OAuth's error shape, not the API's envelope.
    expect(OAuthError.parse(await res.json()).error).toBe('temporarily_unavailable');
    // Used up: the real token endpoint answers again.
    const after = await refreshWith('not-a-refresh-token');
    expect(after.status).toBe(400);
    expect(OAuthError.parse(after.json).error).toBe('invalid_grant');
  });

  it('keeps a refresh token usable after a faulted attempt with it', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'the sign-in form is the emulator’s');
    const tokens = await signIn();
    const path = new URL(disco.token_endpoint).pathname;
    await emu.control('faults', { path, method: 'POST', status: 500, times: 1 });
    const failed = await refreshWith(tokens.refresh_token);
    expect(failed.status).toBe(500);
    expect(OAuthError.parse(failed.json).error).toBe('server_error');
    const retried = await refreshWith(tokens.refresh_token);
    expect(retried.status, JSON.stringify(retried.json)).toBe(200);
  });

  it('can reset the connection to discovery and break its JSON', async ({ skip }) => {
    const emu = needEmulator(t, skip, 'fault injection');
    const discovery = `${issuer}/.well-known/openid-configuration`;
    await emu.control('faults', {
      path: '/.well-known/openid-configuration',
      reset_connection: true,
      times: 1,
    });
    await expect(fetch(discovery)).rejects.toThrow();
    await emu.control('faults', { path: '/.well-known/*', malformed_json: true, times: 1 });
    const broken = await fetch(discovery);
    expect(broken.headers.get('content-type')).toContain('json');
    await expect(broken.json()).rejects.toThrow();
    expect(Discovery.safeParse(await (await fetch(discovery)).json()).success).toBe(true);
  });
});

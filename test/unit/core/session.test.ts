import { describe, expect, it } from 'vitest';
import type { TokenResponse, User } from '../../../src-shared/kombify-api';
import type { AuthApi, Credential } from '../../../src-main/core/api/client';
import { ApiError, NetworkError, NotSignedInError } from '../../../src-main/core/api/errors';
import type { SecretStore } from '../../../src-main/core/ports';
import type { Grant } from '../../../src-main/core/auth/oidc';
import { wordsFor } from '../../../src-main/core/i18n';
import { FIRST_BACKOFF_MS } from '../../../src-main/core/sync/backoff';
import {
  API_KEY_REFUSED_REASON,
  type IssuerApi,
  SESSION_ENDED_REASON,
  Session,
  type SessionOptions,
  keychainAccount,
} from '../../../src-main/core/session';
import { ManualClock, settle } from '../support/manual-clock';
import {
  MemorySecretStore,
  hangingSecretStore,
  memoryLogger,
  rejectingSecretStore,
} from '../support/fakes';

const ACCOUNT = keychainAccount({ name: 'test', apiUrl: 'http://127.0.0.1:1/v1' });

const identity: User = {
  id: 'usr_1',
  email: 'ada@example.org',
  name: 'Ada',
  plan: 'hobby',
  quota: { stacks: { used: 0, limit: 3 }, tools: { used: 0, limit: 5 } },
  homelabs: [],
};

/** An AuthApi that issues numbered tokens living `ttlMs` on the manual clock. */
function fakeAuth(clock: ManualClock, ttlMs = 100_000) {
  let n = 0;
  const issue = (): TokenResponse => {
    n += 1;
    const expires = new Date(clock.now() + ttlMs).toISOString();
    return { token: `access-${n}`, refresh_token: `refresh-${n}`, expires_at: expires };
  };
  const api = {
    refreshes: [] as string[],
    logouts: [] as string[],
    refreshFailure: null as Error | null,
    refreshGate: null as Promise<void> | null,
    async login(_email: string, password: string) {
      if (password !== 'pw') throw new ApiError(401, 'INVALID_CREDENTIALS', 'no');
      return issue();
    },
    async refresh(refreshToken: string) {
      api.refreshes.push(refreshToken);
      // Decided when the request is sent, answered when the gate opens.
      const failure = api.refreshFailure;
      await (api.refreshGate ?? Promise.resolve());
      if (failure) throw failure;
      return issue();
    },
    async logout(accessToken: string) {
      api.logouts.push(accessToken);
    },
    async identify(credential: Credential) {
      if ('apiKey' in credential && credential.apiKey !== 'kmb_good_key') {
        throw new ApiError(401, 'INVALID_TOKEN', 'API key is not valid.');
      }
      return identity;
    },
  } satisfies AuthApi & Record<string, unknown>;
  return api;
}

/** An issuer that rotates numbered refresh tokens, as the emulator's does. */
function fakeIssuer(clock: ManualClock, ttlMs: number) {
  let n = 0;
  const issuer = {
    refreshes: [] as string[],
    revoked: [] as string[],
    failure: null as Error | null,
    grant(refresh: string | null = `oidc-refresh-${n + 1}`): Grant {
      n += 1;
      const accessToken = `oidc-access-${n}`;
      return { accessToken, refreshToken: refresh, expiresAt: clock.now() + ttlMs, email: null };
    },
    async refresh(refreshToken: string): Promise<Grant> {
      issuer.refreshes.push(refreshToken);
      if (issuer.failure) throw issuer.failure;
      return issuer.grant();
    },
    async revoke(token: string) {
      issuer.revoked.push(token);
    },
  } satisfies IssuerApi & Record<string, unknown>;
  return issuer;
}

function setup(
  secrets: SecretStore = new MemorySecretStore(),
  ttlMs?: number,
  extra: Partial<SessionOptions> = {},
) {
  const clock = new ManualClock();
  const api = fakeAuth(clock, ttlMs);
  const issuer = fakeIssuer(clock, ttlMs ?? 100_000);
  const logger = memoryLogger();
  const warnings: string[] = [];
  let changes = 0;
  const session = new Session({
    account: ACCOUNT,
    secrets,
    api,
    issuer,
    clock,
    logger,
    onChange: () => (changes += 1),
    onExpiring: (warning) => warnings.push(warning),
    ...extra,
  });
  return { clock, api, issuer, logger, session, secrets, warnings, changes: () => changes };
}

describe('Session', () => {
  it('stores the tokens as one JSON secret under the environment account', async () => {
    const store = new MemorySecretStore();
    const { session } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    expect(session.view()).toEqual({
      status: 'signed-in',
      email: 'ada@example.org',
      name: null,
      method: 'password',
    });
    expect([...store.items.keys()]).toEqual(['test|http://127.0.0.1:1/v1']);
    const secret = JSON.parse(store.items.get(ACCOUNT)!) as Record<string, unknown>;
    expect(secret).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
  });

  it('keeps the person signed out and says why when the password is wrong', async () => {
    const { session } = setup();
    await expect(session.signIn('ada@example.org', 'nope')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(session.view().status).toBe('signed-out');
  });

  it('restores a stored sign-in at start', async () => {
    const store = new MemorySecretStore();
    await setup(store).session.signIn('ada@example.org', 'pw');
    const { session } = setup(store);
    await session.restore();
    expect(session.view()).toMatchObject({ status: 'signed-in', email: 'ada@example.org' });
    expect(await session.accessToken()).toBe('access-1');
  });

  it('ignores an unreadable stored sign-in without deleting it', async () => {
    const store = new MemorySecretStore();
    store.items.set(ACCOUNT, '{"v":1,"access_token":');
    const { session, logger } = setup(store);
    await session.restore();
    expect(session.view().status).toBe('signed-out');
    expect(store.items.has(ACCOUNT)).toBe(true);
    expect(logger.entries.some((e) => e.msg.includes('unreadable'))).toBe(true);
  });

  it('refreshes 20 s before a 100 s token expires, and not earlier', async () => {
    const { session, clock, api } = setup();
    await session.signIn('ada@example.org', 'pw');
    await clock.advance(79_000);
    expect(await session.accessToken()).toBe('access-1');
    await clock.advance(2_000);
    expect(await session.accessToken()).toBe('access-2');
    expect(api.refreshes).toEqual(['refresh-1']);
  });

  it('refreshes never more than 60 s before expiry of a long token', async () => {
    const { session, clock, api } = setup(undefined, 15 * 60_000);
    await session.signIn('ada@example.org', 'pw');
    await clock.advance(15 * 60_000 - 61_000);
    await session.accessToken();
    expect(api.refreshes).toEqual([]);
    await clock.advance(2_000);
    await session.accessToken();
    expect(api.refreshes).toEqual(['refresh-1']);
  });

  it('shares one refresh among concurrent callers and stores it before they continue', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    const stored: string[] = [];
    const results = await Promise.all(
      [1, 2, 3].map(async () => {
        const token = await session.refreshAfterRejection('access-1');
        stored.push(JSON.parse(store.items.get(ACCOUNT)!).refresh_token as string);
        return token;
      }),
    );
    expect(results).toEqual(['access-2', 'access-2', 'access-2']);
    expect(api.refreshes).toEqual(['refresh-1']);
    expect(stored).toEqual(['refresh-2', 'refresh-2', 'refresh-2']);
  });

  it('does not let a caller retry before the rotated refresh token is stored', async () => {
    const store = new MemorySecretStore();
    const { session } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const plainSet = store.set.bind(store);
    store.set = async (account, secret) => {
      await held;
      await plainSet(account, secret);
    };
    let token: string | null = null;
    const refreshing = session.refreshAfterRejection('access-1').then((t) => (token = t));
    await settle();
    expect(token).toBeNull();
    release();
    await refreshing;
    expect(token).toBe('access-2');
    expect(JSON.parse(store.items.get(ACCOUNT)!).refresh_token).toBe('refresh-2');
  });

  it('does not refresh again for a token that was already replaced', async () => {
    const { session, api } = setup();
    await session.signIn('ada@example.org', 'pw');
    await session.refreshAfterRejection('access-1');
    expect(await session.refreshAfterRejection('access-1')).toBe('access-2');
    expect(api.refreshes).toHaveLength(1);
  });

  it('stays signed in when a refresh meets a network error', async () => {
    const store = new MemorySecretStore();
    const { session, api, clock } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new NetworkError('connection refused');
    await expect(session.refreshAfterRejection('access-1')).rejects.toBeInstanceOf(NetworkError);
    // Close to expiry but offline: the still-valid token is used.
    await clock.advance(90_000);
    expect(await session.accessToken()).toBe('access-1');
    expect(session.view().status).toBe('signed-in');
    expect(store.items.has(ACCOUNT)).toBe(true);
  });

  it('uses the still-valid token when a refresh near expiry meets a 5xx, and retries later', async () => {
    const { session, api, clock } = setup(new MemorySecretStore(), 100_000, { random: () => 1 });
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new ApiError(503, 'HTTP_503', 'HTTP 503 without an error body');
    // Inside the 20 s refresh margin of a 100 s token, but before it expires.
    await clock.advance(85_000);
    expect(await session.accessToken()).toBe('access-1');
    expect(api.refreshes).toEqual(['refresh-1']);
    // The refresh backs off: asking again at once does not hammer the server.
    expect(await session.accessToken()).toBe('access-1');
    expect(api.refreshes).toEqual(['refresh-1']);
    api.refreshFailure = null;
    await clock.advance(FIRST_BACKOFF_MS);
    expect(await session.accessToken()).toBe('access-2');
    expect(api.refreshes).toEqual(['refresh-1', 'refresh-1']);
    expect(session.view().status).toBe('signed-in');
  });

  it('ends a session only on invalid_grant from the issuer, not on other OAuth errors', async () => {
    const store = new MemorySecretStore();
    const { session, issuer } = setup(store);
    await session.signInWithGrant(issuer.grant(), 'browser');
    for (const code of ['invalid_client', 'invalid_request', 'unauthorized_client']) {
      issuer.failure = new ApiError(code === 'invalid_client' ? 401 : 400, code, code);
      const error: unknown = await session.refreshAfterRejection('oidc-access-1').catch((e) => e);
      expect(error, code).not.toBeInstanceOf(NotSignedInError);
      expect(session.view().status).toBe('signed-in');
      expect(store.items.has(ACCOUNT)).toBe(true);
    }
    issuer.failure = new ApiError(400, 'invalid_grant', 'grant revoked');
    await expect(session.refreshAfterRejection('oidc-access-1')).rejects.toBeInstanceOf(
      NotSignedInError,
    );
    expect(session.view()).toEqual({ status: 'signed-out', reason: SESSION_ENDED_REASON });
  });

  it('signs out with a reason and wipes the keychain when the refresh is refused', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new ApiError(401, 'INVALID_TOKEN', 'revoked');
    await expect(session.refreshAfterRejection('access-1')).rejects.toBeInstanceOf(
      NotSignedInError,
    );
    expect(session.view()).toEqual({ status: 'signed-out', reason: SESSION_ENDED_REASON });
    expect(store.items.has(ACCOUNT)).toBe(false);
    await expect(session.accessToken()).rejects.toMatchObject({ reason: SESSION_ENDED_REASON });
  });

  it('does not end a new session when the refresh of an old one is refused late', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new ApiError(401, 'INVALID_TOKEN', 'revoked');
    let answer!: () => void;
    api.refreshGate = new Promise<void>((r) => (answer = r));
    const stale = session.refreshAfterRejection('access-1');
    await session.signOut();
    await session.signIn('ada@example.org', 'pw');
    // The new session's own refresh is its own, not the stale one still waiting.
    api.refreshFailure = null;
    const fresh = session.refreshAfterRejection('access-2');
    answer();
    await expect(stale).rejects.toBeInstanceOf(NotSignedInError);
    expect(await fresh).toBe('access-3');
    expect(session.view().status).toBe('signed-in');
    expect(store.items.has(ACCOUNT)).toBe(true);
  });

  it('revokes on the server, forgets the tokens and wipes the keychain on sign-out', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    await session.signOut();
    expect(api.logouts).toEqual(['access-1']);
    expect(store.items.size).toBe(0);
    expect(session.view()).toEqual({ status: 'signed-out' });
    await expect(session.accessToken()).rejects.toBeInstanceOf(NotSignedInError);
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    api.logout = async () => {
      throw new NetworkError('connection refused');
    };
    await session.signOut();
    expect(session.view().status).toBe('signed-out');
    expect(store.items.size).toBe(0);
  });

  it('renews an expired access token before logging out, so the server session ends', async () => {
    const { session, api, clock, logger } = setup();
    await session.signIn('ada@example.org', 'pw');
    await clock.advance(100_000);
    await session.signOut();
    expect(api.refreshes).toEqual(['refresh-1']);
    expect(api.logouts).toEqual(['access-2']);
    expect(session.view()).toEqual({ status: 'signed-out' });
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });

  it('ends at the server the session a refresh brings back after sign-out', async () => {
    const store = new MemorySecretStore();
    const { session, api } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    let answer!: () => void;
    api.refreshGate = new Promise<void>((r) => (answer = r));
    const refreshing = session.refreshAfterRejection('access-1');
    await session.signOut();
    answer();
    await expect(refreshing).rejects.toBeInstanceOf(NotSignedInError);
    await settle();
    // The rotated tokens are the live ones: those are logged out, and nothing is stored.
    expect(api.logouts).toEqual(['access-2']);
    expect(store.items.size).toBe(0);
  });

  it('does not bring a session back when sign-out happens during a refresh', async () => {
    const store = new MemorySecretStore();
    const { session } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    const refreshing = session.refreshAfterRejection('access-1');
    await session.signOut();
    await expect(refreshing).rejects.toBeInstanceOf(NotSignedInError);
    expect(session.view().status).toBe('signed-out');
    expect(store.items.size).toBe(0);
  });
});

/** A keychain whose calls of one kind wait until the test lets them through. */
class GatedSecretStore extends MemorySecretStore {
  readonly #gates = new Map<string, Promise<void>>();

  /** Holds every later `kind` call until the returned function is called. */
  hold(kind: 'get' | 'set' | 'delete'): () => void {
    let open!: () => void;
    this.#gates.set(kind, new Promise<void>((resolve) => (open = resolve)));
    return open;
  }

  /** Answers with what the entry held when asked, however late the answer comes. */
  override async get(account: string): Promise<string | null> {
    const held = super.get(account);
    await this.#gates.get('get');
    return held;
  }

  override async set(account: string, secret: string): Promise<void> {
    await this.#gates.get('set');
    return super.set(account, secret);
  }

  override async delete(account: string): Promise<boolean> {
    await this.#gates.get('delete');
    return super.delete(account);
  }
}

describe('Session operations that overlap', () => {
  it('saves a sign-in made during a slow keychain delete after that delete, not before', async () => {
    const store = new GatedSecretStore();
    const { session } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    const letDeleteThrough = store.hold('delete');
    const signingOut = session.signOut();
    const signingIn = session.signIn('ada@example.org', 'pw');
    await settle();
    letDeleteThrough();
    await Promise.all([signingOut, signingIn]);
    expect(session.view().status).toBe('signed-in');
    expect(JSON.parse(store.items.get(ACCOUNT)!)).toMatchObject({ access_token: 'access-2' });
  });

  it('does not delete a newer sign-in when a sign-out waits behind a slow save', async () => {
    const store = new GatedSecretStore();
    const { session } = setup(store);
    const letSaveThrough = store.hold('set');
    const first = session.signIn('ada@example.org', 'pw');
    await settle();
    const signingOut = session.signOut();
    const second = session.signIn('ada@example.org', 'pw');
    await settle();
    letSaveThrough();
    await Promise.all([first, signingOut, second]);
    expect(session.view().status).toBe('signed-in');
    expect(await session.accessToken()).toBe('access-2');
    expect(JSON.parse(store.items.get(ACCOUNT)!)).toMatchObject({ access_token: 'access-2' });
    expect(store.calls).toEqual([`set ${ACCOUNT}`, `set ${ACCOUNT}`]);
  });

  it('stays signed out when the person signs out while the stored sign-in is read', async () => {
    const store = new GatedSecretStore();
    await setup(store).session.signIn('ada@example.org', 'pw');
    const { session } = setup(store);
    const letReadThrough = store.hold('get');
    const restoring = session.restore();
    const signingOut = session.signOut();
    await settle();
    letReadThrough();
    await Promise.all([restoring, signingOut]);
    expect(session.view().status).toBe('signed-out');
    expect(session.signedIn).toBe(false);
    expect(store.items.has(ACCOUNT)).toBe(false);
  });

  it('keeps showing "signing in" while a second sign-in is still under way', async () => {
    const { session, api } = setup();
    let answer!: () => void;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const login = api.login.bind(api);
    let calls = 0;
    api.login = async (email, password) => {
      calls += 1;
      // The first (mistyped) attempt fails at once; the second waits for the gate.
      if (calls === 2) await gate;
      return login(email, password);
    };
    const mistyped = session.signIn('ada@example.org', 'nope');
    const retried = session.signIn('ada@example.org', 'pw');
    await expect(mistyped).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(session.view().status).toBe('signing-in');
    answer();
    await retried;
    expect(session.view().status).toBe('signed-in');
  });

  it('puts back what was shown before when every sign-in under way failed', async () => {
    const { session } = setup();
    await expect(
      Promise.all([
        session.signIn('ada@example.org', 'nope'),
        session.signIn('ada@example.org', 'wrong'),
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await settle();
    expect(session.view()).toEqual({ status: 'signed-out' });
  });
});

describe('Session with a keychain that hangs or refuses', () => {
  it('gives up a hanging save after 3 s and keeps the person signed in for this run', async () => {
    const { session, clock } = setup(hangingSecretStore);
    let done = false;
    const signingIn = session.signIn('ada@example.org', 'pw').then(() => (done = true));
    await clock.advance(2_999);
    expect(done).toBe(false);
    await clock.advance(1);
    await signingIn;
    expect(session.view().status).toBe('signed-in');
    expect(session.keychain().status).toBe('unavailable');
    expect(session.keychain().message).toMatch(/did not answer.*until you quit/);
    expect(await session.accessToken()).toBe('access-1');
  });

  it('does not wait on the hanging keychain again when tokens rotate this run', async () => {
    const { session, clock } = setup(hangingSecretStore);
    const signingIn = session.signIn('ada@example.org', 'pw');
    await clock.advance(3_000);
    await signingIn;
    let token: string | null = null;
    void session.refreshAfterRejection('access-1').then((t) => (token = t));
    await settle();
    expect(token).toBe('access-2');
  });

  it('says an outdated entry remains when a rotated token can be neither saved nor removed', async () => {
    const store = new MemorySecretStore();
    const { session } = setup(store);
    await session.signIn('ada@example.org', 'pw');
    // Locked after sign-in: saves are refused, deletes answer "nothing deleted".
    store.set = () => Promise.reject(new Error('Cannot create an item in a locked collection'));
    store.delete = async () => false;
    expect(await session.refreshAfterRejection('access-1')).toBe('access-2');
    expect(session.view().status).toBe('signed-in');
    expect(session.keychain()).toMatchObject({ status: 'unavailable' });
    expect(session.keychain().message).toMatch(/keyring is locked.*will not be remembered/);
    expect(session.keychain().message).toMatch(/earlier sign-in that no longer works/);
  });

  it('starts signed out, told why, when reading the keychain hangs', async () => {
    const { session, clock } = setup(hangingSecretStore);
    const restoring = session.restore();
    expect(session.view().status).toBe('restoring');
    await clock.advance(3_000);
    await restoring;
    expect(session.view().status).toBe('signed-out');
    expect(session.keychain()).toMatchObject({ status: 'unavailable' });
  });

  it('keeps a sign-in made while the stored one was still being read', async () => {
    const { session, clock } = setup(hangingSecretStore);
    const restoring = session.restore();
    const signingIn = session.signIn('ada@example.org', 'pw');
    await clock.advance(3_000);
    await Promise.all([restoring, signingIn]);
    expect(session.view().status).toBe('signed-in');
    expect(await session.accessToken()).toBe('access-1');
  });

  it('reports a refusing keychain in words with a next step, and its reason in the log', async () => {
    const why = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
    const { session, logger } = setup(rejectingSecretStore(why));
    await session.restore();
    expect(session.keychain().message).not.toContain(why);
    expect(session.keychain().message).toMatch(/Unlock or start your keyring/);
    expect(JSON.stringify(logger.entries)).toContain(why);
    await session.signIn('ada@example.org', 'pw');
    expect(session.view().status).toBe('signed-in');
  });

  it('never logs a token through sign-in, refresh, refused refresh and sign-out', async () => {
    const { session, logger, api, clock } = setup();
    await session.signIn('ada@example.org', 'pw');
    await clock.advance(90_000);
    await session.accessToken();
    await session.signOut();
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new ApiError(401, 'INVALID_TOKEN', 'revoked');
    await session.refreshAfterRejection('access-3').catch(() => undefined);
    expect(logger.entries.length).toBeGreaterThan(3);
    expect(JSON.stringify(logger.entries)).not.toMatch(/access-\d|refresh-\d|"pw"/);
  });
});

describe('Session from the browser, a device or an API key', () => {
  it('refreshes a browser session at the issuer and stores the rotated token first', async () => {
    const store = new MemorySecretStore();
    const { session, issuer } = setup(store);
    await session.signInWithGrant(issuer.grant(), 'browser');
    expect(session.view()).toMatchObject({ email: 'ada@example.org', method: 'browser' });
    const tokens = await Promise.all(
      [1, 2, 3].map(() => session.refreshAfterRejection('oidc-access-1')),
    );
    expect(tokens).toEqual(['oidc-access-2', 'oidc-access-2', 'oidc-access-2']);
    expect(issuer.refreshes).toEqual(['oidc-refresh-1']);
    expect(JSON.parse(store.items.get(ACCOUNT)!)).toMatchObject({
      method: 'browser',
      refresh_token: 'oidc-refresh-2',
    });
  });

  it('ends a device session whose refresh the issuer refuses (invalid_grant)', async () => {
    const { session, issuer } = setup();
    await session.signInWithGrant(issuer.grant(), 'device');
    issuer.failure = new ApiError(400, 'invalid_grant', 'grant revoked');
    await expect(session.refreshAfterRejection('oidc-access-1')).rejects.toBeInstanceOf(
      NotSignedInError,
    );
    expect(session.view()).toEqual({ status: 'signed-out', reason: SESSION_ENDED_REASON });
  });

  it('revokes the refresh and access tokens at the issuer on sign-out', async () => {
    const { session, issuer, api } = setup();
    await session.signInWithGrant(issuer.grant(), 'browser');
    await session.signOut();
    expect(issuer.revoked).toEqual(['oidc-refresh-1', 'oidc-access-1']);
    expect(api.logouts).toEqual([]);
  });

  it('keeps an API key, sends it as a key, and ends the session when it is refused', async () => {
    const store = new MemorySecretStore();
    const { session, clock } = setup(store);
    await expect(session.signInWithApiKey('kmb_wrong_key')).rejects.toMatchObject({ status: 401 });
    expect(session.view().status).toBe('signed-out');
    await session.signInWithApiKey('kmb_good_key');
    expect(session.view()).toMatchObject({ email: 'ada@example.org', method: 'api-key' });
    await clock.advance(365 * 86_400_000);
    expect(await session.accessToken()).toBe('kmb_good_key');
    expect(session.isApiKey('kmb_good_key')).toBe(true);
    await expect(session.refreshAfterRejection('kmb_good_key')).rejects.toMatchObject({
      reason: API_KEY_REFUSED_REASON,
    });
    expect(session.view()).toEqual({ status: 'signed-out', reason: API_KEY_REFUSED_REASON });
    expect(store.items.has(ACCOUNT)).toBe(false);
  });

  it('reads a sign-in stored before sign-in methods existed as a password one', async () => {
    const store = new MemorySecretStore();
    const legacy = { v: 1, email: 'ada@example.org', access_token: 'a', refresh_token: 'r' };
    store.items.set(ACCOUNT, JSON.stringify({ ...legacy, expires_at: 1, obtained_at: 0 }));
    const { session } = setup(store);
    await session.restore();
    expect(session.view()).toMatchObject({ status: 'signed-in', method: 'password' });
  });
});

describe('Session expiry warning', () => {
  it('warns once, 5 minutes before a session without a refresh token ends', async () => {
    const { session, issuer, clock, warnings } = setup(undefined, 60 * 60_000);
    await session.signInWithGrant(issuer.grant(null), 'browser');
    await clock.advance(55 * 60_000 - 1);
    expect(warnings).toEqual([]);
    await clock.advance(1);
    expect(warnings).toEqual([
      'Your session ends in about 5 minutes. Sign in again to stay signed in.',
    ]);
    expect(session.view()).toMatchObject({ status: 'signed-in', expiryWarning: warnings[0] });
    await clock.advance(10 * 60_000);
    expect(warnings).toHaveLength(1);
  });

  it('warns when the refresh keeps failing offline, clears it once one works', async () => {
    const { session, api, clock, warnings } = setup(undefined, 60 * 60_000);
    await session.signIn('ada@example.org', 'pw');
    expect(clock.pending()).toEqual([]);
    api.refreshFailure = new NetworkError('connection refused');
    await expect(session.refreshAfterRejection('access-1')).rejects.toBeInstanceOf(NetworkError);
    await clock.advance(55 * 60_000);
    expect(warnings[0]).toMatch(/ends in about 5 minutes unless kombify can be reached/);
    api.refreshFailure = null;
    // Inside the refresh margin the next use refreshes, and this time it works.
    await clock.advance(4 * 60_000 + 30_000);
    expect(await session.accessToken()).toBe('access-2');
    expect(session.view()).not.toHaveProperty('expiryWarning');
    expect(clock.pending()).toEqual([]);
  });

  it('never warns for a session that refreshes normally', async () => {
    const { session, clock, warnings } = setup(undefined, 60 * 60_000);
    await session.signIn('ada@example.org', 'pw');
    await clock.advance(59 * 60_000);
    await session.accessToken();
    await clock.advance(59 * 60_000);
    await session.accessToken();
    expect(warnings).toEqual([]);
  });
});

describe('Session words', () => {
  const german = { words: () => wordsFor('de') };

  it('warns of the end in the language in use, one minute and many', async () => {
    const { session, issuer, clock, warnings } = setup(undefined, 60 * 60_000, german);
    await session.signInWithGrant(issuer.grant(null), 'browser');
    await clock.advance(55 * 60_000);
    expect(warnings).toEqual([
      'Deine Sitzung endet in etwa 5 Minuten. Melde dich neu an, um angemeldet zu bleiben.',
    ]);
    const short = setup(undefined, 2 * 60_000, german);
    await short.session.signInWithGrant(short.issuer.grant(null), 'browser');
    await short.clock.advance(60_000);
    expect(short.warnings).toEqual([
      'Deine Sitzung endet in etwa 1 Minute. Melde dich neu an, um angemeldet zu bleiben.',
    ]);
  });

  it('says why a session ended in the language in use', async () => {
    const { session, api } = setup(undefined, undefined, german);
    await session.signIn('ada@example.org', 'pw');
    api.refreshFailure = new ApiError(401, 'INVALID_TOKEN', 'revoked');
    await expect(session.refreshAfterRejection('access-1')).rejects.toMatchObject({
      reason: 'Deine Sitzung ist abgelaufen. Melde dich neu an, um weiterzumachen.',
    });
    expect(session.view()).toEqual({
      status: 'signed-out',
      reason: 'Deine Sitzung ist abgelaufen. Melde dich neu an, um weiterzumachen.',
    });
    const key = setup(undefined, undefined, german);
    await key.session.signInWithApiKey('kmb_good_key');
    await expect(key.session.refreshAfterRejection('kmb_good_key')).rejects.toMatchObject({
      reason: expect.stringMatching(/^kombify nimmt diesen API-Schlüssel nicht mehr an/),
    });
  });
});

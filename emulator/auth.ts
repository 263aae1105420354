/**
 * Password sessions: signed access tokens (JWT, HS256) with a configurable
 * lifetime, rotating refresh tokens with reuse detection, logout, and API
 * keys. OIDC-issued tokens are checked and ended in oidc/, reached through
 * the `issuerTokens` hook.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { iso } from './clock';
import { ApiError } from './errors';
import type { AccountRecord, SessionRecord } from './model';
import type { Store } from './store';

const REFRESH_TTL_MS = 30 * 86_400_000;
const AUDIENCE = 'https://api.kombify.io';

/** Who a request acts as, once authenticated. */
export interface Principal {
  account: AccountRecord;
  /** The password session, when the caller used a password-login token. */
  sessionId: string | null;
  /** The OIDC grant, when the caller used an issuer access token. */
  grantId: string | null;
  via: 'jwt' | 'api_key' | 'oidc';
}

/** Access tokens of the OIDC issuer, which /v1 accepts and logout ends. */
export interface IssuerTokens {
  /** The account and grant behind an issuer access token for the API, or null. */
  verify(token: string): Promise<{ account: AccountRecord; grantId: string } | null>;
  /** Ends a grant: its access and refresh tokens stop working. */
  revokeGrant(grantId: string): Promise<void>;
}

/** The `{token, expires_at, refresh_token}` body. */
export interface TokenBody {
  token: string;
  expires_at: string;
  refresh_token: string;
}

function b64(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Issues and checks the emulator's own tokens. */
export class Auth {
  readonly #store: Store;
  readonly #issuer: () => string;
  tokenTtlSeconds: number;
  /** Set by the OIDC issuer so its access tokens count as bearer tokens. */
  issuerTokens: IssuerTokens | null = null;

  constructor(store: Store, tokenTtlSeconds: number, issuer: () => string) {
    this.#store = store;
    this.tokenTtlSeconds = tokenTtlSeconds;
    this.#issuer = issuer;
  }

  login(email: unknown, password: unknown): TokenBody {
    if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
      throw new ApiError('VALIDATION_ERROR', 'email and password are required strings');
    }
    this.#store.counters.login += 1;
    const account = this.#store.data.accounts.find(
      (a) => a.email.toLowerCase() === email.trim().toLowerCase(),
    );
    if (!account || !safeEqual(account.password, password)) {
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong email or password.');
    }
    const session: SessionRecord = {
      id: this.#store.newId('ses'),
      account_id: account.id,
      refresh_token: '',
      used_refresh_tokens: [],
      refresh_expires_at: 0,
      revoked: false,
    };
    this.#store.data.sessions.push(session);
    return this.#issue(session);
  }

  refresh(refreshToken: unknown): TokenBody {
    if (typeof refreshToken !== 'string' || !refreshToken) {
      throw new ApiError('VALIDATION_ERROR', 'refresh_token is required');
    }
    this.#store.counters.refresh += 1;
    const sessions = this.#store.data.sessions;
    const reused = sessions.find((s) => s.used_refresh_tokens.includes(refreshToken));
    if (reused) {
      // A rotated-out token came back: someone holds a copy. Kill the session.
      reused.revoked = true;
      this.#store.save();
      throw new ApiError('INVALID_TOKEN', 'Refresh token was already used; session revoked.');
    }
    const session = sessions.find((s) => s.refresh_token === refreshToken);
    if (!session || session.revoked || session.refresh_expires_at <= this.#store.now()) {
      throw new ApiError('INVALID_TOKEN', 'Refresh token is invalid or expired.');
    }
    session.used_refresh_tokens.push(refreshToken);
    return this.#issue(session);
  }

  /**
   * Ends what the caller signed in with: the password session, or the OIDC
   * grant behind an issuer token (its access and refresh tokens). An API key
   * has nothing to end.
   */
  async logout(principal: Principal): Promise<void> {
    this.#store.counters.logout += 1;
    const session = this.#store.data.sessions.find((s) => s.id === principal.sessionId);
    if (session) session.revoked = true;
    this.#store.save();
    if (principal.grantId !== null) await this.issuerTokens?.revokeGrant(principal.grantId);
  }

  /** Authenticates a request from its headers, or throws INVALID_TOKEN. */
  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal> {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) {
      const account = this.#store.data.accounts.find((a) => a.api_keys.includes(apiKey));
      if (!account) throw new ApiError('INVALID_TOKEN', 'API key is not valid.');
      return { account, sessionId: null, grantId: null, via: 'api_key' };
    }
    const auth = headers.authorization;
    const match = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
    if (!match?.[1]) throw new ApiError('INVALID_TOKEN', 'Missing bearer token or API key.');
    const token = match[1];
    const own = this.#verifyJwt(token);
    if (own) return own;
    const issued = await this.issuerTokens?.verify(token);
    if (issued) return { ...issued, sessionId: null, via: 'oidc' };
    throw new ApiError('INVALID_TOKEN', 'Token is expired or invalid.');
  }

  #issue(session: SessionRecord): TokenBody {
    const now = this.#store.now();
    const exp = Math.floor(now / 1000) + this.tokenTtlSeconds;
    const claims = {
      iss: this.#issuer(),
      aud: AUDIENCE,
      sub: session.account_id,
      sid: session.id,
      jti: randomBytes(8).toString('hex'),
      iat: Math.floor(now / 1000),
      exp,
    };
    const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64(JSON.stringify(claims));
    const sig = createHmac('sha256', this.#store.data.token_secret)
      .update(`${head}.${body}`)
      .digest('base64url');
    session.refresh_token = `rt_${randomBytes(24).toString('base64url')}`;
    session.refresh_expires_at = now + REFRESH_TTL_MS;
    this.#store.save();
    return {
      token: `${head}.${body}.${sig}`,
      expires_at: iso(exp * 1000),
      refresh_token: session.refresh_token,
    };
  }

  #verifyJwt(token: string): Principal | null {
    const [head, body, sig] = token.split('.');
    if (!head || !body || !sig) return null;
    const expected = createHmac('sha256', this.#store.data.token_secret)
      .update(`${head}.${body}`)
      .digest('base64url');
    if (!safeEqual(expected, sig)) return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      sub: string;
      sid: string;
      exp: number;
    };
    if (claims.exp * 1000 <= this.#store.now()) return null;
    const session = this.#store.data.sessions.find((s) => s.id === claims.sid);
    const account = this.#store.account(claims.sub);
    if (!session || session.revoked || !account) return null;
    return { account, sessionId: session.id, grantId: null, via: 'jwt' };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

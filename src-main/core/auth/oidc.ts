/**
 * kombify's OpenID Connect issuer through openid-client: discovery, the
 * authorization-code exchange, the device grant, refresh and revocation.
 * Every failure becomes one of the API's typed errors, so the session decides
 * the same way for every sign-in method (400/401 refused, the rest transient).
 */
import * as oidc from 'openid-client';
import {
  ApiError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
  parseRetryAfter,
} from '../api/errors';
import type { Clock } from '../ports';
import { CLIENT_ID, SCOPES } from './issuer';

/** Tokens from the issuer, as the session keeps them. */
export interface Grant {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms on the app's clock. */
  expiresAt: number;
  /** From the ID token when the issuer sent one. */
  email: string | null;
}

/** What the window shows during a device sign-in, and what polling needs. */
export interface DeviceStart {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Seconds between polls, as the issuer asks (RFC 8628 §3.5 default 5). */
  intervalSeconds: number;
}

/** The checks of one browser sign-in, forgotten when it ends. */
export interface CodeChecks {
  redirectUri: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** Options of {@link OidcAuth}. */
export interface OidcAuthOptions {
  issuer: string;
  clock: Clock;
  fetch?: typeof fetch;
  /** Seconds per request to the issuer. Default 10. */
  timeoutSeconds?: number;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** One issuer; discovery is fetched on first use and again after a failure. */
export class OidcAuth {
  readonly #o: OidcAuthOptions;
  #config: Promise<oidc.Configuration> | null = null;

  constructor(options: OidcAuthOptions) {
    this.#o = options;
  }

  /** The issuer this app is configured with; discovery must name the same one. */
  get issuer(): string {
    return this.#o.issuer;
  }

  /** A new PKCE verifier, state and nonce; the redirect is filled in by the caller. */
  static newChecks(redirectUri: string): CodeChecks {
    return {
      redirectUri,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    };
  }

  /** The issuer page to open in the browser for these checks (S256 challenge). */
  async authorizationUrl(checks: CodeChecks): Promise<string> {
    const config = await this.#configuration();
    const challenge = await oidc.calculatePKCECodeChallenge(checks.verifier);
    return oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: checks.redirectUri,
        scope: SCOPES,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        prompt: 'consent',
      })
      .toString();
  }

  /** Exchanges the code of a callback whose state the caller already checked. */
  exchangeCode(callback: URL, checks: CodeChecks): Promise<Grant> {
    return this.#call(async (config) => {
      const reply = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      return this.#grant(reply);
    });
  }

  /** Starts a device sign-in (RFC 8628). */
  startDevice(): Promise<DeviceStart> {
    return this.#call(async (config) => {
      const reply = await oidc.initiateDeviceAuthorization(config, { scope: SCOPES });
      return {
        deviceCode: reply.device_code,
        userCode: reply.user_code,
        verificationUri: reply.verification_uri,
        verificationUriComplete: reply.verification_uri_complete,
        expiresAt: this.#o.clock.now() + reply.expires_in * 1000,
        intervalSeconds: reply.interval ?? 5,
      };
    });
  }

  /** One poll of the token endpoint; `authorization_pending` and `slow_down` throw ApiError. */
  pollDevice(deviceCode: string): Promise<Grant> {
    return this.#call(async (config) => {
      const reply = await oidc.genericGrantRequest(config, DEVICE_GRANT, {
        device_code: deviceCode,
      });
      return this.#grant(reply);
    });
  }

  /** Uses the refresh token once; the issuer rotates it. */
  refresh(refreshToken: string): Promise<Grant> {
    return this.#call(async (config) => {
      return this.#grant(await oidc.refreshTokenGrant(config, refreshToken));
    });
  }

  /** Revokes a token at the issuer (RFC 7009); revoking the refresh token ends the grant. */
  revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    return this.#call((config) => oidc.tokenRevocation(config, token, { token_type_hint: hint }));
  }

  #grant(reply: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Grant {
    const email = reply.claims()?.email;
    return {
      accessToken: reply.access_token,
      refreshToken: reply.refresh_token ?? null,
      expiresAt: this.#o.clock.now() + (reply.expires_in ?? 300) * 1000,
      email: typeof email === 'string' ? email : null,
    };
  }

  async #call<T>(work: (config: oidc.Configuration) => Promise<T>): Promise<T> {
    try {
      return await work(await this.#configuration());
    } catch (error) {
      throw asApiError(error, this.#o.timeoutSeconds ?? 10, this.#o.clock.now());
    }
  }

  #configuration(): Promise<oidc.Configuration> {
    this.#config ??= this.#discover().catch((error: unknown) => {
      // A failed discovery (offline at start) is tried again on the next call.
      this.#config = null;
      throw asApiError(error, this.#o.timeoutSeconds ?? 10, this.#o.clock.now());
    });
    return this.#config;
  }

  async #discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.#o.issuer);
    const options: oidc.DiscoveryRequestOptions = { timeout: this.#o.timeoutSeconds ?? 10 };
    // Plain http is only allowed for an issuer on this machine (the emulator).
    if (isLoopback(issuer)) options.execute = [oidc.allowInsecureRequests];
    const fetchFn = this.#o.fetch;
    // openid-client hands fetch a Uint8Array body, which Node's fetch accepts as BodyInit.
    if (fetchFn) options[oidc.customFetch] = (url, init) => fetchFn(url, init as RequestInit);
    return oidc.discovery(issuer, CLIENT_ID, undefined, oidc.None(), options);
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * The issuer's refusals keep their OAuth error code; an error status without an
 * OAuth body (a 5xx, a proxy's page) keeps its status as `HTTP_<status>`, so the
 * session and the device flow decide as they do for the API; the rest is network,
 * timeout or a broken reply.
 */
function asApiError(error: unknown, timeoutSeconds: number, now: number): Error {
  if (error instanceof ApiError || error instanceof NetworkError) return error;
  if (error instanceof TimeoutError || error instanceof MalformedResponseError) return error;
  if (error instanceof oidc.ResponseBodyError) {
    const message = error.error_description ?? error.error;
    return new ApiError(error.status, error.error, message, null, retryAt(error.response, now));
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    const code = error.cause[0]?.parameters.error ?? `HTTP_${error.status}`;
    const message = `HTTP ${error.status} from the sign-in service (${code})`;
    return new ApiError(error.status, code, message, null, retryAt(error.response, now));
  }
  const reply = error instanceof oidc.ClientError ? error.cause : null;
  if (reply instanceof Response && !reply.ok) {
    const message = `HTTP ${reply.status} from the sign-in service without an error body`;
    return new ApiError(reply.status, `HTTP_${reply.status}`, message, null, retryAt(reply, now));
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new TimeoutError(timeoutSeconds * 1000);
  }
  if (error instanceof TypeError) return new NetworkError('the sign-in service did not answer');
  // openid-client's own checks (bad ID token, wrong issuer): a broken reply, not a refusal.
  const message = error instanceof Error ? error.message : String(error);
  return new MalformedResponseError('issuer', null, `sign-in service: ${message}`);
}

function retryAt(reply: Response | undefined, now: number): Date | null {
  return parseRetryAfter(reply?.headers.get('retry-after') ?? null, now);
}

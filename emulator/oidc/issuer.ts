/**
 * kombify's OpenID Connect issuer, built on oidc-provider: discovery,
 * authorization code with PKCE S256 (required for the public desktop
 * client), loopback redirects on any port (RFC 8252), refresh rotation with
 * reuse detection, revocation, JWKS and the device authorization grant.
 * Its access tokens (audience https://api.kombify.io) are accepted by /v1.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import type { JWK } from 'oidc-provider';
import Provider from 'oidc-provider';
import type { EmulatorApp } from '../app';
import type { IssuerTokens } from '../auth';
import { storeAdapter } from './adapter';
import { handleInteraction } from './interactions';
import { deviceConfirmPage, deviceInputPage, logoutPage, messagePage } from './pages';

/** The public desktop client the tray registers as. */
export const TRAY_CLIENT_ID = 'kombify-tray';
/** The audience of access tokens the API accepts (the contract's). */
export const API_AUDIENCE = 'https://api.kombify.io';
const API_SCOPES = 'openid profile email offline_access';

const generate = promisify(generateKeyPair);

/**
 * One signing key per algorithm clients may ask for (RS256 is mandatory for
 * OpenID providers). Generated off the main thread, so main.ts can start it
 * before the server listens.
 */
export async function signingKeys(): Promise<JWK[]> {
  const [rsa, ec] = await Promise.all([
    generate('rsa', { modulusLength: 2048 }),
    generate('ec', { namedCurve: 'P-256' }),
  ]);
  const kid = () => randomBytes(8).toString('hex');
  return [
    { ...rsa.privateKey.export({ format: 'jwk' }), kid: kid(), alg: 'RS256', use: 'sig' },
    { ...ec.privateKey.export({ format: 'jwk' }), kid: kid(), alg: 'ES256', use: 'sig' },
  ] as JWK[];
}

/** The issuer as the server and the API see it. */
export interface Issuer {
  /** Handles every request outside /v1 and /_emulator. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Its access tokens for the API, as /v1 checks them and logout ends them. */
  tokens: IssuerTokens;
}

/** Creates the issuer at `app.baseUrl` (so call it once the server listens). */
export function createIssuer(app: EmulatorApp, keys: JWK[]): Issuer {
  const { store } = app;
  const provider = new Provider(app.baseUrl, {
    adapter: storeAdapter(store),
    clients: [
      {
        client_id: TRAY_CLIENT_ID,
        client_name: 'kombify Tray',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // Native client: oidc-provider accepts this loopback URI on any port (RFC 8252 §7.3).
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: [
          'authorization_code',
          'refresh_token',
          'urn:ietf:params:oauth:grant-type:device_code',
        ],
        response_types: ['code'],
      },
    ],
    jwks: { keys },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    responseTypes: ['code'],
    findAccount: (_ctx, sub) => {
      const account = store.account(sub);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: () => ({
          sub: account.id,
          name: account.name,
          email: account.email,
          email_verified: true,
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Public clients without sender-constraining always rotate; reuse revokes the grant.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: () => app.auth.tokenTtlSeconds,
      AuthorizationCode: 60,
      DeviceCode: 600,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 14 * 86_400,
      RefreshToken: 14 * 86_400,
      Session: 14 * 86_400,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = messagePage('Signed out', 'You are signed out of kombify.');
        },
      },
      resourceIndicators: {
        enabled: true,
        // Tokens are for the kombify API unless the client names another resource.
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: API_SCOPES,
          audience: API_AUDIENCE,
          accessTokenFormat: 'opaque',
          accessTokenTTL: app.auth.tokenTtlSeconds,
        }),
      },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: (ctx, form, _out, err) => {
          ctx.body = deviceInputPage(form, err ? 'That code is not valid. Try again.' : null);
        },
        userCodeConfirmSource: (ctx, form, client, _info, userCode) => {
          ctx.body = deviceConfirmPage(form, client.clientName ?? client.clientId, userCode);
        },
        successSource: (ctx) => {
          ctx.body = messagePage(
            'Device connected',
            'You can close this page and return to your device.',
          );
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage('Sign-in failed', `${out.error}: ${out.error_description ?? ''}`);
    },
  });
  provider.on('grant.success', () => {
    store.counters.oidc_token += 1;
  });
  const callback = provider.callback();

  return {
    async handle(req, res) {
      const path = new URL(req.url ?? '/', app.baseUrl).pathname;
      if (path.startsWith('/interaction/')) await handleInteraction(provider, store, req, res);
      else await callback(req, res);
    },
    tokens: {
      async verify(token) {
        const at = await provider.AccessToken.find(token);
        if (!at?.grantId) return null;
        const aud = Array.isArray(at.aud) ? at.aud : [at.aud];
        // Emulator time may run ahead of real time; a token expires by either clock.
        if (!aud.includes(API_AUDIENCE) || (at.exp ?? 0) * 1000 <= store.now()) return null;
        const account = store.account(at.accountId);
        return account ? { account, grantId: at.grantId } : null;
      },
      async revokeGrant(grantId) {
        // What oidc-provider's own revocation does for a grant, through its models.
        await Promise.all([
          provider.AccessToken.revokeByGrantId(grantId),
          provider.RefreshToken.revokeByGrantId(grantId),
          provider.AuthorizationCode.revokeByGrantId(grantId),
          provider.DeviceCode.revokeByGrantId(grantId),
          provider.Grant.adapter.destroy(grantId),
        ]);
      },
    },
  };
}

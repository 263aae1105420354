/**
 * `/interaction/{uid}`: the sign-in and consent steps oidc-provider hands
 * over to the application, checked against the emulator's accounts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { readRaw } from '../http';
import type { Store } from '../store';
import { consentPage, loginPage, messagePage } from './pages';

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // No scripts; forms post to this origin. Browsers apply form-action to the redirects
    // after a post too, and the sign-in ends in a redirect to the app's loopback callback
    // (RFC 8252, any port), so that target is allowed as well.
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*",
  });
  res.end(body);
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readRaw(req));
}

/** Handles GET /interaction/{uid} and POST /interaction/{uid}/(login|confirm|abort). */
export async function handleInteraction(
  provider: Provider,
  store: Store,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const [, , uid, action] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    html(res, 400, messagePage('Sign-in expired', 'Start signing in again from the app.'));
    return;
  }
  if (details.uid !== uid) {
    html(res, 400, messagePage('Sign-in mismatch', 'Start signing in again from the app.'));
    return;
  }
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? String(details.params.client_id);
  const { prompt } = details;

  if (req.method === 'GET' && action === undefined) {
    if (prompt.name === 'login') html(res, 200, loginPage(uid, clientName, null));
    else
      html(res, 200, consentPage(uid, clientName, String(details.params.scope ?? '').split(' ')));
    return;
  }
  if (req.method !== 'POST') {
    html(res, 405, messagePage('Not allowed', 'Use the form.'));
    return;
  }
  if (action === 'abort') {
    const result = { error: 'access_denied', error_description: 'The user canceled.' };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  if (action === 'login' && prompt.name === 'login') {
    const form = await formBody(req);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const account = store.data.accounts.find((a) => a.email.toLowerCase() === email);
    if (!account || account.password !== form.get('password')) {
      html(res, 401, loginPage(uid, clientName, 'Wrong email or password.', email));
      return;
    }
    store.counters.login += 1;
    const result = { login: { accountId: account.id } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  if (action === 'confirm' && prompt.name === 'consent') {
    await confirmConsent(provider, details, req, res);
    return;
  }
  html(res, 400, messagePage('Unexpected step', 'Start signing in again from the app.'));
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Grants exactly what the consent prompt says is missing. */
async function confirmConsent(
  provider: Provider,
  details: Details,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  if (!accountId) throw new Error('consent without a signed-in session');
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  if (!grant) throw new Error('grant vanished during consent');
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

/**
 * The issuer's own HTML pages (sign-in, consent, device code, errors), in
 * place of oidc-provider's development pages. Plain forms, no scripts and
 * no third-party fonts, so they work in any browser and in tests.
 */

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}',
  'main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;',
  'box-shadow:0 1px 3px #0002}h1{font-size:1.3rem;margin-top:0}',
  'label{display:block;margin:.8rem 0 .2rem}',
  'input{width:100%;box-sizing:border-box;padding:.5rem}',
  'button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}small{color:#555}',
].join('');

/** A form that posts to `action` with a single button. */
function button(action: string, label: string): string {
  const submit = `<button type="submit">${label}</button>`;
  return `<form method="post" action="${esc(action)}">${submit}</form>`;
}

/** A full page around `body`. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · kombify</title><style>${STYLE}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** The sign-in form of an interaction; `error` after a failed attempt. */
export function loginPage(uid: string, client: string, error: string | null, email = ''): string {
  const message = error ? `<p class="error" role="alert">${esc(error)}</p>` : '';
  return page(
    'Sign in to kombify',
    `<p><strong>${esc(client)}</strong> wants to sign you in.</p>${message}
<form method="post" action="/interaction/${esc(uid)}/login">
<label for="email">Email</label>
<input id="email" type="email" name="email" value="${esc(email)}" required autofocus>
<label for="password">Password</label>
<input id="password" type="password" name="password" required>
<button type="submit">Sign in</button></form>
${button(`/interaction/${uid}/abort`, 'Cancel')}`,
  );
}

/** The consent form listing the requested scopes. */
export function consentPage(uid: string, client: string, scopes: string[]): string {
  const items = scopes.map((s) => `<li>${esc(s)}</li>`).join('');
  return page(
    'Allow access?',
    `<p><strong>${esc(client)}</strong> asks to use your kombify account:</p><ul>${items}</ul>
${button(`/interaction/${uid}/confirm`, 'Allow')}
${button(`/interaction/${uid}/abort`, 'Deny')}`,
  );
}

/** `form` is oidc-provider's own form markup (it carries the CSRF token). */
export function deviceInputPage(form: string, error: string | null): string {
  const message = error ? `<p class="error" role="alert">${esc(error)}</p>` : '';
  return page(
    'Connect a device',
    `<p>Enter the code shown on your device.</p>${message}${form}
<button type="submit" form="op.deviceInputForm">Continue</button>`,
  );
}

/** Confirms the device's user code; `form` is oidc-provider's. */
export function deviceConfirmPage(form: string, client: string, userCode: string): string {
  return page(
    'Confirm the device',
    `<p><strong>${esc(client)}</strong> shows this code:</p><p><code>${esc(userCode)}</code></p>
<p><small>Continue only if your device shows the same code.</small></p>${form}
<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes">Abort</button>`,
  );
}

/** A page with a title and one sentence (success, errors). */
export function messagePage(title: string, text: string): string {
  return page(title, `<p>${esc(text)}</p>`);
}

/** RP-initiated logout; `form` is oidc-provider's (with its CSRF token). */
export function logoutPage(form: string): string {
  return page(
    'Sign out of kombify?',
    `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}

/** The small pages the loopback listener shows in the browser, telling the person what next. */

/** Which page to show. */
export type ReturnPageKind = 'done' | 'denied' | 'mismatch' | 'incomplete' | 'over' | 'missing';

const PAGES: Record<ReturnPageKind, { title: string; body: string }> = {
  done: {
    title: 'You are signed in',
    body: 'You can close this tab and return to kombify Tray.',
  },
  denied: {
    title: 'Sign-in not completed',
    body: 'kombify did not allow the sign-in. Return to kombify Tray to try again.',
  },
  mismatch: {
    title: 'Sign-in stopped',
    body:
      'This page answered a sign-in the app did not start, so the app stopped it. ' +
      'Return to kombify Tray and start the sign-in again.',
  },
  incomplete: {
    title: 'Nothing to do here',
    body: 'This address is for the sign-in to come back to. Return to kombify Tray.',
  },
  over: {
    title: 'This sign-in is over',
    body: 'Return to kombify Tray; start a new sign-in there if you need one.',
  },
  missing: { title: 'Not found', body: 'Return to kombify Tray.' },
};

/** A self-contained HTML page (no scripts, no outside resources). */
export function returnPage(kind: ReturnPageKind): string {
  const { title, body } = PAGES[kind];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · kombify Tray</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
h1{font-size:1.4rem}</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

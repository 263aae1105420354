/** The small pages the loopback listener shows in the browser, telling the person what next. */
import { ENGLISH, type Words } from '../i18n';

/** Which page to show. */
export type ReturnPageKind =
  'done' | 'failed' | 'finishing' | 'denied' | 'mismatch' | 'incomplete' | 'over' | 'missing';

/** A self-contained HTML page (no scripts, no outside resources), in the language of `words`. */
export function returnPage(kind: ReturnPageKind, words: Words = ENGLISH): string {
  const { title, body } = words.t.returnPage[kind];
  return `<!doctype html><html lang="${words.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · kombify Tray</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
h1{font-size:1.4rem}</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

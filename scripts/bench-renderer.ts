/**
 * Renderer size benchmark: builds the window (unless --no-build) and prints
 * the gzip size of its JavaScript and CSS. Fails when the JavaScript is over
 * the 60 KB budget, so a heavy import shows up before it ships.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60 * 1024;
const ASSETS = 'dist/renderer/assets';

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

function sizes(ext: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(ASSETS).filter((file) => file.endsWith(ext))) {
    const bytes = readFileSync(join(ASSETS, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const js = sizes('.js');
const css = sizes('.css');
console.log(`renderer JS   ${kb(js.raw)} raw, ${kb(js.gzip)} gzip (budget ${kb(BUDGET_BYTES)})`);
console.log(`renderer CSS  ${kb(css.raw)} raw, ${kb(css.gzip)} gzip`);
if (js.gzip > BUDGET_BYTES) {
  console.error(`renderer JS is ${kb(js.gzip - BUDGET_BYTES)} over its gzip budget`);
  process.exitCode = 1;
}

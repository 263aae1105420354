/**
 * A Vite build plugin that pins the window's scripts by hash: each module
 * script in the built index.html gets an `integrity` attribute, and the CSP's
 * `script-src 'self'` becomes those hashes plus 'strict-dynamic'. A file that
 * lands beside the app (a stray .js in the same folder) then cannot run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const SCRIPT_TAG = /<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g;

export function cspScriptHashes(): Plugin {
  let outDir = '';
  return {
    name: 'kombify-csp-script-hashes',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const htmlPath = join(outDir, 'index.html');
      let html = readFileSync(htmlPath, 'utf8');
      const hashes: string[] = [];
      html = html.replace(SCRIPT_TAG, (tag, file: string) => {
        const digest = createHash('sha384')
          .update(readFileSync(join(outDir, file)))
          .digest('base64');
        hashes.push(`'sha384-${digest}'`);
        return tag.replace(' crossorigin ', ` crossorigin integrity="sha384-${digest}" `);
      });
      if (hashes.length === 0) throw new Error('no module script found in the built index.html');
      const pinned = `script-src ${hashes.join(' ')} 'strict-dynamic'`;
      if (!html.includes("script-src 'self'")) throw new Error("the CSP has no script-src 'self'");
      writeFileSync(htmlPath, html.replace("script-src 'self'", pinned));
    },
  };
}

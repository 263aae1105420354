/**
 * Bundles the Electron main process and preload. Main is ESM with its native
 * and ESM-only dependencies left external; the preload is one CommonJS file,
 * because a sandboxed preload cannot load modules of its own.
 */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
} as const;

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/main/main.js',
  format: 'esm',
  external: [
    'electron',
    'keytar',
    'conf',
    'electron-store',
    'electron-updater',
    'pino',
    'pino-roll',
  ],
});

await build({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist/main/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});

console.log('built dist/main/main.js and dist/main/preload.cjs');

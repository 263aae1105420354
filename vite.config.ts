import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { cspScriptHashes } from './scripts/vite-csp-hash.ts';

// One file for the renderer build and the unit test projects.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [svelte({ configFile: false }), cspScriptHashes()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          root: '.',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/hosts/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // Run through Vite so a test can stand in for the Electron runtime it imports.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          root: '.',
          environment: 'jsdom',
          include: ['test/components/**/*.test.ts'],
          setupFiles: ['test/support/jest-dom.ts'],
        },
      },
    ],
  },
});

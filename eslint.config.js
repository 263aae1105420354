import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // TypeScript already resolves names; no-undef only misfires on types.
      'no-undef': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The core decides; hosts adapt. The core must run where Electron does not.
    files: ['src-main/core/**', 'src-shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'electron-store', 'keytar'], message: 'core is Electron-free: go through a port.' },
            { group: ['**/electron/**', '**/browser-host/**', '**/node/**'], message: 'core must not import a host or adapter.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer is untrusted and bundled for the browser: only types may cross from main/shared.
    files: ['src-renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/**'], message: 'the renderer talks to main only through the bridge.' },
            { group: ['**/src-shared/**'], allowTypeImports: true, message: 'import only types from src-shared into the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'emulator/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

// Module specifiers the core must not load, for the selectors below (esquery regexes cannot hold '/').
const CORE_FORBIDDEN = String.raw`/^(electron|electron-store|keytar)$|(^|\x2F)(electron|browser-host|node)\x2F/`;

/** no-restricted-syntax entries that close what no-restricted-imports leaves open: loading at run time. */
function runtimeLoads(forbidden, message) {
  return [
    { selector: `ImportExpression[source.value=${forbidden}]`, message },
    {
      selector: `ImportExpression[source.type='TemplateLiteral'][source.quasis.0.value.cooked=${forbidden}]`,
      message,
    },
  ];
}

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
            {
              group: ['electron', 'electron/*', 'electron-store', 'keytar'],
              message: 'core is Electron-free: go through a port.',
            },
            {
              group: ['**/electron/**', '**/browser-host/**', '**/node/**'],
              message: 'core must not import a host or adapter.',
            },
          ],
        },
      ],
      // The same boundary for modules loaded at run time, which the rule above does not see.
      'no-restricted-syntax': [
        'error',
        ...runtimeLoads(CORE_FORBIDDEN, 'core is Electron-free and host-free: go through a port.'),
        {
          selector: "ImportExpression[source.type!='Literal'][source.type!='TemplateLiteral']",
          message:
            'core imports name their module literally, so the Electron-free boundary can be checked.',
        },
        {
          selector: 'ImportExpression > TemplateLiteral.source[expressions.length>0]',
          message:
            'core imports name their module literally, so the Electron-free boundary can be checked.',
        },
        {
          selector:
            "CallExpression[callee.name='require'], CallExpression[callee.property.name='require']",
          message: 'core is ESM: use import, so the Electron-free boundary can be checked.',
        },
        {
          selector: "MemberExpression[object.name='require'][property.name='resolve']",
          message: 'core is ESM: use import, so the Electron-free boundary can be checked.',
        },
        {
          selector:
            "CallExpression[callee.name='createRequire'], CallExpression[callee.property.name='createRequire']",
          message: 'core is ESM: createRequire would load modules past the Electron-free boundary.',
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
            {
              group: ['**/src-main/**'],
              message: 'the renderer talks to main only through the bridge.',
            },
            {
              group: ['**/src-shared/**'],
              allowTypeImports: true,
              message: 'import only types from src-shared into the renderer.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...runtimeLoads(
          String.raw`/(^|\x2F)src-(main|shared)(\x2F|$)/`,
          'the renderer talks to main only through the bridge and takes only types from src-shared.',
        ),
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'emulator/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);

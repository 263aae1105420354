/**
 * The boundaries eslint.config.js draws, checked with the real ESLint and the
 * project's own config on small snippets placed where the rules apply: the
 * core and src-shared stay Electron-free and host-free however a module is
 * loaded, and the renderer takes nothing from main.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const BOUNDARY = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
const refused = (ids: string[]) => ids.filter((id) => BOUNDARY.includes(id));

describe.each(['src-main/core/probe.ts', 'src-shared/probe.ts'])(
  '%s stays Electron-free',
  (path) => {
    it.each([
      ['a static import', "import { app } from 'electron';\nexport const a = app;\n"],
      ['a re-export', "export { app } from 'electron';\n"],
      ['a dynamic import', "export const e = await import('electron');\n"],
      ['a dynamic import of a subpath', "export const e = await import('electron/main');\n"],
      ['a dynamic import of keytar', "export const k = await import('keytar');\n"],
      ['a dynamic import of a host', "export const h = await import('../browser-host/server');\n"],
      [
        'a dynamic import of an adapter',
        "export const n = await import('../node/keytar-store');\n",
      ],
      ['a template-literal import', 'export const e = await import(`electron`);\n'],
      [
        'a computed import',
        "const name = 'elec' + 'tron';\nexport const e = await import(name);\n",
      ],
      ['require', "export const e = require('electron');\n"],
      ['require.resolve', "export const e = require.resolve('electron');\n"],
      [
        'createRequire',
        "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)('electron');\n",
      ],
      [
        'an aliased createRequire',
        "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const e = load('electron-store');\n",
      ],
      [
        'createRequire from a namespace',
        "import * as mod from 'node:module';\nexport const e = mod.createRequire(import.meta.url)('electron');\n",
      ],
      ['module.require', "export const e = module.require('electron');\n"],
    ])('refuses %s', async (_name, code) => {
      expect(refused(await problems(path, code))).not.toEqual([]);
    });

    it('accepts clean core code, including node: built-ins and a type-only import', async () => {
      const code = [
        "import { readFile } from 'node:fs/promises';",
        "import type { Session } from '../session';",
        'export async function read(path: string, s: Session | null): Promise<string> {',
        "  const { join } = await import('node:path');",
        "  return s ? readFile(join(path, 'x'), 'utf8') : 'electron';",
        '}',
        '',
      ].join('\n');
      expect(await problems(path, code)).toEqual([]);
    });
  },
);

describe('the renderer takes nothing from main', () => {
  const path = 'src-renderer/lib/probe.ts';

  it.each([
    ['a static import', "import { x } from '../../src-main/core/app';\nexport const y = x;\n"],
    ['a dynamic import', "export const m = await import('../../src-main/core/app');\n"],
    [
      'a dynamic value import from src-shared',
      "export const m = await import('../../src-shared/x');\n",
    ],
  ])('refuses %s', async (_name, code) => {
    expect(refused(await problems(path, code))).not.toEqual([]);
  });

  it('accepts a type-only import from src-shared', async () => {
    const code =
      "import type { Tool } from '../../src-shared/kombify-api';\nexport type T = Tool;\n";
    expect(await problems(path, code)).toEqual([]);
  });
});

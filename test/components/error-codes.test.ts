/**
 * Every error code main can send has German words. The codes are read from
 * main's source (each `code: 'X'` it writes) plus the API's own codes, which
 * main passes through; a code added there without German words fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../src-renderer/lib/errors';
import { setLanguage } from '../../src-renderer/lib/i18n';
import { de } from '../../src-renderer/lib/messages/de';
import { ERROR_CODES } from '../../src-shared/kombify-api';

const MAIN = 'src-main';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The codes main writes itself, as `code: 'SOME_CODE'` or a worded failure
 * (`failure('SOME_CODE', …)`, `BridgeFailure.worded('SOME_CODE', …)`) in any of its files.
 */
function codesMainWrites(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(MAIN)) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:\bcode: |\bfailure\(|\.worded\()'([A-Z][A-Z0-9_]+)'/g,
    )) {
      codes.add(match[1]!);
    }
  }
  return [...codes].sort();
}

const ALL = [...new Set([...codesMainWrites(), ...ERROR_CODES])].sort();

afterEach(() => {
  setLanguage('en');
});

describe('error codes main can send', () => {
  it('are found in its source', () => {
    // A guard on the search itself: main writes well over a dozen codes of its own.
    expect(codesMainWrites().length).toBeGreaterThan(15);
    expect(codesMainWrites()).toContain('SIGN_IN_TIMED_OUT');
  });

  it.each(ALL)('%s has German words', (code) => {
    expect(Object.hasOwn(de.errors.byCode, code), `de.errors.byCode.${code}`).toBe(true);
    expect(de.errors.byCode[code]!.trim()).not.toBe('');
  });

  it.each(ALL)('%s reads in German, not in main’s English', (code) => {
    setLanguage('de');
    const words = describeError({ code, message: 'English words from main.' }, Date.now());
    expect(words.message).not.toContain('English words');
  });

  it('a code this version does not know (a 5xx, say) still reads in German', () => {
    setLanguage('de');
    const words = describeError(
      { code: 'INTERNAL_ERROR', message: 'kombify Cloud has a problem right now.' },
      Date.now(),
    );
    expect(words.message).toContain('INTERNAL_ERROR');
    expect(words.message).not.toContain('problem right now');
  });

  it("keeps main's words for an unknown code in English", () => {
    const said = { code: 'INTERNAL_ERROR', message: 'kombify Cloud has a problem right now.' };
    expect(describeError(said, Date.now()).message).toBe(said.message);
  });

  it('keeps words the window made itself, which are in its language already', () => {
    setLanguage('de');
    const said = { code: 'BRIDGE_UNREACHABLE', message: de.bridge.unreachable };
    expect(describeError(said, Date.now()).message).toBe(de.bridge.unreachable);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppEntryUrl, resolveAppFile } from '../../src-main/electron/app-url';

const DIR = '/opt/kombify/dist/renderer';

describe('resolveAppFile()', () => {
  it('maps our origin to files in the renderer folder', () => {
    expect(resolveAppFile(DIR, 'app://kombify/')).toBe(join(DIR, 'index.html'));
    expect(resolveAppFile(DIR, APP_ENTRY)).toBe(join(DIR, 'index.html'));
    expect(resolveAppFile(DIR, 'app://kombify/assets/index-1.js?x=1#y')).toBe(
      join(DIR, 'assets', 'index-1.js'),
    );
  });

  it('keeps dot segments inside the folder', () => {
    expect(resolveAppFile(DIR, 'app://kombify/%2e%2e/secret')).toBe(join(DIR, 'secret'));
  });

  it('refuses other hosts, other schemes and paths that climb out', () => {
    expect(resolveAppFile(DIR, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(DIR, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(DIR, 'app://kombify/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppFile(DIR, 'app://kombify/a%00b')).toBeNull();
    expect(resolveAppFile(DIR, 'app://kombify/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(DIR, 'not a url')).toBeNull();
  });
});

describe('isAppEntryUrl()', () => {
  it('trusts our page only', () => {
    expect(isAppEntryUrl('app://kombify/index.html')).toBe(true);
    expect(isAppEntryUrl('app://kombify/index.html#deployments')).toBe(true);
    expect(isAppEntryUrl('app://kombify/other.html')).toBe(false);
    expect(isAppEntryUrl('https://kombify.io/index.html')).toBe(false);
    expect(isAppEntryUrl('file:///opt/kombify/dist/renderer/index.html')).toBe(false);
  });
});

/**
 * Where 'system' gets its language: Electron's preferred system languages,
 * or under Node (the browser host) the POSIX locale variables and Intl.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemLocale as electronSystemLocale } from '../../src-main/electron/system-events';
import { createHostCore } from '../../src-main/host/compose';
import { nodeSystemLocale } from '../../src-main/node/system-locale';

describe('the system locale under Node', () => {
  const intl = () => 'en-US';

  it('reads LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them', () => {
    const env = { LC_ALL: 'de_AT.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'en_GB.UTF-8' };
    expect(nodeSystemLocale(env, intl)).toBe('de_AT.UTF-8');
    expect(nodeSystemLocale({ ...env, LC_ALL: '' }, intl)).toBe('fr_FR.UTF-8');
    expect(nodeSystemLocale({ LANG: 'de_DE.UTF-8' }, intl)).toBe('de_DE.UTF-8');
  });

  it('asks Intl when the variables name no language (unset, C or POSIX)', () => {
    expect(nodeSystemLocale({}, intl)).toBe('en-US');
    expect(nodeSystemLocale({ LANG: 'C.UTF-8' }, () => 'de-DE')).toBe('de-DE');
    // LC_ALL=C overrides LANG: the system asked for no language.
    expect(nodeSystemLocale({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' }, intl)).toBe('en-US');
  });
});

describe('the system locale under Electron', () => {
  it('takes the first preferred system language, else the app locale', () => {
    const app = (preferred: string[], locale: string) => ({
      getPreferredSystemLanguages: () => preferred,
      getLocale: () => locale,
    });
    expect(electronSystemLocale(app(['de-DE', 'en-US'], 'en-US'))).toBe('de-DE');
    expect(electronSystemLocale(app([], 'de'))).toBe('de');
  });
});

describe('the browser host core', () => {
  const saved = process.env.LC_ALL;
  let dir: string | null = null;
  afterEach(async () => {
    if (saved === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = saved;
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it("speaks German under 'system' on a German system, with no locale handed in", async () => {
    process.env.LC_ALL = 'de_DE.UTF-8';
    dir = await mkdtemp(join(tmpdir(), 'kombify-locale-'));
    const host = await createHostCore({
      dataDir: dir,
      environment: { name: 'locale test', apiUrl: 'http://127.0.0.1:9/v1' },
      notifier: { notify: () => false },
      tray: { render: () => undefined },
    });
    try {
      expect(host.core.view().settings.language).toBe('system');
      expect(host.core.view().tray.tooltip).toBe('kombify Tray – Nicht angemeldet');
    } finally {
      await host.stop();
    }
  });
});

/**
 * Main's language: the Settings language, or the host's locale for 'system';
 * German catalogs must say everything English says (the type holds it).
 */
import { describe, expect, it } from 'vitest';
import { type Messages, count, localeTag, wordsFor } from '../../../src-main/core/i18n';
import { de } from '../../../src-main/core/messages/de';
import { en } from '../../../src-main/core/messages/en';
import { de as windowDe } from '../../../src-renderer/lib/messages/de';
import { en as windowEn } from '../../../src-renderer/lib/messages/en';
import { STACKKITS } from '../../../src-shared/kombify-api';

describe('wordsFor', () => {
  it.each([
    ['de-DE', 'de', 'de-DE'],
    ['de', 'de', 'de'],
    ['de_AT.UTF-8', 'de', 'de-AT'],
    ['de-CH', 'de', 'de-CH'],
    ['en-US', 'en', 'en-US'],
    ['fr-FR', 'en', 'en-GB'],
    ['C.UTF-8', 'en', 'en-GB'],
    ['', 'en', 'en-GB'],
    [undefined, 'en', 'en-GB'],
  ])("under 'system' with the host locale %j speaks %s, formatting for %s", (host, lang, tag) => {
    const words = wordsFor('system', host);
    expect(words.language).toBe(lang);
    expect(words.locale).toBe(tag);
    expect(words.t).toBe(lang === 'de' ? de : en);
  });

  it('follows a chosen language whatever the host says, in its own locale', () => {
    expect(wordsFor('en', 'de-DE')).toMatchObject({ language: 'en', locale: 'en-GB' });
    expect(wordsFor('de', 'en-US')).toMatchObject({ language: 'de', locale: 'de-DE' });
    expect(wordsFor('de', 'de-AT')).toMatchObject({ language: 'de', locale: 'de-AT' });
  });

  it('ignores a host locale that is no locale at all', () => {
    expect(localeTag('not a locale!')).toBeNull();
    expect(wordsFor('system', 'not a locale!')).toMatchObject({ language: 'en', locale: 'en-GB' });
  });
});

describe('count', () => {
  it('picks the plural form the language needs, for one and many', () => {
    const forms = (words: ReturnType<typeof wordsFor>) =>
      [0, 1, 2, 3].map((n) => count(words, n, words.t.notifications.counts['deployment-failed']));
    expect(forms(wordsFor('de'))).toEqual([
      '0 Deployments fehlgeschlagen',
      '1 Deployment fehlgeschlagen',
      '2 Deployments fehlgeschlagen',
      '3 Deployments fehlgeschlagen',
    ]);
    expect(forms(wordsFor('en'))).toEqual([
      '0 deployments failed',
      '1 deployment failed',
      '2 deployments failed',
      '3 deployments failed',
    ]);
  });
});

describe('the German catalog', () => {
  it('is refused by the type when a key is missing', () => {
    const tray: Partial<Messages['tray']> = { ...de.tray };
    delete tray.quit;
    // @ts-expect-error: every key English has, German must have too.
    const broken: Messages = { ...de, tray };
    expect(broken.tray).not.toHaveProperty('quit');
  });

  it('has every key English has, all the way down', () => {
    const shape = (value: unknown): unknown =>
      value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;
    expect(shape(de)).toEqual(shape(en));
  });
});

describe('kit names', () => {
  it('are the names the window gives every kit of the catalog, in both languages', () => {
    for (const [main, window] of [
      [en, windowEn],
      [de, windowDe],
    ] as const) {
      const windowNames = Object.fromEntries(
        Object.entries(window.stackkits.kits).map(([id, kit]) => [id, kit.name]),
      );
      expect(main.kits).toEqual(windowNames);
      expect(Object.keys(main.kits).sort()).toEqual(STACKKITS.map((kit) => kit.id).sort());
    }
  });
});

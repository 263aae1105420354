/**
 * The language main speaks: the Settings language, or for 'system' the
 * host's locale (anything German is German, all else English). `Words`
 * carries the messages and the locale dates and counts are formatted in.
 */
import type { Settings } from '../../src-shared/bridge';
import { de } from './messages/de';
import { en, type Messages, type Plural } from './messages/en';

export type { Messages, Plural };

export type Language = 'en' | 'de';

/** What the settings allow: a language, or the system's. */
export type LanguagePreference = Settings['language'];

/** The messages of one language and the locale to format dates, times and counts in. */
export interface Words {
  readonly language: Language;
  /** BCP 47 tag: the system's when it speaks this language (de-AT, en-US), else a default. */
  readonly locale: string;
  readonly t: Messages;
}

const MESSAGES: Record<Language, Messages> = { en, de };

/** Used when the system locale speaks another language; en-GB keeps the 24-hour clock. */
const DEFAULT_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

/** German for any German locale ("de", "de-AT", "de_CH.UTF-8"), English for all others. */
export function languageOf(locale: string | null | undefined): Language {
  return /^de(?:$|[-_.@])/i.test(locale?.trim() ?? '') ? 'de' : 'en';
}

/** The language in use for `preference`; 'system' asks the host's locale. */
export function resolveLanguage(
  preference: LanguagePreference | null | undefined,
  systemLocale: string | null | undefined,
): Language {
  return preference === 'en' || preference === 'de' ? preference : languageOf(systemLocale);
}

/** A POSIX locale ("de_DE.UTF-8") or BCP 47 tag as a valid BCP 47 tag; null when neither. */
export function localeTag(locale: string | null | undefined): string | null {
  const tag = locale?.trim().split(/[.@]/)[0]?.replace(/_/g, '-');
  if (!tag || /^(c|posix)$/i.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const made = new Map<string, Words>();

/** The words for a setting and the host's locale. */
export function wordsFor(
  preference: LanguagePreference | null | undefined,
  systemLocale?: string | null,
): Words {
  // Asked on every view: the pair is looked up, not worked out again.
  const asked = `${preference ?? ''}|${systemLocale ?? ''}`;
  const known = made.get(asked);
  if (known) return known;
  const language = resolveLanguage(preference, systemLocale);
  const system = localeTag(systemLocale);
  const speaks = system?.split('-')[0]?.toLowerCase() === language;
  const locale = system && speaks ? system : DEFAULT_LOCALE[language];
  const words: Words = { language, locale, t: MESSAGES[language] };
  if (made.size < 64) made.set(asked, words);
  return words;
}

/** English, for callers that were not told a language (tools, tests). */
export const ENGLISH: Words = wordsFor('en');

const pluralRules = new Map<string, Intl.PluralRules>();

/** "1 deployment succeeded", "3 deployments succeeded": the form the locale's plural rules pick. */
export function count(words: Words, n: number, forms: Plural): string {
  let rules = pluralRules.get(words.locale);
  if (!rules) {
    rules = new Intl.PluralRules(words.locale);
    pluralRules.set(words.locale, rules);
  }
  const form = rules.select(n) === 'one' ? forms.one : forms.other;
  return form.replace('#', String(n));
}

/** A wall-clock time such as "14:05", in the locale's way and `timeZone` (the system's if absent). */
export function clockTime(words: Words, at: string | Date, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(words.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

/** A calendar date such as "31 December 2026" or "31. Dezember 2026". */
export function calendarDate(words: Words, at: string | Date, timeZone?: string): string {
  return new Date(at).toLocaleDateString(words.locale, { dateStyle: 'long', timeZone });
}

/** A plan's name; one this version does not know is shown capitalised, as the server names it. */
export function planName(words: Words, plan: string): string {
  return Object.hasOwn(words.t.plans, plan)
    ? (words.t.plans[plan] as string)
    : plan.charAt(0).toUpperCase() + plan.slice(1);
}

/** A StackKit's name ("Modern Homelab"); a kit this version does not know keeps its id. */
export function kitName(words: Words, id: string): string {
  return Object.hasOwn(words.t.kits, id) ? (words.t.kits[id] as string) : id;
}

/** Words for a status the server sends; one this version does not know, as the server names it. */
export function statusWord(names: Record<string, string>, status: string): string {
  return Object.hasOwn(names, status) ? (names[status] as string) : status;
}

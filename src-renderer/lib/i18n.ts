/**
 * Every word the window shows, in English and German. `t` and `locale` are
 * live bindings: `setLanguage` swaps them, and the window re-renders its
 * screens (App keys them by language) so every string follows.
 */
import { de } from './messages/de';
import { en, type Messages } from './messages/en';

export type { Messages };

/** What the settings allow: a language, or the system's. */
export type LanguagePreference = 'system' | 'en' | 'de';
export type Language = 'en' | 'de';

const MESSAGES: Record<Language, Messages> = { en, de };

/** The system language when we have it, English otherwise. */
export function systemLanguage(languages: readonly string[] | undefined): Language {
  const first = languages?.find((tag) => /^(en|de)\b/i.test(tag));
  return first?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** BCP 47 tag used for dates and numbers; follows the messages in use. */
export let locale: Language = 'en';

/** The messages in use. */
export let t: Messages = en;

/** Switches the messages; returns the language now in use. */
export function setLanguage(
  preference: LanguagePreference | null | undefined,
  languages: readonly string[] | undefined = globalThis.navigator?.languages,
): Language {
  const language =
    preference === 'en' || preference === 'de' ? preference : systemLanguage(languages);
  locale = language;
  t = MESSAGES[language];
  document.documentElement.lang = language;
  return language;
}

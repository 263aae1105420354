/**
 * The system's language under Node (the browser host): the POSIX locale
 * variables in their order of precedence for messages, else what Intl chose.
 */

/** The variables a POSIX system reads for the language of messages, strongest first. */
const VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The locale the person's system speaks, such as "de_DE.UTF-8" or "de-DE". The first
 * variable set wins, as in POSIX; C and POSIX name no language, so then (and when none
 * is set) Intl decides, which also reads them.
 */
export function nodeSystemLocale(
  env: Partial<Record<string, string>>,
  intlLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale,
): string {
  const value = VARIABLES.map((name) => env[name]?.trim()).find(Boolean);
  return value && !/^(c|posix)([.@]|$)/i.test(value) ? value : intlLocale();
}

import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../../src-main/core/i18n';
import type { DocumentProblem } from '../../../src-main/core/ports';
import { logFolderNotice, storedFileNotice } from '../../../src-main/core/stored-file-words';

const file = '/home/ada/.config/kombify-tray/settings.json';
const problems: DocumentProblem[] = [
  { kind: 'unreadable', file, cause: 'EACCES' },
  { kind: 'kept-broken', file, cause: 'EBUSY' },
  { kind: 'set-aside', file, keptAs: '/home/ada/.config/kombify-tray/settings.corrupt-1.json' },
  { kind: 'values-reset', file, fields: ['theme', 'quietHours'] },
  { kind: 'not-saved', file, cause: 'ENOSPC' },
];
const english = wordsFor('en');
const german = wordsFor('de');

describe('notices about the data folder', () => {
  it.each(problems.map((p) => [p.kind, p] as const))(
    'say a settings file that is %s in both languages, naming the file',
    (_kind, problem) => {
      const say = storedFileNotice('settings', problem)!;
      for (const words of [english, german]) expect(say(words)).toContain(file);
      expect(say(english)).not.toBe(say(german));
    },
  );

  it('name the cause in words, and a code without words as it is', () => {
    const say = storedFileNotice('settings', { kind: 'unreadable', file, cause: 'EACCES' })!;
    expect(say(english)).toContain('(permission denied)');
    expect(say(german)).toContain('(keine Berechtigung)');
    const odd = storedFileNotice('snapshot', { kind: 'unreadable', file, cause: 'EIO' })!;
    expect(odd(english)).toContain('(EIO)');
  });

  it('name the settings that were reset as the Settings screen does', () => {
    const say = storedFileNotice('settings', problems[3]!)!;
    expect(say(english)).toContain('Theme, Quiet hours');
    expect(say(german)).toContain('Design, Ruhezeiten');
  });

  it('say nothing of a damaged snapshot that was set aside: the next sync rebuilds it', () => {
    expect(storedFileNotice('snapshot', problems[2]!)).toBeNull();
    expect(
      storedFileNotice('snapshot', { kind: 'not-saved', file, cause: 'ENOSPC' }),
    ).not.toBeNull();
  });

  it('say where the log cannot be written, and that it goes to stderr', () => {
    const say = logFolderNotice('/data/logs', 'EROFS');
    expect(say(english)).toMatch(/\/data\/logs.*read-only.*stderr/);
    expect(say(german)).toMatch(/\/data\/logs.*schreibgeschützt.*stderr/);
  });
});

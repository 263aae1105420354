/**
 * What the window is told about the data folder: a settings or snapshot file
 * that could not be read, moved aside or saved, settings that went back to
 * their defaults, a log that cannot be written. Said in the language in use.
 */
import type { Words } from './i18n';
import type { DocumentProblem } from './ports';

/** Words for a notice, in whichever language is in use when it is shown. */
export type NoticeWords = (words: Words) => string;

/** A system error code in words; one without words is shown as it is. */
function cause(words: Words, code: string): string {
  return words.t.storedFiles.causes[code] ?? code;
}

/** The notice about the settings or snapshot file, or null when there is nothing to say. */
export function storedFileNotice(
  which: 'settings' | 'snapshot',
  problem: DocumentProblem,
): NoticeWords | null {
  switch (problem.kind) {
    case 'unreadable':
      return (w) => w.t.storedFiles[which].unreadable(problem.file, cause(w, problem.cause));
    case 'kept-broken':
      return (w) => w.t.storedFiles[which].keptBroken(problem.file, cause(w, problem.cause));
    case 'not-saved':
      return (w) => w.t.storedFiles[which].notSaved(problem.file, cause(w, problem.cause));
    case 'set-aside':
      // A damaged glance set aside is rebuilt by the next sync: nothing to do, nothing lost.
      if (which === 'snapshot') return null;
      return (w) => w.t.storedFiles.settings.setAside(problem.file, problem.keptAs);
    case 'values-reset':
      if (which === 'snapshot') return null;
      return (w) => {
        const names = problem.fields.map((field) => w.t.storedFiles.fields[field] ?? field);
        return w.t.storedFiles.settings.valuesReset(names.join(', '), problem.file);
      };
  }
}

/** The notice about a log folder that cannot be written. */
export function logFolderNotice(folder: string, code: string): NoticeWords {
  return (w) => w.t.storedFiles.logUnwritable(folder, cause(w, code));
}

/**
 * DocumentStore over `conf` (atomic writes) in plain Node, electron-store (conf
 * inside Electron) in the Electron host: one file format for both.
 * conf throws on a corrupt file or silently resets it; neither is right for a
 * tray app, so the file is read and checked here: a bad one is kept aside under a
 * new name, one with some refused values keeps the rest (`salvage`), and one that
 * cannot be read or moved is left as it is. The app always starts, from defaults
 * where it must; each problem is logged once and reported through `problem()`.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { DocumentProblem, DocumentStore, Logger } from '../core/ports';

/** What a backing file needs to be given: conf's options, which electron-store shares. */
export interface BackingFileOptions {
  cwd: string;
  configName: string;
  clearInvalidConfig: false;
  configFileMode: number;
}

/** The file under the document: conf, or electron-store (conf inside Electron). */
export interface BackingFile {
  store: Record<string, unknown>;
}

/** Plain conf: the browser host and tools. */
export const confBacking = (options: BackingFileOptions): BackingFile =>
  new Conf<Record<string, unknown>>(options);

/** What `salvage` recovers from a file the schema refuses as a whole. */
export interface Salvaged<T> {
  value: T;
  /** Names of the values that were refused and took their defaults. */
  reset: string[];
  /** Keys this version does not know, ignored (and not written back). */
  ignored: string[];
}

/** Options of {@link createJsonDocumentStore}. */
export interface JsonDocumentStoreOptions<T> {
  /** Folder of the file. */
  cwd: string;
  /** File name without `.json`. */
  configName: string;
  /** Every load and save is checked against it. */
  schema: z.ZodType<T>;
  logger: Logger;
  /**
   * Opens the backing file; conf when absent. The Electron host passes
   * electron-store, so both hosts write one format through one library.
   */
  backing?: (options: BackingFileOptions) => BackingFile;
  /**
   * Recovers the values it can from valid JSON the schema refuses; null when the
   * JSON is no such document at all (then the file is set aside, as when not JSON).
   */
  salvage?: (json: unknown) => Salvaged<T> | null;
  /** For the name of a set-aside file; tests pin it. */
  now?: () => number;
}

/** Writes to a file outside its cwd are refused; a name is a plain file name. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** The system's error code (EACCES, EISDIR…), or the error's name. */
function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'Error';
}

/** A validated JSON document at `<cwd>/<configName>.json`. */
export function createJsonDocumentStore<T extends object>(
  options: JsonDocumentStoreOptions<T>,
): DocumentStore<T> & { readonly path: string; problem(): DocumentProblem | null } {
  const { cwd, configName, schema, logger } = options;
  if (!SAFE_NAME.test(configName)) throw new Error(`not a plain file name: ${configName}`);
  const now = options.now ?? Date.now;
  const path = join(cwd, `${configName}.json`);

  /** What the latest load found (unreadable, kept broken): replaced by every load. */
  let found: DocumentProblem | null = null;
  /** What happened to the file this run (set aside, values reset): reported until quit. */
  let happened: DocumentProblem | null = null;
  /** The latest save's failure, until a save works again. */
  let failedSave: DocumentProblem | null = null;
  /** Problems already logged, so one that lasts is said once, not at every load or save. */
  const said = new Set<string>();
  const sayOnce = (problem: DocumentProblem, say: () => void): void => {
    const key = JSON.stringify(problem);
    if (said.has(key)) return;
    said.add(key);
    say();
  };

  const setAside = (why: string): void => {
    const aside = join(cwd, `${configName}.corrupt-${now()}.json`);
    try {
      renameSync(path, aside);
    } catch (error) {
      found = { kind: 'kept-broken', file: path, cause: causeOf(error) };
      sayOnce(found, () =>
        logger.warn('stored file is broken and could not be moved aside; left it as it is', {
          file: path,
          why,
          error: String(error),
        }),
      );
      return;
    }
    happened = { kind: 'set-aside', file: path, keptAs: aside };
    logger.warn('stored file was unreadable; kept it aside and started from defaults', {
      file: path,
      keptAs: aside,
      why,
    });
  };

  /** Returns the document, or null (no file, or one that cannot be used: see `problem`). */
  const check = (): T | null => {
    found = null;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      // No file (ENOTDIR: part of the folder's path is a file; a save will say so).
      if (causeOf(error) === 'ENOENT' || causeOf(error) === 'ENOTDIR') return null;
      found = { kind: 'unreadable', file: path, cause: causeOf(error) };
      sayOnce(found, () =>
        logger.warn('stored file cannot be read; using defaults and leaving the file as it is', {
          file: path,
          error: String(error),
        }),
      );
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      setAside(text.trim() === '' ? 'empty file' : `not JSON (${String(error)})`);
      return null;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const salvaged = options.salvage?.(json) ?? null;
    if (!salvaged) {
      const issue = parsed.error.issues[0];
      setAside(`does not match its schema at ${issue?.path.join('.') || '(root)'}`);
      return null;
    }
    if (salvaged.reset.length > 0) {
      const problem: DocumentProblem = { kind: 'values-reset', file: path, fields: salvaged.reset };
      happened = problem;
      sayOnce(problem, () =>
        logger.warn('stored values refused; those use their defaults, the rest is kept', {
          file: path,
          reset: salvaged.reset,
          ignored: salvaged.ignored,
        }),
      );
    } else {
      sayOnce({ kind: 'values-reset', file: path, fields: salvaged.ignored }, () =>
        logger.info('stored file has keys this version does not know; they are ignored', {
          file: path,
          ignored: salvaged.ignored,
        }),
      );
    }
    return salvaged.value;
  };

  // Opened at the first save, not here: conf's constructor reads the file and throws
  // on one it cannot read or parse, which must not stop the app from starting.
  let file: BackingFile | null = null;
  const backing = (): BackingFile =>
    (file ??= (options.backing ?? confBacking)({
      cwd,
      configName,
      clearInvalidConfig: false,
      // 0600: the account email and homelab names are no one else's business on a shared machine.
      configFileMode: 0o600,
    }));

  return {
    path,
    load: () => check(),
    save(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        // Refused before touching the file, so the good copy on disk survives.
        throw new Error(`refusing to save an invalid ${configName}: ${parsed.error.message}`);
      }
      try {
        backing().store = parsed.data as Record<string, unknown>;
      } catch (error) {
        failedSave = { kind: 'not-saved', file: path, cause: causeOf(error) };
        sayOnce(failedSave, () =>
          logger.error('stored file could not be saved', { file: path, error: String(error) }),
        );
        throw new Error(`${path} could not be saved (${causeOf(error)})`, { cause: error });
      }
      if (failedSave) {
        said.delete(JSON.stringify(failedSave));
        failedSave = null;
        logger.info('stored file saved again', { file: path });
      }
    },
    clear() {
      // Removed rather than emptied: `{}` would fail the schema and be set aside next load.
      rmSync(path, { force: true });
    },
    problem: () => found ?? failedSave ?? happened,
  };
}

/**
 * DocumentStore over `conf` (atomic writes) in plain Node, electron-store (conf
 * inside Electron) in the Electron host: one file format for both.
 * conf throws on a corrupt file or silently resets it; neither is right for a
 * tray app, so the file is checked here first: a bad one is kept aside under a
 * new name, a warning logged once, and defaults (null) used.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import type { DocumentStore, Logger } from '../core/ports';

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
  /** For the name of a set-aside file; tests pin it. */
  now?: () => number;
}

/** Writes to a file outside its cwd are refused; a name is a plain file name. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** A validated JSON document at `<cwd>/<configName>.json`. */
export function createJsonDocumentStore<T extends object>(
  options: JsonDocumentStoreOptions<T>,
): DocumentStore<T> & { readonly path: string } {
  const { cwd, configName, schema, logger } = options;
  if (!SAFE_NAME.test(configName)) throw new Error(`not a plain file name: ${configName}`);
  const now = options.now ?? Date.now;
  const path = join(cwd, `${configName}.json`);

  const setAside = (why: string): void => {
    const aside = join(cwd, `${configName}.corrupt-${now()}.json`);
    try {
      renameSync(path, aside);
      logger.warn('stored file was unreadable; kept it aside and started from defaults', {
        file: path,
        keptAs: aside,
        why,
      });
    } catch (error) {
      logger.error('unreadable stored file could not be moved aside', {
        file: path,
        error: String(error),
      });
      throw error;
    }
  };

  /** Returns the document, or null after setting a bad file aside. */
  const check = (): T | null => {
    if (!existsSync(path)) return null;
    const text = readFileSync(path, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      setAside(text.trim() === '' ? 'empty file' : `not JSON (${String(error)})`);
      return null;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setAside(`does not match its schema at ${issue?.path.join('.') || '(root)'}`);
      return null;
    }
    return parsed.data;
  };

  // Checked before conf sees the file: conf's constructor throws on bad JSON.
  check();
  // 0600: the account email and homelab names are no one else's business on a shared machine.
  const file = (options.backing ?? confBacking)({
    cwd,
    configName,
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });

  return {
    path,
    load: () => check(),
    save(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        // Refused before touching the file, so the good copy on disk survives.
        throw new Error(`refusing to save an invalid ${configName}: ${parsed.error.message}`);
      }
      file.store = parsed.data as Record<string, unknown>;
    },
    clear() {
      // Removed rather than emptied: `{}` would fail the schema and be set aside next load.
      rmSync(path, { force: true });
    },
  };
}

/**
 * Found by adversarial testing of the data folder.
 *
 * 1. createJsonDocumentStore reads the file outside any try (`check()` →
 *    readFileSync in src-main/node/json-document-store.ts), so a settings.json
 *    or snapshot.json that exists but cannot be read (EACCES after a `sudo`
 *    run, EISDIR) throws out of createHostCore: the app does not start and
 *    prints a stack trace. A file it cannot parse is set aside and the app
 *    starts; one it cannot read should not be worse.
 * 2. One field the schema does not accept (a theme this version does not know,
 *    a key a newer version added) sets the whole settings.json aside: language,
 *    endpoint, quiet hours and the notification pause all go back to defaults,
 *    and the window does not say so.
 *
 * (1 is fixed and tested in json-document-store.test.ts.) Marked `it.fails` until fixed.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/bridge';
import { SettingsBook } from '../../../src-main/core/settings-book';
import { SettingsDocumentSchema } from '../../../src-main/core/settings-document';
import { createJsonDocumentStore } from '../../../src-main/node/json-document-store';
import { memoryLogger } from '../support/fakes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kombify-break-doc-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const openSettings = () =>
  createJsonDocumentStore({
    cwd: dir,
    configName: 'settings',
    schema: SettingsDocumentSchema,
    logger: memoryLogger(),
  });

const saved = {
  version: 1,
  settings: { ...DEFAULT_SETTINGS, language: 'de', theme: 'dark' },
  notificationPause: { until: null, indefinitely: true },
};

describe('a settings file with one value this version does not accept', () => {
  it.fails('keeps the other settings and the notification pause', () => {
    const file = { ...saved, settings: { ...saved.settings, theme: 'purple' } };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(file));
    const book = new SettingsBook({ store: openSettings(), logger: memoryLogger() });
    book.load();
    expect(book.settings.language).toBe('de');
    expect(book.pause.indefinitely).toBe(true);
  });
});

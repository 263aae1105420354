/**
 * The Electron host keeps settings and snapshot with electron-store, the
 * browser host with conf. The real electron-store runs here over a real
 * folder; only the Electron runtime it asks for its paths is faked (it
 * cannot run on this machine).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/bridge';
import {
  type SettingsDocument,
  SettingsDocumentSchema,
} from '../../src-main/core/settings-document';
import { createJsonDocumentStore } from '../../src-main/node/json-document-store';
import { memoryLogger } from '../unit/support/fakes';

const userData = mkdtempSync(join(tmpdir(), 'kombify-userdata-'));

vi.mock('electron', () => {
  const electron = {
    app: { getPath: () => userData, getVersion: () => '0.1.0' },
    ipcMain: { on: () => undefined },
    shell: { openPath: async () => '' },
  };
  return { default: electron, ...electron };
});

const { electronStoreBacking } = await import('../../src-main/electron/document-backing');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kombify-estore-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function open(backing?: typeof electronStoreBacking) {
  const logger = memoryLogger();
  const store = createJsonDocumentStore({
    cwd: dir,
    configName: 'settings',
    schema: SettingsDocumentSchema,
    logger,
    backing,
    now: () => 42,
  });
  return { store, logger };
}

const document = (): SettingsDocument => ({
  version: 1,
  settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
  notificationPause: { until: null, indefinitely: true },
});

describe('settings through electron-store', () => {
  it('writes a 0600 file that the conf-backed browser host reads back, and the other way round', () => {
    const written = document();
    open(electronStoreBacking).store.save(written);
    const file = join(dir, 'settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(open().store.load()).toEqual(written);

    const changed = { ...written, settings: { ...written.settings, theme: 'light' as const } };
    open().store.save(changed);
    expect(open(electronStoreBacking).store.load()).toEqual(changed);
  });

  it('sets a corrupt file aside instead of letting electron-store throw or reset it', () => {
    writeFileSync(join(dir, 'settings.json'), '{"settings":{"pollInt');
    const { store, logger } = open(electronStoreBacking);
    expect(store.load()).toBeNull();
    expect(readdirSync(dir)).toContain('settings.corrupt-42.json');
    expect(logger.entries.some((e) => e.level === 'warn')).toBe(true);
    store.save(document());
    expect(open(electronStoreBacking).store.load()).not.toBeNull();
  });
});

/**
 * A data folder the app cannot fully use: files it cannot read, a logs folder it
 * cannot write, a folder it cannot create. The core still starts on the real
 * Node adapters and the window says what is wrong; the browser host's start
 * says in one line why it cannot run at all. Every fault here is made with
 * names in the way (a folder where a file should be, a file where a folder
 * should be), so it holds for root too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostCore } from '../../src-main/host/compose';
import { RecordingNotifier, RecordingTray } from '../unit/support/fakes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kombify-data-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createHostCore on a data folder it cannot fully use', () => {
  it('starts from defaults, and the window names each file and why', async () => {
    mkdirSync(join(dir, 'settings.json'));
    mkdirSync(join(dir, 'snapshot.json'));
    writeFileSync(join(dir, 'logs'), 'a file where the logs folder should be');
    // With no log file, lines go to stderr: kept here, and read back below.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let logged: string;
    const host = await createHostCore({
      dataDir: dir,
      environment: { name: 'test', apiUrl: 'http://127.0.0.1:9/v1' },
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      // Keeps the keychain out of it: this test is about files.
      keychainScope: dir,
    });
    try {
      await host.core.start();
      const view = host.core.view();
      expect(view.settings.language).toBe('system');
      const notices = Object.fromEntries((view.notices ?? []).map((n) => [n.id, n.message]));
      expect(Object.keys(notices).sort()).toEqual(['log-folder', 'settings-file', 'snapshot-file']);
      expect(notices['settings-file']).toContain(join(dir, 'settings.json'));
      expect(notices['settings-file']).toMatch(/cannot read.*a folder has its name.*default/);
      expect(notices['snapshot-file']).toContain(join(dir, 'snapshot.json'));
      expect(notices['log-folder']).toContain(join(dir, 'logs'));
      expect(notices['log-folder']).toMatch(/stderr/);
      // A change cannot be saved over the folder in the way, and says so; nothing is lost.
      const changed = await host.core.handle('updateSettings', { theme: 'dark' });
      expect(changed).toMatchObject({ ok: false, error: { code: 'SETTINGS_NOT_SAVED' } });
      expect(statSync(join(dir, 'settings.json')).isDirectory()).toBe(true);
    } finally {
      await host.stop();
      logged = stderr.mock.calls.map(([line]) => String(line)).join('');
      stderr.mockRestore();
    }
    expect(logged).toContain('logging to stderr only');
    expect(logged).toContain('stored file cannot be read');
  });
});

describe('npm start (browser host) with a data folder it cannot create', () => {
  it('prints one line that says which folder and what to do, without a stack trace', () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const dataDir = join(dir, 'not-a-folder', 'kombify');
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/start.ts', '--browser', '--no-open'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        KOMBIFY_DATA_DIR: dataDir,
        // Nothing is contacted: the start stops before the first request.
        KOMBIFY_API_URL: 'http://127.0.0.1:9/v1',
      },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining(`cannot use its data folder ${dataDir}`)]);
    expect(lines[0]).toMatch(/KOMBIFY_DATA_DIR/);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
  });
});

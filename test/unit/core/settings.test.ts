import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/bridge';
import { TrayCore } from '../../../src-main/core/app';
import { SettingsBook } from '../../../src-main/core/settings-book';
import {
  SettingsDocumentSchema,
  type SettingsDocument,
} from '../../../src-main/core/settings-document';
import { SnapshotBook } from '../../../src-main/core/snapshot-book';
import { SnapshotDocumentSchema } from '../../../src-main/core/snapshot-document';
import { createJsonDocumentStore } from '../../../src-main/node/json-document-store';
import { snapshot } from './fixtures';
import {
  MemoryDocumentStore,
  MemorySecretStore,
  RecordingNotifier,
  RecordingTray,
  memoryLogger,
} from '../support/fakes';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kombify-settings-'));
  dirs.push(dir);
  return dir;
}

function settingsStore(cwd: string, logger = memoryLogger()) {
  return createJsonDocumentStore({
    cwd,
    configName: 'settings',
    schema: SettingsDocumentSchema,
    logger,
  });
}

const BROKEN: Array<[string, Buffer]> = [
  ['empty', Buffer.alloc(0)],
  ['cut off mid-JSON', Buffer.from('{"settings":{"pollInt')],
  ['512 NUL bytes', Buffer.alloc(512)],
];

describe('a settings or snapshot file broken by a crash', () => {
  for (const [name, bytes] of BROKEN) {
    it(`settings file ${name}: defaults, the file kept aside, said once`, async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'settings.json'), bytes);
      const logger = memoryLogger();
      const book = new SettingsBook({ store: settingsStore(dir, logger), logger });
      book.load();
      expect(book.settings).toEqual(DEFAULT_SETTINGS);
      const files = await readdir(dir);
      const aside = files.filter((f) => f.startsWith('settings.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(await readFile(join(dir, aside[0]!))).toEqual(bytes);
      expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
      book.update({ theme: 'dark' });
      const again = new SettingsBook({ store: settingsStore(dir, logger), logger });
      again.load();
      expect(again.settings.theme).toBe('dark');
      expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    });

    it(`snapshot file ${name}: empty start, the next save reloads`, async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'snapshot.json'), bytes);
      const logger = memoryLogger();
      const store = () =>
        createJsonDocumentStore({
          cwd: dir,
          configName: 'snapshot',
          schema: SnapshotDocumentSchema,
          logger,
        });
      const book = new SnapshotBook({ store: store(), account: 'acc', logger });
      book.load();
      expect(book.snapshot).toBeNull();
      expect((await readdir(dir)).some((f) => f.startsWith('snapshot.corrupt-'))).toBe(true);
      book.record(snapshot([]));
      const again = new SnapshotBook({ store: store(), account: 'acc', logger });
      again.load();
      expect(again.snapshot?.deployments).toEqual([]);
      expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    });
  }
});

describe('updateSettings from a hostile window', () => {
  function core(dir: string) {
    return new TrayCore({
      environment: { name: 'test', apiUrl: 'http://127.0.0.1:9/v1' },
      secrets: new MemorySecretStore(),
      snapshots: new MemoryDocumentStore(),
      settings: settingsStore(dir),
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger: memoryLogger(),
    });
  }

  it('refuses every bad change and leaves the file byte for byte as it was', async () => {
    const dir = await tempDir();
    const c = core(dir);
    const good = await c.handle('updateSettings', { polling: { quietIntervalSeconds: 120 } });
    expect(good.ok).toBe(true);
    const path = join(dir, 'settings.json');
    const before = await readFile(path);
    const hostile: unknown[] = [
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { '__proto__.polluted': true },
      { constructor: { prototype: { polluted: true } } },
      { 'constructor.prototype.polluted': true },
      { polling: { quietIntervalSeconds: '5' } },
      { polling: { quietIntervalSeconds: -1 } },
      { endpoint: { kind: 'custom', url: 'file:///etc/passwd' } },
      { notifications: { enabled: { 'deployment-failed': 'yes' } } },
      { notifications: { quietHours: { start: '25:00' } } },
      null,
      'theme=dark',
    ];
    for (const payload of hostile) {
      const result = await c.handle('updateSettings', payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
    }
    expect(await readFile(path)).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(c.view().settings.polling.quietIntervalSeconds).toBe(120);
    await c.stop();
  });

  it('keeps a valid change, shows it in the view, and loads it at the next start', async () => {
    const dir = await tempDir();
    const c = core(dir);
    const result = await c.handle('updateSettings', {
      notifications: { enabled: { 'deployment-succeeded': false } },
    });
    expect(result.ok).toBe(true);
    await c.stop();
    const next = core(dir);
    await next.start();
    expect(next.view().settings.notifications.enabled['deployment-succeeded']).toBe(false);
    expect(next.view().settings.notifications.enabled['deployment-failed']).toBe(true);
    await next.stop();
  });

  it('pauses and resumes notifications, persisted, with the tray marked paused', async () => {
    const dir = await tempDir();
    const c = core(dir);
    const paused = await c.handle('pauseNotifications', { for: 'until-resumed' });
    expect(paused.ok).toBe(true);
    expect(c.view().notifications.pausedIndefinitely).toBe(true);
    expect(c.view().tray.paused).toBe(true);
    await c.stop();
    const next = core(dir);
    await next.start();
    expect(next.view().notifications.pausedIndefinitely).toBe(true);
    await next.handle('resumeNotifications', null);
    expect(next.view().notifications).toMatchObject({
      pausedIndefinitely: false,
      pausedUntil: null,
    });
    expect(next.view().tray.paused).toBe(false);
    await next.stop();
  });
});

describe('the Settings endpoint', () => {
  function core(settings: MemoryDocumentStore<SettingsDocument>, follow: boolean) {
    return new TrayCore({
      environment: { name: 'production', apiUrl: 'https://api.kombify.io/v1' },
      followSettingsEndpoint: follow,
      secrets: new MemorySecretStore(),
      snapshots: new MemoryDocumentStore(),
      settings,
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger: memoryLogger(),
    });
  }
  const custom = { kind: 'custom' as const, url: 'http://127.0.0.1:9/v1' };
  const saved = (endpoint: Settings['endpoint']): SettingsDocument => ({
    version: 1,
    settings: { ...DEFAULT_SETTINGS, endpoint },
    notificationPause: { until: null, indefinitely: false },
  });

  it('chooses the cloud at start and when changed, when the host lets it', async () => {
    const store = new MemoryDocumentStore<SettingsDocument>();
    store.save(saved(custom));
    const c = core(store, true);
    await c.start();
    expect(c.view().environment).toEqual({
      name: 'custom',
      apiUrl: custom.url,
      issuerUrl: 'http://127.0.0.1:9',
      fixed: false,
    });

    const changed = await c.handle('updateSettings', { endpoint: { kind: 'staging' } });
    expect(changed).toMatchObject({ ok: true });
    expect(c.view().environment.apiUrl).toBe('https://api.staging.kombify.io/v1');
    // The sign-in screen names the issuer of the cloud now in use.
    expect(c.view().environment.issuerUrl).toBe('https://login.staging.kombify.io');
    await c.stop();
  });

  it('is kept but not used when the host fixed the cloud (KOMBIFY_API_URL)', async () => {
    const store = new MemoryDocumentStore<SettingsDocument>();
    store.save(saved(custom));
    const c = core(store, false);
    await c.start();
    expect(c.view().environment).toMatchObject({
      apiUrl: 'https://api.kombify.io/v1',
      fixed: true,
    });
    await c.handle('updateSettings', { endpoint: { kind: 'staging' } });
    expect(c.view().environment.apiUrl).toBe('https://api.kombify.io/v1');
    expect(c.view().settings.endpoint).toEqual({ kind: 'staging' });
    await c.stop();
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/bridge';
import { TrayCore } from '../../../src-main/core/app';
import { SettingsBook } from '../../../src-main/core/settings-book';
import { SETTINGS_FILE, type SettingsDocument } from '../../../src-main/core/settings-document';
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
  return createJsonDocumentStore({ cwd, logger, now: () => 1234, ...SETTINGS_FILE });
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

/**
 * Found by adversarial testing: one value this version does not accept (a theme
 * it does not know, a key a newer version added) set the whole file aside, so
 * language, endpoint, quiet hours and the notification pause went back to their
 * defaults without a word. Now each value stands on its own.
 */
describe('a settings file with values this version does not accept', () => {
  const saved = {
    version: 1,
    settings: {
      ...DEFAULT_SETTINGS,
      endpoint: { kind: 'staging' },
      language: 'de',
      theme: 'dark',
      notifications: {
        ...DEFAULT_SETTINGS.notifications,
        quietHours: { enabled: true, start: '21:30', end: '06:45' },
      },
    },
    notificationPause: { until: null, indefinitely: true },
  };

  async function load(file: unknown) {
    const dir = await tempDir();
    const text = JSON.stringify(file);
    await writeFile(join(dir, 'settings.json'), text);
    const logger = memoryLogger();
    const store = settingsStore(dir, logger);
    const book = new SettingsBook({ store, logger });
    book.load();
    const warned = () => logger.entries.filter((e) => e.level === 'warn');
    return { dir, text, store, book, logger, warned };
  }

  it('keeps every other setting and the pause when the theme is one it does not know', async () => {
    const file = { ...saved, settings: { ...saved.settings, theme: 'purple' } };
    const { dir, text, store, book, warned } = await load(file);
    expect(book.settings).toEqual({ ...saved.settings, theme: DEFAULT_SETTINGS.theme });
    expect(book.pause.indefinitely).toBe(true);
    expect(store.problem()).toEqual({
      kind: 'values-reset',
      file: join(dir, 'settings.json'),
      fields: ['theme'],
    });
    // Not set aside, and not rewritten until the person changes something.
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(text);
    book.load();
    expect(warned()).toHaveLength(1);
  });

  it.each([
    ['endpoint', { endpoint: { kind: 'custom', url: 'file:///etc/passwd' } }],
    ['polling', { polling: { quietIntervalSeconds: 5 } }],
    ['notifications', { notifications: { ...saved.settings.notifications, enabled: 'all' } }],
    [
      'quietHours',
      {
        notifications: {
          ...saved.settings.notifications,
          quietHours: { enabled: true, start: '25:00', end: '06:45' },
        },
      },
    ],
    ['startAtLogin', { startAtLogin: 'yes' }],
    ['language', { language: 'fr' }],
  ])('resets only %s when its value is refused', async (field, change) => {
    const file = { ...saved, settings: { ...saved.settings, ...change } };
    const { book, store } = await load(file);
    expect(store.problem()).toMatchObject({ kind: 'values-reset', fields: [field] });
    expect(book.pause.indefinitely).toBe(true);
    const kept = Object.keys(saved.settings).filter(
      (key) => key !== field && !(field === 'quietHours' && key === 'notifications'),
    );
    for (const key of kept) {
      expect(book.settings[key as keyof Settings], key).toEqual(
        saved.settings[key as keyof typeof saved.settings],
      );
    }
  });

  it('resets only the pause when the pause is refused', async () => {
    const { book, store } = await load({ ...saved, notificationPause: { until: 'soon' } });
    expect(store.problem()).toMatchObject({ kind: 'values-reset', fields: ['notificationPause'] });
    expect(book.settings).toEqual(saved.settings);
    expect(book.pause).toEqual({ until: null, indefinitely: false });
  });

  it('resets one notification switch, keeping the others', async () => {
    const enabled = {
      ...DEFAULT_SETTINGS.notifications.enabled,
      'deployment-succeeded': false,
      'deployment-failed': 'yes',
    };
    const notifications = { ...saved.settings.notifications, enabled };
    const file = { ...saved, settings: { ...saved.settings, notifications } };
    const { book, store } = await load(file);
    expect(store.problem()).toMatchObject({ fields: ['notifications'] });
    expect(book.settings.notifications.enabled['deployment-failed']).toBe(true);
    expect(book.settings.notifications.enabled['deployment-succeeded']).toBe(false);
    expect(book.settings.notifications.quietHours.start).toBe('21:30');
  });

  it('ignores keys a newer version added, says nothing to the window, and drops them at the next change', async () => {
    const file = {
      ...saved,
      settings: { ...saved.settings, autoUpdate: true },
      syncedAt: '2027-01-01T00:00:00Z',
    };
    const { dir, book, store, warned, logger } = await load(file);
    expect(book.settings).toEqual(saved.settings);
    expect(store.problem()).toBeNull();
    expect(warned()).toHaveLength(0);
    expect(logger.entries.some((e) => /does not know/.test(e.msg))).toBe(true);
    book.update({ theme: 'light' });
    const written = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(written).toEqual({ ...saved, settings: { ...saved.settings, theme: 'light' } });
  });

  it('gives a setting an older file does not have its default, without calling it reset', async () => {
    // A file from before the quota notification existed.
    const older: Record<string, boolean> = { ...DEFAULT_SETTINGS.notifications.enabled };
    delete older['quota-nearly-full'];
    const file = {
      ...saved,
      settings: {
        ...saved.settings,
        notifications: {
          ...saved.settings.notifications,
          enabled: { ...older, 'deployment-created': false },
        },
      },
    };
    const { book, store } = await load(file);
    expect(store.problem()).toBeNull();
    expect(book.settings.notifications.enabled['quota-nearly-full']).toBe(true);
    expect(book.settings.notifications.enabled['deployment-created']).toBe(false);
    expect(book.settings.language).toBe('de');
  });

  it('writes what is in use at the next change, so the file loads cleanly again', async () => {
    const file = { ...saved, settings: { ...saved.settings, theme: 'purple' } };
    const { dir, book } = await load(file);
    book.update({ language: 'en' });
    const again = new SettingsBook({ store: settingsStore(dir), logger: memoryLogger() });
    again.load();
    expect(again.settings).toEqual({ ...saved.settings, theme: 'system', language: 'en' });
    expect(again.pause.indefinitely).toBe(true);
  });

  it.each([
    ['a list', []],
    ['a string', 'settings'],
    ['null', null],
    ['another version', { ...saved, version: 2 }],
    ['without a version', { settings: saved.settings }],
  ])('still sets aside a file that is %s, as not a settings file at all', async (_what, file) => {
    const { dir, book, store } = await load(file);
    expect(book.settings).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual(['settings.corrupt-1234.json']);
    expect(store.problem()).toMatchObject({ kind: 'set-aside' });
  });

  it('tells the window when a settings file was set aside, and where it is kept', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), '{"settings":{"pollInt');
    const c = new TrayCore({
      environment: { name: 'test', apiUrl: 'http://127.0.0.1:9/v1' },
      secrets: new MemorySecretStore(),
      snapshots: new MemoryDocumentStore(),
      settings: settingsStore(dir),
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger: memoryLogger(),
    });
    await c.start();
    expect(c.view().notices).toEqual([
      {
        id: 'settings-file',
        message: expect.stringContaining(join(dir, 'settings.corrupt-1234.json')),
      },
    ]);
    await c.stop();
  });

  it('tells the window once which settings were reset and why, in its language', async () => {
    const dir = await tempDir();
    const file = {
      ...saved,
      settings: { ...saved.settings, theme: 'purple', startAtLogin: 'yes' },
    };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(file));
    const c = new TrayCore({
      environment: { name: 'test', apiUrl: 'http://127.0.0.1:9/v1' },
      secrets: new MemorySecretStore(),
      snapshots: new MemoryDocumentStore(),
      settings: settingsStore(dir),
      notifier: new RecordingNotifier(),
      tray: new RecordingTray(),
      logger: memoryLogger(),
    });
    await c.start();
    const notices = c.view().notices ?? [];
    expect(notices).toHaveLength(1);
    // The file asks for German, which was kept.
    expect(notices[0]!.message).toMatch(/Design/);
    expect(notices[0]!.message).toMatch(/Start bei der Anmeldung/);
    expect(notices[0]!.message).toContain(join(dir, 'settings.json'));
    await c.handle('updateSettings', { language: 'en' });
    const english = c.view().notices ?? [];
    expect(english).toHaveLength(1);
    expect(english[0]!.message).toMatch(/Theme.*Start at login|Start at login.*Theme/);
    expect(english[0]!.message).toMatch(/this version/);
    await c.stop();
  });
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

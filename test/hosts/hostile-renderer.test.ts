/**
 * Issue 8, case 10: a hostile window calls the settings bridge with polluting
 * keys, wrong types, a file: endpoint and a channel the preload does not
 * expose. Every call is refused and the settings file stays byte for byte.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHODS } from '../../src-shared/bridge';
import { registerIpcBridge } from '../../src-main/electron/ipc';
import { createHostCore, type HostCore } from '../../src-main/host/compose';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const OWN_PAGE = 'app://kombify/index.html';
const fromWindow = {
  sender: { id: 1 },
  senderFrame: { url: OWN_PAGE, parent: null },
} as unknown as IpcMainInvokeEvent;

describe('a hostile renderer against the settings bridge', () => {
  let dir: string;
  let host: HostCore;
  const handlers = new Map<string, Handler>();
  const invoke = (channel: string, payload?: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) return Promise.resolve({ ok: false, error: { code: 'NO_SUCH_CHANNEL' } });
    return handler(fromWindow, payload);
  };
  const settingsFile = () => readFile(join(dir, 'settings.json'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kombify-hostile-'));
    host = await createHostCore({
      dataDir: dir,
      // Nothing listens here: these calls never need the cloud.
      environment: { name: 'hostile test', apiUrl: 'http://127.0.0.1:9/v1' },
      notifier: { notify: () => false },
      tray: { render: () => undefined },
    });
    registerIpcBridge({
      ipcMain: {
        handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
        removeHandler: (channel: string) => void handlers.delete(channel),
      } as never,
      core: host.core,
      logger: host.logger,
      trustedContents: () => ({ id: 1 }) as never,
      isTrustedUrl: (url) => url === OWN_PAGE,
      opener: { openExternal: async () => undefined },
    });
    // A real settings file to guard, written by a legitimate change.
    const first = await invoke('kombify:updateSettings', { theme: 'dark' });
    expect(first).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses every hostile call and leaves the file byte for byte', async () => {
    const before = await settingsFile();
    const hostile: unknown[] = [
      { '__proto__.polluted': 'yes' },
      { 'constructor.prototype.polluted': 'yes' },
      JSON.parse('{"__proto__":{"polluted":"yes"}}'),
      { constructor: { prototype: { polluted: 'yes' } } },
      { notifications: JSON.parse('{"__proto__":{"polluted":"yes"}}') },
      { polling: { quietIntervalSeconds: '5' } },
      { polling: { quietIntervalSeconds: -1 } },
      { endpoint: { kind: 'custom', url: 'file:///etc/passwd' } },
      { endpoint: { kind: 'custom', url: 'http://evil.example/v1' } },
      'theme=dark',
      null,
    ];
    for (const payload of hostile) {
      const result = await invoke('kombify:updateSettings', payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    // Dot segments would let fetch rewrite /deployments/.. into another API path.
    for (const [channel, payload] of [
      ['kombify:deleteDeployment', { deploymentId: '..' }],
      ['kombify:disconnectTool', { toolId: '.' }],
      ['kombify:connectTool', { toolId: '..', homelabId: 'hl_demo' }],
    ] as const) {
      expect(await invoke(channel, payload), channel).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(await invoke('kombify:evil', { anything: true })).toMatchObject({ ok: false });
    expect(await host.core.handle('evil', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });

    expect((await settingsFile()).equals(before)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(host.core.view().settings.theme).toBe('dark');
  });
});

describe('the preload', () => {
  it('exposes named functions only, one per bridge method, never ipcRenderer', async () => {
    const exposed = new Map<string, unknown>();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
    }));
    await import('../../src-main/electron/preload');
    vi.doUnmock('electron');

    expect([...exposed.keys()]).toEqual(['kombify']);
    const api = exposed.get('kombify') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHODS, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(
      expect.objectContaining({ invoke: expect.anything() }),
    );
    expect(() =>
      (api.on as (e: string, l: () => void) => void)('kombify:anything', () => {}),
    ).toThrow(/unknown bridge event/);
  });
});

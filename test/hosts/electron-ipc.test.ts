import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from '../../src-shared/bridge';
import { registerIpcBridge } from '../../src-main/electron/ipc';
import { RecordingCore, silentLogger } from './fake-core';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

const OWN_PAGE = 'file:///app/dist/renderer/index.html';

/** The slice of ipcMain the bridge uses, recording handlers by channel. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function senderEvent(options: { id?: number; url?: string; subframe?: boolean } = {}) {
  return {
    sender: { id: options.id ?? 1 },
    senderFrame: { url: options.url ?? OWN_PAGE, parent: options.subframe ? {} : null },
  } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const ipcMain = fakeIpcMain();
  const core = new RecordingCore();
  const opened: string[] = [];
  const remove = registerIpcBridge({
    ipcMain: ipcMain as never,
    core,
    logger: silentLogger,
    trustedContents: () => ({ id: 1 }) as WebContents,
    isTrustedUrl: (url) => url === OWN_PAGE,
    opener: { openExternal: async (url) => void opened.push(url) },
  });
  const invoke = (method: string, event: IpcMainInvokeEvent, payload?: unknown) => {
    const handler = ipcMain.handlers.get(`kombify:${method}`);
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, payload);
  };
  return { ipcMain, core, opened, remove, invoke };
}

describe('registerIpcBridge()', () => {
  it('answers exactly the bridge methods and removes them all again', () => {
    const { ipcMain, remove } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      BRIDGE_METHODS.map((method) => `kombify:${method}`).sort(),
    );
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes calls from our own window to the core', async () => {
    const { core, invoke } = setup();
    const result = await invoke('signOut', senderEvent());
    expect(result).toEqual({ ok: true, value: { echoed: 'signOut' } });
    expect(core.calls).toEqual([{ method: 'signOut', payload: undefined }]);
  });

  it('refuses another window, a foreign page and a sub-frame', async () => {
    const { core, invoke } = setup();
    const refused = { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) };
    expect(await invoke('getState', senderEvent({ id: 2 }))).toMatchObject(refused);
    expect(await invoke('getState', senderEvent({ url: 'https://evil.example/' }))).toMatchObject(
      refused,
    );
    expect(await invoke('getState', senderEvent({ subframe: true }))).toMatchObject(refused);
    expect(core.calls).toHaveLength(0);
  });

  it('opens kombify pages by name, and never through the core', async () => {
    const { core, opened, invoke } = setup();
    const bad = await invoke('openLink', senderEvent(), { url: 'https://kombify.io/' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const good = await invoke('openLink', senderEvent(), { link: 'docs' });
    expect(good).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://docs.kombify.io/tray']);
    expect(core.calls).toHaveLength(0);
  });

  it('refuses openLink from an untrusted sender before looking at it', async () => {
    const { opened, invoke } = setup();
    const result = await invoke('openLink', senderEvent({ id: 9 }), { link: 'docs' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(opened).toEqual([]);
  });
});

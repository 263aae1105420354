/**
 * The only code that runs with access to both the page and Electron. It hands
 * the window named functions, one per bridge method; the page never gets
 * ipcRenderer itself, so it can reach no channel main does not answer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeEvents, BridgeMethod, KombifyBridge } from '../../src-shared/bridge';
import { ipcChannel, ipcEventChannel } from '../../src-shared/ipc-channels';

const call =
  (method: BridgeMethod) =>
  (payload?: unknown) =>
    ipcRenderer.invoke(ipcChannel(method), payload);

const EVENTS: ReadonlyArray<keyof BridgeEvents> = ['state', 'notification'];

const bridge: KombifyBridge = {
  getState: () => call('getState')(),
  signInWithPassword: (credentials) => call('signInWithPassword')(credentials),
  signOut: () => call('signOut')(),
  refresh: () => call('refresh')(),
  deployStackKit: (request) => call('deployStackKit')(request),
  openExternal: (request) => call('openExternal')(request),
  on(event, listener) {
    if (!EVENTS.includes(event)) throw new Error(`unknown bridge event: ${String(event)}`);
    const channel = ipcEventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as BridgeEvents[typeof event]);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('kombify', bridge);

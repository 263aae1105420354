/**
 * The only code that runs with access to both the page and Electron. It hands
 * the window named functions, one per bridge method; the page never gets
 * ipcRenderer itself, so it can reach no channel main does not answer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeEvents, BridgeMethod, KombifyBridge } from '../../src-shared/bridge';
import { ipcChannel, ipcEventChannel } from '../../src-shared/ipc-channels';

const call = (method: BridgeMethod) => (payload?: unknown) =>
  ipcRenderer.invoke(ipcChannel(method), payload);

const EVENTS: ReadonlyArray<keyof BridgeEvents> = ['state', 'notification', 'navigate'];

const bridge: KombifyBridge = {
  getState: () => call('getState')(),
  signInWithPassword: (credentials) => call('signInWithPassword')(credentials),
  signInWithBrowser: () => call('signInWithBrowser')(),
  signInWithDeviceCode: () => call('signInWithDeviceCode')(),
  signInWithApiKey: (request) => call('signInWithApiKey')(request),
  cancelSignIn: () => call('cancelSignIn')(),
  signOut: () => call('signOut')(),
  refresh: () => call('refresh')(),
  deployStackKit: (request) => call('deployStackKit')(request),
  deleteDeployment: (request) => call('deleteDeployment')(request),
  listTools: () => call('listTools')(),
  connectTool: (request) => call('connectTool')(request),
  disconnectTool: (request) => call('disconnectTool')(request),
  upgradePlan: (request) => call('upgradePlan')(request),
  cancelSubscription: () => call('cancelSubscription')(),
  updateSettings: (patch) => call('updateSettings')(patch),
  pauseNotifications: (request) => call('pauseNotifications')(request),
  resumeNotifications: () => call('resumeNotifications')(),
  openLink: (request) => call('openLink')(request),
  log: (entry) => call('log')(entry),
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

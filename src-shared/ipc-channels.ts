/**
 * Electron IPC channel names, derived from the bridge's method and event
 * names so there is one list. Kept free of zod so the preload stays tiny.
 */
import type { BridgeEvents, BridgeMethod } from './bridge';

export const ipcChannel = (method: BridgeMethod): string => `kombify:${method}`;
export const ipcEventChannel = (event: keyof BridgeEvents): string => `kombify-event:${event}`;

/**
 * Carries the bridge over Electron IPC. Each handler first checks that the
 * message comes from our own window's main frame, then hands the untouched
 * payload to the core, which validates it against the bridge schemas.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { BRIDGE_METHODS, type BridgeEvents, type BridgeResult } from '../../src-shared/bridge';
import { ipcChannel, ipcEventChannel } from '../../src-shared/ipc-channels';
import type { Logger } from '../core/ports';
import { dispatchBridgeCall, type BridgeCore } from '../host/bridge-host';
import type { ExternalOpener } from '../host/links';

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: BridgeCore;
  logger: Logger;
  /** The window we trust, if one is open. */
  trustedContents: () => WebContents | null;
  /** The URL our renderer is loaded from (a file: URL in packaged builds). */
  isTrustedUrl: (url: string) => boolean;
  /** Opens kombify pages for `openLink` (Electron's shell). */
  opener: ExternalOpener;
}

const REFUSED: BridgeResult<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN_SENDER',
    message: 'This request did not come from the kombify window.',
  },
};

/** Registers one handler per bridge method; returns a function that removes them. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, core, logger } = options;

  const fromTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const trusted = options.trustedContents();
    const frame = event.senderFrame;
    return (
      trusted !== null &&
      event.sender.id === trusted.id &&
      frame !== null &&
      frame.parent === null &&
      options.isTrustedUrl(frame.url)
    );
  };

  for (const method of BRIDGE_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, payload: unknown) => {
      if (!fromTrustedSender(event)) {
        logger.warn('refused bridge call from an untrusted sender', { method });
        return REFUSED;
      }
      return dispatchBridgeCall(core, options.opener, method, payload);
    });
  }

  return () => {
    for (const method of BRIDGE_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}

/** Sends a bridge event to the window, if it is still there. */
export function sendBridgeEvent<E extends keyof BridgeEvents>(
  contents: WebContents | null,
  event: E,
  payload: BridgeEvents[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(ipcEventChannel(event), payload);
}

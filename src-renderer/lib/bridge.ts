/** Finds the bridge to main: Electron's preload, or the loopback client in a plain browser. */
import type { KombifyBridge } from '../../src-shared/bridge';
import { takeBridgeKey } from './bridge-key';
import { createLoopbackBridge, type LinkListener } from './loopback-bridge';

/** Subscribes to whether main can be reached; only a remote bridge has one. */
export type LinkWatch = (listener: LinkListener) => () => void;

export type BridgeSource =
  | { kind: 'ready'; bridge: KombifyBridge; watchLink?: LinkWatch }
  /** In a browser without `#k=…` and nothing stored: the page cannot talk to the host. */
  | { kind: 'missing-key' };

export function resolveBridge(win: Window = window): BridgeSource {
  // Read without augmenting Window, so the preload's own declaration cannot clash with ours.
  const preload = (win as Window & { kombify?: KombifyBridge }).kombify;
  if (preload) return { kind: 'ready', bridge: preload };
  const key = takeBridgeKey(win);
  if (!key) return { kind: 'missing-key' };
  const bridge = createLoopbackBridge({ key });
  return { kind: 'ready', bridge, watchLink: (listener) => bridge.onLink(listener) };
}

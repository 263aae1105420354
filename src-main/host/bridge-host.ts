/**
 * What every host needs from the core to carry the bridge: the current view,
 * change notifications and one validated entry point for requests. Hosts add
 * `openExternal`, which only they can perform.
 */
import type { AppView, BridgeResult } from '../../src-shared/bridge';

export interface BridgeCore {
  view(): AppView;
  subscribe(listener: (view: AppView) => void): () => void;
  handle(method: unknown, payload: unknown): Promise<BridgeResult<unknown>>;
}

/** Hosts we open links to: https only, and only kombify's own. */
export function isAllowedExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return url.hostname === 'kombify.io' || url.hostname.endsWith('.kombify.io');
}

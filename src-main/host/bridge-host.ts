/**
 * What every host needs from the core to carry the bridge: the current view,
 * change notifications and one validated entry point for requests. Hosts answer
 * `openLink` themselves: opening a browser is theirs to do.
 */
import { BridgeRequests, type AppView, type BridgeResult } from '../../src-shared/bridge';
import { openKombifyLink, type ExternalOpener } from './links';

export interface BridgeCore {
  view(): AppView;
  subscribe(listener: (view: AppView) => void): () => void;
  handle(method: unknown, payload: unknown): Promise<BridgeResult<unknown>>;
}

/**
 * Answers one bridge call for a host: `openLink` here, everything else by the
 * core. Both validate the payload before acting on it.
 */
export async function dispatchBridgeCall(
  core: BridgeCore,
  opener: ExternalOpener,
  method: unknown,
  payload: unknown,
): Promise<BridgeResult<unknown>> {
  if (method !== 'openLink') return core.handle(method, payload);
  const parsed = BridgeRequests.openLink.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'The app cannot open that link.' },
    };
  }
  try {
    await openKombifyLink(parsed.data.link, opener);
    return { ok: true, value: null };
  } catch {
    return {
      ok: false,
      error: { code: 'LINK_FAILED', message: 'The browser could not be opened. Try again.' },
    };
  }
}

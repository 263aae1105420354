/** The loopback bridge's per-run secret, as handed to the page by `npm start`. */

export const BRIDGE_KEY_STORAGE = 'kombify.bridgeKey';

/**
 * The per-run secret from `#k=…`. It is kept in sessionStorage so a reload
 * works, and taken out of the address bar so it is not bookmarked or shared.
 */
export function takeBridgeKey(win: Window): string | null {
  const storage = sessionStorageOf(win);
  const params = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromHash = params.get('k');
  if (!fromHash) return readStored(storage);
  try {
    storage?.setItem(BRIDGE_KEY_STORAGE, fromHash);
  } catch {
    // Storage can be full or disabled; the key then lasts for this page load only.
  }
  params.delete('k');
  const rest = params.toString();
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
  return fromHash;
}

function sessionStorageOf(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    // Reading the property itself throws when the browser blocks storage.
    return null;
  }
}

function readStored(storage: Storage | null): string | null {
  try {
    return storage?.getItem(BRIDGE_KEY_STORAGE) || null;
  } catch {
    return null;
  }
}

/**
 * The network coming back, for a host without Electron's `net` (the browser
 * host under Node): on each heartbeat the machine's outside addresses are
 * read (a local call, no request). An address appearing, or a new one (another
 * network), is reported; losing them says nothing, the sync engine finds out.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { BeatSource } from '../core/heartbeat';
import type { NetworkStatus, Unsubscribe } from '../core/ports';

type ReadInterfaces = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The outside addresses, sorted, as one string; null when they cannot be read. */
function outsideAddresses(read: ReadInterfaces): string | null {
  try {
    return Object.values(read())
      .flatMap((list) => list ?? [])
      .filter((info) => !info.internal)
      .map((info) => info.address)
      .sort()
      .join(' ');
  } catch {
    return null;
  }
}

export function interfaceNetworkStatus(
  heartbeat: BeatSource,
  read: ReadInterfaces = networkInterfaces,
): NetworkStatus {
  return {
    onOnline(listener): Unsubscribe {
      let last = outsideAddresses(read);
      return heartbeat.onBeat(() => {
        const now = outsideAddresses(read);
        if (now === null) return;
        const back = now !== '' && last !== null && now !== last;
        last = now;
        if (back) listener();
      });
    },
  };
}

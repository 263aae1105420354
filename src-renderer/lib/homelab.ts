/**
 * How a homelab's status is shown, given what else the window knows: while the
 * cloud is not answering it is only the last known status, and after a request
 * found the homelab unreachable it is not shown as plainly online.
 */
import type { ConnectivityView } from '../../src-shared/bridge';
import type { Homelab } from '../../src-shared/kombify-api';
import { formatAge, formatTime } from './format';
import { t } from './i18n';
import { homelabLook, type StatusLook } from './status';

/** A request to the homelab that kombify answered with HOMELAB_UNREACHABLE. */
export interface HomelabUnreachable {
  homelabId: string;
  /** When the answer came, ms since the epoch. */
  at: number;
}

export interface HomelabShown {
  look: StatusLook;
  /** The line under the badge: when it was last seen, or when it did not answer. */
  detail: string;
  /** True when the status is not current: offline, or contradicted by a request. */
  doubtful: boolean;
}

export function homelabShown(
  homelab: Homelab,
  context: {
    connectivity: ConnectivityView | null | undefined;
    unreachable: HomelabUnreachable | null;
  },
  now: number,
): HomelabShown {
  const seen = formatAge(homelab.last_seen_at, now);
  const seenWords = seen ? t.homelabs.lastSeen(seen) : t.homelabs.neverSeen;
  const look = homelabLook(homelab.status);
  const cloud = context.connectivity?.status ?? 'online';
  if (cloud !== 'online') {
    return {
      look: { tone: 'neutral', label: t.homelabs.lastKnown(look.label) },
      detail: seenWords,
      doubtful: true,
    };
  }
  const refused = context.unreachable;
  if (refused && refused.homelabId === homelab.id && homelab.status === 'online') {
    const at = formatTime(new Date(refused.at).toISOString(), now) ?? '';
    return {
      look: { tone: 'warn', label: t.homelabs.notAnswering },
      detail: t.homelabs.didNotAnswer(at, seen ?? t.homelabs.neverSeen),
      doubtful: true,
    };
  }
  return { look, detail: seenWords, doubtful: false };
}

/** The notification pause main holds, as the window speaks of it. */
import type { NotificationsView } from '../../src-shared/bridge';
import { formatTime } from './format';

/** Paused until a time ("14:05", with the date when not today), or until resumed (`time` null). */
export interface PauseShown {
  time: string | null;
}

/**
 * The pause in force at `now`, or null when notifications are on. A pause whose end
 * has passed is over at once here, before main's next view says so.
 */
export function pauseShown(
  notifications: NotificationsView | null | undefined,
  now: number,
): PauseShown | null {
  if (!notifications) return null;
  if (notifications.pausedIndefinitely) return { time: null };
  const until = notifications.pausedUntil;
  if (!until || !(Date.parse(until) > now)) return null;
  return { time: formatTime(until, now) };
}

/**
 * Which of the events of one sync a person sees: toggles per kind, a pause,
 * quiet hours, one digest instead of a burst, one "while you were away"
 * summary after a long gap. Pure, so every rule is tested with a fixed time.
 */
import type {
  NavigationView,
  NotificationKind,
  NotificationView,
  NotificationsView,
  Settings,
} from '../../src-shared/bridge';
import { ENGLISH, type Words, count } from './i18n';

/** A pause as persisted: until a time, or until the person resumes. */
export interface NotificationPause {
  until: string | null;
  indefinitely: boolean;
}

export const NOT_PAUSED: NotificationPause = { until: null, indefinitely: false };

/** Hour of the day "until tomorrow" ends. */
const MORNING_HOUR = 8;

/** What a pause choice from the window means at `now`. */
export function pauseFor(
  choice: 'hour' | 'tomorrow' | 'until-resumed',
  now: number,
): NotificationPause {
  if (choice === 'until-resumed') return { until: null, indefinitely: true };
  if (choice === 'hour')
    return { until: new Date(now + 60 * 60_000).toISOString(), indefinitely: false };
  const morning = new Date(now);
  morning.setDate(morning.getDate() + 1);
  morning.setHours(MORNING_HOUR, 0, 0, 0);
  return { until: morning.toISOString(), indefinitely: false };
}

/** The pause still in force at `now`, as the window shows it. */
export function pauseView(pause: NotificationPause, now: number): NotificationsView {
  const until = pause.until !== null && Date.parse(pause.until) > now ? pause.until : null;
  return { pausedUntil: until, pausedIndefinitely: pause.indefinitely };
}

/** True while a pause holds. */
export function isPaused(pause: NotificationPause, now: number): boolean {
  const view = pauseView(pause, now);
  return view.pausedIndefinitely || view.pausedUntil !== null;
}

/** True when `now` falls in the quiet hours (they may run past midnight). */
export function inQuietHours(
  quiet: Settings['notifications']['quietHours'],
  now: number,
  timeZone?: string,
): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const time = new Date(now).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  if (quiet.start < quiet.end) return time >= quiet.start && time < quiet.end;
  return time >= quiet.start || time < quiet.end;
}

/** Everything the rules depend on besides the events. */
export interface RuleContext {
  settings: Settings['notifications'];
  pause: NotificationPause;
  now: number;
  /** The sync ended a long gap (sleep, offline): summarise instead of a burst. */
  away: boolean;
  timeZone?: string;
  /** The language digests and summaries are worded in; English when absent. */
  words?: Words;
}

/** Result of {@link notificationsToShow}; `held` says why nothing is shown, for the log. */
export interface Decision {
  show: NotificationView[];
  held: 'paused' | 'quiet hours' | 'switched off' | null;
}

/** Why nothing may be shown at `context.now`: a pause or quiet hours; null when free. */
export function holdReason(
  context: Pick<RuleContext, 'settings' | 'pause' | 'now' | 'timeZone'>,
): 'paused' | 'quiet hours' | null {
  if (isPaused(context.pause, context.now)) return 'paused';
  if (inQuietHours(context.settings.quietHours, context.now, context.timeZone)) {
    return 'quiet hours';
  }
  return null;
}

/** Applies the rules to the events of one sync: at most one notification comes out. */
export function notificationsToShow(events: NotificationView[], context: RuleContext): Decision {
  if (events.length === 0) return { show: [], held: null };
  const holding = holdReason(context);
  if (holding) return { show: [], held: holding };
  const wanted = wantedEvents(events, context.settings);
  if (wanted.length === 0) return { show: [], held: 'switched off' };
  if (wanted.length === 1) return { show: wanted, held: null };
  return { show: [summary(wanted, context.away, context.words ?? ENGLISH)], held: null };
}

/** The events whose kind the person has switched on. */
export function wantedEvents(
  events: NotificationView[],
  settings: Settings['notifications'],
): NotificationView[] {
  return events.filter((e) => (isToggled(e.kind) ? settings.enabled[e.kind] : true));
}

/** How many held events are kept for the summary; older ones only count. */
export const MAX_HELD = 50;

/**
 * The one notification that tells what a pause or quiet hours held back, once
 * they end: nothing is lost, and nothing arrives as a burst of old news.
 */
export function heldSummary(
  held: NotificationView[],
  why: 'paused' | 'quiet hours',
  dropped = 0,
  words: Words = ENGLISH,
): NotificationView {
  const { t } = words;
  const more = dropped > 0 ? t.notifications.heldOlder(dropped) : '';
  return {
    key: `held:${held.map((e) => e.key).join('|')}`,
    kind: 'away-summary',
    title: why === 'paused' ? t.notifications.heldPaused : t.notifications.heldQuiet,
    body: `${capitalize(countWords(held, words))}${more}.`,
  };
}

function isToggled(kind: NotificationView['kind']): kind is NotificationKind {
  return !['session-ended', 'session-expiring', 'digest', 'away-summary'].includes(kind);
}

/** "3 deployments succeeded, 1 deployment failed", kinds in the order they came. */
export function countWords(events: NotificationView[], words: Words = ENGLISH): string {
  const counts = new Map<NotificationKind, number>();
  for (const e of events) if (isToggled(e.kind)) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const phrases = words.t.notifications.counts;
  return [...counts].map(([kind, n]) => count(words, n, phrases[kind])).join(', ');
}

function summary(events: NotificationView[], away: boolean, words: Words): NotificationView {
  const { t } = words;
  const counted = countWords(events, words);
  const key = `${away ? 'away' : 'digest'}:${events.map((e) => e.key).join('|')}`;
  const details = events.slice(0, 3).map((e) => e.body);
  const more = events.length > 3 ? t.notifications.digestMore(events.length - 3) : '';
  const body = `${details.join(' ')}${more}`;
  if (away)
    return {
      key,
      kind: 'away-summary',
      title: t.notifications.away,
      body: `${capitalize(counted)}.`,
    };
  return { key, kind: 'digest', title: capitalize(counted), body };
}

/** Where a click on a notification takes the window. */
export function navigationFor(notification: NotificationView): NavigationView {
  if (notification.deploymentId) {
    return { screen: 'deployments', deploymentId: notification.deploymentId };
  }
  if (notification.kind.startsWith('deployment-')) return { screen: 'deployments' };
  if (
    ['plan-changed', 'subscription-canceled', 'payment-past-due', 'quota-nearly-full'].includes(
      notification.kind,
    )
  ) {
    return { screen: 'subscription' };
  }
  if (notification.kind === 'session-ended') return { screen: 'sign-in' };
  return { screen: 'overview' };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

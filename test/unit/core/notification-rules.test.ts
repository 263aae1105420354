import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type NotificationView } from '../../../src-shared/bridge';
import { wordsFor } from '../../../src-main/core/i18n';
import {
  NOT_PAUSED,
  countWords,
  heldSummary,
  inQuietHours,
  isPaused,
  navigationFor,
  notificationsToShow,
  pauseFor,
  pauseView,
} from '../../../src-main/core/notification-rules';

const NOON = Date.parse('2026-12-03T12:00:00Z');
const settings = DEFAULT_SETTINGS.notifications;

function event(kind: NotificationView['kind'], id = 'a'): NotificationView {
  return { key: `${kind}:${id}`, kind, title: kind, body: `${kind} ${id}`, deploymentId: id };
}

const context = { settings, pause: NOT_PAUSED, now: NOON, away: false, timeZone: 'UTC' };

describe('notification rules', () => {
  it('shows a single event as it is', () => {
    const one = event('deployment-failed');
    expect(notificationsToShow([one], context)).toEqual({ show: [one], held: null });
  });

  it('makes one digest of several events from one sync', () => {
    const events = ['a', 'b', 'c'].map((id) => event('deployment-succeeded', id));
    const { show } = notificationsToShow(events, context);
    expect(show).toHaveLength(1);
    expect(show[0]).toMatchObject({ kind: 'digest', title: '3 deployments succeeded' });
  });

  it('names each kind in a mixed digest', () => {
    const events = [event('deployment-succeeded', 'a'), event('deployment-failed', 'b')];
    const [digest] = notificationsToShow(events, context).show;
    expect(digest?.title).toBe('1 deployment succeeded, 1 deployment failed');
  });

  it('gives one "while you were away" summary after a long gap', () => {
    const events = ['a', 'b'].map((id) => event('deployment-failed', id));
    const { show } = notificationsToShow(events, { ...context, away: true });
    expect(show).toEqual([
      expect.objectContaining({ kind: 'away-summary', title: 'While you were away' }),
    ]);
    expect(show[0]?.body).toBe('2 deployments failed.');
  });

  it('drops kinds switched off and keeps the others', () => {
    const enabled = { ...settings.enabled, 'deployment-succeeded': false };
    const off = { ...context, settings: { ...settings, enabled } };
    const failed = event('deployment-failed', 'b');
    const decision = notificationsToShow([event('deployment-succeeded'), failed], off);
    expect(decision.show).toEqual([failed]);
    expect(notificationsToShow([event('deployment-succeeded')], off).held).toBe('switched off');
  });

  it('holds everything while paused, for an hour, until tomorrow or until resumed', () => {
    const events = [event('deployment-failed')];
    for (const choice of ['hour', 'tomorrow', 'until-resumed'] as const) {
      const pause = pauseFor(choice, NOON);
      expect(notificationsToShow(events, { ...context, pause })).toEqual({
        show: [],
        held: 'paused',
      });
    }
  });

  it('ends an hour pause after an hour and a "tomorrow" pause the next morning', () => {
    const hour = pauseFor('hour', NOON);
    expect(isPaused(hour, NOON + 59 * 60_000)).toBe(true);
    expect(isPaused(hour, NOON + 60 * 60_000)).toBe(false);
    const tomorrow = pauseFor('tomorrow', NOON);
    const until = new Date(tomorrow.until!);
    expect(until.getHours()).toBe(8);
    expect(until.getTime()).toBeGreaterThan(NOON);
    expect(until.getTime() - NOON).toBeLessThanOrEqual(44 * 60 * 60_000);
    expect(pauseView(hour, NOON + 2 * 60 * 60_000)).toEqual({
      pausedUntil: null,
      pausedIndefinitely: false,
    });
    expect(isPaused(pauseFor('until-resumed', NOON), NOON + 365 * 86_400_000)).toBe(true);
  });

  it('holds everything in quiet hours, also across midnight', () => {
    const quietHours = { enabled: true, start: '22:00', end: '07:00' };
    const at = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00Z`);
    expect(inQuietHours(quietHours, at('23:30'), 'UTC')).toBe(true);
    expect(inQuietHours(quietHours, at('06:59'), 'UTC')).toBe(true);
    expect(inQuietHours(quietHours, at('07:00'), 'UTC')).toBe(false);
    expect(inQuietHours(quietHours, at('12:00'), 'UTC')).toBe(false);
    expect(inQuietHours({ ...quietHours, enabled: false }, at('23:30'), 'UTC')).toBe(false);
    const daytime = { enabled: true, start: '09:00', end: '17:00' };
    expect(inQuietHours(daytime, at('12:00'), 'UTC')).toBe(true);
    const quiet = { ...context, settings: { ...settings, quietHours }, now: at('23:30') };
    expect(notificationsToShow([event('deployment-failed')], quiet).held).toBe('quiet hours');
  });

  it('sends a click to the item: a deployment, the plan, or the overview', () => {
    expect(navigationFor(event('deployment-failed', 'dep_1'))).toEqual({
      screen: 'deployments',
      deploymentId: 'dep_1',
    });
    const plan = { ...event('payment-past-due'), deploymentId: undefined };
    expect(navigationFor(plan)).toEqual({ screen: 'subscription' });
    const digest = { key: 'd', kind: 'digest' as const, title: 't', body: 'b' };
    expect(navigationFor(digest)).toEqual({ screen: 'overview' });
  });
});

describe('notification rules in German', () => {
  const german = { ...context, words: wordsFor('de') };

  it('counts one and many in a digest: "3 Deployments erfolgreich"', () => {
    const events = ['a', 'b', 'c'].map((id) => event('deployment-succeeded', id));
    const [digest] = notificationsToShow(events, german).show;
    expect(digest).toMatchObject({ kind: 'digest', title: '3 Deployments erfolgreich' });
    const mixed = [event('deployment-succeeded', 'a'), event('deployment-failed', 'b')];
    expect(notificationsToShow(mixed, german).show[0]?.title).toBe(
      '1 Deployment erfolgreich, 1 Deployment fehlgeschlagen',
    );
  });

  it('says how many more a long digest leaves out', () => {
    const events = ['a', 'b', 'c', 'd'].map((id) => event('deployment-failed', id));
    const [digest] = notificationsToShow(events, german).show;
    expect(digest?.body).toBe(
      'deployment-failed a deployment-failed b deployment-failed c und 1 weitere',
    );
  });

  it('gives the away summary and the held summary in German', () => {
    const events = ['a', 'b'].map((id) => event('deployment-failed', id));
    expect(notificationsToShow(events, { ...german, away: true }).show).toEqual([
      expect.objectContaining({
        kind: 'away-summary',
        title: 'Während du weg warst',
        body: '2 Deployments fehlgeschlagen.',
      }),
    ]);
    const held = [event('homelab-offline'), event('subscription-canceled')];
    expect(heldSummary(held, 'paused', 3, german.words)).toMatchObject({
      title: 'Während die Benachrichtigungen pausiert waren',
      body: '1 Homelab offline, 1 Abo gekündigt (und 3 ältere).',
    });
    expect(heldSummary(held, 'quiet hours', 0, german.words).title).toBe('Während der Ruhezeiten');
  });

  it('names every kind in German', () => {
    const kinds = Object.keys(settings.enabled) as NotificationView['kind'][];
    const words = countWords(
      kinds.map((kind) => event(kind)),
      german.words,
    );
    expect(words).not.toMatch(/deployment |homelab |subscription|payment|quota/);
    expect(words.split(', ')).toHaveLength(kinds.length);
  });
});

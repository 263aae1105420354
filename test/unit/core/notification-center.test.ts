import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../../src-shared/bridge';
import { NotificationCenter } from '../../../src-main/core/notification-center';
import { MAX_HELD } from '../../../src-main/core/notification-rules';
import { ManualClock } from '../support/manual-clock';
import { RecordingNotifier, memoryLogger } from '../support/fakes';

const HOUR = 60 * 60_000;

function event(kind: NotificationView['kind'], id: string): NotificationView {
  return { key: `${kind}:${id}`, kind, title: kind, body: `${kind} ${id}`, deploymentId: id };
}

/** Quiet hours 22:00–07:00 UTC; the clock starts at 23:00 UTC, inside them. */
function setup() {
  const clock = new ManualClock(Date.parse('2026-12-03T23:00:00Z'));
  const notifier = new RecordingNotifier();
  const center = new NotificationCenter({
    notifier,
    clock,
    logger: memoryLogger(),
    timeZone: 'UTC',
  });
  center.load();
  center.update({
    notifications: { quietHours: { enabled: true, start: '22:00', end: '07:00' } },
  });
  return { clock, notifier, center };
}

describe('NotificationCenter holds and then tells', () => {
  it('shows nothing in quiet hours, then one summary of what happened at the first sync after', async () => {
    const { clock, notifier, center } = setup();
    center.raise([event('deployment-failed', 'a')], false);
    await clock.advance(3 * HOUR);
    center.raise([event('deployment-succeeded', 'b'), event('deployment-failed', 'c')], false);
    center.raise([], false);
    expect(notifier.shown).toEqual([]);

    await clock.advance(6 * HOUR); // 08:00, quiet hours over
    center.raise([], false);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({
      kind: 'away-summary',
      title: 'During quiet hours',
      body: '2 deployments failed, 1 deployment succeeded.',
    });

    // Told once: the next syncs are quiet again.
    center.raise([], false);
    expect(notifier.shown).toHaveLength(1);
    center.raise([event('deployment-failed', 'd')], false);
    expect(notifier.shown[1]).toMatchObject({ key: 'deployment-failed:d' });
  });

  it('summarises a pause once it ends, with the news of that sync', async () => {
    const { clock, notifier, center } = setup();
    center.update({ notifications: { quietHours: { enabled: false } } });
    center.pause('hour');
    center.raise([event('deployment-failed', 'a')], false);
    await clock.advance(HOUR);
    center.raise([event('deployment-succeeded', 'b')], false);
    expect(notifier.shown).toEqual([
      expect.objectContaining({
        title: 'While notifications were paused',
        body: '1 deployment failed, 1 deployment succeeded.',
      }),
    ]);
  });

  it('does not hold kinds the person switched off', async () => {
    const { clock, notifier, center } = setup();
    center.update({ notifications: { enabled: { 'deployment-succeeded': false } } });
    center.raise([event('deployment-succeeded', 'a')], false);
    await clock.advance(9 * HOUR);
    center.raise([], false);
    expect(notifier.shown).toEqual([]);
  });

  it('keeps the newest few of a long night and counts the rest', async () => {
    const { clock, notifier, center } = setup();
    for (let i = 0; i < MAX_HELD + 7; i += 1)
      center.raise([event('deployment-failed', `${i}`)], false);
    await clock.advance(9 * HOUR);
    center.raise([], false);
    expect(notifier.shown[0]?.body).toBe(`${MAX_HELD} deployments failed (and 7 older).`);
  });

  it('forgets what it held at sign-out', async () => {
    const { clock, notifier, center } = setup();
    center.raise([event('deployment-failed', 'a')], false);
    center.forgetHeld();
    await clock.advance(9 * HOUR);
    center.raise([], false);
    expect(notifier.shown).toEqual([]);
  });

  it('follows the language setting: a summary after switching to German is German', async () => {
    const { clock, notifier, center } = setup();
    center.raise([event('deployment-failed', 'a'), event('deployment-failed', 'b')], false);
    center.update({ language: 'de' });
    await clock.advance(9 * HOUR);
    center.raise([], false);
    expect(notifier.shown[0]).toMatchObject({
      title: 'Während der Ruhezeiten',
      body: '2 Deployments fehlgeschlagen.',
    });
  });

  it("speaks the system's language under 'system', English for any other", async () => {
    const summary = async (locale: string) => {
      const clock = new ManualClock(Date.parse('2026-12-03T12:00:00Z'));
      const notifier = new RecordingNotifier();
      const center = new NotificationCenter({
        notifier,
        clock,
        logger: memoryLogger(),
        timeZone: 'UTC',
        systemLocale: () => locale,
      });
      center.load();
      center.raise([event('deployment-created', 'a'), event('deployment-created', 'b')], false);
      return notifier.shown[0]?.title;
    };
    expect(await summary('de-DE')).toBe('2 Deployments gestartet');
    expect(await summary('en-US')).toBe('2 deployments started');
    expect(await summary('fr-FR')).toBe('2 deployments started');
  });
});

import { describe, expect, it } from 'vitest';
import type { ConnectivityView, SessionView } from '../../../src-shared/bridge';
import { wordsFor } from '../../../src-main/core/i18n';
import { type TrayInputs, buildTrayModel } from '../../../src-main/core/tray-model';
import { deployment, snapshot } from './fixtures';

const NOW = Date.parse('2026-12-03T12:03:10.000Z');
const signedIn: SessionView = { status: 'signed-in', email: 'ada@example.org', name: 'Ada' };
const online: ConnectivityView = {
  status: 'online',
  lastSuccessAt: '2026-12-03T12:00:00.000Z',
  lastError: null,
  retryAt: null,
};

function model(overrides: Partial<TrayInputs>) {
  return buildTrayModel({
    session: signedIn,
    snapshot: snapshot([deployment('a', 'succeeded')]),
    connectivity: online,
    now: NOW,
    timeZone: 'UTC',
    ...overrides,
  });
}

/** What a person reads in the menu: separators left out. */
const labels = (m: ReturnType<typeof model>) =>
  m.items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('buildTrayModel', () => {
  it('is ok with account, plan, homelab, freshness, deployments and actions', () => {
    const m = model({});
    expect(m.state).toBe('ok');
    expect(labels(m)).toEqual([
      'ada@example.org — Hobby plan',
      'Homelab basement: online',
      'Updated 3 min ago',
      'stack-a — succeeded · 1 h ago',
      'Open kombify Tray',
      'Deploy a StackKit…',
      'Refresh now',
      'Pause notifications',
      'Sign out',
      'Quit',
    ]);
    expect(m.items.find((i) => i.deploymentId === 'a')?.id).toBe('deployment:a');
  });

  it('shows signed-out with only sign-in and quit as useful actions', () => {
    const m = model({ session: { status: 'signed-out' } });
    expect(m.state).toBe('signed-out');
    expect(m.tooltip).toContain('Not signed in');
    expect(m.items.filter((i) => i.enabled).map((i) => i.id)).toEqual([
      'open',
      'pause',
      'sign-in',
      'quit',
    ]);
    expect(m.items.some((i) => i.deploymentId)).toBe(false);
  });

  it('is deploying while any deployment is not final, unknown statuses included', () => {
    const m = model({ snapshot: snapshot([deployment('a', 'succeeded'), deployment('b', 'odd')]) });
    expect(m.state).toBe('deploying');
    expect(m.tooltip).toContain('1 deployment in progress');
    expect(labels(m)).toContain('stack-b — odd 40 % · 1 h ago');
  });

  it('is failed when the latest finished deployment failed, ok once a later one succeeds', () => {
    const older = { finished_at: '2026-12-03T09:00:00.000Z' };
    const newer = { finished_at: '2026-12-03T11:00:00.000Z' };
    const failedLast = snapshot([
      deployment('a', 'succeeded', older),
      deployment('b', 'failed', newer),
    ]);
    expect(model({ snapshot: failedLast }).state).toBe('failed');
    const fixedLast = snapshot([
      deployment('a', 'failed', older),
      deployment('b', 'succeeded', newer),
    ]);
    expect(model({ snapshot: fixedLast }).state).toBe('ok');
  });

  it('shows offline with the time of the last update', () => {
    const m = model({ connectivity: { ...online, status: 'offline' } });
    expect(m.state).toBe('offline');
    expect(labels(m)).toContain('Offline — last update 12:00');
    expect(m.tooltip).toBe('kombify Tray — Offline — last update 12:00');
  });

  it('says until when it is rate-limited', () => {
    const retryAt = '2026-12-03T12:05:00.000Z';
    const m = model({ connectivity: { ...online, status: 'rate-limited', retryAt } });
    expect(labels(m)).toContain('Rate-limited — next update 12:05');
  });

  it('lists at most five deployments, newest first', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      deployment(`d${i}`, 'succeeded', { created_at: `2026-12-0${i + 1}T00:00:00.000Z` }),
    );
    const ids = model({ snapshot: snapshot(many) })
      .items.filter((i) => i.deploymentId)
      .map((i) => i.deploymentId);
    expect(ids).toEqual(['d6', 'd5', 'd4', 'd3', 'd2']);
  });

  it('shows the cached glance while the stored sign-in is being restored', () => {
    const m = model({
      session: { status: 'signing-in' },
      connectivity: { ...online, status: 'unknown' },
    });
    expect(m.state).toBe('ok');
    expect(labels(m)[0]).toBe('ada@example.org — Hobby plan');
    expect(m.items.some((i) => i.deploymentId === 'a')).toBe(true);
  });

  it('says it is restoring the sign-in, not signed out, while the keychain is read', () => {
    const m = model({ session: { status: 'restoring' }, snapshot: null });
    expect(labels(m)[0]).toBe('Restoring your sign-in…');
    expect(m.items.find((i) => i.id === 'sign-in')?.enabled).toBe(false);
  });

  it('says so when the account has no homelab', () => {
    const s = snapshot([]);
    const m = model({ snapshot: { ...s, user: { ...s.user!, homelabs: [] } } });
    expect(labels(m)).toContain('No homelab connected');
  });

  it('groups the menu with separators and says when a homelab was last seen', () => {
    const s = snapshot([deployment('a', 'succeeded')]);
    const homelab = { ...s.user!.homelabs[0]!, last_seen_at: '2026-12-03T12:01:00.000Z' };
    const m = model({ snapshot: { ...s, user: { ...s.user!, homelabs: [homelab] } } });
    expect(labels(m)).toContain('Homelab basement: online — seen 2 min ago');
    expect(m.items.filter((i) => i.type === 'separator').map((i) => i.id)).toEqual([
      'separator:deployments',
      'separator:actions',
      'separator:session',
    ]);
  });

  it('offers to pause notifications, and to resume them while paused', () => {
    const running = model({});
    const pause = running.items.find((i) => i.id === 'pause');
    expect(pause?.type).toBe('submenu');
    expect(pause?.children?.map((c) => c.id)).toEqual([
      'pause:hour',
      'pause:tomorrow',
      'pause:until-resumed',
    ]);
    expect(running.paused).toBe(false);

    const pausedUntil = '2026-12-03T13:00:00.000Z';
    const paused = model({ notifications: { pausedUntil, pausedIndefinitely: false } });
    expect(paused.paused).toBe(true);
    expect(paused.tooltip).toContain('notifications paused');
    expect(labels(paused)).toContain('Resume notifications (paused until 13:00)');
    expect(paused.items.some((i) => i.id === 'pause')).toBe(false);

    const over = model({
      notifications: { pausedUntil: '2026-12-03T12:00:00.000Z', pausedIndefinitely: false },
    });
    expect(over.paused).toBe(false);
    const forever = model({ notifications: { pausedUntil: null, pausedIndefinitely: true } });
    expect(labels(forever)).toContain('Resume notifications');
  });

  it('gives the same model for the same inputs', () => {
    expect(model({})).toEqual(model({}));
  });
});

describe('buildTrayModel in German', () => {
  const german = wordsFor('de');

  it('says the menu and tooltip in German, with the same ids', () => {
    const m = model({ words: german });
    expect(labels(m)).toEqual([
      'ada@example.org – Tarif Hobby',
      'Homelab basement: online',
      'Vor 3 Min. aktualisiert',
      'stack-a – erfolgreich · vor 1 Std.',
      'kombify Tray öffnen',
      'StackKit bereitstellen…',
      'Jetzt aktualisieren',
      'Benachrichtigungen pausieren',
      'Abmelden',
      'Beenden',
    ]);
    expect(m.tooltip).toBe('kombify Tray – Alle Deployments sind in Ordnung');
    expect(m.items.map((i) => i.id)).toEqual(model({}).items.map((i) => i.id));
    expect(m.items.find((i) => i.id === 'pause')?.children?.map((c) => c.label)).toEqual([
      'Für eine Stunde',
      'Bis morgen',
      'Bis ich sie fortsetze',
    ]);
  });

  it('counts deployments in progress, one and many', () => {
    const one = model({ words: german, snapshot: snapshot([deployment('a', 'deploying')]) });
    expect(one.tooltip).toBe('kombify Tray – 1 Deployment läuft');
    expect(labels(one)).toContain('stack-a – wird bereitgestellt 40 % · vor 1 Std.');
    const two = model({
      words: german,
      snapshot: snapshot([deployment('a', 'deploying'), deployment('b', 'queued')]),
    });
    expect(two.tooltip).toBe('kombify Tray – 2 Deployments laufen');
  });

  it('says signed out, offline and paused in German, times in the German way', () => {
    expect(model({ words: german, session: { status: 'signed-out' } }).tooltip).toBe(
      'kombify Tray – Nicht angemeldet',
    );
    const offline = model({ words: german, connectivity: { ...online, status: 'offline' } });
    expect(offline.tooltip).toBe('kombify Tray – Offline – letzte Aktualisierung 12:00');
    const pausedUntil = '2026-12-03T13:00:00.000Z';
    const paused = model({
      words: german,
      notifications: { pausedUntil, pausedIndefinitely: false },
    });
    expect(paused.tooltip).toBe(
      'kombify Tray – Alle Deployments sind in Ordnung (Benachrichtigungen pausiert)',
    );
    expect(labels(paused)).toContain('Benachrichtigungen fortsetzen (pausiert bis 13:00)');
  });

  it('spells out days, one and many, in both languages', () => {
    const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString();
    const two = snapshot([
      deployment('a', 'succeeded', { updated_at: daysAgo(1) }),
      deployment('b', 'succeeded', { updated_at: daysAgo(3) }),
    ]);
    expect(labels(model({ words: german, snapshot: two }))).toEqual(
      expect.arrayContaining([
        'stack-a – erfolgreich · vor 1 Tag',
        'stack-b – erfolgreich · vor 3 Tagen',
      ]),
    );
    expect(labels(model({ snapshot: two }))).toEqual(
      expect.arrayContaining([
        'stack-a — succeeded · 1 day ago',
        'stack-b — succeeded · 3 days ago',
      ]),
    );
  });

  it('says when a homelab was last seen, and when there is none', () => {
    const s = snapshot([]);
    const homelab = { ...s.user!.homelabs[0]!, last_seen_at: '2026-12-03T12:01:00.000Z' };
    const seen = model({
      words: german,
      snapshot: { ...s, user: { ...s.user!, homelabs: [homelab] } },
    });
    expect(labels(seen)).toContain('Homelab basement: online – gesehen vor 2 Min.');
    const none = model({ words: german, snapshot: { ...s, user: { ...s.user!, homelabs: [] } } });
    expect(labels(none)).toContain('Kein Homelab verbunden');
  });

  it('writes clock times the way the system locale does', () => {
    const american = wordsFor('system', 'en-US');
    const offline = model({ words: american, connectivity: { ...online, status: 'offline' } });
    // en-US writes a (narrow) space before PM.
    expect(offline.tooltip).toMatch(/^kombify Tray — Offline — last update 12:00\sPM$/);
  });
});

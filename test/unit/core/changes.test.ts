import { describe, expect, it } from 'vitest';
import { detectChanges } from '../../../src-main/core/changes';
import { wordsFor } from '../../../src-main/core/i18n';
import { MAX_NOTIFIED_KEYS } from '../../../src-main/core/snapshot-document';
import type { SnapshotView } from '../../../src-shared/bridge';
import { deployment, snapshot, subscription, user } from './fixtures';

describe('detectChanges', () => {
  it('raises one event when a deployment reaches succeeded', () => {
    const before = snapshot([deployment('a', 'deploying')]);
    const after = snapshot([deployment('a', 'succeeded')]);
    const { events, notifiedKeys } = detectChanges(before, after, []);
    expect(events).toEqual([
      expect.objectContaining({
        key: 'deployment:a:succeeded',
        title: 'Deployment succeeded',
        deploymentId: 'a',
      }),
    ]);
    expect(notifiedKeys).toEqual(['deployment:a:succeeded']);
  });

  it('carries the error message of a failed deployment', () => {
    const after = snapshot([deployment('a', 'failed')]);
    const [event] = detectChanges(snapshot([deployment('a', 'queued')]), after, []).events;
    expect(event?.title).toBe('Deployment failed');
    expect(event?.body).toContain('The stack did not start.');
  });

  it('raises an event for a new deployment that is already final', () => {
    const after = snapshot([deployment('b', 'succeeded')]);
    expect(detectChanges(snapshot([]), after, []).events).toHaveLength(1);
  });

  it('raises nothing for what was final in the snapshot loaded at start', () => {
    const loaded = snapshot([deployment('a', 'failed')]);
    const after = snapshot([deployment('a', 'failed')]);
    expect(detectChanges(loaded, after, []).events).toEqual([]);
  });

  it('treats the first snapshot without a previous one as a baseline and remembers it', () => {
    const first = snapshot([deployment('a', 'succeeded'), deployment('b', 'deploying')]);
    const baseline = detectChanges(null, first, []);
    expect(baseline.events).toEqual([]);
    expect(baseline.notifiedKeys).toEqual(['deployment:a:succeeded']);
    const later = snapshot([deployment('a', 'succeeded'), deployment('b', 'succeeded')]);
    const next = detectChanges(first, later, baseline.notifiedKeys);
    expect(next.events.map((e) => e.key)).toEqual(['deployment:b:succeeded']);
  });

  it('never raises a key twice, even if the previous snapshot lost it', () => {
    const after = snapshot([deployment('a', 'succeeded')]);
    const once = detectChanges(snapshot([deployment('a', 'deploying')]), after, []);
    const again = detectChanges(snapshot([]), after, once.notifiedKeys);
    expect(again.events).toEqual([]);
  });

  it('treats unknown statuses as in progress: a new one is "started", never final', () => {
    const after = snapshot([deployment('a', 'warming-up')]);
    const result = detectChanges(snapshot([]), after, []);
    expect(result.events.map((e) => e.kind)).toEqual(['deployment-created']);
    expect(result.notifiedKeys).toEqual(['deployment:a:created']);
  });

  it('raises failed and then succeeded for a redeployed id', () => {
    const failed = detectChanges(
      snapshot([deployment('a', 'deploying')]),
      snapshot([deployment('a', 'failed')]),
      [],
    );
    const retried = detectChanges(
      snapshot([deployment('a', 'deploying')]),
      snapshot([deployment('a', 'succeeded')]),
      failed.notifiedKeys,
    );
    expect(retried.events.map((e) => e.key)).toEqual(['deployment:a:succeeded']);
  });

  it('keeps only the newest keys', () => {
    const old = Array.from({ length: MAX_NOTIFIED_KEYS }, (_, i) => `deployment:old${i}:failed`);
    const result = detectChanges(snapshot([]), snapshot([deployment('n', 'failed')]), old);
    expect(result.notifiedKeys).toHaveLength(MAX_NOTIFIED_KEYS);
    expect(result.notifiedKeys.at(-1)).toBe('deployment:n:failed');
    expect(result.notifiedKeys[0]).toBe('deployment:old1:failed');
  });

  it('raises "started" for a new deployment in motion and "deleted" when it is gone', () => {
    const started = detectChanges(snapshot([]), snapshot([deployment('n', 'queued')]), []);
    expect(started.events.map((e) => e.kind)).toEqual(['deployment-created']);
    const removing = snapshot([deployment('n', 'deleting')]);
    const gone = detectChanges(removing, snapshot([]), started.notifiedKeys);
    expect(gone.events).toEqual([
      expect.objectContaining({ kind: 'deployment-deleted', key: 'deployment:n:deleted' }),
    ]);
  });

  it("names the kit, not its id, in every deployment's words; an unknown kit keeps its id", () => {
    const before = snapshot([deployment('a', 'deploying'), deployment('b', 'queued')]);
    const after = snapshot([
      deployment('a', 'succeeded'),
      deployment('b', 'failed', { stackkit: 'modern-homelab' }),
      deployment('c', 'queued', { stackkit: 'ha-kit' }),
      deployment('d', 'queued', { stackkit: 'future-kit' }),
    ]);
    const bodies = detectChanges(before, after, []).events.map((e) => e.body);
    expect(bodies).toEqual([
      'stack-a (Base Kit) is deployed.',
      'stack-b (Modern Homelab): The stack did not start.',
      'stack-c (HA Kit) is being deployed.',
      'stack-d (future-kit) is being deployed.',
    ]);
    expect(detectChanges(after, snapshot([]), []).events[0]?.body).toBe(
      'stack-a (Base Kit) was removed from your homelab.',
    );
  });

  it('does not call a deployment deleted when a full page only pushed it down', () => {
    const page = Array.from({ length: 50 }, (_, i) => deployment(`p${i}`, 'succeeded'));
    const before = snapshot([deployment('old', 'succeeded'), ...page.slice(0, 49)]);
    const after = snapshot(page);
    const kinds = detectChanges(before, after, []).events.map((e) => e.kind);
    expect(kinds).not.toContain('deployment-deleted');
  });
});

describe('detectChanges on the account', () => {
  const base = snapshot([]);
  const withUser = (change: Partial<typeof user>): SnapshotView => ({
    ...base,
    user: { ...user, ...change },
  });
  const withSubscription = (change: Partial<typeof subscription>): SnapshotView => ({
    ...base,
    subscription: { ...subscription, ...change },
  });
  const kinds = (before: SnapshotView, after: SnapshotView) =>
    detectChanges(before, after, []).events.map((e) => e.kind);

  it('raises a homelab going offline and coming back, each once', () => {
    const seen = '2026-12-03T11:00:00.000Z';
    const offline = withUser({
      homelabs: [{ id: 'hl_1', name: 'basement', status: 'offline', last_seen_at: seen }],
    });
    const first = detectChanges(base, offline, []);
    expect(first.events.map((e) => e.kind)).toEqual(['homelab-offline']);
    expect(detectChanges(base, offline, first.notifiedKeys).events).toEqual([]);
    expect(kinds(offline, base)).toEqual(['homelab-online']);
  });

  it('raises a plan change, a cancellation and a payment past due', () => {
    expect(kinds(base, withSubscription({ plan: 'pro' }))).toEqual(['plan-changed']);
    expect(kinds(base, withSubscription({ cancel_at_period_end: true }))).toEqual([
      'subscription-canceled',
    ]);
    expect(kinds(base, withSubscription({ status: 'canceled' }))).toEqual([
      'subscription-canceled',
    ]);
    expect(kinds(base, withSubscription({ status: 'past_due' }))).toEqual(['payment-past-due']);
  });

  it('raises a quota at 90 % once, not again while it stays there', () => {
    const nearly = withUser({ quota: { ...user.quota, tools: { used: 9, limit: 10 } } });
    expect(kinds(base, nearly)).toEqual(['quota-nearly-full']);
    expect(kinds(nearly, nearly)).toEqual([]);
    const [event] = detectChanges(base, nearly, []).events;
    expect(event?.title).toBe('Tools quota nearly full');
    expect(event?.body).toBe('You use 9 of 10 tools on your plan.');
  });

  it('says "full", not "nearly full", once a quota is used up, also after "nearly full"', () => {
    const stacks = (used: number, limit = 3) =>
      withUser({ quota: { ...user.quota, stacks: { used, limit } } });
    const [full] = detectChanges(base, stacks(3), []).events;
    expect(full?.kind).toBe('quota-nearly-full');
    expect(`${full?.title}: ${full?.body}`).toBe(
      'Stacks full: 3 of 3 stacks of your plan are in use.',
    );
    // Over the limit (a plan went down) is full too.
    expect(detectChanges(base, stacks(4), []).events[0]?.title).toBe('Stacks full');
    const nearly = withUser({ quota: { ...user.quota, tools: { used: 9, limit: 10 } } });
    const usedUp = withUser({ quota: { ...user.quota, tools: { used: 10, limit: 10 } } });
    expect(detectChanges(nearly, usedUp, []).events.map((e) => e.title)).toEqual(['Tools full']);
    expect(kinds(usedUp, nearly)).toEqual([]);
  });

  it('raises nothing for account facts in the first snapshot', () => {
    const offline = withUser({
      homelabs: [{ id: 'hl_1', name: 'basement', status: 'offline', last_seen_at: null }],
    });
    expect(detectChanges(null, offline, []).events).toEqual([]);
  });
});

describe('detectChanges in German', () => {
  const german = wordsFor('de');
  const said = (before: SnapshotView, after: SnapshotView) =>
    detectChanges(before, after, [], german).events.map((e) => `${e.title}: ${e.body}`);

  it('says what happened to deployments in German', () => {
    const before = snapshot([deployment('a', 'deploying'), deployment('b', 'queued')]);
    const after = snapshot([
      deployment('a', 'succeeded'),
      deployment('b', 'failed', { error: null }),
      deployment('c', 'provisioning'),
    ]);
    expect(said(before, after)).toEqual([
      'Deployment erfolgreich: stack-a (Base Kit) ist bereitgestellt.',
      'Deployment fehlgeschlagen: stack-b (Base Kit): Es wurde kein Grund genannt.',
      'Deployment gestartet: stack-c (Base Kit) wird bereitgestellt.',
    ]);
    expect(said(after, snapshot([]))).toContain(
      'Deployment gelöscht: stack-a (Base Kit) wurde von deinem Homelab entfernt.',
    );
  });

  it('says what happened to the account in German, with a German date', () => {
    const base = snapshot([]);
    const offline = {
      ...base,
      user: { ...user, homelabs: [{ ...user.homelabs[0]!, status: 'offline' }] },
    };
    expect(said(base, offline)).toEqual([
      'Homelab offline: basement antwortet kombify Cloud nicht mehr.',
    ]);
    expect(said(offline, base)).toEqual(['Homelab wieder online: basement ist wieder erreichbar.']);
    const ending = {
      ...base,
      subscription: {
        ...subscription,
        plan: 'pro',
        cancel_at_period_end: true,
        current_period_end: '2026-12-31T12:00:00.000Z',
      },
    };
    expect(said(base, ending)).toEqual([
      'Tarif geändert: Dein Tarif ist jetzt Pro (vorher Hobby).',
      'Abo gekündigt: Dein Abo endet am 31. Dezember 2026.',
    ]);
    const full = {
      ...base,
      user: { ...user, quota: { ...user.quota, stacks: { used: 3, limit: 3 } } },
    };
    expect(said(base, full)).toEqual(['Stacks voll: 3 von 3 Stacks deines Tarifs sind belegt.']);
    const nearly = {
      ...base,
      user: { ...user, quota: { ...user.quota, tools: { used: 9, limit: 10 } } },
    };
    expect(said(base, nearly)).toEqual([
      'Kontingent für Tools fast voll: Du nutzt 9 von 10 Tool-Plätzen deines Tarifs.',
    ]);
  });
});

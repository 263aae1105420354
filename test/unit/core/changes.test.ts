import { describe, expect, it } from 'vitest';
import { detectChanges } from '../../../src-main/core/changes';
import { MAX_NOTIFIED_KEYS } from '../../../src-main/core/snapshot-document';
import { deployment, snapshot } from './fixtures';

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
});

/**
 * Change detection: two snapshots in, notification events out. Pure, so the
 * rules (no old news, nothing twice) are tested without timers or I/O.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import { type Deployment, isFinalDeploymentStatus } from '../../src-shared/kombify-api';
import { accountEvents } from './account-changes';
import { MAX_NOTIFIED_KEYS } from './snapshot-document';

/** Result of {@link detectChanges}: events to raise and the keys to remember from now on. */
export interface Changes {
  events: NotificationView[];
  notifiedKeys: string[];
}

/** Size of the list page the app reads: a full page may hide deployments that still exist. */
export const DEPLOYMENT_PAGE = 50;

/** Stable key of a deployment reaching a final status. */
export function deploymentEventKey(deployment: Pick<Deployment, 'id' | 'status'>): string {
  return `deployment:${deployment.id}:${deployment.status}`;
}

/**
 * Compares snapshots. With no `previous` (first start, or after sign-out) the
 * snapshot is a baseline: whatever is final in it is old news and only remembered.
 * A key already in `notifiedKeys` is never raised again (restarts, resumes).
 */
export function detectChanges(
  previous: SnapshotView | null,
  next: SnapshotView,
  notifiedKeys: readonly string[],
): Changes {
  const known = new Set(notifiedKeys);
  const remembered = [...notifiedKeys];
  const events: NotificationView[] = [];
  const remember = (key: string): boolean => {
    if (known.has(key)) return false;
    known.add(key);
    remembered.push(key);
    return true;
  };
  if (previous === null) {
    for (const d of next.deployments) if (isFinalDeploymentStatus(d.status)) remember(eventKey(d));
    return { events, notifiedKeys: remembered.slice(-MAX_NOTIFIED_KEYS) };
  }
  const candidates = [...deploymentEvents(previous, next), ...accountEvents(previous, next)];
  for (const event of candidates) if (remember(event.key)) events.push(event);
  return { events, notifiedKeys: remembered.slice(-MAX_NOTIFIED_KEYS) };
}

function deploymentEvents(previous: SnapshotView, next: SnapshotView): NotificationView[] {
  const before = new Map(previous.deployments.map((d) => [d.id, d]));
  const events: NotificationView[] = [];
  for (const d of next.deployments) {
    const was = before.get(d.id);
    const final = isFinalDeploymentStatus(d.status);
    if (final && (!was || was.status !== d.status)) events.push(finished(d));
    // A new one already final is reported by its outcome alone.
    if (!was && !final) events.push(created(d));
  }
  const now = new Set(next.deployments.map((d) => d.id));
  const pageFull = next.deployments.length >= DEPLOYMENT_PAGE;
  for (const d of previous.deployments) {
    // Off a full page it may only have been pushed down by newer ones.
    if (!now.has(d.id) && (d.status === 'deleting' || !pageFull)) events.push(deleted(d));
  }
  return events;
}

function eventKey(d: Deployment): string {
  return deploymentEventKey(d);
}

function label(d: Deployment): string {
  return `${d.name} (${d.stackkit})`;
}

function finished(d: Deployment): NotificationView {
  const key = eventKey(d);
  if (d.status === 'succeeded') {
    const body = `${label(d)} is deployed.`;
    return {
      key,
      kind: 'deployment-succeeded',
      title: 'Deployment succeeded',
      body,
      deploymentId: d.id,
    };
  }
  const why = d.error?.message ?? 'No reason was given.';
  const body = `${label(d)}: ${why}`;
  return { key, kind: 'deployment-failed', title: 'Deployment failed', body, deploymentId: d.id };
}

function created(d: Deployment): NotificationView {
  return {
    key: `deployment:${d.id}:created`,
    kind: 'deployment-created',
    title: 'Deployment started',
    body: `${label(d)} is being deployed.`,
    deploymentId: d.id,
  };
}

function deleted(d: Deployment): NotificationView {
  return {
    key: `deployment:${d.id}:deleted`,
    kind: 'deployment-deleted',
    title: 'Deployment deleted',
    body: `${label(d)} was removed from your homelab.`,
  };
}

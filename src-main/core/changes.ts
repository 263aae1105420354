/**
 * Change detection: two snapshots in, notification events out. Pure, so the
 * rules (no old news, nothing twice) are tested without timers or I/O.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import { type Deployment, isFinalDeploymentStatus } from '../../src-shared/kombify-api';
import { accountEvents } from './account-changes';
import { ENGLISH, type Words, kitName } from './i18n';
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
  words: Words = ENGLISH,
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
  const candidates = [
    ...deploymentEvents(previous, next, words),
    ...accountEvents(previous, next, words),
  ];
  for (const event of candidates) if (remember(event.key)) events.push(event);
  return { events, notifiedKeys: remembered.slice(-MAX_NOTIFIED_KEYS) };
}

function deploymentEvents(
  previous: SnapshotView,
  next: SnapshotView,
  words: Words,
): NotificationView[] {
  const before = new Map(previous.deployments.map((d) => [d.id, d]));
  const events: NotificationView[] = [];
  for (const d of next.deployments) {
    const was = before.get(d.id);
    const final = isFinalDeploymentStatus(d.status);
    if (final && (!was || was.status !== d.status)) events.push(finished(d, words));
    // A new one already final is reported by its outcome alone.
    if (!was && !final) events.push(created(d, words));
  }
  const now = new Set(next.deployments.map((d) => d.id));
  const pageFull = next.deployments.length >= DEPLOYMENT_PAGE;
  for (const d of previous.deployments) {
    // Off a full page it may only have been pushed down by newer ones.
    if (!now.has(d.id) && (d.status === 'deleting' || !pageFull)) events.push(deleted(d, words));
  }
  return events;
}

function eventKey(d: Deployment): string {
  return deploymentEventKey(d);
}

/** "media-server (Base Kit)": the deployment's own name, and its kit by name. */
function label(d: Deployment, words: Words): string {
  return `${d.name} (${kitName(words, d.stackkit)})`;
}

function finished(d: Deployment, words: Words): NotificationView {
  const { t } = words;
  const key = eventKey(d);
  if (d.status === 'succeeded') {
    const body = t.notifications.deployed(label(d, words));
    return {
      key,
      kind: 'deployment-succeeded',
      title: t.notifications.deploymentSucceeded,
      body,
      deploymentId: d.id,
    };
  }
  const why = d.error?.message ?? t.notifications.noReason;
  const body = `${label(d, words)}: ${why}`;
  const title = t.notifications.deploymentFailed;
  return { key, kind: 'deployment-failed', title, body, deploymentId: d.id };
}

function created(d: Deployment, words: Words): NotificationView {
  return {
    key: `deployment:${d.id}:created`,
    kind: 'deployment-created',
    title: words.t.notifications.deploymentStarted,
    body: words.t.notifications.deploying(label(d, words)),
    deploymentId: d.id,
  };
}

function deleted(d: Deployment, words: Words): NotificationView {
  return {
    key: `deployment:${d.id}:deleted`,
    kind: 'deployment-deleted',
    title: words.t.notifications.deploymentDeleted,
    body: words.t.notifications.removed(label(d, words)),
  };
}

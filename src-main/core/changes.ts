/**
 * Change detection: two snapshots in, notification events out. Pure, so the
 * rules (no old news, nothing twice) are tested without timers or I/O.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import { type Deployment, isFinalDeploymentStatus } from '../../src-shared/kombify-api';
import { MAX_NOTIFIED_KEYS } from './snapshot-document';

/** Result of {@link detectChanges}: events to raise and the keys to remember from now on. */
export interface Changes {
  events: NotificationView[];
  notifiedKeys: string[];
}

/** Stable key of a deployment reaching a final status. */
export function deploymentEventKey(deployment: Pick<Deployment, 'id' | 'status'>): string {
  return `deployment:${deployment.id}:${deployment.status}`;
}

/**
 * Compares snapshots. With no `previous` (first start, or after sign-out) the
 * snapshot is a baseline: whatever is final in it is old news and only remembered.
 */
export function detectChanges(
  previous: SnapshotView | null,
  next: SnapshotView,
  notifiedKeys: readonly string[],
): Changes {
  const known = new Set(notifiedKeys);
  const wasFinal = new Set((previous?.deployments ?? []).map(finalKeyOf).filter(isString));
  const events: NotificationView[] = [];
  const remembered = [...notifiedKeys];
  for (const deployment of next.deployments) {
    const key = finalKeyOf(deployment);
    if (key === null || known.has(key)) continue;
    known.add(key);
    remembered.push(key);
    if (previous !== null && !wasFinal.has(key)) events.push(eventFor(deployment, key));
  }
  return { events, notifiedKeys: remembered.slice(-MAX_NOTIFIED_KEYS) };
}

function finalKeyOf(deployment: Deployment): string | null {
  // Only succeeded and failed end a deployment; unknown statuses count as in progress.
  return isFinalDeploymentStatus(deployment.status) ? deploymentEventKey(deployment) : null;
}

function isString(value: string | null): value is string {
  return value !== null;
}

function eventFor(deployment: Deployment, key: string): NotificationView {
  const label = `${deployment.name} (${deployment.stackkit})`;
  if (deployment.status === 'succeeded') {
    return {
      key,
      kind: 'deployment-succeeded',
      title: 'Deployment succeeded',
      body: `${label} is deployed.`,
      deploymentId: deployment.id,
    };
  }
  const why = deployment.error?.message ?? 'No reason was given.';
  return {
    key,
    kind: 'deployment-failed',
    title: 'Deployment failed',
    body: `${label}: ${why}`,
    deploymentId: deployment.id,
  };
}

/**
 * Where a click on each kind of notification must take the window, in both
 * hosts. Written out by hand on purpose: the expected screens, not whatever
 * the router answers.
 */
import {
  NOTIFICATION_KINDS,
  type NavigationView,
  type NotificationView,
} from '../../src-shared/bridge';

const rows: Array<[NotificationView['kind'], string | undefined, NavigationView]> = [
  ['deployment-created', 'd1', { screen: 'deployments', deploymentId: 'd1' }],
  ['deployment-succeeded', 'd1', { screen: 'deployments', deploymentId: 'd1' }],
  ['deployment-failed', 'd1', { screen: 'deployments', deploymentId: 'd1' }],
  ['deployment-deleted', undefined, { screen: 'deployments' }],
  ['homelab-offline', undefined, { screen: 'overview' }],
  ['homelab-online', undefined, { screen: 'overview' }],
  ['plan-changed', undefined, { screen: 'subscription' }],
  ['subscription-canceled', undefined, { screen: 'subscription' }],
  ['payment-past-due', undefined, { screen: 'subscription' }],
  ['quota-nearly-full', undefined, { screen: 'subscription' }],
  ['session-ended', undefined, { screen: 'sign-in' }],
  ['session-expiring', undefined, { screen: 'overview' }],
  ['digest', undefined, { screen: 'overview' }],
  ['away-summary', undefined, { screen: 'overview' }],
];

export const NOTIFICATION_DESTINATIONS = rows.map(([kind, deploymentId, to]) => ({
  notification: { key: `${kind}:1`, kind, title: kind, body: `about ${kind}`, deploymentId },
  to,
}));

/** Kinds a person can switch on that the table leaves out: none, or a new kind slipped through. */
export function kindsMissingFromTable(): string[] {
  const listed = new Set(rows.map(([kind]) => kind));
  return NOTIFICATION_KINDS.filter((kind) => !listed.has(kind));
}

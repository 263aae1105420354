/**
 * Where a notification leads in the window: the same place a click on it leads
 * in main (navigationFor in the core; a test holds the two together), so a
 * toast's "Show" and the system notification open the same thing.
 */
import type { NavigationView, NotificationView } from '../../src-shared/bridge';

const SUBSCRIPTION_KINDS: readonly string[] = [
  'plan-changed',
  'subscription-canceled',
  'payment-past-due',
  'quota-nearly-full',
];

export function notificationTarget(notification: NotificationView): NavigationView {
  if (notification.deploymentId) {
    return { screen: 'deployments', deploymentId: notification.deploymentId };
  }
  if (notification.kind.startsWith('deployment-')) return { screen: 'deployments' };
  if (SUBSCRIPTION_KINDS.includes(notification.kind)) return { screen: 'subscription' };
  if (notification.kind === 'session-ended') return { screen: 'sign-in' };
  return { screen: 'overview' };
}

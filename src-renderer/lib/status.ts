/**
 * How statuses look. Status is never shown by colour alone: every tone has its
 * own icon shape, and the text is always next to it. Unknown statuses from a
 * newer server are shown as-is, in the neutral tone.
 */
import type { AppView, OverallState } from '../../src-shared/bridge';
import type { Deployment, Subscription } from '../../src-shared/kombify-api';
import { formatDate } from './format';
import { t } from './i18n';

export type Tone = 'ok' | 'busy' | 'bad' | 'warn' | 'neutral';

const DEPLOYMENT_TONES: Record<string, Tone> = {
  queued: 'busy',
  provisioning: 'busy',
  deploying: 'busy',
  deleting: 'busy',
  succeeded: 'ok',
  failed: 'bad',
};

const HOMELAB_TONES: Record<string, Tone> = { online: 'ok', offline: 'bad' };

const OVERALL_TONES: Record<string, Tone> = {
  ok: 'ok',
  deploying: 'busy',
  failed: 'bad',
  offline: 'warn',
  'signed-out': 'neutral',
};

const SUBSCRIPTION_TONES: Record<string, Tone> = {
  active: 'ok',
  trialing: 'ok',
  past_due: 'bad',
  canceled: 'warn',
};

export interface StatusLook {
  tone: Tone;
  label: string;
}

function look(
  status: string | null | undefined,
  tones: Record<string, Tone>,
  labels: Record<string, string>,
): StatusLook {
  const key = status ?? '';
  return {
    tone: Object.hasOwn(tones, key) ? (tones[key] as Tone) : 'neutral',
    label: Object.hasOwn(labels, key) ? (labels[key] as string) : key || '—',
  };
}

export const deploymentLook = (status: string | null | undefined): StatusLook =>
  look(status, DEPLOYMENT_TONES, t.deployments.status);

export const homelabLook = (status: string | null | undefined): StatusLook =>
  look(status, HOMELAB_TONES, t.homelabs.status);

export const overallLook = (state: string | null | undefined): StatusLook =>
  look(state, OVERALL_TONES, t.overall);

export const subscriptionLook = (status: string | null | undefined): StatusLook =>
  look(status, SUBSCRIPTION_TONES, t.account.subscriptionStatus);

/**
 * A subscription's badge: "Cancels on 25 December 2026" while a cancellation waits for
 * the period end (the status still says active then), its status otherwise.
 */
export function subscriptionShown(
  subscription: Pick<Subscription, 'status' | 'cancel_at_period_end' | 'current_period_end'>,
): StatusLook {
  if (subscription.cancel_at_period_end && subscription.status !== 'canceled') {
    const date = formatDate(subscription.current_period_end);
    return {
      tone: 'warn',
      label: date ? t.subscription.cancelsOn(date) : t.subscription.cancelsAtEnd,
    };
  }
  return subscriptionLook(subscription.status);
}

/** Known final statuses; anything else, including unknown ones, counts as still in progress. */
export function isSettled(status: string): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** A plan's display name; plans we do not know keep the server's word. */
export function planName(plan: string | null | undefined): string {
  if (!plan) return '—';
  return Object.hasOwn(t.account.planNames, plan) ? (t.account.planNames[plan] as string) : plan;
}

/** How long a failed latest deployment keeps the header red: after a day it is history. */
export const FAILED_SHOWN_MS = 24 * 60 * 60 * 1000;

/**
 * The state the header and the window title show: main's, except that "a
 * deployment failed" fades to "all good" once that failure is a day old; the
 * failed deployment itself stays listed with its error.
 */
export function headerState(view: AppView | null, now: number): OverallState | undefined {
  const state = view?.tray?.state;
  if (state !== 'failed') return state;
  const latest = latestFinished(view?.snapshot?.deployments ?? []);
  if (latest?.status !== 'failed') return state;
  const at = Date.parse(latest.finished_at ?? latest.updated_at);
  return Number.isNaN(at) || now - at < FAILED_SHOWN_MS ? 'failed' : 'ok';
}

/** The deployment that finished last, as main picks it for the tray. */
function latestFinished(deployments: readonly Deployment[]): Deployment | undefined {
  const at = (d: Deployment) => Date.parse(d.finished_at ?? d.updated_at) || 0;
  return deployments.filter((d) => isSettled(d.status)).sort((a, b) => at(b) - at(a))[0];
}

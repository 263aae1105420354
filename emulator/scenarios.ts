/**
 * Named starting points for `/_emulator/reset {scenario}`: the situations a
 * tray app must show, ready without a sequence of setup calls.
 */
import type { DeploymentRecord, EmulatorData } from './model';

type Apply = (data: EmulatorData, now: number) => void;

function demo(data: EmulatorData) {
  const account = data.accounts.find((a) => a.id === 'usr_demo');
  const sub = data.subscriptions.find((s) => s.account_id === 'usr_demo');
  if (!account || !sub) throw new Error('seed lost the demo account');
  return { account, sub };
}

function deployment(id: string, name: string, createdAt: number): DeploymentRecord {
  return {
    id,
    account_id: 'usr_demo',
    name,
    stackkit: 'base-kit',
    homelab_id: 'hl_demo',
    variables: {},
    created_at: createdAt,
    outcome: { fail: null },
    delete_requested_at: null,
  };
}

/** Scenario name → what it changes in freshly seeded data. */
export const SCENARIOS: Record<string, Apply> = {
  /** The seed as is: hobby plan, homelab online, one succeeded and one failed deployment. */
  default: () => undefined,
  /** A brand-new free account: nothing deployed yet. */
  'new-user': (data) => {
    const { account, sub } = demo(data);
    account.plan = 'free';
    sub.plan = 'free';
    data.deployments = data.deployments.filter((d) => d.account_id !== account.id);
  },
  /** A deployment has just started. */
  deploying: (data, now) => {
    data.deployments.push(deployment('dep_scn_running', 'nextcloud', now));
  },
  /** The homelab dropped off two hours ago. */
  'homelab-offline': (data, now) => {
    const homelab = demo(data).account.homelabs[0];
    if (homelab) Object.assign(homelab, { status: 'offline', last_seen_at: now - 7_200_000 });
  },
  /** The last payment failed. */
  'past-due': (data) => {
    demo(data).sub.status = 'past_due';
  },
  /** Every stack of the hobby plan is in use. */
  'quota-full': (data, now) => {
    data.deployments.push(
      deployment('dep_scn_full1', 'photos', now - 3_600_000),
      deployment('dep_scn_full2', 'git', now - 7_200_000),
    );
  },
};

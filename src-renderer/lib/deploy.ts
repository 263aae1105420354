/** Whether the one-click deployment can run now, and if not, why in words. */
import type { AppView } from '../../src-shared/bridge';
import type { Homelab } from '../../src-shared/kombify-api';
import { t } from './i18n';

export type DeployCheck = { ok: true; homelab: Homelab } | { ok: false; reason: string };

/** A reason that holds for every homelab: no account yet, or the cloud is unreachable. */
function accountBlocker(view: AppView | null): string | null {
  if (!view?.snapshot?.user) return t.account.unknown;
  // Offline, the homelab statuses are stale and the request would fail anyway.
  if (view.connectivity?.status === 'offline') return t.deploy.cloudOffline;
  return null;
}

function checkHomelab(view: AppView | null, homelab: Homelab): DeployCheck {
  if (homelab.status !== 'online') {
    return { ok: false, reason: t.deploy.homelabOffline(homelab.name || homelab.id) };
  }
  const stacks = view?.snapshot?.user?.quota?.stacks;
  if (stacks && stacks.used >= stacks.limit) {
    return { ok: false, reason: t.deploy.quotaFull(stacks.limit) };
  }
  return { ok: true, homelab };
}

/** Deploying to the first online homelab, as the overview's one-click button does. */
export function checkDeploy(view: AppView | null): DeployCheck {
  const blocker = accountBlocker(view);
  if (blocker) return { ok: false, reason: blocker };
  const homelabs = view?.snapshot?.user?.homelabs ?? [];
  const target = homelabs.find((h) => h.status === 'online') ?? homelabs[0];
  if (!target) return { ok: false, reason: t.deploy.noHomelab };
  return checkHomelab(view, target);
}

/** Like checkDeploy, for the homelab the person picked. */
export function checkDeployTo(view: AppView | null, homelabId: string | null): DeployCheck {
  const blocker = accountBlocker(view);
  if (blocker) return { ok: false, reason: blocker };
  const homelab = (view?.snapshot?.user?.homelabs ?? []).find((h) => h.id === homelabId);
  return homelab ? checkHomelab(view, homelab) : checkDeploy(view);
}

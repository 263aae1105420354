/** Whether the one-click deployment can run now, and if not, why in words. */
import type { AppView } from '../../src-shared/bridge';
import type { Homelab } from '../../src-shared/kombify-api';
import { t } from './i18n';

export type DeployCheck = { ok: true; homelab: Homelab } | { ok: false; reason: string };

export function checkDeploy(view: AppView | null): DeployCheck {
  const user = view?.snapshot?.user;
  if (!view || !user) return { ok: false, reason: t.account.unknown };
  // Offline, the homelab statuses are stale and the request would fail anyway.
  if (view.connectivity?.status === 'offline') return { ok: false, reason: t.deploy.cloudOffline };
  const homelabs = user.homelabs ?? [];
  const online = homelabs.find((h) => h.status === 'online');
  if (!online) {
    const first = homelabs[0];
    return { ok: false, reason: first ? t.deploy.homelabOffline(first.name) : t.deploy.noHomelab };
  }
  const stacks = user.quota?.stacks;
  if (stacks && stacks.used >= stacks.limit) {
    return { ok: false, reason: t.deploy.quotaFull(stacks.limit) };
  }
  return { ok: true, homelab: online };
}

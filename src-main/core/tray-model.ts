/**
 * The tray as data: a pure function from what the app knows to the icon
 * state, tooltip and menu. Hosts only draw it; item ids are the contract.
 */
import type {
  ConnectivityView,
  OverallState,
  SessionView,
  SnapshotView,
  NotificationsView,
  TrayMenuItem,
  TrayModel,
} from '../../src-shared/bridge';
import { type Deployment, isFinalDeploymentStatus } from '../../src-shared/kombify-api';

/** Ids of the action items a host wires to behaviour. Deployment items are `deployment:<id>`. */
export const TRAY_ACTIONS = {
  open: 'open',
  deploy: 'deploy',
  refresh: 'refresh',
  signIn: 'sign-in',
  signOut: 'sign-out',
  pauseHour: 'pause:hour',
  pauseTomorrow: 'pause:tomorrow',
  pauseUntilResumed: 'pause:until-resumed',
  resume: 'resume',
  quit: 'quit',
} as const;

/** Latest deployments listed in the menu. */
export const TRAY_DEPLOYMENT_LIMIT = 5;

/** Everything the tray depends on. */
export interface TrayInputs {
  session: SessionView;
  snapshot: SnapshotView | null;
  connectivity: ConnectivityView;
  /** Paused notifications show in the icon and the menu. */
  notifications?: NotificationsView;
  now: number;
  /** IANA zone for clock times; the system zone when absent. */
  timeZone?: string;
}

/** Builds the tray model. Same inputs, same model: hosts re-render only on change. */
export function buildTrayModel(inputs: TrayInputs): TrayModel {
  const state = overallState(inputs);
  const deployments = deploymentItems(glance(inputs), inputs.now);
  const items: TrayMenuItem[] = [
    ...infoItems(inputs),
    ...(deployments.length > 0 ? [separator('deployments'), ...deployments] : []),
    separator('actions'),
    ...actionItems(inputs),
  ];
  const paused = isPaused(inputs.notifications, inputs.now);
  const tip = tooltip(state, inputs) + (paused ? ' (notifications paused)' : '');
  return { state, paused, tooltip: tip, items };
}

/**
 * The snapshot worth showing: while signed in, and while the stored sign-in is
 * still being restored at start, so the cached glance appears before any reply.
 */
function glance(inputs: TrayInputs): SnapshotView | null {
  return inputs.session.status === 'signed-out' ? null : inputs.snapshot;
}

/** Signed out beats offline beats deploying beats failed; failed means the latest finish failed. */
export function overallState(inputs: TrayInputs): OverallState {
  const snapshot = glance(inputs);
  if (inputs.session.status !== 'signed-in' && !snapshot) return 'signed-out';
  if (inputs.connectivity.status === 'offline') return 'offline';
  const deployments = snapshot?.deployments ?? [];
  if (deployments.some((d) => !isFinalDeploymentStatus(d.status))) return 'deploying';
  const latest = latestFinished(deployments);
  return latest?.status === 'failed' ? 'failed' : 'ok';
}

function latestFinished(deployments: Deployment[]): Deployment | undefined {
  const finished = deployments.filter((d) => isFinalDeploymentStatus(d.status));
  const at = (d: Deployment) => Date.parse(d.finished_at ?? d.updated_at);
  return finished.sort((a, b) => at(b) - at(a))[0];
}

function tooltip(state: OverallState, inputs: TrayInputs): string {
  const deployments = inputs.snapshot?.deployments ?? [];
  const running = deployments.filter((d) => !isFinalDeploymentStatus(d.status)).length;
  const text: Record<OverallState, string> = {
    'signed-out': 'Not signed in',
    offline: capitalize(freshness(inputs)),
    deploying: `${running} deployment${running === 1 ? '' : 's'} in progress`,
    failed: 'The latest deployment failed',
    ok: 'All deployments are fine',
  };
  return `kombify Tray — ${text[state]}`;
}

function infoItems(inputs: TrayInputs): TrayMenuItem[] {
  const { session } = inputs;
  const snapshot = glance(inputs);
  if (session.status !== 'signed-in' && !snapshot?.user) {
    const label =
      session.status === 'signing-in'
        ? 'Signing in…'
        : session.status === 'restoring'
          ? 'Restoring your sign-in…'
          : 'Not signed in';
    return [{ id: 'account', label, enabled: false }];
  }
  const email = session.status === 'signed-in' ? session.email : (snapshot?.user?.email ?? '');
  const plan = snapshot?.subscription?.plan ?? snapshot?.user?.plan;
  const account = plan ? `${email} — ${capitalize(plan)} plan` : email;
  const homelabs = snapshot?.user?.homelabs ?? [];
  const homelabItems = homelabs.map((h) => ({
    id: `homelab:${h.id}`,
    label: `Homelab ${h.name}: ${h.status}${seen(h.last_seen_at, inputs.now)}`,
    enabled: false,
  }));
  return [
    { id: 'account', label: account, enabled: false },
    ...(homelabItems.length > 0 || !snapshot?.user
      ? homelabItems
      : [{ id: 'homelab:none', label: 'No homelab connected', enabled: false }]),
    { id: 'freshness', label: capitalize(freshness(inputs)), enabled: false },
  ];
}

function deploymentItems(snapshot: SnapshotView | null, now: number): TrayMenuItem[] {
  const latest = [...(snapshot?.deployments ?? [])]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .slice(0, TRAY_DEPLOYMENT_LIMIT);
  return latest.map((d) => ({
    id: `deployment:${d.id}`,
    label: `${d.name} — ${statusWords(d)} · ${age(d.updated_at, now)}`,
    enabled: true,
    deploymentId: d.id,
  }));
}

function statusWords(d: Deployment): string {
  if (d.status === 'succeeded') return 'succeeded';
  if (d.status === 'failed') return 'failed';
  // Unknown statuses are shown as the server names them, as in progress.
  return `${d.status} ${Math.round(d.progress)} %`;
}

function actionItems(inputs: TrayInputs): TrayMenuItem[] {
  const signedIn = inputs.session.status === 'signed-in';
  const busy = inputs.session.status === 'signing-in' || inputs.session.status === 'restoring';
  return [
    { id: TRAY_ACTIONS.open, label: 'Open kombify Tray', enabled: true },
    { id: TRAY_ACTIONS.deploy, label: 'Deploy a StackKit…', enabled: signedIn },
    { id: TRAY_ACTIONS.refresh, label: 'Refresh now', enabled: signedIn },
    pauseItem(inputs),
    separator('session'),
    signedIn
      ? { id: TRAY_ACTIONS.signOut, label: 'Sign out', enabled: true }
      : { id: TRAY_ACTIONS.signIn, label: 'Sign in…', enabled: !busy },
    { id: TRAY_ACTIONS.quit, label: 'Quit', enabled: true },
  ];
}

/** "Pause notifications ▸" while they run; "Resume notifications" while paused. */
function pauseItem(inputs: TrayInputs): TrayMenuItem {
  if (isPaused(inputs.notifications, inputs.now)) {
    const until = inputs.notifications?.pausedUntil;
    const label = until
      ? `Resume notifications (paused until ${clock(until, inputs.timeZone)})`
      : 'Resume notifications';
    return { id: TRAY_ACTIONS.resume, label, enabled: true };
  }
  return {
    id: 'pause',
    label: 'Pause notifications',
    enabled: true,
    type: 'submenu',
    children: [
      { id: TRAY_ACTIONS.pauseHour, label: 'For an hour', enabled: true },
      { id: TRAY_ACTIONS.pauseTomorrow, label: 'Until tomorrow', enabled: true },
      { id: TRAY_ACTIONS.pauseUntilResumed, label: 'Until I resume them', enabled: true },
    ],
  };
}

function isPaused(notifications: NotificationsView | undefined, now: number): boolean {
  if (!notifications) return false;
  if (notifications.pausedIndefinitely) return true;
  return notifications.pausedUntil !== null && Date.parse(notifications.pausedUntil) > now;
}

function separator(group: string): TrayMenuItem {
  return { id: `separator:${group}`, label: '', enabled: false, type: 'separator' };
}

/** " — seen 3 min ago" for a homelab, nothing when the server never saw it. */
function seen(lastSeenAt: string | null, now: number): string {
  return lastSeenAt ? ` — seen ${age(lastSeenAt, now)}` : '';
}

/** A short age: "just now", "5 min ago", "3 h ago", "2 d ago". */
function age(iso: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds) || seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** "updated 3 min ago", or when offline "offline — last update 14:05". */
function freshness(inputs: TrayInputs): string {
  const { connectivity, snapshot, now } = inputs;
  const last = connectivity.lastSuccessAt ?? snapshot?.fetchedAt ?? null;
  if (connectivity.status === 'offline') {
    if (!last) return 'offline — no data yet';
    return `offline — last update ${clock(last, inputs.timeZone)}`;
  }
  if (connectivity.status === 'rate-limited' && connectivity.retryAt) {
    return `rate-limited — next update ${clock(connectivity.retryAt, inputs.timeZone)}`;
  }
  if (!last) return 'waiting for the first update';
  const minutes = Math.floor(Math.max(0, now - Date.parse(last)) / 60_000);
  return minutes === 0 ? 'updated just now' : `updated ${minutes} min ago`;
}

function clock(iso: string, timeZone: string | undefined): string {
  return new Date(iso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
import { ENGLISH, type Words, clockTime, count, planName, statusWord } from './i18n';

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
  /** The language and locale to say it in; English when absent. */
  words?: Words;
}

/** Builds the tray model. Same inputs, same model: hosts re-render only on change. */
export function buildTrayModel(inputs: TrayInputs): TrayModel {
  const state = overallState(inputs);
  const words = inputs.words ?? ENGLISH;
  const deployments = deploymentItems(glance(inputs), inputs.now, words);
  const items: TrayMenuItem[] = [
    ...infoItems(inputs, words),
    ...(deployments.length > 0 ? [separator('deployments'), ...deployments] : []),
    separator('actions'),
    ...actionItems(inputs, words),
  ];
  const paused = isPaused(inputs.notifications, inputs.now);
  const tip = tooltip(state, inputs, words);
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

function tooltip(state: OverallState, inputs: TrayInputs, words: Words): string {
  const { t } = words;
  const deployments = inputs.snapshot?.deployments ?? [];
  const running = deployments.filter((d) => !isFinalDeploymentStatus(d.status)).length;
  const text: Record<OverallState, string> = {
    'signed-out': t.tray.notSignedIn,
    offline: freshness(inputs, words),
    deploying: count(words, running, t.tray.deploying),
    failed: t.tray.latestFailed,
    ok: t.tray.allFine,
  };
  const tip = t.tray.tooltip(text[state]);
  return isPaused(inputs.notifications, inputs.now) ? t.tray.tooltipPaused(tip) : tip;
}

function infoItems(inputs: TrayInputs, words: Words): TrayMenuItem[] {
  const { session } = inputs;
  const { t } = words;
  const snapshot = glance(inputs);
  if (session.status !== 'signed-in' && !snapshot?.user) {
    const label =
      session.status === 'signing-in'
        ? t.tray.signingIn
        : session.status === 'restoring'
          ? t.tray.restoring
          : t.tray.notSignedIn;
    return [{ id: 'account', label, enabled: false }];
  }
  const email = session.status === 'signed-in' ? session.email : (snapshot?.user?.email ?? '');
  const plan = snapshot?.subscription?.plan ?? snapshot?.user?.plan;
  const account = plan ? t.tray.account(email, planName(words, plan)) : email;
  const homelabs = snapshot?.user?.homelabs ?? [];
  const homelabItems = homelabs.map((h) => {
    const status = statusWord(t.tray.homelabStatus, h.status);
    return {
      id: `homelab:${h.id}`,
      // The age is left out when the server never saw it.
      label: h.last_seen_at
        ? t.tray.homelabSeen(h.name, status, age(h.last_seen_at, inputs.now, words))
        : t.tray.homelab(h.name, status),
      enabled: false,
    };
  });
  return [
    { id: 'account', label: account, enabled: false },
    ...(homelabItems.length > 0 || !snapshot?.user
      ? homelabItems
      : [{ id: 'homelab:none', label: t.tray.noHomelab, enabled: false }]),
    { id: 'freshness', label: freshness(inputs, words), enabled: false },
  ];
}

function deploymentItems(snapshot: SnapshotView | null, now: number, words: Words): TrayMenuItem[] {
  const latest = [...(snapshot?.deployments ?? [])]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .slice(0, TRAY_DEPLOYMENT_LIMIT);
  return latest.map((d) => ({
    id: `deployment:${d.id}`,
    label: words.t.tray.deployment(d.name, statusWords(d, words), age(d.updated_at, now, words)),
    enabled: true,
    deploymentId: d.id,
  }));
}

function statusWords(d: Deployment, words: Words): string {
  const status = statusWord(words.t.tray.deploymentStatus, d.status);
  if (d.status === 'succeeded' || d.status === 'failed') return status;
  // Unknown statuses are shown as the server names them, as in progress.
  return words.t.tray.progress(status, Math.round(d.progress));
}

function actionItems(inputs: TrayInputs, words: Words): TrayMenuItem[] {
  const { t } = words;
  const signedIn = inputs.session.status === 'signed-in';
  const busy = inputs.session.status === 'signing-in' || inputs.session.status === 'restoring';
  return [
    { id: TRAY_ACTIONS.open, label: t.tray.open, enabled: true },
    { id: TRAY_ACTIONS.deploy, label: t.tray.deploy, enabled: signedIn },
    { id: TRAY_ACTIONS.refresh, label: t.tray.refresh, enabled: signedIn },
    pauseItem(inputs, words),
    separator('session'),
    signedIn
      ? { id: TRAY_ACTIONS.signOut, label: t.tray.signOut, enabled: true }
      : { id: TRAY_ACTIONS.signIn, label: t.tray.signIn, enabled: !busy },
    { id: TRAY_ACTIONS.quit, label: t.tray.quit, enabled: true },
  ];
}

/** "Pause notifications ▸" while they run; "Resume notifications" while paused. */
function pauseItem(inputs: TrayInputs, words: Words): TrayMenuItem {
  const { t } = words;
  if (isPaused(inputs.notifications, inputs.now)) {
    const until = inputs.notifications?.pausedUntil;
    const label = until ? t.tray.resumeAt(clockTime(words, until, inputs.timeZone)) : t.tray.resume;
    return { id: TRAY_ACTIONS.resume, label, enabled: true };
  }
  return {
    id: 'pause',
    label: t.tray.pause,
    enabled: true,
    type: 'submenu',
    children: [
      { id: TRAY_ACTIONS.pauseHour, label: t.tray.pauseHour, enabled: true },
      { id: TRAY_ACTIONS.pauseTomorrow, label: t.tray.pauseTomorrow, enabled: true },
      { id: TRAY_ACTIONS.pauseUntilResumed, label: t.tray.pauseUntilResumed, enabled: true },
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

/** A short age: "just now", "5 min ago", "3 h ago", "2 days ago". */
function age(iso: string, now: number, words: Words): string {
  const { age: say } = words.t;
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds) || seconds < 60) return say.justNow;
  if (seconds < 3600) return say.minutes(Math.floor(seconds / 60));
  if (seconds < 86_400) return say.hours(Math.floor(seconds / 3600));
  return say.days(Math.floor(seconds / 86_400));
}

/** "Updated 3 min ago", or when offline "Offline — last update 14:05". */
function freshness(inputs: TrayInputs, words: Words): string {
  const { connectivity, snapshot, now, timeZone } = inputs;
  const { t } = words;
  const last = connectivity.lastSuccessAt ?? snapshot?.fetchedAt ?? null;
  if (connectivity.status === 'offline') {
    if (!last) return t.tray.offlineNoData;
    return t.tray.offlineSince(clockTime(words, last, timeZone));
  }
  if (connectivity.status === 'rate-limited' && connectivity.retryAt) {
    return t.tray.rateLimited(clockTime(words, connectivity.retryAt, timeZone));
  }
  if (!last) return t.tray.waiting;
  const minutes = Math.floor(Math.max(0, now - Date.parse(last)) / 60_000);
  return minutes === 0 ? t.tray.updatedJustNow : t.tray.updatedMinutesAgo(minutes);
}

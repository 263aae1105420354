/**
 * English: every word main says itself (tray, notifications, the sign-in
 * return page, error messages); German copies this shape.
 */
import type { NotificationKind } from '../../../src-shared/bridge';

/** A count in words: `#` stands for the number; Intl.PluralRules picks the form. */
export interface Plural {
  one: string;
  other: string;
}

/** Title and text of one page the loopback listener answers. */
export interface PageWords {
  title: string;
  body: string;
}

export const en = {
  tray: {
    tooltip: (text: string) => `kombify Tray — ${text}`,
    tooltipPaused: (tooltip: string) => `${tooltip} (notifications paused)`,
    notSignedIn: 'Not signed in',
    deploying: { one: '# deployment in progress', other: '# deployments in progress' } as Plural,
    latestFailed: 'The latest deployment failed',
    allFine: 'All deployments are fine',
    signingIn: 'Signing in…',
    restoring: 'Restoring your sign-in…',
    account: (email: string, plan: string) => `${email} — ${plan} plan`,
    homelab: (name: string, status: string) => `Homelab ${name}: ${status}`,
    homelabSeen: (name: string, status: string, age: string) =>
      `Homelab ${name}: ${status} — seen ${age}`,
    /** Unknown statuses are shown as the server names them. */
    homelabStatus: { online: 'online', offline: 'offline' } as Record<string, string>,
    noHomelab: 'No homelab connected',
    deployment: (name: string, status: string, age: string) => `${name} — ${status} · ${age}`,
    /** Unknown statuses are shown as the server names them, as in progress. */
    deploymentStatus: {
      succeeded: 'succeeded',
      failed: 'failed',
      queued: 'queued',
      provisioning: 'provisioning',
      deploying: 'deploying',
      deleting: 'deleting',
    } as Record<string, string>,
    progress: (status: string, percent: number) => `${status} ${percent} %`,
    offlineNoData: 'Offline — no data yet',
    offlineSince: (time: string) => `Offline — last update ${time}`,
    rateLimited: (time: string) => `Rate-limited — next update ${time}`,
    waiting: 'Waiting for the first update',
    updatedJustNow: 'Updated just now',
    updatedMinutesAgo: (minutes: number) => `Updated ${minutes} min ago`,
    open: 'Open kombify Tray',
    deploy: 'Deploy a StackKit…',
    refresh: 'Refresh now',
    pause: 'Pause notifications',
    pauseHour: 'For an hour',
    pauseTomorrow: 'Until tomorrow',
    pauseUntilResumed: 'Until I resume them',
    resume: 'Resume notifications',
    resumeAt: (time: string) => `Resume notifications (paused until ${time})`,
    signIn: 'Sign in…',
    signOut: 'Sign out',
    quit: 'Quit',
    /** Shown in the window when the desktop has no tray to show the icon in. */
    noTrayHost:
      'Your desktop shows no tray icons, so kombify Tray opened its window instead. ' +
      'On GNOME, install the "AppIndicator and KStatusNotifierItem Support" extension ' +
      '(Debian/Ubuntu: gnome-shell-extension-appindicator), log out and back in, ' +
      'and the icon appears in the top bar.',
  },
  /** A short age, as the window writes it: "just now", "5 min ago", "3 h ago", "2 days ago". */
  age: {
    justNow: 'just now',
    minutes: (n: number) => `${n} min ago`,
    hours: (n: number) => `${n} h ago`,
    days: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} ago`,
  },
  /** Unknown plans are shown capitalised, as the server names them. */
  plans: { free: 'Free', hobby: 'Hobby', pro: 'Pro', team: 'Team' } as Record<string, string>,
  /** StackKit names, as the window writes them; a kit this version does not know keeps its id. */
  kits: {
    'base-kit': 'Base Kit',
    'modern-homelab': 'Modern Homelab',
    'ha-kit': 'HA Kit',
  } as Record<string, string>,
  notifications: {
    /** Digests and summaries count events by kind: "3 deployments succeeded". */
    counts: {
      'deployment-created': { one: '# deployment started', other: '# deployments started' },
      'deployment-succeeded': { one: '# deployment succeeded', other: '# deployments succeeded' },
      'deployment-failed': { one: '# deployment failed', other: '# deployments failed' },
      'deployment-deleted': { one: '# deployment deleted', other: '# deployments deleted' },
      'homelab-offline': { one: '# homelab went offline', other: '# homelabs went offline' },
      'homelab-online': { one: '# homelab back online', other: '# homelabs back online' },
      'plan-changed': { one: '# plan change', other: '# plan changes' },
      'subscription-canceled': {
        one: '# subscription canceled',
        other: '# subscriptions canceled',
      },
      'payment-past-due': { one: '# payment past due', other: '# payments past due' },
      'quota-nearly-full': {
        one: '# quota full or nearly full',
        other: '# quotas full or nearly full',
      },
    } satisfies Record<NotificationKind, Plural>,
    digestMore: (n: number) => ` and ${n} more`,
    away: 'While you were away',
    heldPaused: 'While notifications were paused',
    heldQuiet: 'During quiet hours',
    heldOlder: (n: number) => ` (and ${n} older)`,
    deploymentSucceeded: 'Deployment succeeded',
    deployed: (label: string) => `${label} is deployed.`,
    deploymentFailed: 'Deployment failed',
    noReason: 'No reason was given.',
    deploymentStarted: 'Deployment started',
    deploying: (label: string) => `${label} is being deployed.`,
    deploymentDeleted: 'Deployment deleted',
    removed: (label: string) => `${label} was removed from your homelab.`,
    homelabOffline: 'Homelab offline',
    stoppedAnswering: (name: string) => `${name} stopped answering kombify Cloud.`,
    homelabOnline: 'Homelab back online',
    reachableAgain: (name: string) => `${name} is reachable again.`,
    planChanged: 'Plan changed',
    planNow: (plan: string, was: string) => `Your plan is now ${plan} (was ${was}).`,
    subscriptionCanceled: 'Subscription canceled',
    subscriptionEnded: 'Your subscription has ended; the account is on the Free plan.',
    subscriptionEndsOn: (date: string) => `Your subscription ends on ${date}.`,
    subscriptionEndsAtPeriodEnd: 'Your subscription ends at the end of the period.',
    paymentPastDue: 'Payment past due',
    paymentFailed: 'kombify could not charge your last payment. Update your billing details.',
    quotaTitle: { stacks: 'Stacks quota nearly full', tools: 'Tools quota nearly full' },
    quotaBody: {
      stacks: (used: number, limit: number) => `You use ${used} of ${limit} stacks on your plan.`,
      tools: (used: number, limit: number) => `You use ${used} of ${limit} tools on your plan.`,
    },
    /** A quota used up (or over, after a smaller plan): nothing more fits. */
    quotaFullTitle: { stacks: 'Stacks full', tools: 'Tools full' },
    quotaFullBody: {
      stacks: (used: number, limit: number) =>
        `${used} of ${limit} stacks of your plan are in use.`,
      tools: (used: number, limit: number) => `${used} of ${limit} tools of your plan are in use.`,
    },
  },
  session: {
    endedTitle: 'Signed out of kombify',
    ended: 'Your session has ended. Sign in again to continue.',
    apiKeyRefused:
      'kombify no longer accepts this API key. Create a new key in the dashboard and sign in again.',
    endingTitle: 'Your kombify session ends soon',
    endsIn: { one: 'in about # minute', other: 'in about # minutes' } as Plural,
    endsUnlessReachable: (when: string) =>
      `Your session ends ${when} unless kombify can be reached before then.`,
    endsSignInAgain: (when: string) =>
      `Your session ends ${when}. Sign in again to stay signed in.`,
  },
  /** The pages the loopback listener shows in the browser after a browser sign-in. */
  returnPage: {
    done: {
      title: 'You are signed in',
      body: 'You can close this tab and return to kombify Tray.',
    },
    failed: {
      title: 'Sign-in not completed',
      body: 'kombify Tray could not finish the sign-in. Return to the app to see why and try again.',
    },
    finishing: {
      title: 'Almost done',
      body: 'Return to kombify Tray: it is finishing the sign-in and shows how it went.',
    },
    denied: {
      title: 'Sign-in not completed',
      body: 'kombify did not allow the sign-in. Return to kombify Tray to try again.',
    },
    mismatch: {
      title: 'Sign-in stopped',
      body:
        'This page answered a sign-in the app did not start, so the app stopped it. ' +
        'Return to kombify Tray and start the sign-in again.',
    },
    incomplete: {
      title: 'Nothing to do here',
      body: 'This address is for the sign-in to come back to. Return to kombify Tray.',
    },
    over: {
      title: 'This sign-in is over',
      body: 'Return to kombify Tray; start a new sign-in there if you need one.',
    },
    missing: { title: 'Not found', body: 'Return to kombify Tray.' },
  } satisfies Record<string, PageWords>,
  /** Notices about the data folder: a file that cannot be read, moved or written. */
  storedFiles: {
    /** The system's error codes in words; any other is shown as it is. */
    causes: {
      EACCES: 'permission denied',
      EPERM: 'not permitted',
      EISDIR: 'a folder has its name',
      ENOTDIR: 'part of its path is a file',
      EROFS: 'the disk is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
      EBUSY: 'it is in use',
      EEXIST: 'its name is taken',
    } as Record<string, string>,
    /** The settings a notice names when their values were refused. */
    fields: {
      endpoint: 'Endpoint',
      polling: 'How often to check for changes',
      notifications: 'Notifications',
      quietHours: 'Quiet hours',
      startAtLogin: 'Start at login',
      theme: 'Theme',
      language: 'Language',
      notificationPause: 'Notification pause',
    } as Record<string, string>,
    settings: {
      unreadable: (file: string, cause: string) =>
        `kombify Tray cannot read its settings file ${file} (${cause}), so it uses the ` +
        'default settings for now, leaves the file as it is and cannot save changes. ' +
        'Fix the file (for example its owner or permissions), then restart the app.',
      keptBroken: (file: string, cause: string) =>
        `The settings file ${file} is damaged and could not be moved aside (${cause}), so ` +
        'kombify Tray uses the default settings for now and cannot save changes. ' +
        'Move or delete the file, then restart the app.',
      setAside: (file: string, keptAs: string) =>
        `The settings file ${file} was damaged, so kombify Tray started from the default ` +
        `settings. The old file is kept as ${keptAs}.`,
      valuesReset: (fields: string, file: string) =>
        `Some settings in ${file} had values this version of kombify Tray cannot use ` +
        '(from a newer version, or edited by hand), so they went back to their defaults: ' +
        `${fields}. All other settings were kept.`,
      notSaved: (file: string, cause: string) =>
        `kombify Tray cannot save its settings file ${file} (${cause}), so changes last ` +
        'only until you quit. Check that the folder can be written.',
    },
    snapshot: {
      unreadable: (file: string, cause: string) =>
        `kombify Tray cannot read ${file} (${cause}), where it keeps the last state it ` +
        'showed and which notifications it already raised, so it starts without them and ' +
        'cannot save them. Fix the file (for example its owner or permissions), then ' +
        'restart the app.',
      keptBroken: (file: string, cause: string) =>
        `${file}, where kombify Tray keeps the last state it showed and which ` +
        `notifications it already raised, is damaged and could not be moved aside (${cause}). ` +
        'The app starts without it and cannot save it. Move or delete the file, then ' +
        'restart the app.',
      notSaved: (file: string, cause: string) =>
        `kombify Tray cannot save ${file} (${cause}), so after a restart it shows no last ` +
        'state until it has synced, and may raise some notifications again. Check that the ' +
        'folder can be written.',
    },
    logUnwritable: (folder: string, cause: string) =>
      `kombify Tray cannot write its log in ${folder} (${cause}), so it logs to the ` +
      'terminal (stderr) only. Check that the folder can be written.',
  },
  /** Messages of the errors main reports; the window may replace them by code. */
  errors: {
    notSignedIn: 'You are not signed in. Sign in first.',
    notRenewed: (code: string, status: number) =>
      `kombify Cloud did not renew your sign-in just now (${code}, HTTP ${status}). ` +
      'You are still signed in, and kombify Tray tries again shortly. ' +
      'If this keeps happening, sign out and sign in again.',
    offline: 'kombify Cloud cannot be reached. Check your internet connection; the app retries.',
    timeout: 'kombify Cloud did not answer in time. Try again in a moment.',
    malformed: (field: string | null) =>
      'kombify Cloud sent a reply this version of the app does not understand ' +
      `(${field ?? 'not JSON'}). Try again later or update kombify Tray.`,
    internal: 'Something went wrong inside kombify Tray. Try again.',
    invalidCredentials: 'The email or password is not right. Try again.',
    sessionEnded: 'Your session has ended. Sign in again.',
    forbidden: 'Your account is not allowed to do this.',
    notFound: 'That item no longer exists. Refresh to see the latest.',
    planLimit: 'Your plan does not allow this. Upgrade your plan to continue.',
    planRequired: 'Your plan does not allow this. Upgrade to continue.',
    homelabUnreachable: 'Your homelab cannot be reached. Check that it is powered on and online.',
    refused: (detail: string) => `kombify Cloud refused the request: ${detail}`,
    rateLimitedAt: (time: string) => `Too many requests for your plan. Try again at ${time}.`,
    rateLimitedSoon: 'Too many requests for your plan. Try again in a minute.',
    tooManyRequests: 'Too many requests. Try again later.',
    cloudTrouble: 'kombify Cloud has a problem right now. Try again in a few minutes.',
  },
  /** The ways a browser or device sign-in ends without a session. */
  signInErrors: {
    canceled: 'The sign-in was canceled.',
    stateMismatch:
      'The browser answered for a different sign-in, so it was stopped for your safety. ' +
      'Start the sign-in again from the app.',
    denied: (detail: string | null) =>
      `kombify did not allow the sign-in${detail ? ` (${detail})` : ''}. ` +
      'Start it again if that was a mistake.',
    timedOut: 'The sign-in took too long and was stopped. Start it again when you are ready.',
    browserNotSupported:
      'Signing in with the browser is not available in this app. Use another way to sign in.',
    apiKeyRefused:
      'kombify did not accept this API key. Copy it again from the dashboard ' +
      '(or create a new one) and paste it here.',
    pageRefused: (issuer: string) =>
      `The sign-in service at ${issuer} pointed to a sign-in page on another site, so ` +
      'kombify Tray did not open it. Check the endpoint in Settings, or sign in with ' +
      'an API key.',
    browserDidNotOpen:
      'Your browser could not be opened from the app. Sign in with a device code instead: ' +
      'it shows a code to enter in any browser.',
  },
};

/** Every word main says, by place. */
export type Messages = typeof en;

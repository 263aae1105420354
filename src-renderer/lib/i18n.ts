/**
 * Every word the window shows. English only for now; German will be a second
 * object of the same `Messages` type, picked at start-up. Sentences that embed
 * values are functions so each language can order the words its own way.
 */

const en = {
  app: {
    title: 'kombify Tray',
    windowTitle: (state: string) => `${state} · kombify Tray`,
    connecting: 'Connecting to kombify Tray…',
    loadingSnapshot: 'Loading your homelab…',
    retry: 'Try again',
  },
  bridge: {
    missingKeyTitle: 'This page needs its key',
    // Split around the command so the page can set it in code type.
    missingKeyBefore: 'Open the address that ',
    startCommand: 'npm start',
    missingKeyAfter:
      ' printed in your terminal. It ends in #k=… and lets this page talk to kombify Tray.',
    unauthorized:
      'kombify Tray did not accept this page. Open the address that npm start printed again.',
    forbidden: 'kombify Tray refused this page because of its address. Open it via 127.0.0.1.',
    unknownMethod: 'This window is newer or older than kombify Tray. Reload the page.',
    unreachable: 'kombify Tray is not answering. Check that it is still running.',
    hostGone:
      'kombify Tray is not answering. This page shows what it last sent and reconnects by itself.',
    badResponse: 'kombify Tray sent an answer this window does not understand.',
    httpStatus: (status: number) => `kombify Tray answered with an unexpected error (${status}).`,
  },
  signIn: {
    title: 'Sign in to kombify',
    environment: (name: string) => `Environment: ${name}`,
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
  },
  dashboard: {
    heading: 'Your homelab',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    updated: (age: string) => `updated ${age} ago`,
    neverUpdated: 'not updated yet',
  },
  overall: {
    'signed-out': 'Signed out',
    ok: 'All good',
    deploying: 'Deploying',
    failed: 'A deployment failed',
    offline: 'Offline',
  } as Record<string, string>,
  account: {
    heading: 'Account',
    plan: 'Plan',
    planNames: { free: 'Free', hobby: 'Hobby', pro: 'Pro', team: 'Team' } as Record<string, string>,
    subscriptionStatus: {
      active: 'active',
      trialing: 'trial',
      past_due: 'payment past due',
      canceled: 'canceled',
    } as Record<string, string>,
    cancelsAtPeriodEnd: 'ends at the end of the period',
    stacks: 'Stacks',
    tools: 'Tools',
    usage: (used: number, limit: number) => `${used} of ${limit}`,
    unknown: 'Account details are not available yet.',
  },
  homelabs: {
    heading: 'Homelabs',
    none: 'No homelab is connected to this account yet.',
    status: { online: 'Online', offline: 'Offline' } as Record<string, string>,
    lastSeen: (age: string) => `last seen ${age} ago`,
    neverSeen: 'never seen',
  },
  deployments: {
    heading: 'Deployments',
    none: 'No deployments yet. Deploy the Base Kit to get started.',
    status: {
      queued: 'Queued',
      provisioning: 'Provisioning',
      deploying: 'Deploying',
      succeeded: 'Succeeded',
      failed: 'Failed',
      deleting: 'Deleting',
    } as Record<string, string>,
    progress: (name: string) => `Progress of ${name}`,
    on: (homelab: string) => `on ${homelab}`,
    updated: (age: string) => `${age} ago`,
    unnamed: 'Unnamed deployment',
  },
  deploy: {
    button: (kit: string) => `Deploy ${kit}`,
    starting: 'Starting…',
    target: (homelab: string) => `Deploys to ${homelab}.`,
    noHomelab: 'Connect a homelab first.',
    homelabOffline: (name: string) => `Your homelab ${name} is offline.`,
    quotaFull: (limit: number) => `All ${limit} stacks of your plan are in use.`,
    cloudOffline: 'kombify Cloud cannot be reached right now.',
    started: (name: string) => `${name} started.`,
  },
  banners: {
    offline: (time: string, age: string) =>
      `Offline — showing the last update from ${time} (${age} ago)`,
    notConnected: (time: string, age: string) =>
      `Not connected yet — showing the last update from ${time} (${age} ago)`,
    rateLimited: 'kombify Cloud asked us to slow down.',
    tryAgainAt: (time: string) => `Try again at ${time}.`,
    tryAgainSoon: 'Try again in a moment.',
    keychain: 'The system keychain is not available, so you will have to sign in each time.',
    dismiss: 'Dismiss',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    hints: {
      INVALID_TOKEN: 'Sign in again.',
      SUBSCRIPTION_LIMIT_EXCEEDED: 'Upgrade your plan to do this.',
      HOMELAB_UNREACHABLE: 'Check that your homelab is switched on and connected.',
      FORBIDDEN: 'Your account is not allowed to do this.',
    } as Record<string, string>,
  },
  notifications: {
    region: 'Notifications',
    dismiss: (title: string) => `Dismiss notification: ${title}`,
    show: 'Show',
    showLabel: (title: string) => `Show the deployment of: ${title}`,
  },
  time: {
    seconds: (n: number) => `${n} s`,
    minutes: (n: number) => `${n} min`,
    hours: (n: number) => `${n} h`,
    days: (n: number) => `${n} d`,
  },
};

export type Messages = typeof en;

/** BCP 47 tag used for dates and numbers; follows the messages in use. */
export const locale = 'en';

/** The messages in use. */
export const t: Messages = en;

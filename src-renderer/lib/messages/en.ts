/** English: the messages every other language copies the shape of. */
export const en = {
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
    updated: (ago: string) => `updated ${ago}`,
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
    lastSeen: (ago: string) => `last seen ${ago}`,
    neverSeen: 'never seen',
    /** While kombify Cloud cannot be reached: what it said last. */
    lastKnown: (status: string) => `Last known: ${status}`,
    notAnswering: 'Not answering',
    didNotAnswer: (time: string, seen: string) =>
      `Did not answer at ${time}; kombify Cloud last saw it ${seen}.`,
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
    updated: (ago: string) => `updated ${ago}`,
    started: (ago: string) => `started ${ago}`,
    unnamed: 'Unnamed deployment',
  },
  deploy: {
    button: (kit: string) => `Deploy ${kit}`,
    starting: 'Starting…',
    target: (homelab: string) => `Deploys to ${homelab}.`,
    noHomelab: 'Connect a homelab first.',
    homelabOffline: (name: string) => `Your homelab ${name} is offline.`,
    quotaFull: (limit: number) =>
      limit === 0
        ? 'Your plan includes no stacks.'
        : limit === 1
          ? "Your plan's only stack is in use."
          : `All ${limit} stacks of your plan are in use.`,
    cloudOffline: 'kombify Cloud cannot be reached right now.',
    started: (name: string) => `${name} started.`,
  },
  banners: {
    offline: (time: string, ago: string) =>
      `Offline — showing the last update from ${time} (${ago})`,
    notConnected: (time: string, ago: string) =>
      `Not connected yet — showing the last update from ${time} (${ago})`,
    rateLimited: 'kombify Cloud asked us to slow down.',
    tryAgainAt: (time: string) => `Try again at ${time}.`,
    tryAgainSoon: 'Try again in a moment.',
    keychain: 'The system keychain is not available, so you will have to sign in each time.',
    dismiss: 'Dismiss',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    /** A 429 whose time to try again the window names itself. */
    rateLimited: 'Too many requests for your plan.',
    hints: {
      INVALID_TOKEN: 'Sign in again.',
      SUBSCRIPTION_LIMIT_EXCEEDED: 'Upgrade your plan to do this.',
      HOMELAB_UNREACHABLE: 'Check that your homelab is switched on and connected.',
      FORBIDDEN: 'Your account is not allowed to do this.',
    } as Record<string, string>,
    /** Words by code that replace main's English message; empty in English on purpose. */
    byCode: {} as Record<string, string>,
    /** Words for a code with no words of its own; null keeps main's (English) message. */
    unknownCode: null as ((code: string) => string) | null,
  },
  text: {
    more: 'Show more',
    less: 'Show less',
  },
  notifications: {
    region: 'Notifications',
    dismiss: (title: string) => `Dismiss notification: ${title}`,
    show: 'Show',
    showLabel: (title: string) => `Show the deployment of: ${title}`,
    showOther: (title: string) => `Show: ${title}`,
    /** The header's struck-through bell, in words for screen readers and as its tooltip. */
    pausedUntil: (time: string) => `Notifications paused until ${time}`,
    pausedUntilResumed: 'Notifications paused until you resume them',
  },
  /** An age as a phrase, by its unit: "30 s ago", "5 min ago", "2 h ago", "3 days ago". */
  time: {
    secondsAgo: (n: number) => `${n} s ago`,
    minutesAgo: (n: number) => `${n} min ago`,
    hoursAgo: (n: number) => `${n} h ago`,
    daysAgo: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} ago`,
    justNow: 'just now',
  },
  nav: {
    label: 'Sections',
    overview: 'Overview',
    deployments: 'Deployments',
    stackkits: 'StackKits',
    tools: 'Tools',
    subscription: 'Subscription',
    settings: 'Settings',
  },
  overview: {
    cloud: 'kombify Cloud',
    homelab: 'Homelab',
    cloudStatus: {
      online: 'Connected',
      offline: 'Not reachable',
      'rate-limited': 'Slowed down',
      unknown: 'Connecting…',
    } as Record<string, string>,
    checked: (ago: string) => `last answer ${ago}`,
    noAnswer: 'no answer yet',
    latest: 'Latest deployments',
    seeAll: 'See all deployments',
  },
  filters: {
    label: 'Show',
    all: 'All',
    active: 'In progress',
    succeeded: 'Succeeded',
    failed: 'Failed',
    noneMatch: 'No deployment matches this filter.',
  },
  detail: {
    open: (name: string) => `Details of ${name}`,
    label: 'Details',
    back: 'Back to all deployments',
    steps: 'Steps',
    stepNames: {
      queued: 'Queued',
      provisioning: 'Preparing the homelab',
      deploying: 'Deploying services',
      succeeded: 'Done',
    } as Record<string, string>,
    /** Steps as the API names them, in words; a step not listed here is shown as it came. */
    apiSteps: {
      'waiting for a runner': 'Waiting for a runner',
      'preparing the homelab': 'Preparing the homelab',
      'pulling images': 'Pulling images',
      'starting services': 'Starting services',
      'removing services': 'Removing services',
    } as Record<string, string>,
    stepDone: 'done',
    stepNow: 'now',
    stepFailed: 'failed here',
    current: (step: string) => `Now: ${step}`,
    created: 'Started',
    updated: 'Last update',
    finished: 'Finished',
    homelab: 'Homelab',
    kit: 'StackKit',
    errorCode: (code: string) => `Error code ${code}`,
    gone: 'This deployment is no longer there. It may have been deleted.',
    delete: 'Delete',
    deleting: 'Deleting…',
    deleteTitle: (name: string) => `Delete ${name}?`,
    deleteBody:
      'kombify removes this deployment and its services from your homelab. ' +
      'This cannot be undone.',
    deleteConfirm: 'Delete deployment',
    keep: 'Keep it',
  },
  stackkits: {
    intro: 'Pick a StackKit and your homelab; kombify sets it up and you watch it happen.',
    homelab: 'Homelab',
    kits: {
      'base-kit': {
        name: 'Base Kit',
        summary: 'A single server with the essentials.',
        sets: ['Reverse proxy with HTTPS', 'Container runtime', 'Backups of your volumes'],
      },
      'modern-homelab': {
        name: 'Modern Homelab',
        summary: 'Home and cloud nodes working together.',
        sets: ['A private network between nodes', 'Shared storage', 'Single sign-on'],
      },
      'ha-kit': {
        name: 'HA Kit',
        summary: 'High availability across several nodes.',
        sets: ['Services that move when a node fails', 'Replicated storage', 'Health checks'],
      },
    } as Record<string, { name: string; summary: string; sets: string[] }>,
    sets: 'Sets up',
    deploy: (kit: string) => `Deploy ${kit}`,
    retry: (kit: string) => `Try ${kit} again`,
    live: 'Live progress',
    offlineHomelab: (name: string) => `${name} is offline. Switch it on to deploy.`,
  },
  tools: {
    intro: 'Connect tools to your homelab. kombify installs and wires them for you.',
    loading: 'Loading the tools…',
    empty: 'No tools are offered for your account yet.',
    categories: {
      monitoring: 'Monitoring',
      networking: 'Networking',
      security: 'Security',
      backup: 'Backup',
      identity: 'Identity',
      media: 'Media',
      storage: 'Storage',
    } as Record<string, string>,
    other: 'Other',
    connect: 'Connect',
    disconnect: 'Disconnect',
    connectTo: (homelab: string) => `Connects to ${homelab}.`,
    status: {
      connecting: 'Connecting',
      connected: 'Connected',
      error: 'Connection failed',
    } as Record<string, string>,
    needsPlan: (plan: string) => `Available from the ${plan} plan.`,
    upgrade: (plan: string) => `Upgrade to ${plan}`,
    noHomelab: 'Connect a homelab first.',
    quotaFull: (limit: number) =>
      limit === 0
        ? 'Your plan includes no tools.'
        : limit === 1
          ? "Your plan's only tool slot is in use."
          : `All ${limit} tool slots of your plan are in use.`,
    connectLabel: (tool: string) => `Connect ${tool}`,
    disconnectLabel: (tool: string) => `Disconnect ${tool}`,
  },
  subscription: {
    status: 'Status',
    renews: (date: string) => `Renews on ${date}`,
    ends: (date: string) => `Ends on ${date}; then the account moves to Free.`,
    cancelsOn: (date: string) => `Cancels on ${date}`,
    cancelsAtEnd: 'Cancels at period end',
    noDate: 'No renewal date',
    limits: 'Limits',
    requests: (n: number) => `${n} ${n === 1 ? 'request' : 'requests'} per minute`,
    burst: (n: number) => `bursts of up to ${n}`,
    upgrades: 'Upgrade',
    upgradeTo: (plan: string) => `Upgrade to ${plan}`,
    upgradeTitle: (plan: string) => `Upgrade to ${plan}?`,
    upgradeBody: (from: string, to: string) =>
      `Your plan changes from ${from} to ${to} right away, with its higher limits. ` +
      'kombify bills the difference for the rest of this period.',
    highest: 'You are on the highest plan.',
    cancel: 'Cancel subscription',
    cancelTitle: 'Cancel at the end of the period?',
    cancelBody: (plan: string, date: string) =>
      `You keep ${plan} until ${date}. After that the account falls back to Free ` +
      'and deployments above its limits stop being managed.',
    cancelBodyNoDate: (plan: string) =>
      `You keep ${plan} until the end of the paid period. After that the account ` +
      'falls back to Free.',
    cancelConfirm: 'Cancel at period end',
    keep: 'Keep my plan',
    alreadyCanceled: 'This subscription ends at the end of the period.',
    billing: 'Billing on kombify.io',
    pricing: 'Compare plans',
    done: 'Done.',
    none: 'No subscription details yet.',
  },
  settings: {
    intro: 'Each change is saved at once.',
    saved: 'Saved.',
    endpoint: 'Endpoint',
    endpoints: {
      production: 'Production',
      staging: 'Staging',
      custom: 'Custom URL',
    } as Record<string, string>,
    customUrl: 'API URL',
    customHint: 'https, or http on 127.0.0.1 / localhost, such as https://api.example.com/v1.',
    invalidUrl: 'Enter an https address, or http on 127.0.0.1 or localhost.',
    apply: 'Use this URL',
    fixed:
      'Fixed when the app started, by KOMBIFY_API_URL or the emulator npm start runs; ' +
      'change it there.',
    updates: 'Updates',
    // One sentence around the number field: "Check for changes every [60] seconds".
    pollingBefore: 'Check for changes every',
    pollingAfter: 'seconds',
    pollingHint: 'While a deployment runs, kombify Tray checks more often.',
    pollingInvalid: (min: number, max: number) =>
      `Not saved. Use a number from ${min} to ${max} seconds.`,
    notifications: 'Notifications',
    pause: 'Pause notifications',
    pauseFor: {
      hour: 'For an hour',
      tomorrow: 'Until tomorrow',
      'until-resumed': 'Until I resume them',
    } as Record<'hour' | 'tomorrow' | 'until-resumed', string>,
    pauseHint: 'Nothing is lost: what happens meanwhile comes as one summary when the pause ends.',
    pausedUntil: (time: string) => `Paused until ${time}`,
    pausedUntilResumed: 'Paused until you resume them',
    resume: 'Resume',
    kinds: {
      'deployment-created': 'A deployment starts',
      'deployment-succeeded': 'A deployment succeeds',
      'deployment-failed': 'A deployment fails',
      'deployment-deleted': 'A deployment is deleted',
      'homelab-offline': 'The homelab goes offline',
      'homelab-online': 'The homelab is back online',
      'plan-changed': 'The plan changes',
      'subscription-canceled': 'The subscription is canceled',
      'payment-past-due': 'A payment is past due',
      'quota-nearly-full': 'A quota is full or nearly full',
    } as Record<string, string>,
    quietHours: 'Quiet hours',
    quietEnabled: 'No notifications during quiet hours',
    from: 'From',
    to: 'To',
    quietHint: 'In 24-hour time, such as 22:00 to 07:00.',
    quietInvalid: 'Not saved. Use a time like 22:00.',
    startup: 'Startup',
    startAtLogin: 'Start kombify Tray when I log in',
    appearance: 'Appearance',
    theme: 'Theme',
    themes: { system: 'Like the system', light: 'Light', dark: 'Dark' } as Record<string, string>,
    language: 'Language',
    languages: { system: 'Like the system', en: 'English', de: 'Deutsch' } as Record<
      string,
      string
    >,
  },
  signInMethods: {
    label: 'How to sign in',
    browser: 'Browser',
    device: 'Device code',
    password: 'Email',
    apiKey: 'API key',
    /** `issuer` is the host browser sign-in goes to; null when the window was not told. */
    browserIntro: (issuer: string | null) =>
      `Sign in on ${issuer ?? 'kombify'} in your browser; kombify Tray picks up the rest.`,
    browserButton: 'Continue in the browser',
    browserWaiting: 'Finish signing in in your browser. This window updates by itself.',
    browserManual: 'Browser did not open? Open this address in it:',
    copyUrl: 'Copy address',
    copied: 'Copied.',
    deviceIntro:
      'For machines where the browser cannot return to the app: enter a code on another device.',
    deviceButton: 'Get a code',
    deviceCode: 'Your code',
    deviceOpen: 'Open the sign-in page',
    // Followed by the page's address as a link.
    deviceWhere: 'Enter it at',
    copyCode: 'Copy code',
    deviceExpires: (time: string) => `The code works until ${time}.`,
    apiKeyLabel: 'API key',
    apiKeyHint: 'Create one in the kombify dashboard under API keys.',
    apiKeyButton: 'Sign in with the key',
    cancel: 'Cancel',
  },
  nextStep: {
    upgrade: 'See plans',
    homelab: 'Check the homelab now',
    signIn: 'Sign in again',
  },
};

/** Every word the window shows, by screen. */
export type Messages = typeof en;

/**
 * The one contract between the window (renderer) and main. Main validates
 * every request with these schemas; the renderer imports the types only.
 * Nothing here ever carries a token: the renderer sees session status.
 */
import { z } from 'zod';
import type { Deployment, Subscription, Tool, User } from './kombify-api';

/** Methods without a payload accept `undefined` or `null`, so JSON transports can send either. */
const none = z.union([z.undefined(), z.null()]);
/** An id as it goes into an API path: it starts with a letter or digit, so never `.` or `..`. */
const resourceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 22:00');

/** kombify pages the app may open: by name, never by URL, so no page can send us elsewhere. */
export const KOMBIFY_LINKS = ['pricing', 'billing', 'docs', 'dashboard', 'status', 'help'] as const;
export type KombifyLink = (typeof KOMBIFY_LINKS)[number];

/** Events a person can turn notifications on or off for. */
export const NOTIFICATION_KINDS = [
  'deployment-created',
  'deployment-succeeded',
  'deployment-failed',
  'deployment-deleted',
  'homelab-offline',
  'homelab-online',
  'plan-changed',
  'subscription-canceled',
  'payment-past-due',
  'quota-nearly-full',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds the core raises beyond the toggled ones; they cannot be switched off. */
export type SystemNotificationKind =
  'session-ended' | 'session-expiring' | 'digest' | 'away-summary';

/** An endpoint other than production/staging: https, or http on this machine only. */
export const CustomEndpointUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((raw) => {
    const url = new URL(raw);
    if (url.username || url.password || url.search || url.hash) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'use https, or http on 127.0.0.1 / localhost');

const Endpoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('production') }).strict(),
  z.object({ kind: z.literal('staging') }).strict(),
  z.object({ kind: z.literal('custom'), url: CustomEndpointUrl }).strict(),
]);

const NotificationToggles = z
  .object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<
      NotificationKind,
      z.ZodBoolean
    >,
  )
  .strict();

const QuietHours = z.object({ enabled: z.boolean(), start: clockTime, end: clockTime }).strict();

/** Everything a person can set. Persisted by main; validated on load and on every change. */
export const Settings = z
  .object({
    endpoint: Endpoint,
    polling: z
      .object({
        /** How often to look when nothing is moving; the engine goes faster while things move. */
        quietIntervalSeconds: z.number().int().min(15).max(3600),
      })
      .strict(),
    notifications: z.object({ enabled: NotificationToggles, quietHours: QuietHours }).strict(),
    startAtLogin: z.boolean(),
    theme: z.enum(['system', 'light', 'dark']),
    language: z.enum(['system', 'en', 'de']),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** A change to some settings. Unknown keys anywhere are refused, never merged. */
export const SettingsPatch = z
  .object({
    endpoint: Endpoint.optional(),
    polling: Settings.shape.polling.partial().strict().optional(),
    notifications: z
      .object({
        enabled: NotificationToggles.partial().strict().optional(),
        quietHours: QuietHours.partial().strict().optional(),
      })
      .strict()
      .optional(),
    startAtLogin: z.boolean().optional(),
    theme: Settings.shape.theme.optional(),
    language: Settings.shape.language.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  endpoint: { kind: 'production' },
  polling: { quietIntervalSeconds: 60 },
  notifications: {
    enabled: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true])) as Record<
      NotificationKind,
      boolean
    >,
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
  },
  startAtLogin: false,
  theme: 'system',
  language: 'system',
};

/** Requests the window may make, by method name. Payloads are parsed in main. */
export const BridgeRequests = {
  getState: none,
  signInWithPassword: z
    .object({
      email: z.string().trim().min(3).max(320),
      password: z.string().min(1).max(1024),
    })
    .strict(),
  /** Opens the system browser on kombify's sign-in page (authorization code + PKCE). */
  signInWithBrowser: none,
  /** For machines where the browser cannot come back: shows a code to enter elsewhere. */
  signInWithDeviceCode: none,
  signInWithApiKey: z.object({ apiKey: z.string().trim().min(8).max(512) }).strict(),
  cancelSignIn: none,
  signOut: none,
  refresh: none,
  deployStackKit: z
    .object({
      stackkit: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z0-9-]+$/),
      homelabId: resourceId,
      /** One per click, reused on retry: becomes the Idempotency-Key, so a retry never deploys twice. */
      requestId: z.string().uuid(),
    })
    .strict(),
  deleteDeployment: z.object({ deploymentId: resourceId }).strict(),
  listTools: none,
  connectTool: z.object({ toolId: resourceId, homelabId: resourceId }).strict(),
  disconnectTool: z.object({ toolId: resourceId }).strict(),
  upgradePlan: z.object({ plan: z.enum(['hobby', 'pro', 'team']) }).strict(),
  cancelSubscription: none,
  updateSettings: SettingsPatch,
  pauseNotifications: z.object({ for: z.enum(['hour', 'tomorrow', 'until-resumed']) }).strict(),
  resumeNotifications: none,
  openLink: z.object({ link: z.enum(KOMBIFY_LINKS) }).strict(),
  /** The window's own log lines, forwarded to main's log (redacted there like any other). */
  log: z
    .object({ level: z.enum(['info', 'warn', 'error']), message: z.string().max(2000) })
    .strict(),
} as const;

export type BridgeMethod = keyof typeof BridgeRequests;
export type BridgeRequest<M extends BridgeMethod> = z.infer<(typeof BridgeRequests)[M]>;

export const BRIDGE_METHODS = Object.keys(BridgeRequests) as BridgeMethod[];

export function isBridgeMethod(name: unknown): name is BridgeMethod {
  return typeof name === 'string' && Object.hasOwn(BridgeRequests, name);
}

/** What a failed request tells the window: a code to branch on and words to show. */
export interface BridgeError {
  code: string;
  message: string;
  /** ISO time before which retrying is pointless (429). */
  retryAt?: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface BridgeResponses {
  getState: AppView;
  signInWithPassword: AppView;
  signInWithBrowser: AppView;
  signInWithDeviceCode: AppView;
  signInWithApiKey: AppView;
  cancelSignIn: AppView;
  signOut: AppView;
  refresh: AppView;
  deployStackKit: Deployment;
  deleteDeployment: Deployment | null;
  listTools: Tool[];
  connectTool: Tool;
  disconnectTool: null;
  upgradePlan: Subscription;
  cancelSubscription: Subscription;
  updateSettings: AppView;
  pauseNotifications: AppView;
  resumeNotifications: AppView;
  openLink: null;
  log: null;
}

export type SignInMethod = 'password' | 'browser' | 'device' | 'api-key';

export type SessionView =
  | { status: 'signed-out'; reason?: string }
  /** Reading the stored sign-in from the keychain at start. */
  | { status: 'restoring' }
  | { status: 'signing-in' }
  | {
      status: 'signed-in';
      email: string;
      name: string | null;
      method?: SignInMethod;
      /** Set when the session will end soon and cannot be refreshed: words to show. */
      expiryWarning?: string;
    };

/** A browser or device-code sign-in that is under way. */
export type SignInFlowView =
  | {
      method: 'browser';
      status: 'waiting';
      startedAt: string;
      /**
       * The issuer's sign-in page, for a person whose browser did not come up.
       * Not a secret: it carries `state` and the PKCE challenge, never the verifier.
       */
      url?: string;
    }
  | {
      method: 'device';
      status: 'waiting';
      userCode: string;
      verificationUri: string;
      verificationUriComplete?: string;
      expiresAt: string;
    };

export type OverallState = 'signed-out' | 'ok' | 'deploying' | 'failed' | 'offline';

export interface TrayMenuItem {
  id: string;
  label: string;
  enabled: boolean;
  /** A separator has no label or action; a submenu has children. */
  type?: 'separator' | 'submenu';
  children?: TrayMenuItem[];
  /** Deployment id when the item stands for one. */
  deploymentId?: string;
}

/** The tray as data: what the icon, tooltip and menu show. */
export interface TrayModel {
  state: OverallState;
  /** Notifications are paused: hosts show the paused badge. */
  paused?: boolean;
  tooltip: string;
  items: TrayMenuItem[];
}

export interface SnapshotView {
  fetchedAt: string;
  user: User | null;
  subscription: Subscription | null;
  deployments: Deployment[];
}

export interface ConnectivityView {
  status: 'online' | 'offline' | 'rate-limited' | 'unknown';
  /** ISO time of the last successful sync. */
  lastSuccessAt: string | null;
  lastError: BridgeError | null;
  retryAt: string | null;
}

export interface KeychainView {
  status: 'ok' | 'unavailable';
  message?: string;
}

export interface NotificationsView {
  /** ISO time notifications resume; null when not paused. */
  pausedUntil: string | null;
  /** Paused until the person resumes them. */
  pausedIndefinitely: boolean;
  /** Notifications cannot be shown on this system: the tray carries changes alone. */
  unsupported?: boolean;
}

/** Everything the window shows, pushed on every change. */
export interface AppView {
  environment: {
    name: string;
    apiUrl: string;
    /** The OpenID Connect issuer browser and device sign-in go to (the emulator, kombify's). */
    issuerUrl: string;
    /** Set by KOMBIFY_API_URL: not changeable here. */ fixed?: boolean;
  };
  /** The ways this host can sign in, the one to offer first first. */
  signInMethods: SignInMethod[];
  session: SessionView;
  signIn: SignInFlowView | null;
  keychain: KeychainView;
  snapshot: SnapshotView | null;
  connectivity: ConnectivityView;
  tray: TrayModel;
  settings: Settings;
  notifications: NotificationsView;
  /** Messages from the host about this machine, e.g. a desktop with no tray. */
  notices?: NoticeView[];
}

export interface NoticeView {
  id: string;
  message: string;
}

/** A notification as raised by the core, also shown in the window by the browser host. */
export interface NotificationView {
  key: string;
  kind: NotificationKind | SystemNotificationKind;
  title: string;
  body: string;
  deploymentId?: string;
}

/** Where the window should go, e.g. after a notification or tray item is clicked. */
export interface NavigationView {
  screen:
    'overview' | 'deployments' | 'stackkits' | 'tools' | 'subscription' | 'settings' | 'sign-in';
  deploymentId?: string;
}

/** A notification as the window gets it: with where a click on it goes (the core decides). */
export interface NotificationEvent extends NotificationView {
  to: NavigationView;
}

/** Events main pushes to the window. */
export interface BridgeEvents {
  state: AppView;
  notification: NotificationEvent;
  navigate: NavigationView;
}

/**
 * The API the preload (Electron) or the loopback client (browser host) puts
 * on `window.kombify`: named functions only, never a raw channel.
 */
export type KombifyBridge = {
  [M in BridgeMethod]: (
    ...args: undefined extends BridgeRequest<M> ? [] : [BridgeRequest<M>]
  ) => Promise<BridgeResult<BridgeResponses[M]>>;
} & {
  on<E extends keyof BridgeEvents>(
    event: E,
    listener: (payload: BridgeEvents[E]) => void,
  ): () => void;
};

/**
 * The emulator's stored data. Records keep timestamps as emulator
 * milliseconds; what a client sees is derived from them at read time
 * (see deployments.ts), so the whole state is plain JSON and can be saved.
 */
export type Plan = 'free' | 'hobby' | 'pro' | 'team';
/** Plans from lowest to highest; upgrades must move right. */
export const PLANS: readonly Plan[] = ['free', 'hobby', 'pro', 'team'];

/** Per-plan quotas (inferred: the overview names quotas but not their sizes). */
export const PLAN_QUOTAS: Record<Plan, { stacks: number; tools: number }> = {
  free: { stacks: 1, tools: 1 },
  hobby: { stacks: 3, tools: 5 },
  pro: { stacks: 10, tools: 20 },
  team: { stacks: 50, tools: 100 },
};

/** Plan rate limits from the public overview. */
export const PLAN_LIMITS: Record<Plan, { perMinute: number; burst: number }> = {
  free: { perMinute: 30, burst: 50 },
  hobby: { perMinute: 100, burst: 200 },
  pro: { perMinute: 500, burst: 1000 },
  team: { perMinute: 2000, burst: 5000 },
};

/** Whether `value` names a known plan. */
export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}

/** A homelab; `last_seen_at` marks its last status change. */
export interface HomelabRecord {
  id: string;
  name: string;
  status: 'online' | 'offline';
  last_seen_at: number | null;
}

/** A kombify account with its password, API keys and homelabs. */
export interface AccountRecord {
  id: string;
  email: string;
  password: string;
  name: string;
  plan: Plan;
  api_keys: string[];
  homelabs: HomelabRecord[];
}

/** The account's subscription; status is derived at read time (see views.ts). */
export interface SubscriptionRecord {
  id: string;
  account_id: string;
  plan: Plan;
  status: 'active' | 'trialing' | 'past_due' | 'canceled';
  current_period_end: number;
  cancel_at_period_end: boolean;
}

/** How a deployment will end; chosen when it is created. */
export interface DeploymentPlan {
  fail: null | { step: string; code: string; message: string };
}

/** A deployment as created; its status is derived from the clock (deployments.ts). */
export interface DeploymentRecord {
  id: string;
  account_id: string;
  name: string;
  stackkit: string;
  homelab_id: string;
  variables: Record<string, string>;
  created_at: number;
  outcome: DeploymentPlan;
  delete_requested_at: number | null;
  /** Set by the control API to show a status clients do not know (they must cope). */
  status_override?: string | null;
}

/** A password-login session: one refresh token chain. */
export interface SessionRecord {
  id: string;
  account_id: string;
  refresh_token: string;
  /** Refresh tokens already exchanged; presenting one again means theft. */
  used_refresh_tokens: string[];
  refresh_expires_at: number;
  revoked: boolean;
}

/** A tool connected to a homelab; `connected` once CONNECT_MS have passed. */
export interface ToolConnectionRecord {
  tool_id: string;
  account_id: string;
  homelab_id: string;
  started_at: number;
}

/** Which deployment an Idempotency-Key created, per account. */
export interface IdempotencyRecord {
  account_id: string;
  key: string;
  deployment_id: string;
}

/** Everything the emulator knows; saved whole to the state file. */
export interface EmulatorData {
  version: 1;
  clock_ms: number;
  /** Signs password-session access tokens, so they survive a restart with the state file. */
  token_secret: string;
  seq: number;
  accounts: AccountRecord[];
  subscriptions: SubscriptionRecord[];
  deployments: DeploymentRecord[];
  sessions: SessionRecord[];
  tool_connections: ToolConnectionRecord[];
  idempotency: IdempotencyRecord[];
  next_deployment: DeploymentPlan | null;
  /** oidc-provider's artifacts (sessions, grants, codes, tokens) keyed `<Model>:<id>`. */
  oidc: Record<string, OidcEntry>;
}

/** One stored oidc-provider artifact; `expires_at` is real epoch ms (oidc-provider's clock). */
export interface OidcEntry {
  payload: Record<string, unknown>;
  expires_at: number | null;
}

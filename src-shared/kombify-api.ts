/**
 * The kombify Cloud API contract as the app reads it: every reply body is
 * parsed with these schemas before anything else sees it. Shapes follow
 * ../shared/kombify-cloud-api.md; lines marked (inferred) there are decided
 * here, so a change to the real contract is an edit to this one file.
 */
import { z } from 'zod';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date');

/** Deployment statuses we know. Others are shown as-is and treated as in progress. */
export const KNOWN_DEPLOYMENT_STATUSES = [
  'queued',
  'provisioning',
  'deploying',
  'succeeded',
  'failed',
  'deleting',
] as const;
export type KnownDeploymentStatus = (typeof KNOWN_DEPLOYMENT_STATUSES)[number];

export const KNOWN_PLANS = ['free', 'hobby', 'pro', 'team'] as const;
export type KnownPlan = (typeof KNOWN_PLANS)[number];

/** A plan or status the server may extend: known values typed, anything else kept as a string. */
const openString = z.string().min(1);

export const TokenResponse = z.object({
  token: z.string().min(1),
  expires_at: isoDate,
  refresh_token: z.string().min(1),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

const Usage = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
});

export const Homelab = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: openString,
  last_seen_at: isoDate.nullable(),
});
export type Homelab = z.infer<typeof Homelab>;

export const User = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().nullable(),
  plan: openString,
  quota: z.object({ stacks: Usage, tools: Usage }),
  homelabs: z.array(Homelab),
});
export type User = z.infer<typeof User>;

export const Subscription = z.object({
  id: z.string().min(1),
  plan: openString,
  status: openString,
  current_period_end: isoDate.nullable(),
  cancel_at_period_end: z.boolean(),
  limits: z.object({
    requests_per_minute: z.number().int().positive(),
    burst: z.number().int().positive(),
  }),
});
export type Subscription = z.infer<typeof Subscription>;

export const DeploymentError = z.object({ code: z.string(), message: z.string() });

export const Deployment = z.object({
  id: z.string().min(1),
  name: z.string(),
  stackkit: z.string(),
  homelab_id: z.string(),
  status: openString,
  progress: z.number().min(0).max(100),
  step: z.string().nullable(),
  error: DeploymentError.nullable(),
  created_at: isoDate,
  updated_at: isoDate,
  finished_at: isoDate.nullable(),
});
export type Deployment = z.infer<typeof Deployment>;

export const Tool = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  min_plan: openString,
  connection: z
    .object({ homelab_id: z.string(), status: openString, connected_at: isoDate.nullable() })
    .nullable(),
});
export type Tool = z.infer<typeof Tool>;

/** More items than any page the app asks for (limit ≤ 100): a reply beyond it is refused. */
export const MAX_PAGE_ITEMS = 1000;

/** Every list endpoint: `{data, next_cursor}`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item).max(MAX_PAGE_ITEMS),
    next_cursor: z.string().nullable(),
  });
}
export const DeploymentList = listOf(Deployment);
export const SubscriptionList = listOf(Subscription);
export const ToolList = listOf(Tool);

export const CreateDeploymentRequest = z.object({
  stackkit: z.string().min(1),
  homelab_id: z.string().min(1),
  name: z.string().min(1).max(100).optional(),
  variables: z.record(z.string(), z.string()).optional(),
});
export type CreateDeploymentRequest = z.infer<typeof CreateDeploymentRequest>;

export const ERROR_CODES = [
  'INVALID_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'SUBSCRIPTION_LIMIT_EXCEEDED',
  'RATE_LIMIT_EXCEEDED',
  'HOMELAB_UNREACHABLE',
  'INVALID_CREDENTIALS',
  'VALIDATION_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error body: `{error:{code, message, request_id}}`. Unknown codes are kept. */
export const ErrorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string(), request_id: z.string().optional() }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** StackKits offered for one-click deployment (inferred: the API has no catalog endpoint). */
export const STACKKITS = [
  { id: 'base-kit', name: 'Base Kit', summary: 'A single server with the essentials.' },
  {
    id: 'modern-homelab',
    name: 'Modern Homelab',
    summary: 'Home and cloud nodes working together.',
  },
  { id: 'ha-kit', name: 'HA Kit', summary: 'High availability across several nodes.' },
] as const;

export function isFinalDeploymentStatus(status: string): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** Plan rate limits per minute and burst, from the public overview. */
export const PLAN_RATE_LIMITS: Record<KnownPlan, { perMinute: number; burst: number }> = {
  free: { perMinute: 30, burst: 50 },
  hobby: { perMinute: 100, burst: 200 },
  pro: { perMinute: 500, burst: 1000 },
  team: { perMinute: 2000, burst: 5000 },
};

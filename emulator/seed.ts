/** The demo account every fresh emulator starts with. */
import { randomBytes } from 'node:crypto';
import type { EmulatorData } from './model';

/** The demo account (printed at start, named in the README). */
export const DEMO_EMAIL = 'demo@kombify.dev';
export const DEMO_PASSWORD = 'homelab-demo';
/** A second account, for 403s on someone else's things. */
export const OTHER_EMAIL = 'other@kombify.dev';
export const OTHER_PASSWORD = 'other-homelab';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A new API key in the shape the dashboard would hand out. */
export function newApiKey(): string {
  return `kmb_${randomBytes(18).toString('base64url')}`;
}

/** Fresh seeded data with the demo account, relative to emulator time `now`. */
export function seedData(now: number, apiKey: string): EmulatorData {
  return {
    version: 1,
    clock_ms: now,
    token_secret: randomBytes(32).toString('hex'),
    seq: 100,
    accounts: [
      {
        id: 'usr_demo',
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
        name: 'Demo Homelabber',
        plan: 'hobby',
        api_keys: [apiKey],
        homelabs: [{ id: 'hl_demo', name: 'basement-rack', status: 'online', last_seen_at: now }],
      },
      {
        // A second account, so requests for someone else's things can be refused (403).
        id: 'usr_other',
        email: OTHER_EMAIL,
        password: OTHER_PASSWORD,
        name: 'Other Homelabber',
        plan: 'free',
        api_keys: [],
        homelabs: [{ id: 'hl_other', name: 'closet-nuc', status: 'online', last_seen_at: now }],
      },
    ],
    subscriptions: [
      {
        id: 'sub_demo',
        account_id: 'usr_demo',
        plan: 'hobby',
        status: 'active',
        current_period_end: now + 21 * DAY,
        cancel_at_period_end: false,
      },
      {
        id: 'sub_other',
        account_id: 'usr_other',
        plan: 'free',
        status: 'active',
        current_period_end: now + 10 * DAY,
        cancel_at_period_end: false,
      },
    ],
    deployments: [
      {
        id: 'dep_seed_ok',
        account_id: 'usr_demo',
        name: 'media-server',
        stackkit: 'base-kit',
        homelab_id: 'hl_demo',
        variables: {},
        created_at: now - 3 * DAY,
        outcome: { fail: null },
        delete_requested_at: null,
      },
      {
        id: 'dep_seed_failed',
        account_id: 'usr_demo',
        name: 'home-automation',
        stackkit: 'modern-homelab',
        homelab_id: 'hl_demo',
        variables: {},
        // A few hours ago: a newcomer still sees "A deployment failed", which fades after a day.
        created_at: now - 3 * HOUR,
        outcome: {
          fail: {
            step: 'pulling images',
            code: 'IMAGE_PULL_FAILED',
            message: 'Could not pull ghcr.io/home-assistant/home-assistant:stable: timeout',
          },
        },
        delete_requested_at: null,
      },
      {
        id: 'dep_other',
        account_id: 'usr_other',
        name: 'pihole',
        stackkit: 'base-kit',
        homelab_id: 'hl_other',
        variables: {},
        created_at: now - 2 * DAY,
        outcome: { fail: null },
        delete_requested_at: null,
      },
    ],
    sessions: [],
    tool_connections: [],
    idempotency: [],
    next_deployment: null,
    oidc: {},
  };
}

/** Plain AppView builders: a valid default that each test bends to the case it checks. */
import { DEFAULT_SETTINGS, type AppView } from '../../../src-shared/bridge';
import type { Deployment, Homelab, User } from '../../../src-shared/kombify-api';

export const NOW = Date.parse('2026-12-03T12:00:00Z');
export const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString();

export function homelab(patch: Partial<Homelab> = {}): Homelab {
  return { id: 'hl_1', name: 'basement-rack', status: 'online', last_seen_at: ago(30), ...patch };
}

export function user(patch: Partial<User> = {}): User {
  return {
    id: 'usr_1',
    email: 'demo@kombify.io',
    name: 'Demo Owner',
    plan: 'hobby',
    quota: { stacks: { used: 1, limit: 3 }, tools: { used: 0, limit: 10 } },
    homelabs: [homelab()],
    ...patch,
  };
}

export function deployment(patch: Partial<Deployment> = {}): Deployment {
  return {
    id: 'dep_1',
    name: 'base-kit-1',
    stackkit: 'base-kit',
    homelab_id: 'hl_1',
    status: 'succeeded',
    progress: 100,
    step: null,
    error: null,
    created_at: ago(3600),
    updated_at: ago(3000),
    finished_at: ago(3000),
    ...patch,
  };
}

export function signedOutView(patch: Partial<AppView> = {}): AppView {
  return {
    environment: {
      name: 'Local emulator',
      apiUrl: 'http://127.0.0.1:4010/v1',
      issuerUrl: 'http://127.0.0.1:4010',
    },
    signInMethods: ['browser', 'device', 'password', 'api-key'],
    session: { status: 'signed-out' },
    keychain: { status: 'ok' },
    snapshot: null,
    connectivity: { status: 'unknown', lastSuccessAt: null, lastError: null, retryAt: null },
    tray: { state: 'signed-out', tooltip: 'Signed out', items: [] },
    signIn: null,
    settings: DEFAULT_SETTINGS,
    notifications: { pausedUntil: null, pausedIndefinitely: false },
    ...patch,
  };
}

export function signedInView(
  patch: Partial<AppView> = {},
  content: { user?: User | null; deployments?: Deployment[] } = {},
): AppView {
  return signedOutView({
    session: { status: 'signed-in', email: 'demo@kombify.io', name: 'Demo Owner' },
    snapshot: {
      fetchedAt: ago(12),
      user: content.user === undefined ? user() : content.user,
      subscription: null,
      deployments: content.deployments ?? [deployment()],
    },
    connectivity: { status: 'online', lastSuccessAt: ago(12), lastError: null, retryAt: null },
    tray: { state: 'ok', tooltip: 'All good', items: [] },
    ...patch,
  });
}

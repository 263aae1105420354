/**
 * The window's actions (delete, tools, plan, log) through the core's bridge
 * handlers and the API client, against the real emulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionHandlers, type ActionHandlers } from '../../../src-main/core/actions';
import { ApiClient } from '../../../src-main/core/api/client';
import { ApiError } from '../../../src-main/core/api/errors';
import { BridgeFailure } from '../../../src-main/core/error-words';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { memoryLogger } from '../support/fakes';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ speed: 0 });
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
});

async function signedInClient(email = DEMO.email, password = DEMO.password) {
  const tokens = await new ApiClient({ baseUrl: emu.apiUrl }).login(email, password);
  return new ApiClient({
    baseUrl: emu.apiUrl,
    auth: {
      accessToken: async () => tokens.token,
      refreshAfterRejection: async () => tokens.token,
    },
  });
}

async function handlers(knownSubscriptionId: string | null = null) {
  const api = await signedInClient();
  const logger = memoryLogger();
  const refreshes: string[] = [];
  const h: ActionHandlers = actionHandlers({
    api: () => api,
    logger: () => logger,
    knownSubscriptionId: () => knownSubscriptionId,
    refreshSoon: (what) => refreshes.push(what),
  });
  return { h, api, logger, refreshes };
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('tools', () => {
  it('lists the catalog with categories, plans and no connection yet', async () => {
    const { h } = await handlers();
    const tools = await h.listTools(undefined);
    expect(tools.map((tool) => tool.id)).toContain('uptime-kuma');
    expect(new Set(tools.map((tool) => tool.category)).size).toBeGreaterThan(1);
    expect(tools.every((tool) => tool.connection === null)).toBe(true);
  });

  it('connects, shows the connection, disconnects and asks for fresh data each time', async () => {
    const { h, api, refreshes } = await handlers();
    const tool = await h.connectTool({ toolId: 'uptime-kuma', homelabId: DEMO.homelabId });
    expect(tool.connection).toMatchObject({ homelab_id: DEMO.homelabId, status: 'connecting' });
    await emu.control('time', { advance_ms: 5_000 });
    expect((await api.tool('uptime-kuma')).connection?.status).toBe('connected');

    expect(await h.disconnectTool({ toolId: 'uptime-kuma' })).toBeNull();
    expect((await api.tool('uptime-kuma')).connection).toBeNull();
    expect(refreshes).toEqual(['refresh after connect', 'refresh after disconnect']);
  });

  it('refuses a tool above the plan with 402 and one on an offline homelab with 503', async () => {
    const { h } = await handlers();
    const above = await rejection(
      h.connectTool({ toolId: 'authentik', homelabId: DEMO.homelabId }),
    );
    expect(above).toBeInstanceOf(ApiError);
    expect(above).toMatchObject({ status: 402, code: 'SUBSCRIPTION_LIMIT_EXCEEDED' });

    await emu.control('homelab', { status: 'offline' });
    const offline = await rejection(
      h.connectTool({ toolId: 'uptime-kuma', homelabId: DEMO.homelabId }),
    );
    expect(offline).toMatchObject({ status: 503, code: 'HOMELAB_UNREACHABLE' });
  });
});

describe('deleteDeployment', () => {
  it('answers the deployment in "deleting", then null once it is gone', async () => {
    const { h, refreshes } = await handlers();
    const first = await h.deleteDeployment({ deploymentId: 'dep_seed_ok' });
    expect(first?.status).toBe('deleting');
    await emu.control('time', { advance_ms: 5_000 });
    expect(await h.deleteDeployment({ deploymentId: 'dep_seed_ok' })).toBeNull();
    expect(refreshes).toHaveLength(2);
  });

  it("passes on a refusal that is not 'gone', such as someone else's deployment", async () => {
    const { h } = await handlers();
    const error = await rejection(h.deleteDeployment({ deploymentId: 'dep_other' }));
    expect(error).toMatchObject({ status: 403 });
  });
});

describe('subscription', () => {
  it('upgrades using the known subscription id', async () => {
    const { h } = await handlers('sub_demo');
    const upgraded = await h.upgradePlan({ plan: 'pro' });
    expect(upgraded).toMatchObject({ id: 'sub_demo', plan: 'pro' });
  });

  it('finds the subscription itself when none was seen yet, and cancels at period end', async () => {
    const { h } = await handlers(null);
    const canceled = await h.cancelSubscription(undefined);
    expect(canceled).toMatchObject({ id: 'sub_demo', cancel_at_period_end: true });
    expect(canceled.status).toBe('active');
  });

  it('refuses a plan that is not above the current one with VALIDATION_ERROR', async () => {
    const { h } = await handlers('sub_demo');
    const error = await rejection(h.upgradePlan({ plan: 'hobby' }));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
  });

  it('says so in words when the account has no subscription at all', async () => {
    const logger = memoryLogger();
    const h = actionHandlers({
      api: () => ({ subscriptions: async () => [] }) as unknown as ApiClient,
      logger: () => logger,
      knownSubscriptionId: () => null,
      refreshSoon: () => undefined,
    });
    const error = await rejection(h.cancelSubscription(undefined));
    expect(error).toBeInstanceOf(BridgeFailure);
    expect((error as BridgeFailure).bridgeError.code).toBe('NO_SUBSCRIPTION');
  });
});

describe('log', () => {
  it("forwards the window's line to main's logger under 'renderer'", async () => {
    const { h, logger } = await handlers();
    await h.log({ level: 'warn', message: 'tools screen: reply without a category' });
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        subsystem: 'renderer',
        msg: 'tools screen: reply without a category',
      }),
    );
  });
});

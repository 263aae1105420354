/** `/v1/tools/*`: catalog, details, connect (plan-gated) and disconnect. */
import { ApiError } from '../errors';
import { paginate } from '../http';
import type { ToolConnectionRecord } from '../model';
import { PLAN_QUOTAS, PLANS } from '../model';
import type { ToolSpec } from '../tools';
import { TOOLS, viewTool } from '../tools';
import { effectivePlan, usage } from '../views';
import type { ApiContext, Route } from './context';
import { ownHomelab, param, who } from './context';

function toolById(ctx: ApiContext): ToolSpec {
  const spec = TOOLS.find((t) => t.id === param(ctx, 0));
  if (!spec) throw new ApiError('NOT_FOUND', 'No such tool.');
  return spec;
}

function connectionOf(ctx: ApiContext, toolId: string): ToolConnectionRecord | undefined {
  const accountId = who(ctx).account.id;
  return ctx.store.data.tool_connections.find(
    (c) => c.account_id === accountId && c.tool_id === toolId,
  );
}

async function connect(ctx: ApiContext): Promise<{ status: number; body: unknown }> {
  const { store } = ctx;
  const spec = toolById(ctx);
  const account = who(ctx).account;
  const { homelab_id: homelabId } = await ctx.body();
  if (typeof homelabId !== 'string' || !homelabId) {
    throw new ApiError('VALIDATION_ERROR', 'homelab_id is required.');
  }
  // Someone else's homelab is refused before anything else is said about it.
  const homelab = ownHomelab(ctx, homelabId);
  const existing = connectionOf(ctx, spec.id);
  if (existing) return { status: 200, body: viewTool(spec, existing, store.now()) };
  const plan = effectivePlan(store, account);
  if (PLANS.indexOf(plan) < PLANS.indexOf(spec.min_plan)) {
    throw new ApiError(
      'SUBSCRIPTION_LIMIT_EXCEEDED',
      `${spec.name} needs the ${spec.min_plan} plan.`,
    );
  }
  if (usage(store, account).tools >= PLAN_QUOTAS[plan].tools) {
    throw new ApiError('SUBSCRIPTION_LIMIT_EXCEEDED', `The ${plan} plan's tool quota is full.`);
  }
  if (homelab.status !== 'online') {
    throw new ApiError('HOMELAB_UNREACHABLE', `Homelab ${homelab.name} is offline.`);
  }
  const conn = {
    tool_id: spec.id,
    account_id: account.id,
    homelab_id: homelab.id,
    started_at: store.now(),
  };
  store.data.tool_connections.push(conn);
  store.save();
  return { status: 200, body: viewTool(spec, conn, store.now()) };
}

/** Routes for the tools catalog and connections. */
export const toolRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/tools',
    auth: true,
    handle(ctx) {
      // Catalog order, lowest plan first.
      const page = paginate(TOOLS, ctx.query, { key: (t) => [TOOLS.indexOf(t)] });
      const now = ctx.store.now();
      const data = page.data.map((t) => viewTool(t, connectionOf(ctx, t.id), now));
      return { status: 200, body: { ...page, data } };
    },
  },
  {
    method: 'GET',
    path: '/v1/tools/{id}',
    auth: true,
    handle(ctx) {
      const spec = toolById(ctx);
      return { status: 200, body: viewTool(spec, connectionOf(ctx, spec.id), ctx.store.now()) };
    },
  },
  { method: 'POST', path: '/v1/tools/{id}/connect', auth: true, handle: connect },
  {
    method: 'DELETE',
    path: '/v1/tools/{id}/disconnect',
    auth: true,
    handle(ctx) {
      const spec = toolById(ctx);
      const accountId = who(ctx).account.id;
      // Idempotent: disconnecting a tool that is not connected is already done.
      ctx.store.data.tool_connections = ctx.store.data.tool_connections.filter(
        (c) => !(c.account_id === accountId && c.tool_id === spec.id),
      );
      ctx.store.save();
      return { status: 204 };
    },
  },
];

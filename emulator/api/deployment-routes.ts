/** `/v1/deployments/*`: list, create (with Idempotency-Key), read, delete. */
import { isGone, usesStackQuota, viewDeployment } from '../deployments';
import { ApiError } from '../errors';
import { paginate } from '../http';
import type { DeploymentRecord } from '../model';
import { PLAN_QUOTAS } from '../model';
import { effectivePlan } from '../views';
import type { ApiContext, Route } from './context';
import { ownHomelab, param, who } from './context';

/** StackKits the emulator can deploy (inferred: the overview has no catalog endpoint). */
export const STACKKIT_IDS = ['base-kit', 'modern-homelab', 'ha-kit'];

function ownDeployment(ctx: ApiContext): DeploymentRecord {
  const now = ctx.store.now();
  const rec = ctx.store.data.deployments.find((d) => d.id === param(ctx, 0));
  if (!rec || isGone(rec, now)) throw new ApiError('NOT_FOUND', 'No such deployment.');
  if (rec.account_id !== who(ctx).account.id) {
    throw new ApiError('FORBIDDEN', 'This deployment belongs to another account.');
  }
  return rec;
}

function validateCreate(body: Record<string, unknown>): {
  stackkit: string;
  homelab_id: string;
  name: string | undefined;
  variables: Record<string, string>;
} {
  const { stackkit, homelab_id: homelabId, name, variables } = body;
  if (typeof stackkit !== 'string' || !STACKKIT_IDS.includes(stackkit)) {
    throw new ApiError('VALIDATION_ERROR', `stackkit must be one of ${STACKKIT_IDS.join(', ')}.`);
  }
  if (typeof homelabId !== 'string' || !homelabId) {
    throw new ApiError('VALIDATION_ERROR', 'homelab_id is required.');
  }
  if (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 100)) {
    throw new ApiError('VALIDATION_ERROR', 'name must be a string of 1 to 100 characters.');
  }
  const vars = variables ?? {};
  const varsOk =
    typeof vars === 'object' &&
    vars !== null &&
    !Array.isArray(vars) &&
    Object.values(vars).every((v) => typeof v === 'string');
  if (!varsOk) throw new ApiError('VALIDATION_ERROR', 'variables must map names to strings.');
  return { stackkit, homelab_id: homelabId, name, variables: vars as Record<string, string> };
}

async function create(ctx: ApiContext): Promise<{ status: number; body: unknown }> {
  const { store } = ctx;
  const account = who(ctx).account;
  const now = store.now();
  // Read the body before looking at the key: from here on nothing awaits, so
  // concurrent repeats of one key cannot both create a deployment.
  const body = await ctx.body();
  const key = ctx.headers['idempotency-key'];
  if (typeof key === 'string' && key) {
    const seen = store.data.idempotency.find((i) => i.account_id === account.id && i.key === key);
    const first = seen && store.data.deployments.find((d) => d.id === seen.deployment_id);
    if (first) return { status: 202, body: viewDeployment(first, now) };
  }
  const input = validateCreate(body);
  const homelab = ownHomelab(ctx, input.homelab_id);
  if (homelab.status !== 'online') {
    throw new ApiError('HOMELAB_UNREACHABLE', `Homelab ${homelab.name} is offline.`);
  }
  const plan = effectivePlan(store, account);
  const used = store.data.deployments.filter(
    (d) => d.account_id === account.id && usesStackQuota(d, now),
  );
  if (used.length >= PLAN_QUOTAS[plan].stacks) {
    throw new ApiError(
      'SUBSCRIPTION_LIMIT_EXCEEDED',
      `The ${plan} plan allows ${PLAN_QUOTAS[plan].stacks} stacks; upgrade to deploy more.`,
    );
  }
  const rec: DeploymentRecord = {
    id: store.newId('dep'),
    account_id: account.id,
    name: input.name ?? `${input.stackkit}-${store.data.seq}`,
    stackkit: input.stackkit,
    homelab_id: homelab.id,
    variables: input.variables,
    created_at: now,
    // The next-deployment control applies once, to the next one created.
    outcome: store.data.next_deployment ?? { fail: null },
    delete_requested_at: null,
  };
  store.data.next_deployment = null;
  store.data.deployments.push(rec);
  if (typeof key === 'string' && key) {
    store.data.idempotency.push({ account_id: account.id, key, deployment_id: rec.id });
  }
  store.save();
  return { status: 202, body: viewDeployment(rec, now) };
}

/** Routes for deployments. */
export const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/deployments',
    auth: true,
    handle(ctx) {
      const now = ctx.store.now();
      const mine = ctx.store.data.deployments.filter(
        (d) => d.account_id === who(ctx).account.id && !isGone(d, now),
      );
      // Newest first, as a dashboard wants them; id breaks ties so pages are stable.
      const page = paginate(mine, ctx.query, {
        key: (d) => [d.created_at, d.id],
        descending: true,
      });
      return { status: 200, body: { ...page, data: page.data.map((d) => viewDeployment(d, now)) } };
    },
  },
  { method: 'POST', path: '/v1/deployments', auth: true, handle: create },
  {
    method: 'GET',
    path: '/v1/deployments/{id}',
    auth: true,
    handle: (ctx) => ({ status: 200, body: viewDeployment(ownDeployment(ctx), ctx.store.now()) }),
  },
  {
    method: 'DELETE',
    path: '/v1/deployments/{id}',
    auth: true,
    handle(ctx) {
      const rec = ownDeployment(ctx);
      const now = ctx.store.now();
      rec.delete_requested_at ??= now;
      ctx.store.save();
      return { status: 202, body: viewDeployment(rec, now) };
    },
  },
];

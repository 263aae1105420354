/**
 * Bridge handlers for what a person does from the window besides signing in:
 * delete a deployment, connect tools, change the plan, and the window's log.
 * Kept apart from app.ts so the core's wiring stays small.
 */
import type { BridgeRequest, BridgeResponses } from '../../src-shared/bridge';
import type { ApiClient } from './api/client';
import { ApiError } from './api/errors';
import { BridgeFailure } from './error-words';
import type { LogFields, Logger } from './ports';

/** What the action handlers need from the core. */
export interface ActionDeps {
  /** A getter, because the core builds its handlers before its API client. */
  api(): Pick<
    ApiClient,
    | 'deleteDeployment'
    | 'tools'
    | 'connectTool'
    | 'disconnectTool'
    | 'subscriptions'
    | 'upgradeSubscription'
    | 'cancelSubscription'
  >;
  /** Main's logger (a getter too); the window's lines go to its `renderer` child. */
  logger(): Logger;
  /** The subscription id as last seen, so cancel/upgrade need no extra request. */
  knownSubscriptionId(): string | null;
  /** Asks the poller for fresh data now; the window sees the change on the next push. */
  refreshSoon(what: string): void;
}

type ActionMethod =
  | 'deleteDeployment'
  | 'listTools'
  | 'connectTool'
  | 'disconnectTool'
  | 'upgradePlan'
  | 'cancelSubscription'
  | 'log';

/** The handlers, typed by the shared contract like the rest of the core's. */
export type ActionHandlers = {
  [M in ActionMethod]: (payload: BridgeRequest<M>) => Promise<BridgeResponses[M]>;
};

/** Builds the handlers over `deps`. */
export function actionHandlers(deps: ActionDeps): ActionHandlers {
  const api = () => deps.api();
  const logger = { info: (msg: string, fields?: LogFields) => deps.logger().info(msg, fields) };
  return {
    deleteDeployment: async ({ deploymentId }) => {
      try {
        const deployment = await api().deleteDeployment(deploymentId);
        logger.info('deployment delete requested', { deploymentId });
        return deployment;
      } catch (error) {
        // Gone already (deleted elsewhere, or a repeat): the wish is fulfilled.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      } finally {
        deps.refreshSoon('refresh after delete');
      }
    },
    listTools: async () => api().tools(),
    connectTool: async ({ toolId, homelabId }) => {
      const tool = await api().connectTool(toolId, homelabId);
      logger.info('tool connect requested', { toolId });
      deps.refreshSoon('refresh after connect');
      return tool;
    },
    disconnectTool: async ({ toolId }) => {
      await api().disconnectTool(toolId);
      logger.info('tool disconnected', { toolId });
      deps.refreshSoon('refresh after disconnect');
      return null;
    },
    upgradePlan: async ({ plan }) => {
      const subscription = await api().upgradeSubscription(await subscriptionId(deps), plan);
      logger.info('plan upgraded', { plan });
      deps.refreshSoon('refresh after upgrade');
      return subscription;
    },
    cancelSubscription: async () => {
      const subscription = await api().cancelSubscription(await subscriptionId(deps));
      logger.info('subscription cancel requested');
      deps.refreshSoon('refresh after cancel');
      return subscription;
    },
    log: async ({ level, message }) => {
      deps.logger().child('renderer')[level](message);
      return null;
    },
  };
}

async function subscriptionId(deps: ActionDeps): Promise<string> {
  const known = deps.knownSubscriptionId();
  if (known) return known;
  const [first] = await deps.api().subscriptions();
  if (first) return first.id;
  throw new BridgeFailure({
    code: 'NO_SUBSCRIPTION',
    message: 'This account has no subscription to change. Open billing on kombify.io.',
  });
}

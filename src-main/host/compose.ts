/**
 * Builds the core with the adapters both hosts share (keychain, JSON files,
 * logger). A host brings only what differs: its notifier and its tray.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TrayCore, type Environment } from '../core/app';
import type {
  AppFocus,
  BrowserOpener,
  Logger,
  NetworkStatus,
  Notifier,
  PowerEvents,
  TrayView,
} from '../core/ports';
import { SettingsDocumentSchema } from '../core/settings-document';
import { SnapshotDocumentSchema } from '../core/snapshot-document';
import { createJsonDocumentStore } from '../node/json-document-store';
import { createKeytarSecretStore } from '../node/keytar-secret-store';
import { createLogger } from '../node/logger';
import { nodeLoopbackListener } from '../node/loopback-listener';

export const PRODUCTION: Environment = { name: 'production', apiUrl: 'https://api.kombify.io/v1' };

/** The environment from `KOMBIFY_API_URL`; a packaged build defaults to production. */
export function resolveEnvironment(env: NodeJS.ProcessEnv, packaged: boolean): Environment {
  const apiUrl = env.KOMBIFY_API_URL?.trim();
  if (!apiUrl) {
    if (!packaged) process.emitWarning('KOMBIFY_API_URL is not set: using production.');
    return PRODUCTION;
  }
  const parsed = new URL(apiUrl);
  if (
    parsed.protocol !== 'https:' &&
    !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
  ) {
    throw new Error(`KOMBIFY_API_URL must be https (or http on loopback): ${apiUrl}`);
  }
  return { name: env.KOMBIFY_ENV_NAME?.trim() || 'custom', apiUrl: apiUrl.replace(/\/+$/, '') };
}

/** The data folder: `KOMBIFY_DATA_DIR`, else the XDG config folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (env.KOMBIFY_DATA_DIR) return env.KOMBIFY_DATA_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'kombify-tray');
}

export interface HostCoreOptions {
  dataDir: string;
  environment: Environment;
  notifier: Notifier;
  tray: TrayView;
  pollIntervalMs?: number;
  /** Sleep and wake (Electron's powerMonitor); nothing is polled while asleep. */
  power?: PowerEvents;
  /** The network coming back. */
  network?: NetworkStatus;
  /** The window gaining focus. */
  focus?: AppFocus;
  /** Also log to stderr (the browser host in a terminal). */
  logToStderr?: boolean;
  /** Opens the system browser for browser sign-in; without it that sign-in is refused. */
  browser?: BrowserOpener;
}

export interface HostCore {
  core: TrayCore;
  logger: Logger;
  stop(): Promise<void>;
}

export async function createHostCore(options: HostCoreOptions): Promise<HostCore> {
  const logger = await createLogger({
    file: join(options.dataDir, 'logs', 'main.log'),
    stderr: options.logToStderr ?? false,
  });
  const core = new TrayCore({
    environment: options.environment,
    secrets: createKeytarSecretStore(),
    snapshots: createJsonDocumentStore({
      cwd: options.dataDir,
      configName: 'snapshot',
      schema: SnapshotDocumentSchema,
      logger: logger.child('snapshot'),
    }),
    settings: createJsonDocumentStore({
      cwd: options.dataDir,
      configName: 'settings',
      schema: SettingsDocumentSchema,
      logger: logger.child('settings'),
    }),
    notifier: options.notifier,
    tray: options.tray,
    logger,
    pollIntervalMs: options.pollIntervalMs,
    power: options.power,
    network: options.network,
    focus: options.focus,
    browser: options.browser,
    loopback: nodeLoopbackListener,
  });
  return {
    core,
    logger,
    async stop() {
      await core.stop();
      logger.close();
    },
  };
}

/**
 * Builds the core with the adapters both hosts share (keychain, JSON files,
 * logger). A host brings only what differs: its notifier and its tray.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CustomEndpointUrl } from '../../src-shared/bridge';
import { TrayCore, type Environment } from '../core/app';
import { environmentFor } from '../core/auth/environments';
import type { Heartbeat } from '../core/heartbeat';
import type {
  AppFocus,
  BrowserOpener,
  Logger,
  NetworkStatus,
  Notifier,
  PowerEvents,
  SystemLocale,
  TrayView,
} from '../core/ports';
import { SETTINGS_FILE } from '../core/settings-document';
import { SnapshotDocumentSchema } from '../core/snapshot-document';
import { logFolderNotice } from '../core/stored-file-words';
import {
  type BackingFile,
  type BackingFileOptions,
  createJsonDocumentStore,
} from '../node/json-document-store';
import { createKeytarSecretStore } from '../node/keytar-secret-store';
import { type LogProblem, createLogger } from '../node/logger';
import { nodeLoopbackListener } from '../node/loopback-listener';
import { nodeSystemLocale } from '../node/system-locale';

/**
 * The cloud to run against: `KOMBIFY_API_URL` fixes it (and the Settings
 * endpoint then stays as it is); otherwise the Settings endpoint chooses,
 * starting from production.
 */
export function resolveEnvironment(env: NodeJS.ProcessEnv): {
  environment: Environment;
  fixed: boolean;
} {
  const apiUrl = env.KOMBIFY_API_URL?.trim();
  if (!apiUrl) return { environment: environmentFor({ kind: 'production' }), fixed: false };
  if (!CustomEndpointUrl.safeParse(apiUrl).success) {
    throw new Error(`KOMBIFY_API_URL must be https (or http on 127.0.0.1/localhost): ${apiUrl}`);
  }
  const name = env.KOMBIFY_ENV_NAME?.trim() || 'custom';
  return { environment: { name, apiUrl: apiUrl.replace(/\/+$/, '') }, fixed: true };
}

/**
 * The keychain scope of a data folder chosen by hand: its absolute path. The
 * default folder has none, so a normal install keeps one plain entry per cloud.
 */
export function keychainScopeFor(chosenDataDir: string | undefined): string | undefined {
  return chosenDataDir ? resolve(chosenDataDir) : undefined;
}

/** The data folder: `KOMBIFY_DATA_DIR`, else the XDG config folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (env.KOMBIFY_DATA_DIR) return env.KOMBIFY_DATA_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'kombify-tray');
}

export interface HostCoreOptions {
  dataDir: string;
  environment: Environment;
  /** The Settings endpoint chooses the cloud (no KOMBIFY_API_URL). */
  followSettingsEndpoint?: boolean;
  notifier: Notifier;
  tray: TrayView;
  pollIntervalMs?: number;
  /** Sleep and wake (Electron's powerMonitor); nothing is polled while asleep. */
  power?: PowerEvents;
  /** The network coming back. */
  network?: NetworkStatus;
  /** The window gaining focus. */
  focus?: AppFocus;
  /**
   * The host's one idle timer: started here, stopped with the host. Redraws the
   * tray's ages; the host's network and wake checks ride it too.
   */
  heartbeat?: Heartbeat;
  /** Also log to stderr (the browser host in a terminal). */
  logToStderr?: boolean;
  /** Opens the system browser for browser sign-in; without it that sign-in is refused. */
  browser?: BrowserOpener;
  /** A data folder chosen by hand (`KOMBIFY_DATA_DIR`) keeps its own keychain entry. */
  keychainScope?: string;
  /** The file library under settings and snapshot (electron-store in Electron); conf if absent. */
  documentBacking?: (options: BackingFileOptions) => BackingFile;
  /** The system's language for the 'system' setting (Electron's); the POSIX locale if absent. */
  systemLocale?: SystemLocale;
}

export interface HostCore {
  core: TrayCore;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * The core on the Node adapters. A data folder it cannot fully use (an unreadable
 * settings file, a logs folder it cannot write) never stops it: the window says so.
 */
export async function createHostCore(options: HostCoreOptions): Promise<HostCore> {
  let core: TrayCore | null = null;
  const tellLogProblem = (problem: LogProblem) =>
    core?.setNotice('log-folder', logFolderNotice(problem.folder, problem.cause));
  const logger = await createLogger({
    file: join(options.dataDir, 'logs', 'main.log'),
    stderr: options.logToStderr ?? false,
    onProblem: tellLogProblem,
  });
  core = new TrayCore({
    environment: options.environment,
    followSettingsEndpoint: options.followSettingsEndpoint,
    keychainScope: options.keychainScope,
    secrets: createKeytarSecretStore(),
    snapshots: createJsonDocumentStore({
      cwd: options.dataDir,
      configName: 'snapshot',
      schema: SnapshotDocumentSchema,
      logger: logger.child('snapshot'),
      backing: options.documentBacking,
    }),
    settings: createJsonDocumentStore({
      cwd: options.dataDir,
      ...SETTINGS_FILE,
      logger: logger.child('settings'),
      backing: options.documentBacking,
    }),
    notifier: options.notifier,
    tray: options.tray,
    logger,
    pollIntervalMs: options.pollIntervalMs,
    power: options.power,
    network: options.network,
    focus: options.focus,
    heartbeat: options.heartbeat,
    browser: options.browser,
    loopback: nodeLoopbackListener,
    systemLocale: options.systemLocale ?? (() => nodeSystemLocale(process.env)),
  });
  if (logger.problem) tellLogProblem(logger.problem);
  options.heartbeat?.start();
  const started = core;
  return {
    core: started,
    logger,
    async stop() {
      options.heartbeat?.stop();
      await started.stop();
      logger.close();
    },
  };
}

/**
 * Update checks through electron-updater, in packaged builds only: a source
 * checkout has nothing to update and no signature to check. The feed is the
 * one in electron-builder.yml unless KOMBIFY_UPDATE_URL names another.
 */
import type { BeatSource } from '../core/heartbeat';
import type { Logger } from '../core/ports';

/** The slice of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export interface UpdateCheckOptions {
  packaged: boolean;
  feedUrl?: string;
  logger: Logger;
  loadUpdater?: () => Promise<UpdaterLike>;
  /** The host's heartbeat: checks ride it instead of keeping a timer of their own. */
  heartbeat?: BeatSource;
  intervalMs?: number;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

async function loadElectronUpdater(): Promise<UpdaterLike> {
  const module = await import('electron-updater');
  return module.default.autoUpdater;
}

/** Starts update checks (at once, then every six hours); returns a function that stops them. */
export async function startUpdateChecks(options: UpdateCheckOptions): Promise<() => void> {
  const log = options.logger;
  if (!options.packaged) {
    log.info('update checks are off outside packaged builds');
    return () => undefined;
  }
  const feedUrl = options.feedUrl?.trim();
  if (feedUrl && !feedUrl.startsWith('https://')) {
    log.warn('KOMBIFY_UPDATE_URL is not https: update checks are off', { feedUrl });
    return () => undefined;
  }
  const updater = await (options.loadUpdater ?? loadElectronUpdater)();
  if (feedUrl) updater.setFeedURL({ provider: 'generic', url: feedUrl });
  const check = async () => {
    try {
      await updater.checkForUpdatesAndNotify();
    } catch (error) {
      // Offline or a missing feed must never disturb the tray; the next check retries.
      log.warn('update check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  void check();
  const every = options.intervalMs ?? SIX_HOURS;
  if (!options.heartbeat) {
    const timer = setInterval(() => void check(), every);
    return () => clearInterval(timer);
  }
  let since = 0;
  return options.heartbeat.onBeat((beat) => {
    since += beat.sinceLastMs;
    if (since < every) return;
    since = 0;
    void check();
  });
}

/**
 * The person's settings and notification pause, in memory and in a
 * DocumentStore. A change is merged field by field into a fresh object and
 * checked against the schema before anything is written: a refused change
 * leaves the file as it was, byte for byte.
 */
import {
  DEFAULT_SETTINGS,
  Settings,
  type Settings as SettingsT,
  type SettingsPatch,
} from '../../src-shared/bridge';
import { BridgeFailure } from './error-words';
import { NOT_PAUSED, type NotificationPause } from './notification-rules';
import type { DocumentStore, Logger } from './ports';
import type { SettingsDocument } from './settings-document';

/** Options of {@link SettingsBook}. */
export interface SettingsBookOptions {
  store: DocumentStore<SettingsDocument>;
  logger: Logger;
}

/** Holds the settings; every change goes through {@link update} or {@link setPause}. */
export class SettingsBook {
  readonly #o: SettingsBookOptions;
  #settings: SettingsT = DEFAULT_SETTINGS;
  #pause: NotificationPause = NOT_PAUSED;

  constructor(options: SettingsBookOptions) {
    this.#o = options;
  }

  get settings(): SettingsT {
    return this.#settings;
  }

  get pause(): NotificationPause {
    return this.#pause;
  }

  /**
   * Reads the file. A missing or unusable one gives the defaults; one with some
   * refused values gives those defaults and keeps the rest (the store decides and reports).
   */
  load(): void {
    try {
      const document = this.#o.store.load();
      if (!document) return;
      this.#settings = document.settings;
      this.#pause = document.notificationPause;
    } catch (error) {
      this.#o.logger.warn('settings could not be read; using the defaults', {
        error: String(error),
      });
    }
  }

  /** Applies a validated patch; refuses a result the schema refuses. Returns the new settings. */
  update(patch: SettingsPatch): SettingsT {
    const parsed = Settings.safeParse(merge(this.#settings, patch));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      throw new BridgeFailure({
        code: 'INVALID_REQUEST',
        message: `These settings cannot be used${where}. Nothing was changed.`,
      });
    }
    if (JSON.stringify(parsed.data) === JSON.stringify(this.#settings)) return this.#settings;
    this.#write(parsed.data, this.#pause);
    this.#settings = parsed.data;
    return parsed.data;
  }

  setPause(pause: NotificationPause): void {
    this.#write(this.#settings, pause);
    this.#pause = pause;
  }

  #write(settings: SettingsT, pause: NotificationPause): void {
    try {
      this.#o.store.save({ version: 1, settings, notificationPause: pause });
    } catch (error) {
      this.#o.logger.error('settings could not be saved', { error: String(error) });
      throw new BridgeFailure({
        code: 'SETTINGS_NOT_SAVED',
        message: 'Your settings could not be saved. Check the disk and try again.',
      });
    }
  }
}

/** A fresh object from known fields only: no key of the patch is copied blindly. */
function merge(current: SettingsT, patch: SettingsPatch): unknown {
  const notifications = patch.notifications;
  return {
    endpoint: patch.endpoint ?? current.endpoint,
    polling: {
      quietIntervalSeconds:
        patch.polling?.quietIntervalSeconds ?? current.polling.quietIntervalSeconds,
    },
    notifications: {
      enabled: { ...current.notifications.enabled, ...notifications?.enabled },
      quietHours: { ...current.notifications.quietHours, ...notifications?.quietHours },
    },
    startAtLogin: patch.startAtLogin ?? current.startAtLogin,
    theme: patch.theme ?? current.theme,
    language: patch.language ?? current.language,
  };
}

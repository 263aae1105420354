/**
 * Settings, the notification pause and the rules, in one place for the core:
 * events from a sync come in, at most one notification goes out, and what
 * the window shows about notifications comes from here.
 */
import type {
  NotificationView,
  NotificationsView,
  Settings,
  SettingsPatch,
} from '../../src-shared/bridge';
import {
  MAX_HELD,
  NOT_PAUSED,
  heldSummary,
  holdReason,
  isPaused,
  notificationsToShow,
  pauseFor,
  pauseView,
  wantedEvents,
} from './notification-rules';
import { type Words, wordsFor } from './i18n';
import type { Clock, DocumentStore, Logger, Notifier, SystemLocale } from './ports';
import { SettingsBook } from './settings-book';
import type { SettingsDocument } from './settings-document';

/** Options of {@link NotificationCenter}. */
export interface NotificationCenterOptions {
  /** Where settings live; in memory only when absent (tests, tools). */
  store?: DocumentStore<SettingsDocument>;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  timeZone?: string;
  /** The host's locale, for the 'system' language; English when absent. */
  systemLocale?: SystemLocale;
}

/** Holds settings and pause, applies the rules, raises notifications. */
export class NotificationCenter {
  readonly #o: NotificationCenterOptions;
  readonly #book: SettingsBook;
  #unsupported = false;
  /** What a pause or quiet hours held back (this run only), for one summary after. */
  #held: NotificationView[] = [];
  #heldDropped = 0;
  #heldWhy: 'paused' | 'quiet hours' = 'quiet hours';

  constructor(options: NotificationCenterOptions) {
    this.#o = options;
    this.#book = new SettingsBook({
      store: options.store ?? memoryStore(),
      logger: options.logger,
    });
  }

  get settings(): Settings {
    return this.#book.settings;
  }

  /** The language of the settings in force (for 'system', the host's), with its locale. */
  words(): Words {
    return wordsFor(this.#book.settings.language, this.#o.systemLocale?.());
  }

  load(): void {
    this.#book.load();
  }

  /** What the window shows: the pause in force, and whether the system shows notifications. */
  view(): NotificationsView {
    const view = pauseView(this.#book.pause, this.#o.clock.now());
    return this.#unsupported ? { ...view, unsupported: true } : view;
  }

  paused(): boolean {
    return isPaused(this.#book.pause, this.#o.clock.now());
  }

  update(patch: SettingsPatch): Settings {
    return this.#book.update(patch);
  }

  pause(choice: 'hour' | 'tomorrow' | 'until-resumed'): void {
    this.#book.setPause(pauseFor(choice, this.#o.clock.now()));
    this.#o.logger.info('notifications paused', { choice });
  }

  resume(): void {
    this.#book.setPause(NOT_PAUSED);
    this.#o.logger.info('notifications resumed');
  }

  /** The events of one sync, through the rules; `away` after a long sleep or offline spell. */
  raise(events: NotificationView[], away: boolean): void {
    const context = {
      settings: this.#book.settings.notifications,
      pause: this.#book.pause,
      now: this.#o.clock.now(),
      away,
      timeZone: this.#o.timeZone,
      words: this.words(),
    };
    const holding = holdReason(context);
    if (holding) {
      if (events.length > 0) {
        this.#o.logger.info('notifications held', { why: holding, events: events.length });
      }
      this.#hold(wantedEvents(events, context.settings), holding);
      return;
    }
    const decision = notificationsToShow(events, context);
    if (decision.held) {
      this.#o.logger.info('notifications held', { why: decision.held, events: events.length });
    }
    if (this.#held.length > 0) {
      // The hold is over: what it kept and what just came, told once, together.
      const wanted = wantedEvents(events, this.#book.settings.notifications);
      const held = [...this.#held, ...wanted];
      const dropped = this.#heldDropped;
      this.forgetHeld();
      this.show(heldSummary(held, this.#heldWhy, dropped, context.words));
      return;
    }
    for (const notification of decision.show) this.show(notification);
  }

  /** Drops what was held (sign-out: the next account must not see it). */
  forgetHeld(): void {
    this.#held = [];
    this.#heldDropped = 0;
  }

  #hold(events: NotificationView[], why: 'paused' | 'quiet hours'): void {
    if (events.length === 0) return;
    this.#heldWhy = why;
    this.#held.push(...events);
    const over = this.#held.length - MAX_HELD;
    if (over > 0) {
      this.#held.splice(0, over);
      this.#heldDropped += over;
    }
  }

  /** Shows one notification as it is (also for session news, which no rule holds back). */
  show(notification: NotificationView): void {
    const shown = this.#o.notifier.notify(notification);
    this.#unsupported = !shown;
    this.#o.logger.info('notification raised', { key: notification.key, shown });
  }
}

function memoryStore(): DocumentStore<SettingsDocument> {
  let document: SettingsDocument | null = null;
  return {
    load: () => document,
    save: (value) => {
      document = value;
    },
    clear: () => {
      document = null;
    },
  };
}

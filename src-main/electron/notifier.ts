/**
 * The Notifier port on Electron. Where the platform cannot show
 * notifications it says so, and the tray still carries the change. A click
 * opens the window where the core's router says the notification is about.
 */
import type * as Electron from 'electron';
import type { NavigationView, NotificationView } from '../../src-shared/bridge';
import { navigationFor } from '../core/notification-rules';
import type { Notifier } from '../core/ports';

/** The part of Electron notifications need; main passes the real module, tests a fake. */
export type NotifierElectron = Pick<typeof Electron, 'Notification'>;

export class ElectronNotifier implements Notifier {
  readonly #electron: NotifierElectron;
  readonly #onClick: (to: NavigationView) => void;
  readonly #icon: string | undefined;
  // Shown notifications are kept until closed: one garbage-collected early loses its click.
  readonly #shown = new Set<Electron.Notification>();

  constructor(electron: NotifierElectron, onClick: (to: NavigationView) => void, icon?: string) {
    this.#electron = electron;
    this.#onClick = onClick;
    this.#icon = icon;
  }

  notify(notification: NotificationView): boolean {
    const { Notification } = this.#electron;
    if (!Notification.isSupported()) return false;
    const shown = new Notification({
      title: notification.title,
      body: notification.body,
      icon: this.#icon,
    });
    this.#shown.add(shown);
    shown.on('click', () => this.#onClick(navigationFor(notification)));
    shown.on('close', () => this.#shown.delete(shown));
    shown.show();
    return true;
  }
}

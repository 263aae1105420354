/**
 * The Notifier port on Electron. Where the platform cannot show
 * notifications it says so, and the tray still carries the change.
 */
import type * as Electron from 'electron';
import type { NotificationView } from '../../src-shared/bridge';
import type { Notifier } from '../core/ports';

/** The part of Electron notifications need; main passes the real module, tests a fake. */
export type NotifierElectron = Pick<typeof Electron, 'Notification'>;

export class ElectronNotifier implements Notifier {
  readonly #electron: NotifierElectron;
  readonly #onClick: (notification: NotificationView) => void;
  readonly #icon: string | undefined;
  // Shown notifications are kept until closed: one garbage-collected early loses its click.
  readonly #shown = new Set<Electron.Notification>();

  constructor(
    electron: NotifierElectron,
    onClick: (notification: NotificationView) => void,
    icon?: string,
  ) {
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
    shown.on('click', () => this.#onClick(notification));
    shown.on('close', () => this.#shown.delete(shown));
    shown.show();
    return true;
  }
}

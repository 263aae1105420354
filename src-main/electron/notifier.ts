/**
 * The Notifier port on Electron. Where the platform cannot show
 * notifications it says so, and the tray still carries the change.
 */
import { Notification } from 'electron';
import type { NotificationView } from '../../src-shared/bridge';
import type { Notifier } from '../core/ports';

export class ElectronNotifier implements Notifier {
  readonly #onClick: (notification: NotificationView) => void;
  readonly #icon: string | undefined;

  constructor(onClick: (notification: NotificationView) => void, icon?: string) {
    this.#onClick = onClick;
    this.#icon = icon;
  }

  notify(notification: NotificationView): boolean {
    if (!Notification.isSupported()) return false;
    const shown = new Notification({
      title: notification.title,
      body: notification.body,
      icon: this.#icon,
    });
    shown.on('click', () => this.#onClick(notification));
    shown.show();
    return true;
  }
}

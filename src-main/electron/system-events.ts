/**
 * Sleep, wake, network, focus and the system language from Electron, as the
 * core's ports. Each subscription can be undone, so repeated sleeps never pile
 * up listeners.
 */
import type * as Electron from 'electron';
import type { BeatSource } from '../core/heartbeat';
import type {
  AppFocus,
  NetworkStatus,
  PowerEvents,
  SystemLocale,
  Unsubscribe,
} from '../core/ports';

type Emitter = Pick<Electron.PowerMonitor, 'on' | 'removeListener'>;

function subscribe(emitter: Emitter, event: 'suspend' | 'resume', listener: () => void) {
  emitter.on(event as 'suspend', listener);
  return () => void emitter.removeListener(event as 'suspend', listener);
}

export function powerEvents(powerMonitor: Emitter): PowerEvents {
  return {
    onSuspend: (listener) => subscribe(powerMonitor, 'suspend', listener),
    onResume: (listener) => subscribe(powerMonitor, 'resume', listener),
  };
}

/**
 * Electron's main process has no "online" event; `net.isOnline()` is a cheap
 * local check, so it is looked at on each heartbeat (no timer of its own) and
 * a change from offline to online reported.
 */
export function networkStatus(
  net: Pick<typeof Electron.net, 'isOnline'>,
  heartbeat: BeatSource,
): NetworkStatus {
  return {
    onOnline(listener): Unsubscribe {
      let online = net.isOnline();
      return heartbeat.onBeat(() => {
        const now = net.isOnline();
        if (now && !online) listener();
        online = now;
      });
    },
  };
}

export function appFocus(app: Pick<Electron.App, 'on' | 'removeListener'>): AppFocus {
  return {
    onFocus(listener): Unsubscribe {
      app.on('browser-window-focus', listener);
      return () => void app.removeListener('browser-window-focus', listener);
    },
  };
}

/**
 * The system's own language for the 'system' setting: the first of the OS's preferred
 * languages, else the locale Electron chose for the app.
 */
export function systemLocale(
  app: Pick<Electron.App, 'getPreferredSystemLanguages' | 'getLocale'>,
): ReturnType<SystemLocale> {
  return app.getPreferredSystemLanguages()[0] ?? app.getLocale();
}

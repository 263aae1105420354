/**
 * The Electron start-up, in the order it must run: one instance only, the
 * identity Windows needs before any notification (or it drops them all), the
 * app:// scheme (allowed only before ready), then the app itself once ready.
 * Main passes the real module; a test passes a fake and checks the order.
 */
import type * as Electron from 'electron';
import { APP_ID } from './app-identity';

/** What the start-up order needs of Electron. */
export interface StartupElectron {
  app: Pick<Electron.App, 'requestSingleInstanceLock' | 'quit' | 'setAppUserModelId' | 'whenReady'>;
  /** Registers app:// as a privileged scheme. */
  registerAppScheme(): void;
}

/**
 * Runs `run` once the app is ready, every notification it shows after the
 * AppUserModelID is set. False when another instance runs: this one quits.
 */
export async function startElectron(
  electron: StartupElectron,
  run: () => Promise<void>,
): Promise<boolean> {
  const { app } = electron;
  // A second launch hands over to the first instead of refreshing alongside it.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.setAppUserModelId(APP_ID);
  electron.registerAppScheme();
  await app.whenReady();
  await run();
  return true;
}

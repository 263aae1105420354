/**
 * The Electron start-up order, against a fake app: Windows drops every
 * notification shown before the AppUserModelID is set, so nothing may come
 * before it but the single-instance check.
 */
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../src-main/electron/app-identity';
import { ElectronNotifier, type NotifierElectron } from '../../src-main/electron/notifier';
import { startElectron, type StartupElectron } from '../../src-main/electron/startup';

function fakeElectron(log: string[], { primary = true } = {}) {
  class FakeNotification {
    static isSupported = () => true;
    constructor() {
      log.push('new Notification');
    }
    on() {}
    show() {}
  }
  const surface: StartupElectron = {
    app: {
      requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), primary),
      quit: () => void log.push('quit'),
      setAppUserModelId: (id: string) => void log.push(`setAppUserModelId ${id}`),
      whenReady: async () => void log.push('whenReady'),
    },
    registerAppScheme: () => void log.push('registerAppScheme'),
  };
  return {
    surface,
    notifications: { Notification: FakeNotification } as unknown as NotifierElectron,
  };
}

describe('startElectron()', () => {
  it('sets the AppUserModelID before the app is ready and before any notification', async () => {
    const log: string[] = [];
    const { surface, notifications } = fakeElectron(log);
    const started = await startElectron(surface, async () => {
      log.push('run');
      new ElectronNotifier(notifications, () => undefined).notify({
        key: 'k',
        kind: 'deployment-failed',
        title: 'Deployment failed',
        body: '',
      });
    });
    expect(started).toBe(true);
    expect(log).toEqual([
      'requestSingleInstanceLock',
      `setAppUserModelId ${APP_ID}`,
      'registerAppScheme',
      'whenReady',
      'run',
      'new Notification',
    ]);
  });

  it('hands over to the running instance and starts nothing', async () => {
    const log: string[] = [];
    const { surface } = fakeElectron(log, { primary: false });
    const started = await startElectron(surface, async () => void log.push('run'));
    expect(started).toBe(false);
    expect(log).toEqual(['requestSingleInstanceLock', 'quit']);
  });
});

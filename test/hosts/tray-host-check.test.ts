import { describe, expect, it } from 'vitest';
import { checkTrayHost, type RunCommand } from '../../src-main/node/tray-host-check';

const reply = (owned: boolean) =>
  `method return time=1 sender=org.freedesktop.DBus\n   boolean ${owned}\n`;

describe('checkTrayHost()', () => {
  it('finds a watcher under either bus name', async () => {
    const asked: string[] = [];
    const run: RunCommand = async (_file, args) => {
      const name = args.at(-1)!;
      asked.push(name);
      return reply(name === 'string:org.freedesktop.StatusNotifierWatcher');
    };
    expect(await checkTrayHost(run)).toBe('available');
    expect(asked).toHaveLength(2);
  });

  it('says missing when the bus answers and nobody owns a watcher', async () => {
    expect(await checkTrayHost(async () => reply(false))).toBe('missing');
  });

  it('says unknown when the bus cannot be asked, so the tray is still tried', async () => {
    expect(await checkTrayHost(async () => null)).toBe('unknown');
  });

  it('asks the real session bus, which has no watcher in tests', async () => {
    // Inside scripts/with-keyring.sh there is a private bus with only the keyring on it.
    const status = await checkTrayHost();
    expect(status).toBe(process.env.DBUS_SESSION_BUS_ADDRESS ? 'missing' : 'unknown');
  });
});

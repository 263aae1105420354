import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
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

  describe('against a real bus', () => {
    let daemon: ChildProcess | null = null;
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;

    afterEach(() => {
      daemon?.kill();
      daemon = null;
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    });

    /** A private session bus of our own: nobody on it owns a watcher, on any desktop. */
    async function privateBus(): Promise<string> {
      const started = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      daemon = started;
      const [line] = (await once(createInterface({ input: started.stdout! }), 'line')) as [string];
      return line.trim();
    }

    it('says missing on a bus that answers without a watcher', async () => {
      process.env.DBUS_SESSION_BUS_ADDRESS = await privateBus();
      expect(await checkTrayHost()).toBe('missing');
    });

    it('says unknown when no bus is there to ask', async () => {
      const nowhere = await mkdtemp(join(tmpdir(), 'kombify-nobus-'));
      process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(nowhere, 'bus')}`;
      expect(await checkTrayHost()).toBe('unknown');
    });
  });
});

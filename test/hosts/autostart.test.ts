import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOSTART_FILE, autostartDir, setLinuxAutostart } from '../../src-main/node/autostart';

describe('setLinuxAutostart()', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kombify-autostart-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a desktop entry that starts the app, quoting paths with spaces', async () => {
    const target = join(dir, 'autostart');
    await setLinuxAutostart(true, ['/opt/kombify Tray/kombify-tray', '--hidden'], target);
    const entry = await readFile(join(target, AUTOSTART_FILE), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/kombify Tray/kombify-tray" --hidden\n');
    expect(entry).toContain('Type=Application');
  });

  it('removes the entry when turned off, and turning off twice is fine', async () => {
    await setLinuxAutostart(true, ['/usr/bin/kombify-tray'], dir);
    await setLinuxAutostart(false, ['/usr/bin/kombify-tray'], dir);
    await expect(stat(join(dir, AUTOSTART_FILE))).rejects.toThrow();
    await setLinuxAutostart(false, ['/usr/bin/kombify-tray'], dir);
  });

  it('uses XDG_CONFIG_HOME when set', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/config' })).toBe('/x/config/autostart');
  });
});

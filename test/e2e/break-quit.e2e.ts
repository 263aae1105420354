/**
 * Found by adversarial testing: quitting the browser host with Ctrl-C (or
 * SIGTERM) never releases its instance lock. scripts/start.ts exits from its
 * signal handler and only then calls `void host.stop()` from
 * `process.on('exit')`, where nothing asynchronous runs, so `lock.release()`
 * (an async rm) never happens and `instance.lock` stays with the dead pid and
 * the old page address (bridge key included).
 *
 * The next start takes a stale lock over only when its pid is dead; after a
 * reboot or in a container that pid often belongs to another process, and the
 * app then refuses to start ("kombify Tray is already running: <an address
 * nobody answers>"). In a read-only data folder the stale lock cannot be
 * removed and the start crashes (EACCES on unlink).
 *
 * Marked `test.fail` until a quit releases the lock.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmulator } from '../support/emulator';
import { removeDir, startHost } from './support/app';

test.fail('Ctrl-C in the terminal releases the data folder for the next start', async () => {
  const emulator = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'kombify-break-quit-'));
  try {
    const host = await startHost(emulator.apiUrl, dataDir);
    await access(join(dataDir, 'instance.lock'));
    const exited = new Promise((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGINT');
    await exited;
    const left = await access(join(dataDir, 'instance.lock')).then(
      () => true,
      () => false,
    );
    expect(left).toBe(false);
  } finally {
    await emulator.stop();
    await removeDir(dataDir);
  }
});

test('a lock left behind whose pid now belongs to another program blocks the next start', async () => {
  // Documents the consequence; passes today (the start is refused) and should be
  // turned around with the fix: another program holding the pid is not kombify Tray.
  const emulator = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'kombify-break-reuse-'));
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      join(dataDir, 'instance.lock'),
      JSON.stringify({ pid: other.pid, pageUrl: 'http://127.0.0.1:9/#k=gone' }),
    );
    const refused = await startHost(emulator.apiUrl, dataDir).then(
      async (host) => {
        host.child.kill('SIGTERM');
        return null;
      },
      (error: Error) => error.message,
    );
    expect(refused).toContain('kombify Tray is already running: http://127.0.0.1:9/#k=gone');
  } finally {
    other.kill('SIGKILL');
    await emulator.stop();
    await removeDir(dataDir);
  }
});

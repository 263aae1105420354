/**
 * Quitting the browser host from its terminal (Ctrl-C, SIGTERM) leaves the
 * data folder free for the next start. The lock once stayed behind with the
 * dead pid and the old page address; after a reboot, when that pid belonged to
 * another program, the next start refused with "already running" at an
 * address nobody answered.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmulator } from '../support/emulator';
import { removeDir, startHost } from './support/app';

test('Ctrl-C in the terminal releases the data folder for the next start', async () => {
  const emulator = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'kombify-quit-'));
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

test('a lock left behind whose pid now belongs to another program does not block the next start', async () => {
  const emulator = await startEmulator();
  const dataDir = await mkdtemp(join(tmpdir(), 'kombify-reuse-'));
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      join(dataDir, 'instance.lock'),
      JSON.stringify({ pid: other.pid, pageUrl: 'http://127.0.0.1:9/#k=gone' }),
    );
    const host = await startHost(emulator.apiUrl, dataDir);
    expect(host.pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=/);
    const exited = new Promise((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGTERM');
    await exited;
  } finally {
    other.kill('SIGKILL');
    await emulator.stop();
    await removeDir(dataDir);
  }
});

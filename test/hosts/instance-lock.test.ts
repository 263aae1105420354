import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainAccount } from '../../src-main/core/session';
import { keychainScopeFor } from '../../src-main/host/compose';
import { acquireInstanceLock, runningInstance } from '../../src-main/node/instance-lock';

/** A first instance's page, really answering on loopback. */
async function answeringPage() {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/#k=abc`;
  return { url, close: () => server.close() };
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('runningInstance()', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kombify-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the instance that holds the folder, before anything is started for a second one', async () => {
    const page = await answeringPage();
    try {
      const lock = join(dir, 'instance.lock');
      const held = { pid: process.ppid, pageUrl: page.url };
      await writeFile(lock, JSON.stringify(held));
      expect(await runningInstance(dir)).toEqual(held);
      // Only a look: the first instance's lock stays as it was.
      expect(JSON.parse(await readFile(lock, 'utf8'))).toEqual(held);
      // The same live pid with nobody answering at its address is no instance of ours.
      await writeFile(lock, JSON.stringify({ ...held, pageUrl: 'http://127.0.0.1:9/#k=gone' }));
      expect(await runningInstance(dir)).toBeNull();
    } finally {
      page.close();
    }
  });

  it('finds none in a folder without a lock, with a stale one, or with a garbled one', async () => {
    expect(await runningInstance(dir)).toBeNull();
    expect(await runningInstance(join(dir, 'not-there'))).toBeNull();
    const lock = join(dir, 'instance.lock');
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), pageUrl: 'x' }));
    expect(await runningInstance(dir)).toBeNull();
    await writeFile(lock, '{not json');
    expect(await runningInstance(dir)).toBeNull();
    // This process's own lock is no other instance.
    await writeFile(lock, JSON.stringify({ pid: process.pid, pageUrl: 'x' }));
    expect(await runningInstance(dir)).toBeNull();
  });
});

describe('acquireInstanceLock()', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kombify-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets one instance hold the folder and tells a second where the first is', async () => {
    const page = await answeringPage();
    const pageUrl = page.url;
    try {
      const first = await acquireInstanceLock(dir);
      expect(first.acquired).toBe(true);
      if (!first.acquired) return;
      await first.publish(pageUrl);

      // Another live process holds it: the test runner's parent stands in for it.
      const body = JSON.parse(await readFile(join(dir, 'instance.lock'), 'utf8'));
      await writeFile(join(dir, 'instance.lock'), JSON.stringify({ ...body, pid: process.ppid }));
      const second = await acquireInstanceLock(dir);
      expect(second).toEqual({ acquired: false, holder: { pid: process.ppid, pageUrl } });
    } finally {
      page.close();
    }
  });

  it('takes over a lock whose pid now belongs to another program, whose page nobody answers', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeFile(
        join(dir, 'instance.lock'),
        JSON.stringify({ pid: other.pid, pageUrl: 'http://127.0.0.1:9/#k=gone' }),
      );
      const taken = await acquireInstanceLock(dir);
      expect(taken.acquired).toBe(true);
      const body = JSON.parse(await readFile(join(dir, 'instance.lock'), 'utf8'));
      expect(body.pid).toBe(process.pid);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('releases, also synchronously at exit, only a lock that is still its own', async () => {
    const mine = await acquireInstanceLock(dir);
    if (!mine.acquired) throw new Error('not acquired');
    mine.releaseSync();
    await expect(stat(join(dir, 'instance.lock'))).rejects.toThrow();
    // A newer instance took the folder meanwhile: an old release leaves its lock alone.
    await writeFile(join(dir, 'instance.lock'), JSON.stringify({ pid: process.ppid, pageUrl: '' }));
    mine.releaseSync();
    await mine.release();
    expect(JSON.parse(await readFile(join(dir, 'instance.lock'), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock whose process is gone, and a garbled one', async () => {
    await writeFile(
      join(dir, 'instance.lock'),
      JSON.stringify({ pid: await deadPid(), pageUrl: 'x' }),
    );
    const taken = await acquireInstanceLock(dir);
    expect(taken.acquired).toBe(true);
    if (taken.acquired) await taken.release();
    await expect(stat(join(dir, 'instance.lock'))).rejects.toThrow();

    await writeFile(join(dir, 'instance.lock'), '\0\0\0');
    expect((await acquireInstanceLock(dir)).acquired).toBe(true);
  });
});

describe('acquireInstanceLock() on a folder it cannot write', () => {
  it('lets the app start and says why it is unguarded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kombify-lock-ro-'));
    try {
      await chmod(dir, 0o500);
      // root writes anyway; the rule holds where permissions bite (any normal user).
      const result = await acquireInstanceLock(dir);
      expect(result.acquired).toBe(true);
      if (result.acquired && process.getuid?.() !== 0) expect(result.warning).toMatch(/EACCES/);
    } finally {
      await chmod(dir, 0o700);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('two installs side by side', () => {
  it('keep separate keychain entries when a data folder is chosen by hand, one plain entry otherwise', () => {
    const cloud = { name: 'production', apiUrl: 'https://api.kombify.io/v1' };
    expect(keychainAccount(cloud, keychainScopeFor(undefined))).toBe(
      'production|https://api.kombify.io/v1',
    );
    const first = keychainAccount(cloud, keychainScopeFor('/tmp/kt1'));
    const second = keychainAccount(cloud, keychainScopeFor('/tmp/kt2/'));
    expect(first).toBe('production|https://api.kombify.io/v1|/tmp/kt1');
    expect(second).toBe('production|https://api.kombify.io/v1|/tmp/kt2');
  });
});

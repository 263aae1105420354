/**
 * One app per data folder for the browser host (Electron has its own
 * single-instance lock): a second start finds the first and hands over to it,
 * instead of a second poller and a second refresh-token user running beside it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface LockBody {
  pid: number;
  pageUrl: string;
}

export type LockResult =
  | {
      acquired: true;
      release(): Promise<void>;
      /** For `process.on('exit')`, where nothing asynchronous runs (Ctrl-C, SIGTERM). */
      releaseSync(): void;
      publish(pageUrl: string): Promise<void>;
      /** Set when the folder cannot hold a lock: the app runs, unguarded, and says why. */
      warning?: string;
    }
  | { acquired: false; holder: LockBody };

const LOCK_FILE = 'instance.lock';

function unlocked(code: string): LockResult {
  return {
    acquired: true,
    warning: `the data folder cannot be written (${code}): a second instance would not be stopped`,
    publish: async () => undefined,
    release: async () => undefined,
    releaseSync: () => undefined,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockBody | null> {
  try {
    const body = JSON.parse(await readFile(path, 'utf8')) as Partial<LockBody>;
    return typeof body.pid === 'number'
      ? { pid: body.pid, pageUrl: String(body.pageUrl ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Removes the lock only while it is still ours: a newer instance may hold it by now. */
function removeIfOurs(path: string): void {
  try {
    const body = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockBody>;
    if (body.pid === process.pid) rmSync(path, { force: true });
  } catch {
    // Gone already, or not ours to judge: leave it.
  }
}

/**
 * Whether the holder is a running kombify Tray: its process exists and its
 * page answers. A pid alone is not enough: after a reboot, or in a container,
 * the pid of a lock left behind often belongs to another program by now.
 */
async function holderRuns(holder: LockBody, probe: Probe): Promise<boolean> {
  if (holder.pid === process.pid || !alive(holder.pid)) return false;
  // Still starting (no address yet): give it the benefit of the doubt.
  if (!holder.pageUrl) return true;
  return probe(holder.pageUrl);
}

/** Asks a page address whether anything answers it, within a second. */
export type Probe = (pageUrl: string) => Promise<boolean>;

const httpProbe: Probe = async (pageUrl) => {
  try {
    const response = await fetch(new URL('/', pageUrl), { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
};

/**
 * The other live instance that holds the folder, or null; only looks, never takes or
 * clears the lock. `npm start` asks first, so a second start hands over to the first
 * without starting an emulator of its own on the way.
 */
export async function runningInstance(
  dataDir: string,
  probe: Probe = httpProbe,
): Promise<LockBody | null> {
  const holder = await readLock(join(dataDir, LOCK_FILE));
  return holder && (await holderRuns(holder, probe)) ? holder : null;
}

/** Takes the folder's lock, or says who holds it. A lock left by a dead process is taken over. */
export async function acquireInstanceLock(
  dataDir: string,
  probe: Probe = httpProbe,
): Promise<LockResult> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, pageUrl: '' }));
      await handle.close();
      return {
        acquired: true,
        publish: (pageUrl) =>
          writeFile(path, JSON.stringify({ pid: process.pid, pageUrl }), { mode: 0o600 }),
        release: async () => removeIfOurs(path),
        releaseSync: () => removeIfOurs(path),
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder we cannot write (read-only, no permission) must not stop the app from starting.
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return unlocked(code);
      if (code !== 'EEXIST') throw error;
      const holder = await readLock(path);
      if (holder && (await holderRuns(holder, probe))) return { acquired: false, holder };
      // Stale (its process is gone or is not us) or unreadable: clear it and try once more.
      try {
        await rm(path, { force: true });
      } catch (cleared) {
        // A read-only folder keeps the stale lock: run unguarded rather than not at all.
        return unlocked((cleared as NodeJS.ErrnoException).code ?? 'EACCES');
      }
    }
  }
  throw new Error(`could not take the instance lock in ${dataDir}`);
}

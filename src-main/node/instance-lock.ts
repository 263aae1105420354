/**
 * One app per data folder for the browser host (Electron has its own
 * single-instance lock): a second start finds the first and hands over to it,
 * instead of a second poller and a second refresh-token user running beside it.
 */
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

/**
 * The other live instance that holds the folder, or null; only looks, never takes or
 * clears the lock. `npm start` asks first, so a second start hands over to the first
 * without starting an emulator of its own on the way.
 */
export async function runningInstance(dataDir: string): Promise<LockBody | null> {
  const holder = await readLock(join(dataDir, LOCK_FILE));
  return holder && holder.pid !== process.pid && alive(holder.pid) ? holder : null;
}

/** Takes the folder's lock, or says who holds it. A lock left by a dead process is taken over. */
export async function acquireInstanceLock(dataDir: string): Promise<LockResult> {
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
        release: () => rm(path, { force: true }),
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder we cannot write (read-only, no permission) must not stop the app from starting.
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return unlocked(code);
      if (code !== 'EEXIST') throw error;
      const holder = await readLock(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        return { acquired: false, holder };
      }
      // Stale (its process is gone) or unreadable: clear it and try once more.
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take the instance lock in ${dataDir}`);
}

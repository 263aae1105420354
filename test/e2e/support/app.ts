/**
 * Runs the real app for end-to-end tests: the emulator and the browser host
 * (through `npm start`'s own script) as separate processes, each in a fresh
 * data folder, and hands the test the page address and both processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startEmulator, type RunningEmulator } from '../../support/emulator';

export interface RunningApp {
  pageUrl: string;
  dataDir: string;
  emulator: RunningEmulator;
  output: string[];
  /** Calls a bridge method on the host as the window would, with the page's key. */
  bridge(method: string, payload?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const READY = /kombify Tray is ready: (http:\/\/127\.0\.0\.1:\d+\/#k=\S+)/;

export async function startApp(
  options: { speed?: number; dataDir?: string } = {},
): Promise<RunningApp> {
  const emulator = await startEmulator({ speed: options.speed ?? 2 });
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kombify-e2e-')));
  const host = await startHost(emulator.apiUrl, dataDir);
  return {
    pageUrl: host.pageUrl,
    dataDir,
    emulator,
    output: host.output,
    bridge: (method, payload) => callBridge(host.pageUrl, method, payload),
    async stop() {
      await stopProcess(host.child);
      await emulator.stop().catch(() => undefined);
    },
  };
}

export async function startHost(apiUrl: string, dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--browser', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        KOMBIFY_API_URL: apiUrl,
        KOMBIFY_ENV_NAME: 'e2e emulator',
        KOMBIFY_DATA_DIR: dataDir,
        KOMBIFY_POLL_INTERVAL_MS: '1000',
      },
    },
  );
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const pageUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`browser host exited (${code}):\n${output.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const match = READY.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { child, pageUrl, output };
}

/** `npm start`'s script as a person runs it, with its terminal output as it comes. */
export interface StartScript {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr, line by line. */
  lines: string[];
  /** Resolves with the first line (printed so far or later) that matches. */
  waitFor(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/** Runs `scripts/start.ts` with `args`; `env` is added to this process's, undefined removes. */
export function runStartScript(
  args: string[],
  env: Record<string, string | undefined>,
): StartScript {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: merged,
  });
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const check of waiting) check();
    });
  }
  return {
    child,
    lines,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => pattern.test(l));
          if (line === undefined) return;
          waiting.delete(check);
          resolve(line);
        };
        waiting.add(check);
        child.once('exit', (code) => {
          if (!waiting.has(check)) return;
          waiting.delete(check);
          reject(new Error(`start.ts exited (${code}) before ${pattern}:\n${lines.join('\n')}`));
        });
        check();
      });
    },
    stop: () => stopProcess(child),
  };
}

export async function callBridge(pageUrl: string, method: string, payload?: unknown) {
  const url = new URL(pageUrl);
  const key = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const response = await fetch(new URL(`/bridge/${method}`, url.origin), {
    method: 'POST',
    headers: { 'X-Kombify-Bridge-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload === undefined ? {} : { payload }),
  });
  if (!response.ok) throw new Error(`bridge ${method}: HTTP ${response.status}`);
  return response.json();
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Every file below a folder, with its bytes as text, for secret scans. */
export async function readAllFiles(dir: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: await readFile(path, 'latin1') };
    }),
  );
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Starts the real emulator process for a test (`tsx emulator/main.ts --port 0`),
 * waits for its first stdout line, and stops it afterwards. Shared by the
 * contract, unit-integration and end-to-end tests.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LISTENING = /^kombify emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/;
const API_KEY = /^demo API key: (\S+)$/;
const START_TIMEOUT_MS = 20_000;

/** Options for startEmulator; each maps to a command-line flag. */
export interface StartEmulatorOptions {
  /** Emulated ms per real ms; 0 freezes the clock (move it with control('time')). */
  speed?: number;
  /** Access token lifetime (`--token-ttl`), default 900. */
  tokenTtlSeconds?: number;
  /** Persist state to this file across restarts. */
  stateFile?: string;
  extraArgs?: string[];
}

/** A started emulator process and how to reach and stop it. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`, also the OIDC issuer. */
  url: string;
  /** `url + '/v1'`, the API base URL. */
  apiUrl: string;
  /** The demo account's API key printed at start. */
  apiKey: string;
  /** POST /_emulator/<path> with a JSON body; resolves with the JSON reply, rejects on non-2xx. */
  control(path: string, body?: unknown): Promise<unknown>;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

/** The demo account every fresh emulator has. */
export const DEMO = { email: 'demo@kombify.dev', password: 'homelab-demo', homelabId: 'hl_demo' };

/** Spawns the emulator and resolves once it listens. */
export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const args = ['emulator/main.ts', '--port', '0', '--exit-on-stdin-end'];
  if (opts.speed !== undefined) args.push('--speed', String(opts.speed));
  if (opts.tokenTtlSeconds !== undefined) args.push('--token-ttl', String(opts.tokenTtlSeconds));
  if (opts.stateFile !== undefined) args.push('--state-file', opts.stateFile);
  args.push(...(opts.extraArgs ?? []));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    // Our end of stdin closes when this process dies, which stops an orphaned emulator.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const lines = createInterface({ input: child.stdout });
  const started = new Promise<{ url: string; apiKey: string }>((resolveStart, reject) => {
    let url: string | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start within ${START_TIMEOUT_MS} ms\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before listening\n${stderr}`));
    });
    lines.on('line', (line) => {
      if (url === null) {
        const m = LISTENING.exec(line);
        if (!m?.[1]) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          reject(new Error(`unexpected first emulator line: ${line}`));
          return;
        }
        url = m[1];
        return;
      }
      const key = API_KEY.exec(line);
      if (key?.[1]) {
        clearTimeout(timer);
        resolveStart({ url, apiKey: key[1] });
      }
    });
  });
  const { url, apiKey } = await started;

  return {
    url,
    apiUrl: `${url}/v1`,
    apiKey,
    async control(path, body) {
      const res = await fetch(`${url}/_emulator/${path.replace(/^\//, '')}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      const json: unknown = await res.json();
      if (!res.ok) throw new Error(`control ${path} failed: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(killer);
    },
  };
}

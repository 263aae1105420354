/**
 * Starts the emulator as its own process and waits for the line that says
 * where it listens. Used by `npm start`; tests have their own harness.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const DEMO_ACCOUNT = { email: 'demo@kombify.dev', password: 'homelab-demo' } as const;
const READY = /^kombify emulator listening on (http:\/\/127\.0\.0\.1:\d+)/;
const API_KEY = /^demo API key: (\S+)$/;

export async function startEmulatorProcess(
  extraArgs: string[] = [],
): Promise<{ url: string; apiKey: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/main.ts', '--port', '0', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  // The emulator prints where it listens, then the demo account and its API key.
  const { url, apiKey } = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    let url = '';
    child.once('exit', (code) =>
      reject(new Error(`the emulator exited (${code}) before it was ready`)),
    );
    lines.on('line', (line) => {
      url ||= READY.exec(line)?.[1] ?? '';
      const key = API_KEY.exec(line)?.[1];
      if (url && key) resolve({ url, apiKey: key });
    });
  });
  return { url, apiKey, child };
}

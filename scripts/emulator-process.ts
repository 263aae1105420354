/**
 * Starts the emulator as its own process and waits for the line that says
 * where it listens. Used by `npm start`; tests have their own harness.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const DEMO_ACCOUNT = { email: 'demo@kombify.dev', password: 'homelab-demo' } as const;
const READY = /^kombify emulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

export async function startEmulatorProcess(
  extraArgs: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/main.ts', '--port', '0', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the emulator exited (${code}) before it was ready`)),
    );
    lines.on('line', (line) => {
      const match = READY.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child };
}

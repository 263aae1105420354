import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../support/emulator';
import { startEmulator } from '../support/emulator';
import { REMOTE } from './target';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the emulator with `args` until it exits or has printed `lines` stdout lines. */
function run(
  args: string[],
  lines: number,
): Promise<{ out: string[]; err: string; code: number | null }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['emulator/main.ts', ...args], {
    cwd: ROOT,
  });
  let out = '';
  let err = '';
  return new Promise((done) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.split('\n').length > lines) child.kill('SIGTERM');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('exit', (code) => done({ out: out.split('\n').filter(Boolean), err, code }));
  });
}

// The command line belongs to the emulator; there is nothing to test against a remote cloud.
describe.skipIf(REMOTE !== null)('emulator command line', () => {
  let emu: RunningEmulator | null = null;
  afterEach(async () => {
    await emu?.stop();
    emu = null;
  });

  it('prints the listening URL first, then the demo account, issuer and API key', async () => {
    const { out } = await run(['--port', '0'], 4);
    expect(out[0]).toMatch(/^kombify emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(out[1]).toBe('demo account: demo@kombify.dev / homelab-demo');
    expect(out[2]).toMatch(/^OIDC issuer: http:\/\/127\.0\.0\.1:\d+ /);
    expect(out[3]).toMatch(/^demo API key: kmb_\S+$/);
  });

  it('refuses a bad flag value with a message and a non-zero exit', async () => {
    const { code, err } = await run(['--port', '0', '--speed', 'fast'], 1);
    expect(code).not.toBe(0);
    expect(err).toContain('--speed');
  });

  it('applies --token-ttl to password logins', async () => {
    emu = await startEmulator({ speed: 0, tokenTtlSeconds: 120 });
    const state = (await emu.control('state')) as { token_ttl_seconds: number; speed: number };
    expect(state).toMatchObject({ token_ttl_seconds: 120, speed: 0 });
  });

  it('listens on loopback only', async ({ skip }) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    skip(!external, 'this machine has no non-loopback IPv4 address to try');
    emu = await startEmulator({ speed: 0 });
    const { port } = new URL(emu.url);
    expect((await fetch(`${emu.url}/.well-known/openid-configuration`)).status).toBe(200);
    await expect(fetch(`http://${external?.address}:${port}/v1/me`)).rejects.toThrow();
  });
});

/**
 * A real keychain that cannot be used: gnome-keyring locked (in a private
 * keyring of its own, so other tests keep theirs), and no Secret Service at
 * all. The person is told, can sign in for this run, and nothing is written
 * in plain text. Each case runs test/support/keyring-probe.ts as a process.
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PROBE = join(ROOT, 'test/support/keyring-probe.ts');
const run = promisify(execFile);

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ speed: 0 });
});
afterAll(async () => {
  await emu?.stop();
});

interface Probe {
  started: { keychain: { status: string; message?: string } };
  signIn: boolean;
  signedIn: { session: { status: string }; keychain: { status: string; message?: string } };
  restarted: { session: { status: string }; keychain: { status: string } };
  files: string[];
  /** Every secret value that crossed the wire, by field. */
  secrets: Record<string, string[]>;
}

async function probe(command: string[], env: NodeJS.ProcessEnv): Promise<Probe> {
  const { stdout } = await run(command[0]!, command.slice(1), {
    cwd: ROOT,
    timeout: 30_000,
    env: {
      ...env,
      KOMBIFY_PROBE_API_URL: emu.apiUrl,
      KOMBIFY_PROBE_CREDENTIALS: `${DEMO.email} ${DEMO.password}`,
    },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Probe;
}

function expectSignedInForThisRunOnly(p: Probe, cause: RegExp) {
  expect(p.signIn).toBe(true);
  expect(p.signedIn.session.status).toBe('signed-in');
  expect(p.signedIn.keychain.status).toBe('unavailable');
  expect(p.signedIn.keychain.message).toMatch(cause);
  expect(p.signedIn.keychain.message).toMatch(/will not be remembered/);
  // Nothing was kept anywhere else: the next start is signed out.
  expect(p.restarted.session.status).toBe('signed-out');
  // The real values: the password, the access and refresh tokens the login gave.
  expect(Object.keys(p.secrets)).toEqual(
    expect.arrayContaining(['password', 'token', 'refresh_token']),
  );
  const values = Object.values(p.secrets).flat();
  expect(values).toContain(DEMO.password);
  const written = p.files.join('\n');
  expect(written.length).toBeGreaterThan(0);
  for (const secret of values) expect(written).not.toContain(secret);
  expect(written).not.toMatch(/refresh_token|access_token/);
}

describe('a keychain that cannot be used', () => {
  it('locked gnome-keyring: told why, signed in for this run, nothing in plain text', async () => {
    const env = { ...process.env };
    // A keyring of its own: locking the shared one would break tests running beside this.
    delete env.KOMBIFY_KEYRING_READY;
    delete env.KOMBIFY_IN_DBUS;
    const p = await probe([join(ROOT, 'scripts/with-keyring.sh'), TSX, PROBE, '--lock'], env);
    expectSignedInForThisRunOnly(p, /keyring is locked/);
  });

  it('no Secret Service on the bus at all: the same, with the cause named', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kombify-bus' };
    const p = await probe([TSX, PROBE], env);
    expect(p.started.keychain.status).toBe('unavailable');
    expect(p.restarted.keychain.status).toBe('unavailable');
    expectSignedInForThisRunOnly(p, /no keyring service answers on D-Bus/);
  });
});

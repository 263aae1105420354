import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Deployment, DeploymentList, User } from '../../src-shared/kombify-api';
import type { RunningEmulator } from '../support/emulator';
import { DEMO, startEmulator } from '../support/emulator';
import { REMOTE } from './target';

// Restarting the server is only possible with the emulator.
const describeLocal = describe.skipIf(REMOTE !== null);

let dir: string;
let running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.stop()));
  running = [];
  rmSync(dir, { recursive: true, force: true });
});

async function start(stateFile?: string): Promise<RunningEmulator> {
  const emu = await startEmulator({ speed: 0, ...(stateFile ? { stateFile } : {}) });
  running.push(emu);
  return emu;
}

async function post(emu: RunningEmulator, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${emu.apiUrl}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function getJson(emu: RunningEmulator, path: string, token: string): Promise<unknown> {
  const res = await fetch(`${emu.apiUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return res.json();
}

describeLocal('--state-file', () => {
  it('keeps deployments, homelab state, sessions and the API key across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kombify-emu-'));
    const file = join(dir, 'state.json');
    const first = await start(file);
    const login = await post(first, '/auth/login', { email: DEMO.email, password: DEMO.password });
    const token = String(login.json.token);
    const created = await post(
      first,
      '/deployments',
      { stackkit: 'ha-kit', homelab_id: 'hl_demo' },
      token,
    );
    expect(created.status).toBe(202);
    const dep = Deployment.parse(created.json);
    await first.control('homelab', { status: 'offline' });
    await first.stop();

    const second = await start(file);
    expect(second.apiKey).toBe(first.apiKey);
    // The access token from before the restart is still valid: sessions and keys were saved.
    const list = DeploymentList.parse(await getJson(second, '/deployments', token));
    expect(list.data.map((d) => d.id)).toContain(dep.id);
    const me = User.parse(await getJson(second, '/me', token));
    expect(me.homelabs[0]?.status).toBe('offline');
  });

  it('starts fresh without a state file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kombify-emu-'));
    const first = await start();
    await first.control('homelab', { status: 'offline' });
    await first.stop();
    const second = await start();
    const login = await post(second, '/auth/login', { email: DEMO.email, password: DEMO.password });
    const me = User.parse(await getJson(second, '/me', String(login.json.token)));
    expect(me.homelabs[0]?.status).toBe('online');
  });

  it('sets an unreadable state file aside and starts fresh', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kombify-emu-'));
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"version": 1, "accounts": [');
    const emu = await start(file);
    const login = await post(emu, '/auth/login', { email: DEMO.email, password: DEMO.password });
    expect(login.status).toBe(200);
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version": 1, "accounts": [');
  });
});

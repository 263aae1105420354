import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppView } from '../../../src-shared/bridge';
import type { Deployment } from '../../../src-shared/kombify-api';
import { TrayCore, type TrayCoreOptions } from '../../../src-main/core/app';
import type { SecretStore } from '../../../src-main/core/ports';
import { SESSION_ENDED_REASON } from '../../../src-main/core/session';
import { nodeLoopbackListener } from '../../../src-main/node/loopback-listener';
import type { SnapshotDocument } from '../../../src-main/core/snapshot-document';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { ManualClock } from '../support/manual-clock';
import {
  MemoryDocumentStore,
  MemorySecretStore,
  RecordingNotifier,
  RecordingTray,
  hangingSecretStore,
  memoryLogger,
} from '../support/fakes';

// The emulator's clock is frozen (speed 0) and moved by the test, and the core runs on a
// manual clock, so polls happen only when the test asks: no timing in any assertion.
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ speed: 0 });
});
afterAll(async () => {
  await emu?.stop();
});
beforeEach(async () => {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
});

const running: TrayCore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((core) => core.stop()));
});

interface Parts {
  secrets: SecretStore;
  snapshots: MemoryDocumentStore<SnapshotDocument>;
  notifier: RecordingNotifier;
  tray: RecordingTray;
  logger: ReturnType<typeof memoryLogger>;
  clock: ManualClock;
}

function parts(overrides: Partial<Parts> = {}): Parts {
  return {
    secrets: new MemorySecretStore(),
    snapshots: new MemoryDocumentStore<SnapshotDocument>(),
    notifier: new RecordingNotifier(),
    tray: new RecordingTray(),
    logger: memoryLogger(),
    clock: new ManualClock(Date.now()),
    ...overrides,
  };
}

function core(p: Parts, extra: Partial<TrayCoreOptions> = {}) {
  const c = new TrayCore({
    environment: { name: 'emulator', apiUrl: emu.apiUrl },
    ...p,
    timeZone: 'UTC',
    ...extra,
  });
  running.push(c);
  return c;
}

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) {
  const result = await promise;
  if (!result.ok) throw new Error(`bridge call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function signedIn(p = parts()) {
  const c = core(p);
  await c.start();
  await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
  return c;
}

const finishDeployments = () => emu.control('time', { advance_ms: 60_000 });

describe('TrayCore bridge validation', () => {
  it.each([
    ['an unknown method', 'deleteEverything', undefined],
    ['a prototype key', '__proto__', undefined],
    ['a missing payload', 'signInWithPassword', undefined],
    ['a payload of the wrong type', 'deployStackKit', { stackkit: 'Base Kit!', homelabId: 'x' }],
    ['a payload where none belongs', 'refresh', { all: true }],
  ])('refuses %s with INVALID_REQUEST', async (_what, method, payload) => {
    const c = core(parts());
    await c.start();
    const result = await c.handle(method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('leaves openLink to the host', async () => {
    const c = core(parts());
    const result = await c.handle('openLink', { link: 'pricing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });

  it('answers a refresh while signed out with words, not a crash', async () => {
    const c = core(parts());
    await c.start();
    expect(await c.handle('refresh', undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });

  it('tells the window which ways to sign in this host offers, and at which issuer', async () => {
    const bare = core(parts());
    expect(bare.view().signInMethods).toEqual(['password', 'device', 'api-key']);
    expect(bare.view().environment.issuerUrl).toBe(emu.url);
    const desktop = core(parts(), {
      browser: { open: async () => undefined },
      loopback: nodeLoopbackListener,
    });
    expect(desktop.view().signInMethods).toEqual(['browser', 'device', 'password', 'api-key']);
    const production = core(parts(), {
      environment: { name: 'production', apiUrl: 'https://api.kombify.io/v1' },
    });
    expect(production.view().environment.issuerUrl).toBe('https://login.kombify.io');
  });

  it('reports a wrong password in plain words and stays signed out', async () => {
    const c = core(parts());
    await c.start();
    const result = await c.handle('signInWithPassword', { email: DEMO.email, password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(c.view().session.status).toBe('signed-out');
  });
});

describe('TrayCore against the emulator', () => {
  it('signs in, shows the account and deployments, raises nothing for old news', async () => {
    const p = parts();
    const c = await signedIn(p);
    const view = c.view();
    expect(view.session).toEqual({
      status: 'signed-in',
      email: DEMO.email,
      name: 'Demo Homelabber',
      method: 'password',
    });
    expect(view.snapshot?.deployments).toHaveLength(2);
    expect(view.connectivity.status).toBe('online');
    expect(view.tray.items[0]?.label).toBe(`${DEMO.email} — Hobby plan`);
    expect(p.notifier.shown).toEqual([]);
  });

  it('deploys base-kit and raises exactly one "succeeded" notification', async () => {
    const p = parts();
    const c = await signedIn(p);
    const deployment = await ok<Deployment>(
      c.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    await ok(c.handle('refresh', undefined));
    expect(c.view().tray.state).toBe('deploying');
    await finishDeployments();
    await ok(c.handle('refresh', undefined));
    await ok(c.handle('refresh', undefined));
    expect(p.notifier.shown).toEqual([
      expect.objectContaining({
        key: `deployment:${deployment.id}:succeeded`,
        deploymentId: deployment.id,
      }),
    ]);
    expect(c.view().tray.state).toBe('ok');
  });

  it('raises one "failed" notification with the error message', async () => {
    const p = parts();
    const c = await signedIn(p);
    await emu.control('next-deployment', { outcome: 'fail', error_message: 'Disk full.' });
    await ok(
      c.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    await finishDeployments();
    await ok(c.handle('refresh', undefined));
    expect(p.notifier.shown).toHaveLength(1);
    expect(p.notifier.shown[0]).toMatchObject({ title: 'Deployment failed' });
    expect(p.notifier.shown[0]?.body).toContain('Disk full.');
    expect(c.view().tray.state).toBe('failed');
  });

  it('where notifications cannot be shown, says so and the tray still shows the failure', async () => {
    const p = parts({ notifier: { notify: () => false } as unknown as RecordingNotifier });
    const c = await signedIn(p);
    await emu.control('next-deployment', { outcome: 'fail', error_message: 'Disk full.' });
    await ok(
      c.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    await finishDeployments();
    await ok(c.handle('refresh', undefined));
    expect(c.view().notifications.unsupported).toBe(true);
    expect(c.view().tray.state).toBe('failed');
    expect(p.tray.renders.at(-1)?.state).toBe('failed');
  });

  it('raises nothing again after a restart, and shows the glance before any reply', async () => {
    const p = parts();
    const first = await signedIn(p);
    await ok(
      first.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    await finishDeployments();
    await ok(first.handle('refresh', undefined));
    expect(p.notifier.shown).toHaveLength(1);
    await first.stop();

    const notifier = new RecordingNotifier();
    const tray = new RecordingTray();
    const second = core({ ...p, notifier, tray });
    const starting = second.start();
    // Rendered synchronously from the cached snapshot, before the keychain or API answered.
    expect(tray.renders[0]?.items.filter((i) => i.deploymentId)).toHaveLength(3);
    await starting;
    await ok(second.handle('refresh', undefined));
    expect(notifier.shown).toEqual([]);
  });

  it('ignores a cached glance that belongs to another environment', async () => {
    const p = parts();
    const first = await signedIn(p);
    await first.stop();
    const other = core(p, { environment: { name: 'staging', apiUrl: emu.apiUrl } });
    await other.start();
    expect(other.view().snapshot).toBeNull();
  });

  it('shows the last known state, marked offline, when the cloud goes away', async () => {
    const local = await startEmulator({ speed: 0 });
    const p = parts();
    const c = new TrayCore({
      environment: { name: 'local', apiUrl: local.apiUrl },
      ...p,
      timeZone: 'UTC',
    });
    running.push(c);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await local.stop();
    await ok(c.handle('refresh', undefined));
    const view = c.view();
    expect(view.connectivity).toMatchObject({ status: 'offline', lastError: { code: 'OFFLINE' } });
    expect(view.snapshot?.deployments).toHaveLength(2);
    expect(view.tray.state).toBe('offline');
    expect(view.tray.items.map((i) => i.label)).toContainEqual(
      expect.stringMatching(/^Offline — last update \d\d:\d\d$/),
    );
  });

  it('signs out: server session revoked, keychain entry and cached snapshot gone', async () => {
    const p = parts();
    const secrets = p.secrets as MemorySecretStore;
    const c = await signedIn(p);
    expect(secrets.items.size).toBe(1);
    expect(p.snapshots.json).not.toBeNull();
    const view = await ok<AppView>(c.handle('signOut', undefined));
    expect(view.session.status).toBe('signed-out');
    expect(view.snapshot).toBeNull();
    expect(view.tray.state).toBe('signed-out');
    expect(secrets.items.size).toBe(0);
    expect(p.snapshots.json).toBeNull();
    const state = (await emu.control('state')) as { sessions: { active: number } };
    expect(state.sessions.active).toBe(0);
  });

  it('ends a revoked session: signed out with a reason, notified, a clean slate', async () => {
    const p = parts();
    const secrets = p.secrets as MemorySecretStore;
    const c = await signedIn(p);
    const stored = JSON.parse(secrets.items.values().next().value!) as { refresh_token: string };
    // Someone else uses the refresh token first; the app's own use is then a reuse.
    await fetch(`${emu.apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: stored.refresh_token }),
    });
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await c.handle('refresh', undefined);
    const view = c.view();
    expect(view.session).toEqual({ status: 'signed-out', reason: SESSION_ENDED_REASON });
    expect(view.tray.state).toBe('signed-out');
    expect(view.snapshot).toBeNull();
    expect(view.connectivity.status).toBe('unknown');
    expect(p.notifier.shown).toEqual([
      expect.objectContaining({ title: 'Signed out of kombify', body: SESSION_ENDED_REASON }),
    ]);
    expect(secrets.items.size).toBe(0);
    expect(p.snapshots.json).toBeNull();
    expect(p.clock.pending()).toEqual([]);
  });

  it('keeps every token out of the view, the snapshot document and the logs', async () => {
    const p = parts();
    const seen: AppView[] = [];
    const c = core(p);
    c.subscribe((v) => seen.push(v));
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await ok(
      c.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    const secret = JSON.parse((p.secrets as MemorySecretStore).items.values().next().value!) as {
      access_token: string;
      refresh_token: string;
    };
    const everything = [
      JSON.stringify(seen),
      JSON.stringify(c.view()),
      p.snapshots.json ?? '',
      JSON.stringify(p.logger.entries),
      JSON.stringify(p.tray.renders),
    ].join('\n');
    expect(seen.length).toBeGreaterThan(2);
    for (const token of [secret.access_token, secret.refresh_token, DEMO.password]) {
      expect(everything).not.toContain(token);
    }
  });

  it('renders the tray only when its model changes', async () => {
    const p = parts();
    const c = await signedIn(p);
    const renders = p.tray.renders.length;
    await ok(c.handle('refresh', undefined));
    await ok(c.handle('refresh', undefined));
    expect(p.tray.renders.length).toBe(renders);
  });

  it('stops with no timer left and no further view updates', async () => {
    const p = parts();
    const c = await signedIn(p);
    let updates = 0;
    c.subscribe(() => (updates += 1));
    expect(p.clock.pending().length).toBeGreaterThan(0);
    await c.stop();
    expect(p.clock.pending()).toEqual([]);
    await p.clock.advance(60_000);
    expect(updates).toBe(0);
  });
});

describe('TrayCore speaks the language setting', () => {
  const deployAndFinish = async (c: TrayCore) => {
    await ok(
      c.handle('deployStackKit', {
        stackkit: 'base-kit',
        homelabId: DEMO.homelabId,
        requestId: randomUUID(),
      }),
    );
    await finishDeployments();
    await ok(c.handle('refresh', undefined));
  };

  it('re-renders the tray at once when the language changes, and only then', async () => {
    const p = parts();
    const c = await signedIn(p);
    const renders = p.tray.renders.length;
    await ok(c.handle('updateSettings', { language: 'de' }));
    expect(p.tray.renders).toHaveLength(renders + 1);
    const german = p.tray.renders.at(-1)!;
    expect(german.items[0]?.label).toBe(`${DEMO.email} – Tarif Hobby`);
    expect(german.items.find((i) => i.id === 'quit')?.label).toBe('Beenden');
    expect(german.tooltip).toMatch(/^kombify Tray – /);
    await ok(c.handle('updateSettings', { language: 'de' }));
    expect(p.tray.renders).toHaveLength(renders + 1);
    await ok(c.handle('updateSettings', { language: 'en' }));
    expect(p.tray.renders.at(-1)?.items[0]?.label).toBe(`${DEMO.email} — Hobby plan`);
  });

  it('words the notifications after a switch in the new language', async () => {
    const p = parts();
    const c = await signedIn(p);
    await ok(c.handle('updateSettings', { language: 'de' }));
    await deployAndFinish(c);
    expect(p.notifier.shown).toEqual([
      expect.objectContaining({
        title: 'Deployment erfolgreich',
        body: expect.stringMatching(/ist bereitgestellt\.$/),
      }),
    ]);
  });

  it("under 'system' follows the host's locale: German for de-DE, English for en-US", async () => {
    const german = parts();
    const de = core(german, { systemLocale: () => 'de-DE' });
    await de.start();
    expect(de.view().tray.tooltip).toBe('kombify Tray – Nicht angemeldet');
    expect(german.tray.renders.at(-1)?.items.find((i) => i.id === 'sign-in')?.label).toBe(
      'Anmelden…',
    );
    const english = parts();
    const en = core(english, { systemLocale: () => 'en-US' });
    await en.start();
    expect(en.view().tray.tooltip).toBe('kombify Tray — Not signed in');
  });

  it('says a session ended in German, in the notification and the view', async () => {
    const p = parts();
    const c = core(p, { systemLocale: () => 'de-AT' });
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    const secrets = p.secrets as MemorySecretStore;
    const stored = JSON.parse(secrets.items.values().next().value!) as { refresh_token: string };
    await fetch(`${emu.apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: stored.refresh_token }),
    });
    await emu.control('time', { advance_ms: 16 * 60_000 });
    await c.handle('refresh', undefined);
    const reason = 'Deine Sitzung ist abgelaufen. Melde dich neu an, um weiterzumachen.';
    expect(c.view().session).toEqual({ status: 'signed-out', reason });
    expect(p.notifier.shown).toEqual([
      expect.objectContaining({ title: 'Von kombify abgemeldet', body: reason }),
    ]);
  });
});

describe('TrayCore with a keychain that never answers', () => {
  it('shows the cached glance at once, then signs in for this run only', async () => {
    const first = parts();
    await (await signedIn(first)).stop();

    const p = parts({ secrets: hangingSecretStore, snapshots: first.snapshots });
    const c = core(p);
    const starting = c.start();
    expect(p.tray.renders[0]?.items.some((i) => i.deploymentId)).toBe(true);
    await p.clock.advance(3_000);
    await starting;
    expect(c.view().keychain.status).toBe('unavailable');
    expect(c.view().session.status).toBe('signed-out');

    const signingIn = c.handle('signInWithPassword', {
      email: DEMO.email,
      password: DEMO.password,
    });
    // Wait for the login reply to reach the keychain write, then give up on it.
    await vi.waitFor(() => expect(p.logger.entries.map((e) => e.msg)).toContain('signed in'), {
      timeout: 10_000,
      interval: 5,
    });
    await p.clock.advance(3_000);
    await ok(signingIn);
    expect(c.view().session.status).toBe('signed-in');
    expect(c.view().keychain).toMatchObject({ status: 'unavailable' });
    expect(c.view().keychain.message).toMatch(/until you quit/);
  });

  it('leaves no keychain time box running after stop', async () => {
    const p = parts({ secrets: hangingSecretStore });
    const c = core(p);
    const starting = c.start();
    expect(p.clock.pending()).toEqual([3_000]);
    await c.stop();
    await starting;
    expect(p.clock.pending()).toEqual([]);
  });
});

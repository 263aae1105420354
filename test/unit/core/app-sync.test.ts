import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrayModel } from '../../../src-shared/bridge';
import { TrayCore } from '../../../src-main/core/app';
import { Heartbeat } from '../../../src-main/core/heartbeat';
import { interfaceNetworkStatus } from '../../../src-main/node/network-interfaces';
import type { PowerEvents } from '../../../src-main/core/ports';
import type { SettingsDocument } from '../../../src-main/core/settings-document';
import type { SnapshotDocument } from '../../../src-main/core/snapshot-document';
import { DEMO, type RunningEmulator, startEmulator } from '../../support/emulator';
import { ManualClock } from '../support/manual-clock';
import {
  MemoryDocumentStore,
  MemorySecretStore,
  RecordingNotifier,
  RecordingTray,
  memoryLogger,
} from '../support/fakes';

// Frozen emulator clock moved by the test, manual clock in the core: no real waiting.
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
  await Promise.all(running.splice(0).map((c) => c.stop()));
});

/** A power port like Electron's powerMonitor, counting its listeners. */
class FakePower implements PowerEvents {
  readonly suspend = new Set<() => void>();
  readonly resume = new Set<() => void>();
  onSuspend(listener: () => void) {
    this.suspend.add(listener);
    return () => this.suspend.delete(listener);
  }
  onResume(listener: () => void) {
    this.resume.add(listener);
    return () => this.resume.delete(listener);
  }
  sleep() {
    for (const l of this.suspend) l();
  }
  wake() {
    for (const l of this.resume) l();
  }
}

function parts() {
  return {
    secrets: new MemorySecretStore(),
    snapshots: new MemoryDocumentStore<SnapshotDocument>(),
    settings: new MemoryDocumentStore<SettingsDocument>(),
    notifier: new RecordingNotifier(),
    tray: new RecordingTray(),
    logger: memoryLogger(),
    clock: new ManualClock(Date.now()),
    power: new FakePower(),
  };
}

function core(p: ReturnType<typeof parts>) {
  const c = new TrayCore({
    environment: { name: 'emulator', apiUrl: emu.apiUrl },
    ...p,
    random: () => 0.5,
    timeZone: 'UTC',
  });
  running.push(c);
  return c;
}

async function ok(promise: Promise<{ ok: boolean; error?: unknown }>) {
  const result = await promise;
  if (!result.ok) throw new Error(`bridge call failed: ${JSON.stringify(result.error)}`);
}

async function deployFailing(c: TrayCore) {
  await emu.control('next-deployment', { outcome: 'fail', error_message: 'Disk full.' });
  await ok(
    c.handle('deployStackKit', {
      stackkit: 'base-kit',
      homelabId: DEMO.homelabId,
      requestId: randomUUID(),
    }),
  );
}

/** Lets the emulator's deployments move on and the core's timers fire, step by step. */
async function live(p: ReturnType<typeof parts>, ms: number, step = 1_000) {
  for (let t = 0; t < ms; t += step) {
    await emu.control('time', { advance_ms: step });
    await p.clock.advance(step);
  }
}

describe('TrayCore sync through sleep and restarts', () => {
  it('three sleeps, then one failure: one notification, listeners not multiplied', async () => {
    const p = parts();
    const c = core(p);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    for (let i = 0; i < 3; i += 1) {
      p.power.sleep();
      await emu.control('time', { advance_ms: 60 * 60_000 });
      await p.clock.advance(60 * 60_000);
      p.power.wake();
      await live(p, 5_000);
    }
    expect(p.power.suspend.size).toBe(1);
    expect(p.power.resume.size).toBe(1);
    await deployFailing(c);
    await live(p, 20_000);
    expect(p.notifier.shown).toHaveLength(1);
    expect(p.notifier.shown[0]).toMatchObject({ kind: 'deployment-failed' });
    expect(p.notifier.shown[0]?.body).toContain('Disk full.');
    await live(p, 5 * 60_000, 15_000);
    expect(p.notifier.shown).toHaveLength(1);
    await c.stop();
    expect(p.power.suspend.size).toBe(0);
  });

  it('raises nothing after a restart for a failure already in the snapshot', async () => {
    const p = parts();
    const c = core(p);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await deployFailing(c);
    await live(p, 20_000);
    expect(p.notifier.shown).toHaveLength(1);
    await c.stop();
    const notifier = new RecordingNotifier();
    const clock = new ManualClock(Date.now());
    const again = core({ ...p, notifier, clock });
    await again.start();
    await ok(again.handle('refresh', null));
    await clock.advance(5 * 60_000);
    expect(notifier.shown).toEqual([]);
  });

  it('holds notifications while paused and still shows the change in the tray', async () => {
    const p = parts();
    const c = core(p);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await ok(c.handle('pauseNotifications', { for: 'hour' }));
    await deployFailing(c);
    await live(p, 20_000);
    expect(p.notifier.shown).toEqual([]);
    expect(c.view().tray).toMatchObject({ state: 'failed', paused: true });
  });

  it('reads the list as often as the polling setting says', async () => {
    const p = parts();
    const reads: string[] = [];
    let inFlight = 0;
    const fetchCounting: typeof fetch = async (input, init) => {
      inFlight += 1;
      try {
        const response = await fetch(input, init);
        await response.clone().text();
        reads.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return response;
      } finally {
        inFlight -= 1;
      }
    };
    /** Moves the clock in steps, letting the reads of each step answer before the next. */
    const advance = async (ms: number) => {
      for (let left = ms; left > 0; left -= 5_000) {
        await p.clock.advance(Math.min(5_000, left));
        while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
      }
    };
    const c = new TrayCore({
      environment: { name: 'emulator', apiUrl: emu.apiUrl },
      ...p,
      fetch: fetchCounting,
      random: () => 0.5,
    });
    running.push(c);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await ok(c.handle('updateSettings', { polling: { quietIntervalSeconds: 300 } }));
    const lists = () => reads.filter((r) => r === 'GET /v1/deployments').length;
    // The next read was planned under the old setting; from then on every 5 minutes.
    await advance(60_000);
    const before = lists();
    await advance(299_000);
    expect(lists()).toBe(before);
    await advance(1_000);
    expect(lists()).toBe(before + 1);
  });
});

describe('TrayCore tray ages on the heartbeat', () => {
  it('keeps "updated … ago" true between slow polls, rebuilding the tray only on change', async () => {
    const p = parts();
    const heartbeat = new Heartbeat({ clock: p.clock });
    const c = new TrayCore({
      environment: { name: 'emulator', apiUrl: emu.apiUrl },
      ...p,
      heartbeat,
      pollIntervalMs: 60 * 60_000,
      random: () => 0.5,
      timeZone: 'UTC',
    });
    running.push(c);
    heartbeat.start();
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    const freshness = (model: TrayModel | undefined) =>
      model?.items.find((item) => item.id === 'freshness')?.label;
    expect(freshness(p.tray.renders.at(-1))).toBe('Updated just now');
    const before = p.tray.renders.length;

    await p.clock.advance(3 * 60_000 + 10_000);

    expect(freshness(p.tray.renders.at(-1))).toBe('Updated 3 min ago');
    const since = p.tray.renders.slice(before - 1).map((model) => JSON.stringify(model));
    // One rebuild per minute the ages moved, none for a beat that changed nothing.
    expect(since.length - 1).toBeLessThanOrEqual(3);
    for (let i = 1; i < since.length; i += 1) expect(since[i]).not.toBe(since[i - 1]);
    heartbeat.stop();
  });
});

describe('TrayCore connectivity while the cloud does not answer', () => {
  /** Signs in, lets the first sync succeed, then returns the core and its parts. */
  async function signedIn() {
    const p = parts();
    const c = core(p);
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await ok(c.handle('refresh', null));
    expect(c.view().connectivity.status).toBe('online');
    return { p, c };
  }

  /** Sync rounds and a person's refreshes, checking after each that nothing claims online. */
  async function staysOffline(c: TrayCore, p: ReturnType<typeof parts>, since: string | null) {
    const seen: string[] = [];
    c.subscribe((view) => seen.push(view.connectivity.status));
    for (let round = 0; round < 6; round += 1) {
      await live(p, 20_000);
      // A person pressing Refresh a few times spends the background budget too.
      for (let press = 0; press < 3; press += 1) await c.handle('refresh', null);
      expect(c.view().connectivity).toMatchObject({ status: 'offline', lastSuccessAt: since });
      expect(c.view().tray.state).toBe('offline');
    }
    expect(seen).not.toContain('online');
  }

  it('stays offline across rounds and refreshes while every /v1 read answers 503', async () => {
    const { p, c } = await signedIn();
    const since = c.view().connectivity.lastSuccessAt;
    await emu.control('faults', { path: '/v1/*', status: 503 });
    await staysOffline(c, p, since);
    expect(c.view().connectivity.lastError?.message).toBeTruthy();
    // Only a real answer brings it back.
    await emu.control('faults/clear');
    await ok(c.handle('refresh', null));
    expect(c.view().connectivity.status).toBe('online');
    expect(c.view().connectivity.lastSuccessAt).not.toBe(since);
    expect(c.view().connectivity.lastSuccessAt).toBe(c.view().snapshot?.fetchedAt);
  });

  it('reads again a jitter after the browser host sees the network come back', async () => {
    const p = parts();
    const heartbeat = new Heartbeat({ clock: p.clock });
    const beats: number[] = [];
    heartbeat.onBeat((beat) => beats.push(beat.at));
    const outside = { wlan0: [{ address: '192.0.2.10', internal: false }] };
    let interfaces: Record<string, Array<{ address: string; internal: boolean }>> = outside;
    let reads = 0;
    const c = new TrayCore({
      environment: { name: 'emulator', apiUrl: emu.apiUrl },
      ...p,
      fetch: (input, init) => {
        reads += 1;
        return fetch(input, init);
      },
      heartbeat,
      network: interfaceNetworkStatus(heartbeat, () => interfaces as never),
      random: () => 0.5,
      timeZone: 'UTC',
    });
    running.push(c);
    heartbeat.start();
    await c.start();
    await ok(c.handle('signInWithPassword', { email: DEMO.email, password: DEMO.password }));
    await emu.control('faults', { path: '/v1/*', reset_connection: true });
    interfaces = {};
    // Long enough for the backoff to reach its cap (225 s apart with this jitter)...
    await live(p, 12 * 60_000, 5_000);
    expect(c.view().connectivity.status).toBe('offline');
    // ...then just after a retry failed, so the engine's next one is minutes away.
    const before = reads;
    while (reads === before) await live(p, 500, 500);
    await live(p, 1_000, 500);
    const retriedAt = p.clock.now();

    await emu.control('faults/clear');
    interfaces = outside;
    let onlineAt: number | null = null;
    c.subscribe((view) => {
      if (view.connectivity.status === 'online') onlineAt ??= p.clock.now();
    });
    while (onlineAt === null && p.clock.now() - retriedAt < 3 * 60_000) await live(p, 500, 500);
    expect(onlineAt).not.toBeNull();
    const seenAt = beats.find((at) => at > retriedAt)!;
    // The first beat after the return asks for a refresh, which waits its jitter.
    expect(seenAt - retriedAt).toBeLessThanOrEqual(61_000);
    expect(onlineAt! - seenAt).toBeGreaterThanOrEqual(500);
    expect(onlineAt! - seenAt).toBeLessThanOrEqual(4_000);
    heartbeat.stop();
  });

  it('stays offline while connections drop and Refresh spends the budget', async () => {
    // The Free plan's small budget: presses of Refresh use it up before the next round.
    await emu.control('plan', { plan: 'free' });
    const { p, c } = await signedIn();
    const since = c.view().connectivity.lastSuccessAt;
    await emu.control('faults', { path: '/v1/*', reset_connection: true });
    await staysOffline(c, p, since);
  });
});

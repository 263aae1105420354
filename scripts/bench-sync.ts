/**
 * `npm run bench:sync`: the adaptive sync engine beside a fixed 60 s poller,
 * against the real emulator over one simulated day with three deployments,
 * then 10 000 engine cycles for memory. Time is simulated (emulator frozen,
 * moved from timer to timer), so a day takes seconds and every number is
 * the same on a slow machine. Prints the numbers and the targets.
 * "Wakeups" are timer callbacks run in an idle minute: the engine's and the
 * host heartbeat's (which rides the engine's, as in the app).
 */
import { detectChanges } from '../src-main/core/changes';
import { ApiClient } from '../src-main/core/api/client';
import { Heartbeat } from '../src-main/core/heartbeat';
import { SyncEngine } from '../src-main/core/sync/engine';
import type { Logger } from '../src-main/core/ports';
import type { SnapshotView } from '../src-shared/bridge';
import { DEMO, startEmulator } from '../test/support/emulator';
import { FixedPoller } from './bench/fixed-poller';
import { SimTimeline } from './bench/sim-clock';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MEMORY_CYCLES = 10_000;
const WARM_UP_CYCLES = 1_000;
const SAMPLE_EVERY = 1_000;
/** Deployments of the simulated day: when, and whether it fails. */
const SCENARIO = [
  { at: 3 * 60 * MINUTE + 17_000, fail: false },
  { at: 11 * 60 * MINUTE + 41_000, fail: true },
  { at: 17 * 60 * MINUTE + 29_000, fail: false },
];

interface Request {
  subject: string;
  at: number;
  status: number;
}

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

const emu = await startEmulator({ speed: 0 });
const requests: Request[] = [];
const work = new Set<Promise<unknown>>();
let timeline: SimTimeline;

/** Keeps the driver from moving time while `promise` runs (requests, scenario steps). */
function track<T>(promise: Promise<T>): Promise<T> {
  work.add(promise);
  void promise.finally(() => work.delete(promise)).catch(() => undefined);
  return promise;
}

/** A fetch that counts replies per subject and reads the body before time may move. */
function countingFetch(subject: string): typeof fetch {
  return (input, init) =>
    track(
      (async () => {
        const at = timeline.now;
        const response = await fetch(input, init);
        const text = await response.text();
        requests.push({ subject, at, status: response.status });
        const body = response.status === 204 || response.status === 304 ? null : text;
        const { status, headers } = response;
        return new Response(body, { status, headers });
      })(),
    );
}

function client(subject: string): ApiClient {
  return new ApiClient({
    baseUrl: emu.apiUrl,
    fetch: countingFetch(subject),
    clock: timeline.clock(subject),
    auth: {
      accessToken: async () => emu.apiKey,
      refreshAfterRejection: async () => emu.apiKey,
      isApiKey: () => true,
    },
  });
}

/** Lets every request and promise chain finish before time moves on. */
async function quiesce(): Promise<void> {
  for (;;) {
    for (let i = 0; i < 3; i += 1) await new Promise((r) => setImmediate(r));
    if (work.size === 0) return;
    await Promise.allSettled([...work]);
  }
}

/** Runs the timeline to `end`, keeping the emulator's clock in step. */
async function runUntil(end: number, stop: () => boolean = () => false): Promise<void> {
  for (;;) {
    await quiesce();
    const next = timeline.nextAt();
    if (next === null || next > end || stop()) break;
    if (next > timeline.now) await emu.control('time', { advance_ms: next - timeline.now });
    timeline.runUntil(next);
  }
  if (stop()) return;
  if (end > timeline.now) await emu.control('time', { advance_ms: end - timeline.now });
  timeline.now = Math.max(timeline.now, end);
}

/** Notification times of finished deployments, as change detection raises them. */
class Watcher {
  readonly finishedAt = new Map<string, number>();
  readonly notifiedAt = new Map<string, number>();
  #previous: SnapshotView | null = null;
  #keys: string[] = [];

  see(snapshot: SnapshotView): void {
    const changes = detectChanges(this.#previous, snapshot, this.#keys);
    this.#previous = snapshot;
    this.#keys = changes.notifiedKeys;
    for (const event of changes.events) {
      const d = snapshot.deployments.find((x) => x.id === event.deploymentId);
      if (!d?.finished_at || !event.kind.match(/succeeded|failed/)) continue;
      this.finishedAt.set(d.id, Date.parse(d.finished_at));
      this.notifiedAt.set(d.id, timeline.now);
    }
  }

  delays(): number[] {
    return [...this.notifiedAt].map(([id, at]) => at - (this.finishedAt.get(id) ?? at));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function busiestMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= MINUTE) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function simulatedDay() {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
  const state = (await emu.control('state')) as { now_ms: number };
  timeline = new SimTimeline(state.now_ms);
  const dayStart = timeline.now;
  const engineWatch = new Watcher();
  const fixedWatch = new Watcher();
  const engineApi = client('engine');
  // The host's one idle timer, riding the engine's timers as TrayCore sets it up.
  const heartbeat = new Heartbeat({ clock: timeline.clock('heartbeat') });
  heartbeat.start();
  const engine = new SyncEngine({
    source: engineApi,
    clock: heartbeat.riding(timeline.clock('engine')),
    logger: silent,
    onSnapshot: (s) => engineWatch.see(s),
    onConnectivity: () => undefined,
  });
  const fixed = new FixedPoller(client('fixed'), timeline.clock('fixed'), (s) => fixedWatch.see(s));
  const busy: Array<[number, number]> = [];
  const scenario = timeline.clock('scenario');
  for (const step of SCENARIO) {
    scenario.setTimeout(() => {
      void track(
        (async () => {
          if (step.fail) await emu.control('next-deployment', { outcome: 'fail' });
          const created = await engineApi.createDeployment({
            stackkit: 'base-kit',
            homelab_id: DEMO.homelabId,
          });
          busy.push([Date.parse(created.created_at), Date.parse(created.created_at) + 2 * MINUTE]);
          // As the core does after the person's own deploy.
          await engine.refresh('user');
        })(),
      );
    }, step.at);
  }
  void track(engine.start(null));
  fixed.start();
  await runUntil(dayStart + DAY);
  await engine.stop();
  heartbeat.stop();
  fixed.stop();
  const idle = (at: number) => !busy.some(([from, to]) => at >= from && at < to);
  const idleMinutes = Math.round(
    (DAY - busy.reduce((sum, [from, to]) => sum + (to - from), 0)) / MINUTE,
  );
  const idleWakeups = (subject: string) =>
    (timeline.fired.get(subject) ?? []).filter((at) => at < dayStart + DAY && idle(at)).length;
  const summary = (subject: string, watch: Watcher, alongside: string[] = []) => {
    const mine = requests.filter((r) => r.subject === subject && r.at < dayStart + DAY);
    const wakeups = [subject, ...alongside].reduce((sum, s) => sum + idleWakeups(s), 0);
    return {
      notified: watch.delays().length,
      medianMs: percentile(watch.delays(), 50),
      p95Ms: percentile(watch.delays(), 95),
      total: mine.length,
      busiestMinute: busiestMinute(mine.map((r) => r.at)),
      rateLimited: mine.filter((r) => r.status === 429).length,
      notModified: mine.filter((r) => r.status === 304).length,
      wakeupsPerIdleMinute: wakeups / idleMinutes,
      // The fixed poller stands alone: it has no host heartbeat to count.
      heartbeatPerIdleMinute: alongside.length > 0 ? idleWakeups('heartbeat') / idleMinutes : null,
    };
  };
  return {
    engine: summary('engine', engineWatch, ['heartbeat']),
    fixed: summary('fixed', fixedWatch),
  };
}

/** Resident set and live heap after a full collection, in MB. */
function memoryMb(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 1024 / 1024, heap: heapUsed / 1024 / 1024 };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function memoryRun() {
  await emu.control('reset');
  await emu.control('time', { speed: 0 });
  // Thousands of reads within frozen emulator time would empty any bucket.
  await emu.control('rate-limit', { enabled: false });
  const state = (await emu.control('state')) as { now_ms: number };
  timeline = new SimTimeline(state.now_ms);
  requests.length = 0;
  const watch = new Watcher();
  const engine = new SyncEngine({
    source: client('memory'),
    clock: timeline.clock('memory'),
    logger: silent,
    onSnapshot: (s) => {
      watch.see(s);
      // Keep only a count so the benchmark itself does not grow.
      requests.length = 0;
    },
    onConnectivity: () => undefined,
  });
  // Frozen emulator: advancing it per cycle would only add control calls.
  const advance = emu.control.bind(emu);
  emu.control = async (path: string, body?: unknown) =>
    path === 'time' ? {} : advance(path, body);
  void track(engine.start(null));
  await runUntil(Infinity, () => engine.wakeups >= WARM_UP_CYCLES);
  // A sample every SAMPLE_EVERY cycles: one pair of readings swings by several
  // per cent with the allocator, the mean of three at each end much less.
  const samples = [memoryMb()];
  const first = engine.wakeups;
  while (engine.wakeups - first < MEMORY_CYCLES) {
    const target = first + samples.length * SAMPLE_EVERY;
    await runUntil(Infinity, () => engine.wakeups >= target);
    samples.push(memoryMb());
  }
  const cycles = engine.wakeups - first;
  await engine.stop();
  emu.control = advance;
  const ends = (pick: (m: { rss: number; heap: number }) => number) => ({
    before: mean(samples.slice(0, 3).map(pick)),
    after: mean(samples.slice(-3).map(pick)),
  });
  return { cycles, rss: ends((m) => m.rss), heap: ends((m) => m.heap) };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const started = Date.now();
try {
  // Memory first: the simulated day's garbage would otherwise be returned to the
  // system during the memory run and read as shrinkage.
  const memory = await memoryRun();
  const day = await simulatedDay();
  const rows: Array<[string, (s: typeof day.engine) => string]> = [
    ['deployments notified', (s) => String(s.notified)],
    ['median time-to-notify', (s) => seconds(s.medianMs)],
    ['p95 time-to-notify', (s) => seconds(s.p95Ms)],
    ['total requests', (s) => String(s.total)],
    ['  of which 304 Not Modified', (s) => String(s.notModified)],
    ['most requests in any minute', (s) => String(s.busiestMinute)],
    ['429 replies', (s) => String(s.rateLimited)],
    ['wakeups per idle minute', (s) => s.wakeupsPerIdleMinute.toFixed(2)],
    ['  of which host heartbeat', (s) => s.heartbeatPerIdleMinute?.toFixed(2) ?? '–'],
  ];
  console.log('\nSimulated day, 3 deployments, Hobby plan (100 requests/min), emulator');
  console.log(`${'metric'.padEnd(30)}${'adaptive engine'.padEnd(18)}fixed 60 s poller`);
  for (const [name, value] of rows) {
    console.log(`${name.padEnd(30)}${value(day.engine).padEnd(18)}${value(day.fixed)}`);
  }
  const growthOf = ({ before, after }: { before: number; after: number }) =>
    ((after - before) / before) * 100;
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)} %`;
  const growth = growthOf(memory.rss);
  console.log(
    `\nResident memory over ${memory.cycles} engine cycles after a warm-up of ` +
      `${WARM_UP_CYCLES} (mean of the first and last three samples, one every ` +
      `${SAMPLE_EVERY}): ${memory.rss.before.toFixed(1)} → ${memory.rss.after.toFixed(1)} MB ` +
      `(${signed(growth)}); live heap ${memory.heap.before.toFixed(1)} → ` +
      `${memory.heap.after.toFixed(1)} MB (${signed(growthOf(memory.heap))})`,
  );
  const targets: Array<[string, boolean]> = [
    ['time-to-notify ≤ 1/10 of the fixed poller', day.engine.medianMs * 10 <= day.fixed.medianMs],
    ['total requests ≤ 1/2 of the fixed poller', day.engine.total * 2 <= day.fixed.total],
    ['no 429', day.engine.rateLimited === 0],
    ['≤ 2 wakeups per idle minute', day.engine.wakeupsPerIdleMinute <= 2],
    ['memory growth < 5 %', growth < 5],
  ];
  console.log('\nTargets:');
  for (const [name, met] of targets) console.log(`  ${met ? 'met ' : 'MISSED'}  ${name}`);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s real time)`);
} finally {
  await emu.stop();
}

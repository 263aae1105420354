/**
 * The live emulator state: the data, the clock, request counters, and the
 * optional state file it is saved to after every change.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { EmulatorClock } from './clock';
import type { AccountRecord, EmulatorData, HomelabRecord } from './model';
import { SCENARIOS } from './scenarios';
import { newApiKey, seedData } from './seed';

/** Counters tests read through `/_emulator/state` (e.g. "exactly one refresh"). */
export interface Counters {
  requests: number;
  login: number;
  refresh: number;
  logout: number;
  oidc_token: number;
  rate_limited: number;
  by_route: Record<string, number>;
}

function zeroCounters(): Counters {
  return {
    requests: 0,
    login: 0,
    refresh: 0,
    logout: 0,
    oidc_token: 0,
    rate_limited: 0,
    by_route: {},
  };
}

/** Owns the data and everything that changes it as a whole (reset, load, save). */
export class Store {
  data: EmulatorData;
  counters: Counters = zeroCounters();
  readonly clock: EmulatorClock;
  readonly #stateFile: string | null;
  readonly #defaultSpeed: number;
  /** Kept across resets so the key printed at start keeps working. */
  readonly demoApiKey: string;

  constructor(opts: { speed: number; stateFile: string | null }) {
    this.#stateFile = opts.stateFile;
    this.#defaultSpeed = opts.speed;
    const loaded = opts.stateFile ? loadStateFile(opts.stateFile) : null;
    // Time passed while the emulator was down, unless it had been advanced beyond it.
    const startAt = loaded ? Math.max(loaded.clock_ms, Date.now()) : undefined;
    this.clock = new EmulatorClock(opts.speed, startAt);
    this.demoApiKey = loaded?.accounts[0]?.api_keys[0] ?? newApiKey();
    this.data = loaded ?? seedData(this.clock.now(), this.demoApiKey);
  }

  /** Back to the seed (or a named scenario), real time, default speed, zero counters. */
  reset(scenario = 'default'): void {
    const apply = SCENARIOS[scenario];
    if (!apply) throw new Error(`unknown scenario ${scenario}`);
    this.clock.reset(this.#defaultSpeed);
    this.data = seedData(this.clock.now(), this.demoApiKey);
    apply(this.data, this.clock.now());
    this.counters = zeroCounters();
    this.save();
  }

  now(): number {
    return this.clock.now();
  }

  /** A new id with the contract's prefix, unique within this state. */
  newId(prefix: string): string {
    this.data.seq += 1;
    return `${prefix}_${this.data.seq.toString(36)}${randomBytes(3).toString('hex')}`;
  }

  account(id: string): AccountRecord | undefined {
    return this.data.accounts.find((a) => a.id === id);
  }

  homelab(account: AccountRecord, id: string): HomelabRecord | undefined {
    return account.homelabs.find((h) => h.id === id);
  }

  /** Writes the state file atomically (temp file + rename), if one was given. */
  save(): void {
    if (!this.#stateFile) return;
    this.data.clock_ms = this.clock.now();
    const tmp = `${this.#stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.#stateFile);
  }
}

function loadStateFile(file: string): EmulatorData | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmulatorData>;
    if (parsed.version !== 1 || !Array.isArray(parsed.accounts)) throw new Error('unknown format');
    parsed.oidc ??= {};
    return parsed as EmulatorData;
  } catch (err) {
    // A broken state file must not stop a demo: keep it aside and start fresh.
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    console.error(`state file ${file} unreadable (${String(err)}); moved to ${aside}`);
    return null;
  }
}

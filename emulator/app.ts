/** The emulator's parts, wired once and shared by the API, control and OIDC handlers. */
import { Auth } from './auth';
import { Faults } from './faults';
import { RateLimiter } from './ratelimit';
import { Store } from './store';

/** Command-line options (see main.ts). */
export interface EmulatorOptions {
  port: number;
  speed: number;
  stateFile: string | null;
  tokenTtlSeconds: number;
}

/** One running emulator: its state, auth, rate limiter and faults. */
export class EmulatorApp {
  readonly store: Store;
  readonly auth: Auth;
  readonly limiter = new RateLimiter();
  readonly faults = new Faults();
  /** Known once the server listens; tokens name it as their issuer. */
  baseUrl = 'http://127.0.0.1';
  readonly options: EmulatorOptions;

  constructor(options: EmulatorOptions) {
    this.options = options;
    this.store = new Store({ speed: options.speed, stateFile: options.stateFile });
    this.auth = new Auth(this.store, options.tokenTtlSeconds, () => this.baseUrl);
  }

  /** Everything back to a fresh start, as `/_emulator/reset` promises. */
  reset(scenario?: string): void {
    this.store.reset(scenario);
    this.limiter.reset();
    this.faults.clear();
    this.auth.tokenTtlSeconds = this.options.tokenTtlSeconds;
  }
}

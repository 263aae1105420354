/**
 * The tools catalog as the Tools screen sees it: loaded on demand, reloaded
 * while a connection is still `connecting`, and changed one tool at a time.
 */
import type { BridgeError, BridgeResult, KombifyBridge } from '../../src-shared/bridge';
import type { Tool } from '../../src-shared/kombify-api';
import { t } from './i18n';

/** How soon to look again while a tool is still connecting. */
const CONNECTING_RECHECK_MS = 2000;

/** Told after each connect whether it reached the homelab (null) or why not. */
export type HomelabReport = (homelabId: string, error: BridgeError | null) => void;

export class ToolsState {
  readonly #bridge: KombifyBridge;
  readonly #report: HomelabReport | undefined;
  #tools = $state<Tool[] | null>(null);
  #loading = $state(false);
  #error = $state<BridgeError | null>(null);
  #loadError = $state<BridgeError | null>(null);
  #busyId = $state<string | null>(null);
  #recheck: ReturnType<typeof setTimeout> | null = null;

  constructor(bridge: KombifyBridge, report?: HomelabReport) {
    this.#bridge = bridge;
    this.#report = report;
  }

  /** Tells main's log about a reply the window could not use; it never fails the screen. */
  #warn(message: string): void {
    void settle(() => this.#bridge.log({ level: 'warn', message }));
  }

  /** Null until the first answer; an empty list is a real answer. */
  get list(): readonly Tool[] | null {
    return this.#tools;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** Why the last connect or disconnect (or a reload of a shown catalog) failed. */
  get error(): BridgeError | null {
    return this.#error;
  }
  /** Why the catalog could not be loaded at all; the screen offers to try again. */
  get loadError(): BridgeError | null {
    return this.#loadError;
  }
  /** The tool being connected or disconnected right now. */
  get busyId(): string | null {
    return this.#busyId;
  }

  async load(): Promise<void> {
    this.#loading = true;
    this.#loadError = null;
    const result = await settle(() => this.#bridge.listTools());
    this.#loading = false;
    if (!result.ok) {
      if (this.#tools === null) this.#loadError = result.error;
      else this.#error = result.error;
      return;
    }
    // A reply that is not a list (a broken host) counts as an empty catalog, not a crash.
    if (!Array.isArray(result.value)) this.#warn('tools: the catalog reply was not a list');
    this.#tools = Array.isArray(result.value) ? result.value : [];
    this.#scheduleRecheck();
  }

  connect(toolId: string, homelabId: string): Promise<boolean> {
    return this.#change(toolId, async () => {
      const result = await this.#bridge.connectTool({ toolId, homelabId });
      this.#report?.(homelabId, result.ok ? null : result.error);
      return result;
    });
  }

  disconnect(toolId: string): Promise<boolean> {
    return this.#change(toolId, () => this.#bridge.disconnectTool({ toolId }));
  }

  dismissError(): void {
    this.#error = null;
  }

  /** Stops the recheck timer (the screen closed). */
  stop(): void {
    if (this.#recheck !== null) clearTimeout(this.#recheck);
    this.#recheck = null;
  }

  async #change(toolId: string, call: () => Promise<BridgeResult<unknown>>): Promise<boolean> {
    if (this.#busyId) return false;
    this.#busyId = toolId;
    this.#error = null;
    try {
      const result = await settle(call);
      if (!result.ok) {
        this.#error = result.error;
        return false;
      }
      await this.load();
      return true;
    } finally {
      this.#busyId = null;
    }
  }

  #scheduleRecheck(): void {
    this.stop();
    const connecting = (this.#tools ?? []).some((tool) => tool.connection?.status === 'connecting');
    if (connecting) this.#recheck = setTimeout(() => void this.load(), CONNECTING_RECHECK_MS);
  }
}

async function settle<T>(call: () => Promise<BridgeResult<T>>): Promise<BridgeResult<T>> {
  try {
    return await call();
  } catch {
    // The bridge promises results; a throwing one still ends as words on screen.
    return { ok: false, error: { code: 'BRIDGE_FAILED', message: t.errors.generic } };
  }
}

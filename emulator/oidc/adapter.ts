/**
 * oidc-provider storage backed by the emulator's data, so OIDC sessions,
 * grants and tokens are saved with the state file and wiped by reset.
 * Replaces the library's development-only in-memory adapter.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { OidcEntry } from '../model';
import type { Store } from '../store';

/** Builds the adapter class oidc-provider instantiates once per model name. */
export function storeAdapter(store: Store): new (model: string) => Adapter {
  const entries = (): Record<string, OidcEntry> => store.data.oidc;
  const live = (e: OidcEntry | undefined): e is OidcEntry =>
    e !== undefined && (e.expires_at === null || e.expires_at > Date.now());

  return class StoreAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return `${this.#model}:${id}`;
    }

    #findWhere(test: (p: Record<string, unknown>) => boolean): AdapterPayload | undefined {
      const prefix = `${this.#model}:`;
      for (const [key, entry] of Object.entries(entries())) {
        if (key.startsWith(prefix) && live(entry) && test(entry.payload)) {
          return entry.payload as AdapterPayload;
        }
      }
      return undefined;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const all = entries();
      // Drop what has expired so the state file does not grow without bound.
      for (const [key, entry] of Object.entries(all)) if (!live(entry)) delete all[key];
      all[this.#key(id)] = {
        payload: { ...payload },
        expires_at: expiresIn ? Date.now() + expiresIn * 1000 : null,
      };
      store.save();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const entry = entries()[this.#key(id)];
      return live(entry) ? (entry.payload as AdapterPayload) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.#findWhere((p) => p.userCode === userCode);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.#findWhere((p) => p.uid === uid);
    }

    async consume(id: string): Promise<void> {
      const entry = entries()[this.#key(id)];
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      store.save();
    }

    async destroy(id: string): Promise<void> {
      delete entries()[this.#key(id)];
      store.save();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const all = entries();
      const prefix = `${this.#model}:`;
      for (const [key, entry] of Object.entries(all)) {
        if (key.startsWith(prefix) && entry.payload.grantId === grantId) delete all[key];
      }
      store.save();
    }
  };
}

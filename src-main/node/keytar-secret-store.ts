/**
 * SecretStore over keytar (the OS keychain: libsecret, Keychain, Credential
 * Manager). keytar is a native module, loaded on first use so a missing or
 * broken build becomes a clear 'unavailable' error instead of a crash at start.
 */
import type { SecretStore } from '../core/ports';

/** The keychain service every kombify Tray secret lives under. */
export const KEYCHAIN_SERVICE = 'kombify-tray';

/** The part of keytar this store uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The keychain cannot be used at all (module missing, no Secret Service, locked). */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

/** Options of {@link createKeytarSecretStore}. */
export interface KeytarSecretStoreOptions {
  service?: string;
  /** How keytar is loaded; tests replace it to simulate a missing native module. */
  load?: () => Promise<KeytarLike>;
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  // keytar is CommonJS: its functions sit on `default` when imported from ESM.
  return mod.default ?? mod;
}

/** A SecretStore backed by keytar under {@link KEYCHAIN_SERVICE}. */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const load = options.load ?? loadKeytar;
  let loading: Promise<KeytarLike> | null = null;

  const keytar = async (): Promise<KeytarLike> => {
    loading ??= load().catch((error: unknown) => {
      // Forget the failure so a later call (after the person installs libsecret) can retry.
      loading = null;
      const why = error instanceof Error ? error.message : String(error);
      throw new KeychainUnavailableError(`the keychain module could not be loaded: ${why}`, {
        cause: error,
      });
    });
    return loading;
  };

  return {
    async get(account) {
      return (await keytar()).getPassword(service, account);
    },
    async set(account, secret) {
      await (await keytar()).setPassword(service, account, secret);
    },
    async delete(account) {
      return (await keytar()).deletePassword(service, account);
    },
  };
}

import { describe, expect, it } from 'vitest';
import {
  KeychainUnavailableError,
  createKeytarSecretStore,
} from '../../../src-main/node/keytar-secret-store';
import { REAL_KEYRING, secretToolLookup } from '../../support/real-keyring';

const keyring = REAL_KEYRING;
if (!keyring) {
  console.warn('keytar tests skipped: run under scripts/with-keyring.sh for a real keyring');
}

describe.skipIf(!keyring)('createKeytarSecretStore on the real keyring', () => {
  it('stores, reads and deletes one secret per account under kombify-tray', async () => {
    const store = createKeytarSecretStore();
    const account = `test|http://127.0.0.1:${process.pid}/v1`;
    const other = `staging|http://127.0.0.1:${process.pid}/v1`;
    await store.set(account, '{"v":1,"secret":"one"}');
    await store.set(other, '{"v":1,"secret":"two"}');
    expect(await store.get(account)).toBe('{"v":1,"secret":"one"}');
    expect(secretToolLookup(account)).toBe('{"v":1,"secret":"one"}');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(secretToolLookup(account)).toBeNull();
    expect(await store.get(other)).toBe('{"v":1,"secret":"two"}');
    expect(await store.delete(account)).toBe(false);
    await store.delete(other);
  });
});

describe('createKeytarSecretStore without a usable module', () => {
  it('rejects with KeychainUnavailableError naming the cause, and tries again later', async () => {
    let attempts = 0;
    const store = createKeytarSecretStore({
      load: async () => {
        attempts += 1;
        throw new Error("Cannot find module '../build/Release/keytar.node'");
      },
    });
    const error = await store.get('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toContain('keytar.node');
    await expect(store.set('a', 'x')).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(attempts).toBe(2);
  });

  it('loads the module once for many calls', async () => {
    let loads = 0;
    const items = new Map<string, string>();
    const store = createKeytarSecretStore({
      service: 'svc',
      load: async () => {
        loads += 1;
        return {
          getPassword: async (s, a) => items.get(`${s}/${a}`) ?? null,
          setPassword: async (s, a, p) => void items.set(`${s}/${a}`, p),
          deletePassword: async (s, a) => items.delete(`${s}/${a}`),
        };
      },
    });
    await store.set('a', 'x');
    expect(await store.get('a')).toBe('x');
    expect(items.get('svc/a')).toBe('x');
    expect(loads).toBe(1);
  });
});

/**
 * The throw-away keyring scripts/with-keyring.sh starts: whether it is there,
 * and what it holds for an account, asked the way a person would (`secret-tool`).
 */
import { execFileSync } from 'node:child_process';
import { KEYCHAIN_SERVICE } from '../../src-main/node/keytar-secret-store';

/** Set by scripts/with-keyring.sh once a throw-away gnome-keyring owns the Secret Service. */
export const REAL_KEYRING = Boolean(process.env.KOMBIFY_KEYRING_READY);

/** The stored secret for `account` under kombify Tray's service, or null when there is none. */
export function secretToolLookup(account: string): string | null {
  try {
    const args = ['lookup', 'service', KEYCHAIN_SERVICE, 'account', account];
    return execFileSync('secret-tool', args, { encoding: 'utf8' });
  } catch {
    // secret-tool exits 1 when there is no such item.
    return null;
  }
}

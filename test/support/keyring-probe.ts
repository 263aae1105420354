/**
 * Run as its own process by test/unit/node/keyring-unusable.test.ts: the core
 * on the real keytar adapter with a keychain that is locked (`--lock`) or not
 * there at all (the caller points D-Bus nowhere). It signs in with a password,
 * restarts, and prints what the person would see as one JSON line, with the
 * files it wrote and every secret value that crossed the wire (throw-away
 * emulator tokens) so the caller can search the files for them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrayCore } from '../../src-main/core/app';
import { SnapshotDocumentSchema } from '../../src-main/core/snapshot-document';
import { createJsonDocumentStore } from '../../src-main/node/json-document-store';
import { createKeytarSecretStore } from '../../src-main/node/keytar-secret-store';
import { createLogger } from '../../src-main/node/logger';
import { recordSecrets } from './secret-recorder';

const apiUrl = process.env.KOMBIFY_PROBE_API_URL ?? '';
const [email = '', password = ''] = (process.env.KOMBIFY_PROBE_CREDENTIALS ?? '').split(' ');

if (process.argv.includes('--lock')) {
  execFileSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
}

const dir = mkdtempSync(join(tmpdir(), 'kombify-probe-'));
const logger = await createLogger({ file: join(dir, 'logs', 'main.log'), level: 'debug' });
// Every secret value the servers and the app exchange, for the caller to search the files for.
const recorder = recordSecrets();
const core = () =>
  new TrayCore({
    environment: { name: 'probe', apiUrl },
    fetch: recorder.fetch,
    secrets: createKeytarSecretStore(),
    snapshots: createJsonDocumentStore({
      cwd: dir,
      configName: 'snapshot',
      schema: SnapshotDocumentSchema,
      logger,
    }),
    notifier: { notify: () => true },
    tray: { render: () => undefined },
    logger,
  });

const first = core();
await first.start();
const started = first.view();
const signIn = await first.handle('signInWithPassword', { email, password });
const signedIn = first.view();
await first.stop();
const second = core();
await second.start();
const restarted = second.view();
await second.stop();
logger.close();
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    started: { session: started.session, keychain: started.keychain },
    signIn: signIn.ok,
    signedIn: { session: signedIn.session, keychain: signedIn.keychain },
    restarted: { session: restarted.session, keychain: restarted.keychain },
    files,
    secrets: Object.fromEntries([...recorder.seen].map(([kind, values]) => [kind, [...values]])),
  }),
);

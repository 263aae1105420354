/**
 * kombify Cloud emulator: `tsx emulator/main.ts [--port N] [--state-file F]
 * [--speed X] [--token-ttl S] [--exit-on-stdin-end]`. The first stdout line
 * is the listening URL; the app and the test harness parse it, so it must
 * stay exactly so.
 */
import { parseArgs } from 'node:util';
import { EmulatorApp } from './app';
import type { Issuer } from './oidc/issuer';
import { createIssuer, signingKeys, TRAY_CLIENT_ID } from './oidc/issuer';
import { DEMO_EMAIL, DEMO_PASSWORD } from './seed';
import { startServer } from './server';

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number, got ${value}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'state-file': { type: 'string' },
    speed: { type: 'string' },
    'token-ttl': { type: 'string' },
    'exit-on-stdin-end': { type: 'boolean' },
  },
  strict: true,
});

const app = new EmulatorApp({
  port: number(values.port, 'port', 8787),
  speed: number(values.speed, 'speed', 1),
  stateFile: values['state-file'] ?? null,
  tokenTtlSeconds: number(values['token-ttl'], 'token-ttl', 900),
});

const keys = signingKeys();
let issuer: Issuer | null = null;
const { server, url } = await startServer(app, app.options.port, () => issuer?.handle ?? null);
app.baseUrl = url;
// The issuer needs its own URL, known only once the port is bound; it is ready before we print.
issuer = createIssuer(app, await keys);
app.auth.issuerTokens = issuer.tokens;
console.log(`kombify emulator listening on ${url}`);
console.log(`demo account: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
console.log(
  `OIDC issuer: ${url} (client_id ${TRAY_CLIENT_ID}, redirect http://127.0.0.1:<port>/callback)`,
);
console.log(`demo API key: ${app.store.demoApiKey}`);

function shutdown(): void {
  app.store.save();
  server.close();
  // Stalled-body faults hold sockets open on purpose; do not wait for them.
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (values['exit-on-stdin-end']) {
  // A test harness that dies without stopping us closes our stdin: do not outlive it.
  process.stdin.on('end', shutdown);
  process.stdin.resume();
}

/**
 * `npm start`: runs kombify Tray from a source checkout. Launches Electron
 * where its runtime is installed, and otherwise the browser host, saying why.
 * Unless KOMBIFY_API_URL points elsewhere, it also starts the local emulator
 * and signs in with its demo account.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { DEMO_ACCOUNT, startEmulatorProcess } from './emulator-process';
import { electronBinary } from './electron-runtime';

const args = new Set(process.argv.slice(2));
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): never {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(130));
process.on('SIGTERM', () => stopAll(143));

let apiUrl = process.env.KOMBIFY_API_URL;
let environmentName = process.env.KOMBIFY_ENV_NAME ?? (apiUrl ? 'custom' : 'local emulator');
let demo: { email: string; password: string } | undefined;

const electron = args.has('--browser') ? { missing: '--browser was given' } : electronBinary();

if (!('path' in electron)) {
  // One app per data folder: ask before starting anything, so a second start hands
  // over to the first without an emulator (and its demo key) of its own on the way.
  const { runningInstance } = await import('../src-main/node/instance-lock');
  const { defaultDataDir } = await import('../src-main/host/compose');
  const running = await runningInstance(defaultDataDir(process.env));
  if (running) {
    console.log(`kombify Tray is already running: ${running.pageUrl || 'see its terminal'}`);
    process.exit(0);
  }
}

if (!apiUrl) {
  const emulator = await startEmulatorProcess();
  children.push(emulator.child);
  apiUrl = `${emulator.url}/v1`;
  environmentName = 'local emulator';
  demo = DEMO_ACCOUNT;
  console.log(`Started the local kombify Cloud emulator at ${emulator.url}`);
  console.log(`Demo account: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);
  console.log(`Demo API key (for "Sign in with an API key"): ${emulator.apiKey}`);
  emulator.child.once('exit', (code, signal) => {
    if (stopping) return;
    console.log(
      `The local kombify Cloud emulator stopped (${signal ?? `exit code ${code}`}); ` +
        'kombify Tray shows what it last knew. Quit and run npm start again for a new one.',
    );
  });
}

if ('path' in electron) {
  const built = spawnSync('npx', ['tsx', 'scripts/build-main.ts'], { stdio: 'inherit' });
  if (built.status !== 0) stopAll(built.status ?? 1);
  const app = spawn(electron.path, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, KOMBIFY_API_URL: apiUrl, KOMBIFY_ENV_NAME: environmentName },
  });
  children.push(app);
  app.on('exit', (code) => stopAll(code ?? 0));
} else {
  console.log(`Electron cannot start here (${electron.missing}).`);
  console.log(
    'Starting the browser host instead: the same app, served to your browser on 127.0.0.1.',
  );
  const { AlreadyRunningError, StartError, runBrowserHost } =
    await import('../src-main/browser-host/main');
  const host = await runBrowserHost({
    environment: { name: environmentName, apiUrl },
    demoAccount: demo,
    port: Number(process.env.KOMBIFY_PORT ?? 0),
  }).catch((error: unknown) => {
    // Something the person can fix (the data folder, a missing build): one line, no stack.
    if (error instanceof StartError) {
      console.error(error.message);
      return stopAll(1);
    }
    if (!(error instanceof AlreadyRunningError)) throw error;
    // Started meanwhile (the look above came first): one poller per data folder.
    console.log(`kombify Tray is already running: ${error.pageUrl || 'see its terminal'}`);
    return stopAll(0);
  });
  console.log(`\nkombify Tray is ready: ${host.pageUrl}\n`);
  if (!args.has('--no-open') && !process.env.CI) {
    const { hasDesktop, openInBrowser } = await import('../src-main/browser-host/open-in-browser');
    // Without a desktop the address above is the one to open: printing it again adds nothing.
    if (!hasDesktop()) console.log('No desktop to open a browser on: open the address above.');
    else {
      await openInBrowser(host.pageUrl, host.logger).catch(() =>
        console.log('Open the address above in your browser.'),
      );
    }
  }
  process.on('exit', () => void host.stop());
}

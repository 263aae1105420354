/**
 * Any local process can reach the browser sign-in's loopback port. A request
 * whose target is not a URL (`GET http://[`) must get a 4xx and leave the
 * listener, and the app, running: it once threw inside node:http's handler and
 * ended the whole host mid sign-in. The listener runs in a child process here,
 * because a crash is what this guards against.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LISTENER = resolve(ROOT, 'src-main/node/loopback-listener.ts');

const CHILD = `
const { nodeLoopbackListener } = await import(${JSON.stringify(LISTENER)});
const server = await nodeLoopbackListener.listen(0, () => ({ status: 400, html: 'incomplete' }));
console.log('port ' + server.port);
`;

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

/** Starts the listener in its own process and resolves with its port. */
function startListener(): Promise<number> {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((done, fail) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) done(Number(match[1]));
    });
    proc.once('exit', (code) => fail(new Error(`listener exited early (${code})`)));
  });
}

/** Sends raw bytes and resolves with whatever comes back before the socket closes. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write(text));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('close', () => done(reply));
    socket.on('error', () => done(reply));
  });
}

describe('loopback sign-in listener against a malformed request target', () => {
  it('answers it and keeps listening for the real callback', async () => {
    const port = await startListener();
    const hostile = await raw(port, 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(hostile).toMatch(/^HTTP\/1\.1 4\d\d/);
    // The browser's callback still gets its page: the listener (and the app) is alive.
    const callback = await raw(
      port,
      'GET /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(callback).toMatch(/^HTTP\/1\.1 400/);
    expect(child?.exitCode).toBeNull();
  });
});

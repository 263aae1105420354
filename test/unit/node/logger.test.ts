import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/node/logger';
import { redactText } from '../../../src-main/node/redact';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kombify-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfZGVtbyIsImV4cCI6MTc5NjMyMzMyNn0.c2lnbmF0dXJlLXBhcnQ';
const OPAQUE = 'rt_9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc';

function lines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('createLogger', () => {
  it('writes JSON lines to the file with the subsystem of each child', async () => {
    const log = await createLogger({ file: join(dir, 'logs', 'main.log'), level: 'debug' });
    log.child('core').child('session').info('signed in', { attempt: 1 });
    log.debug('details');
    log.close();
    expect(log.file).toBe(join(dir, 'logs', 'main.1.log'));
    const [first, second] = lines(log.file);
    expect(first).toMatchObject({ level: 'info', msg: 'signed in', subsystem: 'core.session' });
    expect(first).toMatchObject({ attempt: 1 });
    expect(second).toMatchObject({ level: 'debug', msg: 'details' });
  });

  it('drops lines below the level', async () => {
    const log = await createLogger({ file: join(dir, 'main.log'), level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    log.close();
    expect(lines(log.file).map((l) => l.msg)).toEqual(['loud']);
  });

  it('redacts secret fields at any depth and secrets inside messages', async () => {
    const log = await createLogger({ file: join(dir, 'main.log') });
    const file = log.file;
    log.info(`got token ${JWT} and Bearer abc.def`, {
      token: 'tok-1',
      nested: { refresh_token: OPAQUE, Authorization: 'Bearer xyz', apiKey: 'kmb_k' },
      headers: [{ 'x-api-key': 'kmb_k2' }],
      password: 'homelab-demo',
      code: 'oauth-code-123',
      error: `refresh with ${OPAQUE} failed`,
    });
    log.warn('refused', { code: 'INVALID_TOKEN', requestId: 'req_123' });
    log.close();
    const text = readFileSync(file, 'utf8');
    for (const secret of [JWT, OPAQUE, 'tok-1', 'xyz', 'kmb_k', 'homelab-demo', 'oauth-code']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('abc.def');
    const [, second] = lines(file);
    // Error codes and request ids stay readable: they are what a support person needs.
    expect(second).toMatchObject({ code: 'INVALID_TOKEN', requestId: 'req_123' });
  });
});

describe('createLogger with stderr', () => {
  it('writes the same redacted warnings to stderr, and leaves info to the file', () => {
    const file = join(dir, 'main.1.log');
    const script = [
      "import { createLogger } from './src-main/node/logger.ts';",
      `createLogger({ file: ${JSON.stringify(join(dir, 'main.log'))}, stderr: true }).then((log) => {`,
      "  log.info('routine');",
      `  log.warn('token ${JWT}', { password: 'homelab-demo' });`,
      '  log.close();',
      '});',
    ].join('\n');
    const run = spawnSync('node_modules/.bin/tsx', ['--eval', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const fromFile = readFileSync(file, 'utf8');
    expect(fromFile).toContain('routine');
    expect(run.stderr).not.toContain('routine');
    expect(run.stderr).toBe(fromFile.split('\n')[1] + '\n');
    expect(fromFile).toContain('[redacted]');
    expect(fromFile).not.toContain(JWT);
    expect(fromFile).not.toContain('homelab-demo');
  });
});

describe('createLogger with a log folder it cannot write', () => {
  it('still logs, to stderr only and redacted, says why once, and reports the folder', () => {
    // A file where the logs folder should be: mkdir fails even for root.
    writeFileSync(join(dir, 'logs'), 'not a folder');
    const script = [
      "import { createLogger } from './src-main/node/logger.ts';",
      'const problems = [];',
      `createLogger({ file: ${JSON.stringify(join(dir, 'logs', 'main.log'))},`,
      '  onProblem: (p) => problems.push(p) }).then((log) => {',
      "  log.info('routine');",
      `  log.warn('token ${JWT}');`,
      '  log.close();',
      '  console.log(JSON.stringify({ problem: log.problem, problems }));',
      '});',
    ].join('\n');
    const run = spawnSync('node_modules/.bin/tsx', ['--eval', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const problem = { folder: join(dir, 'logs'), cause: expect.stringMatching(/^E[A-Z]+$/) };
    expect(JSON.parse(run.stdout)).toEqual({ problem, problems: [problem] });
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual([
      'the log folder cannot be written; logging to stderr only',
      'routine',
      'token [redacted]',
    ]);
    expect(run.stderr).not.toContain(JWT);
  });
});

describe('createLogger rotation', () => {
  it('rolls to a new file past the size and keeps only the newest few', async () => {
    const log = await createLogger({ file: join(dir, 'logs', 'main.log'), maxSize: '1k', keep: 2 });
    for (let burst = 0; burst < 6; burst += 1) {
      // pino-roll rolls once the burst is on disk: wait for that, not for a guessed time.
      const rolled = log.nextRoll();
      for (let i = 0; i < 30; i += 1) log.info('line', { burst, i, pad: 'x'.repeat(40) });
      await rolled;
    }
    log.close();
    const files = readdirSync(join(dir, 'logs')).sort();
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files).toContain('main.6.log');
    expect(files).not.toContain('main.1.log');
    const kept = files.map((f) => readFileSync(join(dir, 'logs', f), 'utf8')).join('');
    expect(kept).toContain('"burst":5');
  });
});

describe('redactText', () => {
  it('masks API keys, prefixed and digit-free tokens and labelled secrets in free text', () => {
    const apiKey = 'kmb_zujIifDzo1hLFlo4Ax5P5sfx';
    const digitFree = 'rt_QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUiOpAs';
    const text = [
      `pw homelab-demo key ${apiKey}`,
      `X-API-Key: ${apiKey}`,
      `password=homelab-demo`,
      `refresh with ${digitFree}`,
      `random ${digitFree.slice(3)}`,
    ].join('\n');
    const out = redactText(text);
    expect(out).not.toContain(apiKey);
    expect(out).not.toContain(digitFree.slice(3));
    expect(out).toContain('X-API-Key: [redacted]');
    expect(out).toContain('password=[redacted]');
    // Long lower-case identifiers from code stay readable.
    expect(redactText('at kombify_tray_browser_host_listening_address')).toBe(
      'at kombify_tray_browser_host_listening_address',
    );
  });

  it('keeps UUIDs, paths and words, masks emails to their first letter', () => {
    const uuid = '550e8400-e29b-41d4-a716-446655440000';
    const text = `key ${uuid} in /tmp/kombify/snapshot.json for demo@kombify.dev`;
    expect(redactText(text)).toBe(`key ${uuid} in /tmp/kombify/snapshot.json for d***@kombify.dev`);
  });

  it('masks long token-like runs that contain digits', () => {
    expect(redactText(`rt ${OPAQUE}`)).toBe('rt [redacted]');
  });
});

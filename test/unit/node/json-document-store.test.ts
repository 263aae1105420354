import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type SnapshotDocument,
  SnapshotDocumentSchema,
} from '../../../src-main/core/snapshot-document';
import { createJsonDocumentStore } from '../../../src-main/node/json-document-store';
import { memoryLogger } from '../support/fakes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kombify-doc-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const doc: SnapshotDocument = {
  version: 1,
  account: 'emulator|http://127.0.0.1:1/v1',
  snapshot: {
    fetchedAt: '2026-12-03T12:00:00.000Z',
    user: null,
    subscription: null,
    deployments: [],
  },
  notifiedKeys: ['deployment:a:succeeded'],
};

function open(logger = memoryLogger()) {
  const store = createJsonDocumentStore({
    cwd: dir,
    configName: 'snapshot',
    schema: SnapshotDocumentSchema,
    logger,
    now: () => 1234,
  });
  return { store, logger };
}

describe('createJsonDocumentStore', () => {
  it('gives null when there is no file, then round-trips a saved document', () => {
    const { store } = open();
    expect(store.load()).toBeNull();
    store.save(doc);
    expect(open().store.load()).toEqual(doc);
    expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'))).toEqual(doc);
  });

  it.each([
    ['empty', ''],
    ['cut off mid-JSON', '{"version":1,"snapshot":{"fetch'],
    ['512 NUL bytes', '\0'.repeat(512)],
    ['valid JSON of the wrong shape', '{"version":2}'],
  ])('sets a file that is %s aside, warns once, and saves cleanly next', (_what, content) => {
    writeFileSync(join(dir, 'snapshot.json'), content);
    const { store, logger } = open();
    expect(store.load()).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['snapshot.corrupt-1234.json']);
    expect(readFileSync(join(dir, 'snapshot.corrupt-1234.json'), 'utf8')).toBe(content);
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    store.save(doc);
    expect(open().store.load()).toEqual(doc);
  });

  it('refuses to save an invalid document and keeps the good file', () => {
    const { store } = open();
    store.save(doc);
    const bad = { ...doc, version: 3 } as unknown as SnapshotDocument;
    expect(() => store.save(bad)).toThrow(/refusing to save/);
    expect(store.load()).toEqual(doc);
  });

  it('removes the file on clear, so the next load is empty rather than corrupt', () => {
    const { store, logger } = open();
    store.save(doc);
    store.clear();
    expect(store.load()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it('notices a file broken while running and recovers on the next save', () => {
    const { store } = open();
    store.save(doc);
    writeFileSync(join(dir, 'snapshot.json'), '{"version":');
    expect(store.load()).toBeNull();
    store.save(doc);
    expect(store.load()).toEqual(doc);
  });

  it('refuses a config name that is a path', () => {
    expect(() =>
      createJsonDocumentStore({
        cwd: dir,
        configName: '../escape',
        schema: SnapshotDocumentSchema,
        logger: memoryLogger(),
      }),
    ).toThrow(/plain file name/);
  });
});

/**
 * Found by adversarial testing: a file that exists but cannot be read (EISDIR, or
 * EACCES after a `sudo` run) threw out of createJsonDocumentStore, so the app did not
 * start. Whatever the data folder does, the store opens, the app starts from defaults
 * in memory, the file is left as it was, and the problem is logged once and reported.
 */
describe('createJsonDocumentStore with a data folder it cannot use', () => {
  const warnings = (logger: ReturnType<typeof memoryLogger>) =>
    logger.entries.filter((e) => e.level === 'warn' || e.level === 'error');

  it('opens when the file is a folder: no document, the folder left alone, said once', () => {
    mkdirSync(join(dir, 'snapshot.json'));
    const { store, logger } = open();
    expect(store.load()).toBeNull();
    expect(store.load()).toBeNull();
    expect(statSync(join(dir, 'snapshot.json')).isDirectory()).toBe(true);
    expect(store.problem()).toEqual({
      kind: 'unreadable',
      file: join(dir, 'snapshot.json'),
      cause: 'EISDIR',
    });
    expect(warnings(logger)).toHaveLength(1);
    // Nothing is written over a file the app could not read.
    expect(() => store.save(doc)).toThrow(/snapshot\.json could not be saved/);
    expect(statSync(join(dir, 'snapshot.json')).isDirectory()).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)(
    'opens when the file may not be read, and leaves its content as it was',
    () => {
      writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(doc));
      chmodSync(join(dir, 'snapshot.json'), 0o000);
      const { store } = open();
      expect(store.load()).toBeNull();
      expect(store.problem()).toMatchObject({ kind: 'unreadable', cause: 'EACCES' });
      chmodSync(join(dir, 'snapshot.json'), 0o600);
      expect(JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'))).toEqual(doc);
    },
  );

  it('keeps a broken file in place when it cannot be moved aside, without throwing', () => {
    writeFileSync(join(dir, 'snapshot.json'), '{"version":');
    // The name it would be kept under is taken by a folder with something in it.
    mkdirSync(join(dir, 'snapshot.corrupt-1234.json', 'inside'), { recursive: true });
    const { store, logger } = open();
    expect(store.load()).toBeNull();
    expect(store.load()).toBeNull();
    expect(readFileSync(join(dir, 'snapshot.json'), 'utf8')).toBe('{"version":');
    expect(store.problem()).toMatchObject({
      kind: 'kept-broken',
      file: join(dir, 'snapshot.json'),
    });
    expect(warnings(logger)).toHaveLength(1);
    expect(() => store.save(doc)).toThrow(/could not be saved/);
    expect(readFileSync(join(dir, 'snapshot.json'), 'utf8')).toBe('{"version":');
  });

  it('opens in a folder that cannot be created, and reports saves that fail until one works', () => {
    const cwd = join(dir, 'data');
    // A file where the data folder should be.
    writeFileSync(cwd, 'not a folder');
    const logger = memoryLogger();
    const store = createJsonDocumentStore({
      cwd,
      configName: 'snapshot',
      schema: SnapshotDocumentSchema,
      logger,
    });
    expect(store.load()).toBeNull();
    expect(() => store.save(doc)).toThrow(/snapshot\.json could not be saved/);
    expect(() => store.save(doc)).toThrow(/could not be saved/);
    expect(store.problem()).toMatchObject({ kind: 'not-saved', cause: 'ENOTDIR' });
    // Said once however often the save is tried, and once more when it works again.
    expect(warnings(logger)).toHaveLength(1);
    rmSync(cwd);
    mkdirSync(cwd);
    store.save(doc);
    expect(store.problem()).toBeNull();
    expect(store.load()).toEqual(doc);
  });

  it('reports a file set aside for as long as the app runs', () => {
    writeFileSync(join(dir, 'snapshot.json'), 'garbage');
    const { store } = open();
    expect(store.load()).toBeNull();
    expect(store.load()).toBeNull();
    expect(store.problem()).toEqual({
      kind: 'set-aside',
      file: join(dir, 'snapshot.json'),
      keptAs: join(dir, 'snapshot.corrupt-1234.json'),
    });
  });
});

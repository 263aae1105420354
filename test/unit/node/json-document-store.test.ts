import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile('electron-builder.yml', 'utf8')) as Record<string, unknown>;
}

const ajv = new Ajv({ strict: false, allErrors: true });
// Compiling electron-builder's schema takes a while; do it once for the file.
const validator = readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8').then((text) =>
  ajv.compile(JSON.parse(text) as object),
);

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", async () => {
    const validate = await validator;
    const valid = validate(await loadConfig());
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a mistake', async () => {
    const validate = await validator;
    expect(validate({ ...(await loadConfig()), electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('builds every desktop package and hardens the binary with fuses', async () => {
    const config = (await loadConfig()) as {
      linux: { target: string[] };
      mac: { target: string[] };
      win: { target: string[] };
      electronFuses: Record<string, boolean>;
      publish: { provider: string; url: string };
    };
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.publish.url).toMatch(/^https:\/\//);
  });
});

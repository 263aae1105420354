import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../src-main/electron/app-identity';

describe('app identity', () => {
  it('uses the build appId as the AppUserModelID, so Windows shows notifications', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });
});

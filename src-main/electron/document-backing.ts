/**
 * Settings and snapshot in the Electron host go through electron-store, which
 * is conf inside Electron: the same atomic writes and the same JSON file as
 * the browser host, so either host reads what the other wrote.
 */
import ElectronStore from 'electron-store';
import type { BackingFile, BackingFileOptions } from '../node/json-document-store';

export function electronStoreBacking(options: BackingFileOptions): BackingFile {
  return new ElectronStore<Record<string, unknown>>({
    cwd: options.cwd,
    name: options.configName,
    clearInvalidConfig: options.clearInvalidConfig,
    configFileMode: options.configFileMode,
  });
}

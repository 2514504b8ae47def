import Conf from 'conf';
import { SettingsFileError, createSettingsStore, type SettingsStore } from './store';

export const SETTINGS_FILE_NAME = 'settings';

/** Plain-Node settings on `conf` — the library electron-store builds on — so both shells share one file format. */
export function openConfSettings(dataDir: string): SettingsStore {
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SettingsFileError(`${dataDir}/${SETTINGS_FILE_NAME}.json`, `it is not valid JSON (${reason})`);
  }
  return createSettingsStore({
    path: conf.path,
    get store() {
      return conf.store;
    },
    set: (value) => {
      conf.store = value;
    },
  });
}

import ElectronStore from 'electron-store';
import { SETTINGS_FILE_NAME } from '../core/settings/confStore';
import { createSettingsStore, type SettingsStore } from '../core/settings/store';

/** electron-store on the same `settings.json` (it is `conf` underneath) in the data directory. */
export function openElectronSettings(dataDir: string): SettingsStore {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  return createSettingsStore({
    path: store.path,
    get store() {
      return store.store;
    },
    set: (value) => {
      store.store = value;
    },
  });
}

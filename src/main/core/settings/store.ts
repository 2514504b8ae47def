import { fromZodError } from '../../../shared/errors';
import { mergeSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings';

/** Where settings live. The desktop shell passes electron-store; headless uses `conf` on the same file format. */
export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** The raw key-value file underneath (the part that differs between `conf` and `electron-store`). */
export interface RawSettingsFile {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(value: Record<string, unknown>): void;
}

export class SettingsFileError extends Error {
  constructor(file: string, detail: string) {
    super(`The settings file ${file} is invalid: ${detail}. Fix that value, or delete the file to start from defaults.`);
    this.name = 'SettingsFileError';
  }
}

export function validateSettingsFile(file: string, raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new SettingsFileError(file, fromZodError(parsed.error).message);
  return parsed.data;
}

/** Validates once at open, keeps a typed copy, writes whole validated objects only. */
export function createSettingsStore(raw: RawSettingsFile): SettingsStore {
  let current = validateSettingsFile(raw.path, raw.store);
  return {
    file: raw.path,
    get: () => current,
    update(patch) {
      const next = mergeSettings(current, patch);
      raw.set(next);
      current = next;
      return current;
    },
  };
}

/** The settings file schema: validated on load (a hand-edited bad file names the field) and on update. */
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export const DEFAULT_API_PORT = 4317;

const apiSettingsSchema = z
  .object({
    port: z
      .number()
      .int()
      .min(0, 'api.port must be between 0 and 65535')
      .max(65535, 'api.port must be between 0 and 65535')
      .default(DEFAULT_API_PORT),
    host: z.string().min(1).default('127.0.0.1'),
    /** Requests per minute allowed to each live key; null = unlimited (test keys always get 5). */
    liveRateLimitPerMinute: z
      .number()
      .int()
      .min(1, 'api.liveRateLimitPerMinute must be at least 1, or null for unlimited')
      .nullable()
      .default(null),
  })
  .strict();

const backupSettingsSchema = z
  .object({
    /** A copy of the store through SQLite's online backup API once a day, while Parallax runs. */
    daily: z.boolean().default(true),
    keep: z.number().int().min(1, 'backup.keep must be between 1 and 365').max(365, 'backup.keep must be between 1 and 365').default(7),
  })
  .strict();

export const settingsSchema = z
  .object({
    theme: z.enum(THEMES).default('system'),
    api: apiSettingsSchema.prefault({}),
    backup: backupSettingsSchema.prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: every section optional, and each section's fields optional. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    api: apiSettingsSchema.partial().optional(),
    backup: backupSettingsSchema.partial().optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({
    ...current,
    ...patch,
    api: { ...current.api, ...patch.api },
    backup: { ...current.backup, ...patch.backup },
  });
}

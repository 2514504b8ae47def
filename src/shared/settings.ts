/** The settings file schema: validated on load (a hand-edited bad file names the field) and on update. */
import { z } from 'zod';
import { PROVIDER_IDS } from './providers';

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

const priceSchema = z
  .object({
    input: z.number().min(0, 'price must be 0 or more'),
    output: z.number().min(0, 'price must be 0 or more'),
    cached_input: z.number().min(0, 'price must be 0 or more').nullable().optional(),
  })
  .strict();

/** A user-defined OpenAI-compatible server (vLLM, LiteLLM, a company gateway…). Its key goes in the vault. */
export const customEndpointSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,31}$/, 'id: 2-32 lower-case letters, digits or _ , starting with a letter')
      .refine((id) => !(PROVIDER_IDS as readonly string[]).includes(id), 'id: that is a built-in provider'),
    name: z.string().trim().min(1, 'name is required').max(80),
    base_url: z.url({ error: 'base_url must be a URL (the base that /chat/completions is appended to)' }),
    models: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  })
  .strict();
export type CustomEndpoint = z.infer<typeof customEndpointSchema>;

const providerSettingsSchema = z
  .object({
    /** Base URL per provider id, overriding `<ID>_BASE_URL` and the default. */
    base_urls: z.record(z.string(), z.url({ error: 'providers.base_urls: each value must be a URL' })).default({}),
    /** USD per million tokens, keyed `provider/model`. */
    price_overrides: z.record(z.string(), priceSchema).default({}),
    first_token_timeout_ms: z
      .number()
      .int()
      .min(1000, 'providers.first_token_timeout_ms must be at least 1000')
      .max(600_000)
      .default(30_000),
    total_timeout_ms: z.number().int().min(1000, 'providers.total_timeout_ms must be at least 1000').max(3_600_000).default(300_000),
    max_retries: z
      .number()
      .int()
      .min(0, 'providers.max_retries must be between 0 and 5')
      .max(5, 'providers.max_retries must be between 0 and 5')
      .default(2),
    custom_endpoints: z
      .array(customEndpointSchema)
      .max(50)
      .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'providers.custom_endpoints: ids must be unique')
      .default([]),
  })
  .strict();

const budgetSettingsSchema = z
  .object({
    /** Past either, provider-calling routes are refused until the next (UTC) month. null = no limit. */
    monthly_usd: z.number().min(0, 'budget.monthly_usd must be 0 or more').nullable().default(null),
    monthly_calls: z.number().int().min(0, 'budget.monthly_calls must be 0 or more').nullable().default(null),
  })
  .strict();

const vaultSettingsSchema = z
  .object({
    /** Linux without a keyring: let safeStorage's basic_text backend (obfuscation only) keep keys on disk. */
    allow_plain_text_keyring: z.boolean().default(false),
  })
  .strict();

const desktopSettingsSchema = z
  .object({
    /** Start Parallax when the user logs in (the desktop app only). */
    launch_at_login: z.boolean().default(false),
    /** Closing the window keeps Parallax in the tray while any schedule is enabled. */
    keep_running_in_tray: z.boolean().default(true),
  })
  .strict();

const historySettingsSchema = z
  .object({
    /**
     * Runs (with their results and trace sources) older than this many days are deleted by the daily
     * maintenance. null = keep everything (the default). Saved prompts and schedules are never pruned.
     */
    retention_days: z
      .number()
      .int('history.retention_days must be a whole number of days, or null to keep everything')
      .min(1, 'history.retention_days must be between 1 and 36500, or null to keep everything')
      .max(36_500, 'history.retention_days must be between 1 and 36500, or null to keep everything')
      .nullable()
      .default(null),
  })
  .strict();

export const settingsSchema = z
  .object({
    theme: z.enum(THEMES).default('system'),
    api: apiSettingsSchema.prefault({}),
    backup: backupSettingsSchema.prefault({}),
    providers: providerSettingsSchema.prefault({}),
    vault: vaultSettingsSchema.prefault({}),
    budget: budgetSettingsSchema.prefault({}),
    desktop: desktopSettingsSchema.prefault({}),
    history: historySettingsSchema.prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: every section optional, and each section's fields optional. */
/**
 * A section for a partial update: every field optional and WITHOUT its default. (zod 4 applies a
 * default even inside `.optional()`, so `.partial()` would reset every field the patch left out.)
 */
function patchSection<T extends z.ZodObject>(section: T) {
  const shape = Object.fromEntries(
    Object.entries(section.shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  );
  return z.object(shape).strict().optional() as unknown as z.ZodOptional<z.ZodType<Partial<z.output<T>>, Partial<z.input<T>>>>;
}

export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    api: patchSection(apiSettingsSchema),
    backup: patchSection(backupSettingsSchema),
    providers: patchSection(providerSettingsSchema),
    vault: patchSection(vaultSettingsSchema),
    budget: patchSection(budgetSettingsSchema),
    desktop: patchSection(desktopSettingsSchema),
    history: patchSection(historySettingsSchema),
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
    providers: { ...current.providers, ...patch.providers },
    vault: { ...current.vault, ...patch.vault },
    budget: { ...current.budget, ...patch.budget },
    desktop: { ...current.desktop, ...patch.desktop },
    history: { ...current.history, ...patch.history },
  });
}

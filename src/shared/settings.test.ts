import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings, settingsPatchSchema } from './settings';

describe('settings patches', () => {
  it('change only what they name (a default never overwrites a value the patch left out)', () => {
    const current = mergeSettings(defaultSettings(), {
      api: { port: 5000, host: '0.0.0.0' },
      providers: { custom_endpoints: [{ id: 'gw', name: 'GW', base_url: 'http://127.0.0.1:1/v1', models: [] }], max_retries: 4 },
    });
    const patch = settingsPatchSchema.parse({
      api: { port: 6000 },
      providers: { price_overrides: { 'openai/x': { input: 1, output: 2 } } },
    });
    expect(patch).toEqual({ api: { port: 6000 }, providers: { price_overrides: { 'openai/x': { input: 1, output: 2 } } } });
    const next = mergeSettings(current, patch);
    expect(next.api).toEqual({ ...current.api, port: 6000 });
    expect(next.providers.custom_endpoints).toHaveLength(1);
    expect(next.providers.max_retries).toBe(4);
  });

  it('still validate each field and refuse unknown ones', () => {
    expect(settingsPatchSchema.safeParse({ api: { port: 'x' } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ api: { colour: 1 } }).success).toBe(false);
  });

  it('keep every run by default, and validate the retention period', () => {
    expect(defaultSettings().history).toEqual({ retention_days: null });
    expect(mergeSettings(defaultSettings(), { history: { retention_days: 90 } }).history.retention_days).toBe(90);
    const bad = settingsPatchSchema.safeParse({ history: { retention_days: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['history', 'retention_days'],
      message: 'history.retention_days must be between 1 and 36500, or null to keep everything',
    });
    expect(
      mergeSettings(mergeSettings(defaultSettings(), { history: { retention_days: 30 } }), { history: { retention_days: null } }).history,
    ).toEqual({
      retention_days: null,
    });
  });
});

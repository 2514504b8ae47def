import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from './confStore';
import { SettingsFileError } from './store';
import { defaultSettings } from '../../../shared/settings';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-settings-'));

describe('settings on conf', () => {
  it('starts from defaults and persists validated updates to settings.json', () => {
    const dir = tempDir();
    const store = openConfSettings(dir);
    expect(store.get()).toEqual(defaultSettings());
    expect(store.get()).toMatchObject({
      theme: 'system',
      api: { port: 4317, host: '127.0.0.1', liveRateLimitPerMinute: null },
      backup: { daily: true, keep: 7 },
    });
    store.update({ theme: 'dark', api: { port: 5000 } });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ ...defaultSettings(), theme: 'dark', api: { ...defaultSettings().api, port: 5000 } });
    expect(openConfSettings(dir).get().theme).toBe('dark');
  });

  it('rejects an invalid update and keeps the file as it was', () => {
    const dir = tempDir();
    const store = openConfSettings(dir);
    store.update({ theme: 'light' });
    const before = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(() => store.update({ api: { port: 70000 } })).toThrow(/api\.port must be between 0 and 65535/);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(store.get().api.port).toBe(4317);
  });

  it('names the file and the field of a hand-edited bad value', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'purple' }));
    expect(() => openConfSettings(dir)).toThrow(SettingsFileError);
    expect(() => openConfSettings(dir)).toThrow(new RegExp(`${dir}/settings.json is invalid: theme`));
  });

  it('names the file when it is not JSON at all', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ theme: dark');
    expect(() => openConfSettings(dir)).toThrow(/settings\.json is invalid: it is not valid JSON/);
  });

  it('rejects unknown keys so typos are not silently ignored', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ them: 'dark' }));
    expect(() => openConfSettings(dir)).toThrow(/invalid/);
  });
});

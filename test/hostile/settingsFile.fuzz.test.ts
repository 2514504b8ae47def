import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConfSettings } from '../../src/main/core/settings/confStore';
import { SettingsFileError } from '../../src/main/core/settings/store';
import { settingsSchema } from '../../src/shared/settings';

/** Whatever is in settings.json, the loader either gives valid settings or refuses with SettingsFileError, and never rewrites the file. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-settings-fuzz-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

function load(bytes: Buffer): 'loaded' | 'refused' {
  const dir = path.join(root, String(n++));
  fs.mkdirSync(dir);
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, bytes);
  try {
    const store = openConfSettings(dir);
    expect(settingsSchema.safeParse(store.get()).success).toBe(true);
    return 'loaded';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(SettingsFileError);
    expect((error as Error).message).toMatch(/settings/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true); // left as it was, for the user to fix
    return 'refused';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sections = ['theme', 'api', 'providers', 'backup', 'vault', 'budget', '__proto__', 'constructor'];
const nested = fc.dictionary(
  fc.oneof(fc.constantFrom(...sections, 'port', 'host', 'base_urls', 'max_retries'), fc.string()),
  fc.jsonValue(),
  {
    maxKeys: 5,
  },
);
const settingsLike = fc.dictionary(fc.constantFrom(...sections), fc.oneof(nested, fc.jsonValue()), { maxKeys: 5 });

describe('the settings file loader under hostile files', () => {
  it('random JSON shaped like settings: valid settings or a SettingsFileError', () => {
    fc.assert(
      fc.property(settingsLike, (value) => void load(Buffer.from(JSON.stringify(value)))),
      { numRuns: 300 },
    );
  });

  it('any JSON value at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void load(Buffer.from(JSON.stringify(value)))),
      { numRuns: 200 },
    );
  });

  it('random bytes, truncated JSON, a BOM, non-UTF-8, an empty file, __proto__ pollution attempts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void load(Buffer.from(bytes))),
      { numRuns: 200 },
    );
    const outcomes = [
      Buffer.from('{"theme": "dark", "api": {"port": 43'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"theme":"dark"}')]),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
      Buffer.alloc(0),
      Buffer.from('{"__proto__": {"polluted": true}, "api": {"__proto__": {"port": 1}}}'),
      Buffer.from('{"api": {"port": 1e400}}'),
      Buffer.from(`{"theme": "${'x'.repeat(1_000_000)}"}`),
    ].map(load);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(outcomes).toContain('refused');
  });
});

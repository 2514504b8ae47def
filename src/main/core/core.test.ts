import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createCore, type Core } from './index';

const cores: Core[] = [];
const start = (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-core-'))) => {
  const core = createCore({ dataDir });
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((core) => core.close()));
const ctx = { source: 'cli' as const };

describe('createCore', () => {
  it('creates the first live key on a new data directory and writes it to a 0600 api-token file', () => {
    const core = start();
    expect(core.firstStart).not.toBeNull();
    const file = path.join(core.dataDir, 'api-token');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^pk_live_[a-z0-9]{24}\n$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(core.apiKeys.authenticate(text.trim())?.type).toBe('live');
  });

  it('does not create another key on the next start', () => {
    const first = start();
    const dir = first.dataDir;
    first.close();
    const again = start(dir);
    expect(again.firstStart).toBeNull();
    expect(again.apiKeys.list()).toHaveLength(1);
  });

  it('validates operation input and names the field', async () => {
    const core = start();
    await expect(core.invoke('createApiKey', { name: '', type: 'live' }, ctx)).rejects.toMatchObject({
      type: 'validation_error',
      field: 'name',
      message: 'name must be between 1 and 100 characters',
    });
    await expect(core.invoke('createApiKey', { name: 'x', type: 'gold' }, ctx)).rejects.toMatchObject({ field: 'type' });
    await expect(core.invoke('updateSettings', { theme: 'dark', extra: 1 }, ctx)).rejects.toBeInstanceOf(AppError);
    expect(core.settings.get().theme).toBe('system');
  });

  it('creates, lists and revokes keys; a revoked key no longer authenticates', async () => {
    const core = start();
    const created = await core.invoke('createApiKey', { name: 'CI', type: 'test' }, ctx);
    expect(created.key).toMatch(/^pk_test_[a-z0-9]{24}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const { data } = await core.invoke('listApiKeys', {}, ctx);
    expect(data.map((k) => k.name)).toContain('CI');
    expect(JSON.stringify(data)).not.toContain(created.key);
    expect(core.apiKeys.authenticate(created.key)?.id).toBe(created.id);
    const revoked = await core.invoke('revokeApiKey', { id: created.id }, ctx);
    expect(revoked.status).toBe('revoked');
    expect(core.apiKeys.authenticate(created.key)).toBeNull();
    await expect(core.invoke('revokeApiKey', { id: 'nope' }, ctx)).rejects.toMatchObject({ type: 'not_found' });
  });

  it('stores keys only as SHA-256 hashes', async () => {
    const core = start();
    const created = await core.invoke('createApiKey', { name: 'canary', type: 'live' }, ctx);
    core.close();
    const bytes = Buffer.concat(
      ['parallax.db', 'parallax.db-wal']
        .map((name) => path.join(core.dataDir, name))
        .filter((file) => fs.existsSync(file))
        .map((file) => fs.readFileSync(file)),
    );
    expect(bytes.includes(Buffer.from(created.key))).toBe(false);
    expect(bytes.includes(Buffer.from(created.key.slice(12)))).toBe(false);
  });

  it('publishes events for changes', async () => {
    const core = start();
    const seen: string[] = [];
    const off = core.events.subscribe('settings.changed', (payload) => seen.push(payload.theme));
    await core.invoke('updateSettings', { theme: 'dark' }, ctx);
    off();
    await core.invoke('updateSettings', { theme: 'light' }, ctx);
    expect(seen).toEqual(['dark']);
  });
});

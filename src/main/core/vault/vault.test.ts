import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../index';
import { newMaterial, openMaterial } from './aesGcmCipher';
import { VaultError } from './cipher';
import { rotatePassphrase } from './service';

const cores: Core[] = [];
const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-vault-'));
const open = (dataDir: string, env: NodeJS.ProcessEnv) => {
  const core = createCore({ dataDir, env });
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((core) => core.close()));

describe('AES-GCM cipher', () => {
  it.each([
    ['empty', ''],
    ['long', 'k'.repeat(1_000_000)],
    ['non-ASCII', 'clé-🔑-ключ-鍵-\u0000-end'],
  ])('round-trips a %s value', (_label, value) => {
    const { cipher, material } = newMaterial('correct horse');
    const text = cipher.encrypt(value);
    expect(text.startsWith('v1:aesgcm:')).toBe(true);
    expect(openMaterial('correct horse', material).decrypt(text)).toBe(value);
  });

  it('refuses a wrong passphrase at open, before anything is read', () => {
    const { material } = newMaterial('right');
    expect(() => openMaterial('wrong', material)).toThrow(/passphrase is wrong/);
  });

  it('fails a tampered entry on its own', () => {
    const { cipher } = newMaterial('p');
    const text = cipher.encrypt('sk-secret-value');
    const flipped = text.slice(0, -4) + (text.at(-4) === 'A' ? 'B' : 'A') + text.slice(-3);
    expect(() => cipher.decrypt(flipped)).toThrow(VaultError);
  });
});

describe('vault service', () => {
  it('stores keys encrypted, shows only the last 4, and keeps them across restarts', async () => {
    const dataDir = dir();
    const env = { PARALLAX_VAULT_PASSPHRASE: 'pass-1' };
    const core = open(dataDir, env);
    await core.invoke('setProviderKey', { provider: 'openai', api_key: 'sk-proj-canary-1234567890WXYZ' }, { source: 'ui' });
    const status = await core.invoke('listProviderKeys', {}, { source: 'ui' });
    expect(status.persistent).toBe(true);
    expect(status.data.find((s) => s.provider === 'openai')).toMatchObject({
      configured: true,
      last4: 'WXYZ',
      source: 'vault',
      error: null,
    });
    expect(JSON.stringify(status)).not.toContain('canary');
    core.close();
    const again = open(dataDir, env);
    expect(again.vault.use('openai')).toBe('sk-proj-canary-1234567890WXYZ');
  });

  it('refuses to open with the wrong passphrase, changing nothing', async () => {
    const dataDir = dir();
    const core = open(dataDir, { PARALLAX_VAULT_PASSPHRASE: 'right' });
    await core.invoke('setProviderKey', { provider: 'anthropic', api_key: 'sk-ant-abcdef' }, { source: 'ui' });
    core.close();
    const before = fs.readFileSync(path.join(dataDir, 'parallax.db'));
    expect(() => createCore({ dataDir, env: { PARALLAX_VAULT_PASSPHRASE: 'wrong' } })).toThrow(/passphrase is wrong/);
    expect(fs.readFileSync(path.join(dataDir, 'parallax.db')).equals(before)).toBe(true);
  });

  it('reports a tampered entry as unreadable while the others still open', async () => {
    const dataDir = dir();
    const env = { PARALLAX_VAULT_PASSPHRASE: 'p' };
    const core = open(dataDir, env);
    await core.invoke('setProviderKey', { provider: 'openai', api_key: 'sk-one-1111' }, { source: 'ui' });
    await core.invoke('setProviderKey', { provider: 'groq', api_key: 'gsk-two-2222' }, { source: 'ui' });
    core.db
      .prepare(`UPDATE provider_keys SET ciphertext = replace(ciphertext, substr(ciphertext, -6, 2), 'zz') WHERE provider = 'openai'`)
      .run();
    const status = (await core.invoke('listProviderKeys', {}, { source: 'ui' })).data;
    expect(status.find((s) => s.provider === 'openai')).toMatchObject({ configured: false, error: expect.stringMatching(/integrity/) });
    expect(core.vault.use('openai')).toBeUndefined();
    expect(core.vault.use('groq')).toBe('gsk-two-2222');
  });

  it('keeps keys in memory only, and says so, without a passphrase', async () => {
    const dataDir = dir();
    const core = open(dataDir, {});
    await core.invoke('setProviderKey', { provider: 'mistral', api_key: 'mistral-key-9999' }, { source: 'ui' });
    const status = await core.invoke('listProviderKeys', {}, { source: 'ui' });
    expect(status.persistent).toBe(false);
    expect(status.notice).toMatch(/PARALLAX_VAULT_PASSPHRASE/);
    expect(core.vault.use('mistral')).toBe('mistral-key-9999');
    expect(core.db.prepare('SELECT count(*) AS n FROM provider_keys').get()).toEqual({ n: 0 });
  });

  it('shows keys from the environment with their source', async () => {
    const core = open(dir(), { GEMINI_API_KEY: 'AIza-env-key-7777' });
    const status = (await core.invoke('listProviderKeys', {}, { source: 'ui' })).data;
    expect(status.find((s) => s.provider === 'google')).toMatchObject({ configured: true, source: 'env', last4: '7777' });
  });

  it('rotates the passphrase, re-encrypting every entry in one transaction', async () => {
    const dataDir = dir();
    const core = open(dataDir, { PARALLAX_VAULT_PASSPHRASE: 'old' });
    await core.invoke('setProviderKey', { provider: 'openai', api_key: 'sk-rotate-1' }, { source: 'ui' });
    await core.invoke('setProviderKey', { provider: 'xai', api_key: 'xai-rotate-2' }, { source: 'ui' });
    expect(rotatePassphrase(core.db, 'old', 'new')).toBe(2);
    core.close();
    expect(() => createCore({ dataDir, env: { PARALLAX_VAULT_PASSPHRASE: 'old' } })).toThrow(/passphrase is wrong/);
    const rotated = open(dataDir, { PARALLAX_VAULT_PASSPHRASE: 'new' });
    expect(rotated.vault.use('xai')).toBe('xai-rotate-2');
  });

  it('validates the provider and the key, naming the field', async () => {
    const core = open(dir(), { PARALLAX_VAULT_PASSPHRASE: 'p' });
    await expect(core.invoke('setProviderKey', { provider: 'nope', api_key: 'x' }, { source: 'ui' })).rejects.toMatchObject({
      field: 'provider',
    });
    await expect(core.invoke('setProviderKey', { provider: 'openai', api_key: '   ' }, { source: 'ui' })).rejects.toMatchObject({
      field: 'api_key',
    });
  });
});

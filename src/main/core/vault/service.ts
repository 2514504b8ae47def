import type Database from 'better-sqlite3';
import { validationError } from '../../../shared/errors';
import { PROVIDER_IDS } from '../../../shared/providers';
import type { Clock } from '../clock';
import { keyEnvNames } from '../llm/providers';
import type { Logger } from '../logger';
import { newMaterial, openMaterial, type AesGcmMaterial } from './aesGcmCipher';
import { memoryOnlyCipher, VaultError, type VaultCipher } from './cipher';

export interface ProviderKeyStatus {
  provider: string;
  configured: boolean;
  last4: string | null;
  source: 'vault' | 'env' | null;
  updated_at: string | null;
  /** Set when the stored entry cannot be opened (tampered, or written under another passphrase). */
  error: string | null;
}

interface Row {
  provider: string;
  ciphertext: string;
  last4: string;
  updated_at: string;
}

export type VaultService = ReturnType<typeof createVaultService>;

const last4Of = (key: string) => key.slice(-4);

/**
 * Provider keys: set, removed and listed here; read back (`use`) only by the provider layer. Stored as
 * ciphertext in SQLite when the cipher may persist, else kept in memory for the session.
 */
export function createVaultService(
  db: Database.Database,
  cipher: VaultCipher,
  clock: Clock,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  /** Built-in ids plus the user's custom endpoints. */
  providerIds: () => readonly string[] = () => PROVIDER_IDS,
) {
  const s = {
    all: db.prepare(`SELECT * FROM provider_keys ORDER BY provider`),
    one: db.prepare(`SELECT * FROM provider_keys WHERE provider = ?`),
    upsert: db.prepare(
      `INSERT INTO provider_keys (provider, ciphertext, last4, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (provider) DO UPDATE SET ciphertext = excluded.ciphertext, last4 = excluded.last4, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare(`DELETE FROM provider_keys WHERE provider = ?`),
  };
  const memory = new Map<string, { key: string; updatedAt: string }>();

  const checkProvider = (provider: string) => {
    if (!providerIds().includes(provider)) {
      throw validationError('provider', `Invalid provider. Must be one of: ${providerIds().join(', ')}`);
    }
  };

  return {
    persistent: cipher.persistent,
    notice: cipher.notice ?? null,

    set(provider: string, key: string): ProviderKeyStatus {
      checkProvider(provider);
      const now = clock.now().toISOString();
      if (cipher.persistent) s.upsert.run(provider, cipher.encrypt(key), last4Of(key), now);
      else memory.set(provider, { key, updatedAt: now });
      return this.statusOf(provider);
    },

    remove(provider: string): ProviderKeyStatus {
      checkProvider(provider);
      s.remove.run(provider);
      memory.delete(provider);
      return this.statusOf(provider);
    },

    statusOf(provider: string): ProviderKeyStatus {
      return this.status().find((entry) => entry.provider === provider)!;
    },

    status(): ProviderKeyStatus[] {
      const rows = new Map((s.all.all() as Row[]).map((row) => [row.provider, row]));
      return providerIds().map((provider) => {
        const inMemory = memory.get(provider);
        if (inMemory)
          return {
            provider,
            configured: true,
            last4: last4Of(inMemory.key),
            source: 'vault' as const,
            updated_at: inMemory.updatedAt,
            error: null,
          };
        const row = rows.get(provider);
        if (row) {
          let error: string | null = null;
          try {
            cipher.decrypt(row.ciphertext);
          } catch (failure) {
            error = failure instanceof VaultError ? failure.message : 'Unreadable vault entry';
          }
          return { provider, configured: error === null, last4: row.last4, source: 'vault' as const, updated_at: row.updated_at, error };
        }
        const fromEnv = keyEnvNames(provider)
          .map((name) => env[name])
          .find(Boolean);
        return {
          provider,
          configured: Boolean(fromEnv),
          last4: fromEnv ? last4Of(fromEnv) : null,
          source: fromEnv ? ('env' as const) : null,
          updated_at: null,
          error: null,
        };
      });
    },

    /** The plain key, for the provider layer only. A damaged entry reads as absent (and is logged, without the key). */
    use(provider: string): string | undefined {
      const inMemory = memory.get(provider);
      if (inMemory) return inMemory.key;
      const row = s.one.get(provider) as Row | undefined;
      if (!row || !cipher.persistent) return undefined;
      try {
        return cipher.decrypt(row.ciphertext);
      } catch {
        logger.warn(`the vault entry for ${provider} cannot be opened; set the key again in Settings`);
        return undefined;
      }
    },
  };
}

/** The headless cipher: AES-GCM from `PARALLAX_VAULT_PASSPHRASE`, or memory-only without one. */
export function headlessCipher(db: Database.Database, passphrase: string | undefined): VaultCipher {
  if (!passphrase) {
    return memoryOnlyCipher(
      'No vault passphrase is set, so provider keys are kept for this session only. Set PARALLAX_VAULT_PASSPHRASE to keep them (encrypted) across restarts.',
    );
  }
  const read = (key: string) => (db.prepare(`SELECT value FROM vault_meta WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
  const salt = read('salt');
  const verifier = read('verifier');
  if (salt && verifier) return openMaterial(passphrase, { salt, verifier });
  const fresh = newMaterial(passphrase);
  writeMaterial(db, fresh.material);
  return fresh.cipher;
}

function writeMaterial(db: Database.Database, material: AesGcmMaterial): void {
  const put = db.prepare(`INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  put.run('salt', material.salt);
  put.run('verifier', material.verifier);
}

/** Re-encrypts every entry under a new passphrase, all in one transaction. */
export function rotatePassphrase(db: Database.Database, oldPassphrase: string, newPassphrase: string): number {
  const current = headlessCipher(db, oldPassphrase);
  const next = newMaterial(newPassphrase);
  const rows = db.prepare(`SELECT provider, ciphertext FROM provider_keys`).all() as Pick<Row, 'provider' | 'ciphertext'>[];
  const update = db.prepare(`UPDATE provider_keys SET ciphertext = ? WHERE provider = ?`);
  db.transaction(() => {
    for (const row of rows) update.run(next.cipher.encrypt(current.decrypt(row.ciphertext)), row.provider);
    writeMaterial(db, next.material);
  })();
  return rows.length;
}

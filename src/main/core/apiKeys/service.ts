import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { notFound } from '../../../shared/errors';
import type { ApiKey } from '../../../shared/operations/apiKeys';
import type { Clock } from '../clock';
import { PREFIX_LENGTH, TOKEN_PATTERN, generateToken, hashToken } from './token';

interface ApiKeyRow {
  id: string;
  name: string;
  type: ApiKey['type'];
  prefix: string;
  hash: string;
  request_count: number;
  last_used_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  type: row.type,
  prefix: row.prefix,
  status: row.revoked_at ? 'revoked' : 'active',
  request_count: row.request_count,
  last_used_at: row.last_used_at,
  created_at: row.created_at,
  revoked_at: row.revoked_at,
});

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

/** Local API keys: shown once, stored only as SHA-256 hashes, listed by prefix, revocable. */
export function createApiKeyService(db: Database.Database, clock: Clock) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO api_keys (id, name, type, prefix, hash, created_at) VALUES (@id, @name, @type, @prefix, @hash, @created_at)`,
    ),
    list: db.prepare(`SELECT * FROM api_keys ORDER BY created_at DESC, rowid DESC`),
    byId: db.prepare(`SELECT * FROM api_keys WHERE id = ?`),
    byHash: db.prepare(`SELECT * FROM api_keys WHERE hash = ?`),
    count: db.prepare(`SELECT count(*) AS n FROM api_keys`),
    revoke: db.prepare(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`),
  };

  return {
    create(input: { name: string; type: ApiKey['type'] }): ApiKey & { key: string } {
      const key = generateToken(input.type);
      const row = {
        id: crypto.randomUUID(),
        name: input.name,
        type: input.type,
        prefix: key.slice(0, PREFIX_LENGTH),
        hash: hashToken(key).toString('hex'),
        created_at: clock.now().toISOString(),
      };
      statements.insert.run(row);
      return { ...toApiKey(statements.byId.get(row.id) as ApiKeyRow), key };
    },

    list(): ApiKey[] {
      return (statements.list.all() as ApiKeyRow[]).map(toApiKey);
    },

    /** How many keys were ever created, revoked ones included. */
    count(): number {
      return (statements.count.get() as { n: number }).n;
    },

    revoke(id: string): ApiKey {
      const row = statements.byId.get(id) as ApiKeyRow | undefined;
      if (!row) throw notFound('API key not found');
      statements.revoke.run(clock.now().toISOString(), id);
      return toApiKey(statements.byId.get(id) as ApiKeyRow);
    },

    /**
     * The active key a presented token belongs to, or null. The lookup is by hash, and the stored hash
     * is compared again in constant time so no timing difference tells how close a guess was.
     */
    authenticate(token: string): ApiKey | null {
      if (!TOKEN_PATTERN.test(token)) return null;
      const presented = hashToken(token);
      const row = statements.byHash.get(presented.toString('hex')) as ApiKeyRow | undefined;
      if (!row || row.revoked_at) return null;
      const stored = Buffer.from(row.hash, 'hex');
      if (stored.length !== presented.length || !crypto.timingSafeEqual(stored, presented)) return null;
      return toApiKey(row);
    },

    /** The key with this id if it is still active (browser sessions are tied to a key). */
    findActive(id: string): ApiKey | null {
      const row = statements.byId.get(id) as ApiKeyRow | undefined;
      return row && !row.revoked_at ? toApiKey(row) : null;
    },
  };
}

import type { Migration } from '../migrate';

export const m001Init: Migration = {
  name: 'init',
  sql: `
    CREATE TABLE api_keys (
      id            TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      type          TEXT NOT NULL CHECK (type IN ('live', 'test')),
      prefix        TEXT NOT NULL,
      hash          TEXT NOT NULL UNIQUE,
      request_count INTEGER NOT NULL DEFAULT 0,
      last_used_at  TEXT,
      created_at    TEXT NOT NULL,
      revoked_at    TEXT
    ) STRICT;
  `,
};

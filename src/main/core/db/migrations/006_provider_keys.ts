import type { Migration } from '../migrate';

/** The key vault: provider keys as ciphertext only, plus what is needed to check a passphrase. */
export const m006ProviderKeys: Migration = {
  name: 'provider_keys',
  sql: `
    CREATE TABLE provider_keys (
      provider   TEXT PRIMARY KEY,
      ciphertext TEXT NOT NULL,
      last4      TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE vault_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `,
};

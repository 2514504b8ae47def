import type { Migration } from '../migrate';

/** Saved prompts; every change of their content is a new row in prompt_versions. */
export const m003Prompts: Migration = {
  name: 'prompts',
  sql: `
    CREATE TABLE prompts (
      id              TEXT PRIMARY KEY,
      name            TEXT NOT NULL,
      tags            TEXT NOT NULL DEFAULT '[]',
      current_version INTEGER NOT NULL,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX prompts_updated_at ON prompts (updated_at DESC);

    CREATE TABLE prompt_versions (
      prompt_id      TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
      version        INTEGER NOT NULL,
      prompt         TEXT NOT NULL,
      system         TEXT,
      variables      TEXT NOT NULL DEFAULT '{}',
      configurations TEXT NOT NULL,
      created_via    TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      PRIMARY KEY (prompt_id, version)
    ) STRICT;
  `,
};

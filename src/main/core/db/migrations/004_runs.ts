import type { Migration } from '../migrate';

/**
 * Runs (one prompt × N configurations) and their results. A run row is written when it starts,
 * each result when it settles; streaming text is checkpointed so a crash keeps what arrived.
 */
export const m004Runs: Migration = {
  name: 'runs',
  sql: `
    CREATE TABLE runs (
      id              TEXT PRIMARY KEY,
      source          TEXT NOT NULL,
      api_key_prefix  TEXT,
      prompt          TEXT NOT NULL,
      system          TEXT,
      variables       TEXT NOT NULL DEFAULT '{}',
      rendered_prompt TEXT NOT NULL,
      rendered_system TEXT,
      status          TEXT NOT NULL,
      prompt_id       TEXT,
      prompt_version  INTEGER,
      rating          INTEGER,
      note            TEXT,
      created_at      TEXT NOT NULL,
      finished_at     TEXT
    ) STRICT;
    CREATE INDEX runs_created_at ON runs (created_at DESC);
    CREATE INDEX runs_status ON runs (status) WHERE status = 'running';
    CREATE INDEX runs_prompt ON runs (prompt_id, created_at DESC) WHERE prompt_id IS NOT NULL;

    CREATE TABLE run_results (
      id                  TEXT PRIMARY KEY,
      run_id              TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      position            INTEGER NOT NULL,
      provider            TEXT NOT NULL,
      model               TEXT NOT NULL,
      temperature         REAL,
      max_tokens          INTEGER,
      status              TEXT NOT NULL,
      text                TEXT NOT NULL DEFAULT '',
      error               TEXT,
      input_tokens        INTEGER,
      output_tokens       INTEGER,
      cached_input_tokens INTEGER,
      reasoning_tokens    INTEGER,
      response_time_ms    INTEGER,
      ttft_ms             INTEGER,
      tokens_per_second   REAL,
      estimated_cost      REAL,
      cost_known          INTEGER NOT NULL DEFAULT 0,
      finish_reason       TEXT,
      raw_finish_reason   TEXT,
      raw_usage           TEXT,
      retries             INTEGER NOT NULL DEFAULT 0,
      warnings            TEXT NOT NULL DEFAULT '[]',
      rating              INTEGER,
      note                TEXT,
      started_at          TEXT,
      finished_at         TEXT
    ) STRICT;
    CREATE INDEX run_results_run ON run_results (run_id, position);
    CREATE INDEX run_results_provider_model ON run_results (provider, model);
  `,
};

import type { Migration } from '../migrate';

/** Traces sent by other LLM apps (Teckel's trace API): kept as runs with source `trace`, plus their RAG sources. */
export const m005Traces: Migration = {
  name: 'traces',
  sql: `
    CREATE TABLE traces (
      run_id             TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
      trace_ref          TEXT NOT NULL,
      session_id         TEXT,
      user_id            TEXT,
      model              TEXT,
      processing_time_ms REAL,
      metadata           TEXT
    ) STRICT;
    CREATE INDEX traces_ref ON traces (trace_ref);
    CREATE INDEX traces_session ON traces (session_id) WHERE session_id IS NOT NULL;

    CREATE TABLE trace_sources (
      run_id                TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      position              INTEGER NOT NULL,
      document_ref          TEXT NOT NULL,
      document_name         TEXT NOT NULL,
      document_text         TEXT NOT NULL,
      document_last_updated TEXT,
      document_type         TEXT,
      source_type           TEXT,
      source_uri            TEXT,
      similarity            REAL,
      rank                  REAL,
      owner_email           TEXT,
      PRIMARY KEY (run_id, position)
    ) STRICT;
  `,
};

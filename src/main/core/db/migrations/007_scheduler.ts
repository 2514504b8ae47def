import type { Migration } from '../migrate';

/**
 * Scheduled checks, outgoing webhooks, background jobs, and model ids discovered from providers. Schedule timing state (`next_run_at`, `last_run_at`) lives
 * here so a restart or a sleep never forgets a slot; deliveries are rows so a restart loses none.
 */
export const m007Scheduler: Migration = {
  name: 'scheduler',
  sql: `
    CREATE TABLE schedules (
      id                   TEXT PRIMARY KEY,
      prompt_id            TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
      name                 TEXT NOT NULL,
      schedule_type        TEXT NOT NULL CHECK (schedule_type IN ('interval', 'cron', 'webhook')),
      interval_minutes     INTEGER,
      cron_expression      TEXT,
      timezone             TEXT NOT NULL DEFAULT 'UTC',
      is_enabled           INTEGER NOT NULL DEFAULT 1,
      catch_up             TEXT NOT NULL DEFAULT 'run_once',
      next_run_at          TEXT,
      last_run_at          TEXT,
      sla                  TEXT NOT NULL DEFAULT '{}',
      notify_on_success    INTEGER NOT NULL DEFAULT 0,
      notify_on_failure    INTEGER NOT NULL DEFAULT 1,
      notify_on_sla_breach INTEGER NOT NULL DEFAULT 1,
      webhook_callback_url TEXT,
      secret               TEXT NOT NULL,
      created_at           TEXT NOT NULL,
      updated_at           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX schedules_due ON schedules (next_run_at) WHERE is_enabled = 1 AND next_run_at IS NOT NULL;

    CREATE TABLE schedule_runs (
      id            TEXT PRIMARY KEY,
      schedule_id   TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
      prompt_id     TEXT NOT NULL,
      run_id        TEXT,
      status        TEXT NOT NULL,
      trigger_type  TEXT NOT NULL,
      slot_at       TEXT,
      started_at    TEXT,
      completed_at  TEXT,
      metrics       TEXT NOT NULL DEFAULT '{}',
      results       TEXT NOT NULL DEFAULT '[]',
      sla_breaches  TEXT NOT NULL DEFAULT '{}',
      sla_failures  TEXT NOT NULL DEFAULT '[]',
      error         TEXT,
      created_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX schedule_runs_schedule ON schedule_runs (schedule_id, created_at DESC);
    CREATE INDEX schedule_runs_open ON schedule_runs (status) WHERE status IN ('pending', 'running');
    -- One run per scheduled slot, whatever happens (the "none twice" guarantee).
    CREATE UNIQUE INDEX schedule_runs_slot ON schedule_runs (schedule_id, slot_at) WHERE slot_at IS NOT NULL;

    CREATE TABLE webhooks (
      id          TEXT PRIMARY KEY,
      url         TEXT NOT NULL,
      events      TEXT NOT NULL,
      description TEXT,
      secret      TEXT NOT NULL,
      is_active   INTEGER NOT NULL DEFAULT 1,
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE webhook_deliveries (
      id               TEXT PRIMARY KEY,
      event            TEXT NOT NULL,
      url              TEXT NOT NULL,
      subscription_id  TEXT REFERENCES webhooks (id) ON DELETE CASCADE,
      schedule_id      TEXT REFERENCES schedules (id) ON DELETE SET NULL,
      secret           TEXT NOT NULL,
      payload          TEXT NOT NULL,
      status           TEXT NOT NULL DEFAULT 'pending',
      attempts         INTEGER NOT NULL DEFAULT 0,
      next_attempt_at  TEXT,
      last_status_code INTEGER,
      last_error       TEXT,
      created_at       TEXT NOT NULL,
      delivered_at     TEXT
    ) STRICT;
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at DESC);

    CREATE TABLE webhook_delivery_attempts (
      delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      attempt      INTEGER NOT NULL,
      at           TEXT NOT NULL,
      status_code  INTEGER,
      error        TEXT,
      duration_ms  INTEGER NOT NULL,
      PRIMARY KEY (delivery_id, attempt)
    ) STRICT;

    -- Background prompt jobs (tentackle's POST /api/prompt/create): a queue that survives restarts.
    CREATE TABLE jobs (
      id              TEXT PRIMARY KEY,
      status          TEXT NOT NULL DEFAULT 'queued',
      priority        INTEGER NOT NULL,
      request         TEXT NOT NULL,
      callback_url    TEXT,
      callback_secret TEXT,
      api_key_prefix  TEXT,
      run_id          TEXT,
      error           TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      created_at      TEXT NOT NULL,
      started_at      TEXT,
      completed_at    TEXT
    ) STRICT;
    CREATE INDEX jobs_queue ON jobs (priority DESC, created_at) WHERE status = 'queued';

    -- Model ids a provider's own models endpoint listed ("Refresh models" in Settings).
    CREATE TABLE discovered_models (
      provider TEXT NOT NULL,
      id       TEXT NOT NULL,
      seen_at  TEXT NOT NULL,
      PRIMARY KEY (provider, id)
    ) STRICT;
  `,
};

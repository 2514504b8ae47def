import type { Migration } from '../migrate';

/** The local API's request log (`GET /v1/history`): one row per authenticated request. */
export const m002RequestLog: Migration = {
  name: 'request_log',
  sql: `
    CREATE TABLE api_requests (
      id               TEXT PRIMARY KEY,
      api_key_id       TEXT,
      endpoint         TEXT NOT NULL,
      method           TEXT NOT NULL,
      status_code      INTEGER NOT NULL,
      response_time_ms INTEGER NOT NULL,
      rate_limited     INTEGER NOT NULL DEFAULT 0,
      error_message    TEXT,
      created_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX api_requests_created_at ON api_requests (created_at DESC);
    CREATE INDEX api_requests_endpoint ON api_requests (endpoint, created_at DESC);
  `,
};

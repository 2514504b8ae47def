import type Database from 'better-sqlite3';
import { withoutFsync } from '../db/durability';
import crypto from 'node:crypto';
import type { HistoryQuery, RequestLogEntry } from '../../../shared/operations/history';
import type { OperationOutput } from '../../../shared/operations';
import type { Clock } from '../clock';

/** The one local user: Parallax has no accounts, but scripts written for Promptster read `user_id`. */
export const LOCAL_USER_ID = 'local';

export interface RequestLogInput {
  apiKeyId: string | null;
  endpoint: string;
  method: string;
  statusCode: number;
  responseTimeMs: number;
  rateLimited: boolean;
  errorMessage: string | null;
}

interface Row extends Omit<RequestLogEntry, 'rate_limited' | 'user_id'> {
  rate_limited: number;
}

export type RequestLogService = ReturnType<typeof createRequestLogService>;

export function createRequestLogService(db: Database.Database, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO api_requests (id, api_key_id, endpoint, method, status_code, response_time_ms, rate_limited, error_message, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const recordUse = db.prepare(`UPDATE api_keys SET request_count = request_count + 1, last_used_at = ? WHERE id = ?`);
  /** One log row and the key's use count, in one commit (after the answer was sent). */
  const record = db.transaction((entry: RequestLogInput) => {
    const now = clock.now().toISOString();
    insert.run(
      `log_${crypto.randomUUID()}`,
      entry.apiKeyId,
      entry.endpoint,
      entry.method,
      entry.statusCode,
      Math.round(entry.responseTimeMs),
      entry.rateLimited ? 1 : 0,
      entry.errorMessage,
      now,
    );
    if (entry.apiKeyId) recordUse.run(now, entry.apiKeyId);
  });

  return {
    // A log line is not a user's data: a power cut may lose the last few (a process crash does not).
    record(entry: RequestLogInput): void {
      withoutFsync(db, () => record(entry));
    },

    query(q: HistoryQuery): OperationOutput<'getHistory'> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const filter = (condition: string, value: string | number | undefined) => {
        if (value === undefined) return;
        where.push(condition);
        params.push(value);
      };
      filter('endpoint = ?', q.provider);
      filter('created_at >= ?', q.start_date && new Date(q.start_date).toISOString());
      filter('created_at <= ?', q.end_date && new Date(q.end_date).toISOString());
      filter('status_code = ?', q.status_code);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = db
        .prepare(`SELECT * FROM api_requests ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
        .all(...params, q.limit, q.offset) as Row[];
      const stats = db
        .prepare(
          `SELECT count(*) AS total, coalesce(avg(response_time_ms), 0) AS avg_ms,
                  coalesce(sum(CASE WHEN status_code >= 400 THEN 1 ELSE 0 END), 0) AS errors
           FROM api_requests ${clause}`,
        )
        .get(...params) as { total: number; avg_ms: number; errors: number };
      return {
        data: rows.map((row) => ({ ...row, user_id: LOCAL_USER_ID, rate_limited: row.rate_limited === 1 })),
        pagination: { total: stats.total, limit: q.limit, offset: q.offset, has_more: q.offset + rows.length < stats.total },
        statistics: {
          avg_response_time_ms: Math.round(stats.avg_ms),
          success_rate: stats.total === 0 ? 1 : Math.round(((stats.total - stats.errors) / stats.total) * 10_000) / 10_000,
          total_requests: stats.total,
          error_count: stats.errors,
        },
        filters: {
          provider: q.provider ?? null,
          start_date: q.start_date ?? null,
          end_date: q.end_date ?? null,
          status_code: q.status_code ?? null,
        },
      };
    },
  };
}

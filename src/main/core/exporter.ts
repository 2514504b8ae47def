import type Database from 'better-sqlite3';
import { EXPORT_KINDS, EXPORT_ROW_LIMIT, type ExportKind } from '../../shared/operations/export';
import type { OperationOutput } from '../../shared/operations';
import type { Clock } from './clock';

type Row = Record<string, unknown>;

/** Promptster-compatible export, read straight from the store; nothing secret is in these tables' selected columns. */
export function createExporter(db: Database.Database, clock: Clock) {
  const readers: Record<ExportKind, () => Row[]> = {
    tests: () =>
      (
        db
          .prepare(
            `SELECT p.id, p.name AS title, v.prompt, v.system, v.variables, v.configurations, p.current_version AS version, p.tags, p.created_at, p.updated_at
             FROM prompts p JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version
             ORDER BY p.updated_at DESC LIMIT ?`,
          )
          .all(EXPORT_ROW_LIMIT) as Row[]
      ).map((row) => {
        const configurations = JSON.parse(String(row.configurations)) as { provider: string; model: string }[];
        return {
          ...row,
          variables: JSON.parse(String(row.variables)),
          tags: JSON.parse(String(row.tags)),
          configurations,
          provider: configurations[0]?.provider ?? null,
          model: configurations[0]?.model ?? null,
        };
      }),
    runs: () =>
      db
        .prepare(
          `SELECT x.id, x.run_id, r.prompt_id AS test_id, r.source, x.provider, x.model, x.status, x.response_time_ms, x.ttft_ms,
                  x.input_tokens, x.output_tokens, x.estimated_cost AS cost, x.finish_reason, r.created_at
           FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.deleted_at IS NULL ORDER BY r.created_at DESC, x.position LIMIT ?`,
        )
        .all(EXPORT_ROW_LIMIT) as Row[],
    // The scheduler is not built yet: these categories are present, and empty.
    schedules: () => [],
    schedule_runs: () => [],
  };

  return {
    export(include: readonly ExportKind[] = EXPORT_KINDS): OperationOutput<'exportData'> {
      const data = Object.fromEntries(include.map((kind) => [kind, readers[kind]()]));
      return {
        exported_at: clock.now().toISOString(),
        data,
        counts: Object.fromEntries(Object.entries(data).map(([kind, rows]) => [kind, rows.length])),
      };
    },
  };
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
const csvField = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV section per kind: a `# kind` line, a header row, the rows, a blank line. */
export function exportToCsv(exported: OperationOutput<'exportData'>): string {
  return Object.entries(exported.data)
    .map(([kind, rows]) => {
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      const lines = [
        `# ${kind}`,
        columns.map(csvField).join(','),
        ...rows.map((row) => columns.map((column) => csvField(row[column])).join(',')),
      ];
      return `${lines.join('\r\n')}\r\n`;
    })
    .join('\r\n');
}

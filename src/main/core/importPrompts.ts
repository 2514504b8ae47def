import type Database from 'better-sqlite3';
import type { ImportTestRow } from '../../shared/operations/importRows';

export interface KindOutcome {
  imported: number;
  skipped: number;
  reasons: { id: string; reason: string }[];
}

/**
 * Saved prompts of an export, with their ids: the current content becomes a version made by
 * `import` (with the exported version number, so runs that name it still do). A prompt already here
 * is skipped; one naming a provider this store does not know is skipped with the reason.
 */
export function createPromptImport(db: Database.Database, isKnownProvider: (id: string) => boolean) {
  const exists = db.prepare('SELECT 1 FROM prompts WHERE id = ?').pluck();
  const insertPrompt = db.prepare('INSERT INTO prompts (id, name, tags, current_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertVersion = db.prepare(
    `INSERT INTO prompt_versions (prompt_id, version, prompt, system, variables, configurations, created_via, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'import', ?)`,
  );

  return (rows: readonly ImportTestRow[], now: string): KindOutcome => {
    const outcome: KindOutcome = { imported: 0, skipped: 0, reasons: [] };
    for (const row of rows) {
      if (exists.get(row.id) !== undefined) {
        outcome.skipped++;
        continue;
      }
      const unknown = row.configurations.findIndex((c) => !isKnownProvider(c.provider));
      if (unknown >= 0) {
        outcome.skipped++;
        outcome.reasons.push({
          id: row.id,
          reason: `configurations.${unknown}.provider: unknown provider "${row.configurations[unknown]!.provider}" (add it in Settings, then import again)`,
        });
        continue;
      }
      const version = row.version ?? 1;
      insertPrompt.run(row.id, row.title, JSON.stringify(row.tags ?? []), version, row.created_at, row.updated_at ?? row.created_at);
      insertVersion.run(row.id, version, row.prompt, row.system ?? null, JSON.stringify(row.variables ?? {}), JSON.stringify(row.configurations), now);
      outcome.imported++;
    }
    return outcome;
  };
}

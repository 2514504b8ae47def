import type Database from 'better-sqlite3';

export interface Migration {
  name: string;
  sql: string;
}

export class NewerSchemaError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${file} was written by a newer Parallax (schema version ${found}; this build knows up to ${known}). ` +
        `Upgrade Parallax, or start with another --data-dir. The file was left untouched.`,
    );
    this.name = 'NewerSchemaError';
  }
}

/** Runs each pending migration in its own transaction, bumping `user_version` inside it. */
export function migrate(db: Database.Database, file: string, list: readonly Migration[]): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > list.length) throw new NewerSchemaError(file, from, list.length);
  list.slice(from).forEach((migration, i) => {
    const version = from + i + 1;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
  return { from, to: list.length };
}

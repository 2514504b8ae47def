import Database from 'better-sqlite3';
import type { Migration } from './migrate';

/**
 * Checks beyond `quick_check`, run at start. quick_check skips index contents, and a damaged schema
 * text (a flipped byte in a column name) parses fine; both then fail later, in the middle of a request.
 */

/** Up to this size the start runs the full `integrity_check` (index contents included); above, `quick_check`. */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;
/**
 * Above this size `quick_check` would hold the start for more than about a second (about 5 s per GB
 * here): it runs after start instead, on a worker thread (`backgroundCheck.ts`).
 */
export const START_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export function integrityProblem(db: Database.Database, fileBytes: number): string | null {
  const pragma = fileBytes <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check';
  const rows = db.pragma(`${pragma}(5)`, { simple: false }) as Record<string, string>[];
  const messages = rows.map((row) => Object.values(row)[0]);
  return messages.length === 1 && messages[0] === 'ok' ? null : `${pragma}: ${messages.join('; ')}`;
}

type Shape = Map<string, string>;

/**
 * Every table, index, trigger and view by name: a table with its column names in order, anything
 * else with its SQL text. A flipped byte in a trigger or view body (`r.eleted_at`) parses fine until
 * the first write that fires it; comparing the text catches it at start.
 */
function shapeOf(db: Database.Database): Shape {
  const shape: Shape = new Map();
  const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  for (const { type, name, sql } of objects) {
    const columns =
      type === 'table' ? (db.pragma(`table_info("${name.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name).join(',') : (sql ?? '');
    shape.set(`${type} ${name}`, columns);
  }
  return shape;
}

const expected = new WeakMap<readonly Migration[], Shape>();

/** What the migrations build, from an in-memory database (once per list). */
function expectedShape(list: readonly Migration[]): Shape {
  let shape = expected.get(list);
  if (!shape) {
    const memory = new Database(':memory:');
    list.forEach((migration) => memory.exec(migration.sql));
    shape = shapeOf(memory);
    memory.close();
    expected.set(list, shape);
  }
  return shape;
}

/** The first difference between the store's schema and what the migrations create, or null. */
export function schemaProblem(db: Database.Database, list: readonly Migration[]): string | null {
  const want = expectedShape(list);
  const have = shapeOf(db);
  for (const [object, columns] of want) {
    if (!have.has(object)) return `schema: ${object} is missing`;
    if (have.get(object) === columns) continue;
    if (object.startsWith('table ')) return `schema: ${object} has columns (${have.get(object)}), expected (${columns})`;
    return `schema: the definition of ${object} differs from what the migrations create`;
  }
  for (const object of have.keys()) if (!want.has(object)) return `schema: unexpected ${object}`;
  return null;
}

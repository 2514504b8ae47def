import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { notFound, validationError } from '../../../shared/errors';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import type { Configuration, PromptContent, PromptVersion, SavedPrompt } from '../../../shared/operations/prompts';
import type { Clock } from '../clock';

export type VersionSource = PromptVersion['created_via'];

interface PromptRow {
  id: string;
  name: string;
  tags: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  prompt_id: string;
  version: number;
  prompt: string;
  system: string | null;
  variables: string;
  configurations: string;
  created_via: VersionSource;
  created_at: string;
}

const contentOf = (row: VersionRow): PromptContent => ({
  prompt: row.prompt,
  system: row.system,
  variables: JSON.parse(row.variables) as Record<string, string>,
  configurations: JSON.parse(row.configurations) as Configuration[],
});

const toVersion = (row: VersionRow): PromptVersion => ({
  prompt_id: row.prompt_id,
  version: row.version,
  created_via: row.created_via,
  created_at: row.created_at,
  ...contentOf(row),
});

/** Same content, compared field by field after normalising (JSON key order does not matter). */
const sameContent = (a: PromptContent, b: PromptContent): boolean =>
  a.prompt === b.prompt &&
  a.system === b.system &&
  JSON.stringify(Object.entries(a.variables).sort()) === JSON.stringify(Object.entries(b.variables).sort()) &&
  JSON.stringify(a.configurations) === JSON.stringify(b.configurations);

export interface PromptServiceOptions {
  /** Refuses configurations naming a provider that does not exist (built-in or user-defined). */
  isKnownProvider(id: string): boolean;
}

export type PromptService = ReturnType<typeof createPromptService>;

/** The prompt library: saved prompts with append-only versions. */
export function createPromptService(db: Database.Database, clock: Clock, options: PromptServiceOptions) {
  const q = {
    prompt: db.prepare(`SELECT * FROM prompts WHERE id = ?`),
    version: db.prepare(`SELECT * FROM prompt_versions WHERE prompt_id = ? AND version = ?`),
    versions: db.prepare(`SELECT * FROM prompt_versions WHERE prompt_id = ? ORDER BY version DESC`),
    insertPrompt: db.prepare(`INSERT INTO prompts (id, name, tags, current_version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`),
    insertVersion: db.prepare(
      `INSERT INTO prompt_versions (prompt_id, version, prompt, system, variables, configurations, created_via, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updatePrompt: db.prepare(`UPDATE prompts SET name = ?, tags = ?, current_version = ?, updated_at = ? WHERE id = ?`),
    deletePrompt: db.prepare(`DELETE FROM prompts WHERE id = ?`),
  };

  const checkProviders = (configurations: readonly Configuration[]) => {
    configurations.forEach((configuration, index) => {
      if (!options.isKnownProvider(configuration.provider)) {
        throw validationError(
          `configurations.${index}.provider`,
          `configurations.${index}.provider: unknown provider "${configuration.provider}"`,
        );
      }
    });
  };

  const load = (id: string): SavedPrompt => {
    const row = q.prompt.get(id) as PromptRow | undefined;
    if (!row) throw notFound('Prompt not found');
    const version = q.version.get(id, row.current_version) as VersionRow;
    return {
      id: row.id,
      name: row.name,
      tags: JSON.parse(row.tags) as string[],
      version: row.current_version,
      created_at: row.created_at,
      updated_at: row.updated_at,
      ...contentOf(version),
    };
  };

  const insertVersion = (id: string, version: number, content: PromptContent, via: VersionSource, at: string) =>
    q.insertVersion.run(
      id,
      version,
      content.prompt,
      content.system,
      JSON.stringify(content.variables),
      JSON.stringify(content.configurations),
      via,
      at,
    );

  const updateTx = db.transaction(
    (id: string, patch: Omit<OperationParsedInput<'updatePrompt'>, 'id'>, via: VersionSource): SavedPrompt => {
      const current = load(id);
      const next: PromptContent = {
        prompt: patch.prompt ?? current.prompt,
        system: patch.system === undefined ? current.system : patch.system,
        variables: patch.variables ?? current.variables,
        configurations: patch.configurations ?? current.configurations,
      };
      if (patch.configurations) checkProviders(patch.configurations);
      const now = clock.now().toISOString();
      const version = sameContent(current, next) ? current.version : current.version + 1;
      if (version !== current.version) insertVersion(id, version, next, via, now);
      q.updatePrompt.run(patch.name ?? current.name, JSON.stringify(patch.tags ?? current.tags), version, now, id);
      return load(id);
    },
  );

  const update = (id: string, patch: Omit<OperationParsedInput<'updatePrompt'>, 'id'>, via: VersionSource): SavedPrompt =>
    updateTx(id, patch, via);

  const createTx = db.transaction((input: OperationParsedInput<'createPrompt'>, via: VersionSource): SavedPrompt => {
    checkProviders(input.configurations);
    const id = crypto.randomUUID();
    const now = clock.now().toISOString();
    q.insertPrompt.run(id, input.name, JSON.stringify(input.tags ?? []), now, now);
    insertVersion(
      id,
      1,
      { prompt: input.prompt, system: input.system ?? null, variables: input.variables ?? {}, configurations: input.configurations },
      via,
      now,
    );
    return load(id);
  });

  return {
    get: load,

    list(input: OperationParsedInput<'listPrompts'>): OperationOutput<'listPrompts'> {
      const where: string[] = [];
      const params: string[] = [];
      if (input.q) {
        where.push(`(p.name LIKE ? ESCAPE '\\' OR v.prompt LIKE ? ESCAPE '\\')`);
        const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        params.push(like, like);
      }
      if (input.tag) {
        where.push(`EXISTS (SELECT 1 FROM json_each(p.tags) WHERE value = ?)`);
        params.push(input.tag);
      }
      const from = `FROM prompts p JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
      const ids = db
        .prepare(`SELECT p.id ${from} ORDER BY p.updated_at DESC, p.rowid DESC LIMIT ? OFFSET ?`)
        .all(...params, input.limit, input.offset) as { id: string }[];
      const { total } = db.prepare(`SELECT count(*) AS total ${from}`).get(...params) as { total: number };
      return {
        data: ids.map(({ id }) => load(id)),
        pagination: { total, limit: input.limit, offset: input.offset, has_more: input.offset + ids.length < total },
      };
    },

    create: (input: OperationParsedInput<'createPrompt'>, via: VersionSource): SavedPrompt => createTx(input, via),

    update,

    remove(id: string): { id: string; deleted: true } {
      if (q.deletePrompt.run(id).changes === 0) throw notFound('Prompt not found');
      return { id, deleted: true };
    },

    versions(id: string): PromptVersion[] {
      load(id);
      return (q.versions.all(id) as VersionRow[]).map(toVersion);
    },

    restore(id: string, version: number, via: VersionSource): SavedPrompt {
      const row = q.version.get(id, version) as VersionRow | undefined;
      if (!row) {
        load(id);
        throw notFound(`Version ${version} of this prompt not found`);
      }
      return update(id, contentOf(row), via);
    },
  };
}

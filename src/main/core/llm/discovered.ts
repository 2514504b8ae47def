/** Model ids discovered from providers' own model lists, kept so the picker offers models newer than the catalog. */
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

export type DiscoveredModels = ReturnType<typeof createDiscoveredModels>;

export function createDiscoveredModels(db: Database.Database, clock: Clock) {
  const replace = db.transaction((provider: string, ids: readonly string[]) => {
    const before = new Set(db.prepare<[string], { id: string }>('SELECT id FROM discovered_models WHERE provider = ?').all(provider).map((r) => r.id));
    db.prepare('DELETE FROM discovered_models WHERE provider = ?').run(provider);
    const insert = db.prepare('INSERT OR IGNORE INTO discovered_models (provider, id, seen_at) VALUES (?, ?, ?)');
    const at = clock.now().toISOString();
    for (const id of ids) insert.run(provider, id, at);
    return ids.filter((id) => !before.has(id)).length;
  });
  return {
    /** Replaces a provider's discovered list; returns how many ids are new. */
    replace: (provider: string, ids: readonly string[]): number => replace(provider, [...new Set(ids)]),
    list(provider?: string): { provider: string; id: string }[] {
      return provider === undefined
        ? db.prepare<[], { provider: string; id: string }>('SELECT provider, id FROM discovered_models ORDER BY provider, id').all()
        : db.prepare<[string], { provider: string; id: string }>('SELECT provider, id FROM discovered_models WHERE provider = ? ORDER BY id').all(provider);
    },
  };
}

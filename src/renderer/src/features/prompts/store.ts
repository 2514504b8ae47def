import { create } from 'zustand';
import type { PromptVersion, SavedPrompt } from '../../../../shared/operations/prompts';
import { client } from '../../client';

interface PromptsState {
  prompts: SavedPrompt[];
  selected: SavedPrompt | null;
  versions: PromptVersion[];
  query: string;
  /** The two versions shown in the diff (older on the left). */
  diff: { left: number | null; right: number | null };
  error: string | null;
  setDiff(side: 'left' | 'right', version: number): void;
  load(): Promise<void>;
  setQuery(query: string): void;
  select(id: string): Promise<void>;
  restore(version: number): Promise<void>;
  remove(id: string): Promise<void>;
}

export const usePrompts = create<PromptsState>((set, get) => ({
  prompts: [],
  selected: null,
  versions: [],
  query: '',
  diff: { left: null, right: null },
  error: null,
  setDiff: (side, version) => set((state) => ({ diff: { ...state.diff, [side]: version } })),
  async load() {
    try {
      const { data } = await client.invoke('listPrompts', { limit: 100, ...(get().query ? { q: get().query } : {}) });
      set({ prompts: data, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  setQuery(query) {
    set({ query });
    void get().load();
  },
  async select(id) {
    try {
      const [prompt, versions] = await Promise.all([client.invoke('getPrompt', { id }), client.invoke('listPromptVersions', { id })]);
      const [newest, previous] = versions.data;
      set({
        selected: prompt,
        versions: versions.data,
        diff: { left: previous?.version ?? newest?.version ?? null, right: newest?.version ?? null },
        error: null,
      });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async restore(version) {
    const selected = get().selected;
    if (!selected) return;
    await client.invoke('restorePromptVersion', { id: selected.id, version });
    await Promise.all([get().select(selected.id), get().load()]);
  },
  async remove(id) {
    await client.invoke('deletePrompt', { id });
    set({ selected: null, versions: [] });
    await get().load();
  },
}));

import { create } from 'zustand';
import type { ApiKey } from '../../../shared/operations/apiKeys';
import { client } from '../client';

interface ApiKeysState {
  keys: ApiKey[];
  loading: boolean;
  error: string | null;
  /** The plain text of a key just created: shown once, then forgotten. */
  revealed: (ApiKey & { key: string }) | null;
  load(): Promise<void>;
  create(name: string, type: ApiKey['type']): Promise<void>;
  revoke(id: string): Promise<void>;
  dismissRevealed(): void;
}

export const useApiKeys = create<ApiKeysState>((set, get) => ({
  keys: [],
  loading: false,
  error: null,
  revealed: null,
  async load() {
    set({ loading: true });
    try {
      set({ keys: (await client.invoke('listApiKeys', {})).data, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loading: false });
    }
  },
  async create(name, type) {
    try {
      const created = await client.invoke('createApiKey', { name, type });
      set({ revealed: created, error: null });
      await get().load();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async revoke(id) {
    try {
      await client.invoke('revokeApiKey', { id });
      await get().load();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  dismissRevealed: () => set({ revealed: null }),
}));

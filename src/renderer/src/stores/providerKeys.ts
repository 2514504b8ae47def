import { create } from 'zustand';
import type { ProviderKeyStatus } from '../../../shared/operations/providerKeys';
import { client } from '../client';

interface ProviderKeysState {
  keys: ProviderKeyStatus[];
  persistent: boolean;
  notice: string | null;
  error: string | null;
  load(): Promise<void>;
  save(provider: string, apiKey: string): Promise<boolean>;
  remove(provider: string): Promise<void>;
}

export const useProviderKeys = create<ProviderKeysState>((set, get) => ({
  keys: [],
  persistent: true,
  notice: null,
  error: null,
  async load() {
    try {
      const result = await client.invoke('listProviderKeys', {});
      set({ keys: result.data, persistent: result.persistent, notice: result.notice, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async save(provider, apiKey) {
    try {
      await client.invoke('setProviderKey', { provider, api_key: apiKey });
      await get().load();
      return true;
    } catch (error) {
      set({ error: (error as Error).message });
      return false;
    }
  },
  async remove(provider) {
    try {
      await client.invoke('deleteProviderKey', { provider });
      await get().load();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

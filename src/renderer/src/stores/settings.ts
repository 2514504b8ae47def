import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { client } from '../client';

interface SettingsState {
  settings: Settings | null;
  error: string | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await client.invoke('getSettings', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async update(patch) {
    try {
      set({ settings: await client.invoke('updateSettings', patch), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

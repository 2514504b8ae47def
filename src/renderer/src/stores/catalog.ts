import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ModelInfo, ProviderInfo } from '../../../shared/operations/catalog';
import { client } from '../client';

interface CatalogState {
  providers: ProviderInfo[];
  models: ModelInfo[];
  loaded: boolean;
  favourites: string[];
  recent: string[];
  load(): Promise<void>;
  toggleFavourite(ref: string): void;
  used(ref: string): void;
}

/** `provider/model`, the key favourites and recents are stored under. */
export const modelRef = (provider: string, model: string): string => `${provider}/${model}`;

export const useCatalog = create<CatalogState>()(
  persist(
    (set, get) => ({
      providers: [],
      models: [],
      loaded: false,
      favourites: [],
      recent: [],
      async load() {
        if (get().loaded) return;
        const [providers, models] = await Promise.all([client.invoke('listProviders', {}), client.invoke('listModels', {})]);
        set({ providers: providers.data, models: models.data, loaded: true });
      },
      toggleFavourite: (ref) =>
        set((state) => ({
          favourites: state.favourites.includes(ref) ? state.favourites.filter((f) => f !== ref) : [...state.favourites, ref],
        })),
      used: (ref) => set((state) => ({ recent: [ref, ...state.recent.filter((r) => r !== ref)].slice(0, 8) })),
    }),
    { name: 'parallax.models', partialize: (state) => ({ favourites: state.favourites, recent: state.recent }) },
  ),
);

export const priceOf = (models: readonly ModelInfo[], provider: string, model: string): ModelInfo | undefined =>
  models.find((m) => m.provider === provider && m.id === model);

import { create } from 'zustand';
import type { OperationOutput } from '../../../../shared/operations';
import type { Run } from '../../../../shared/runs';
import { client } from '../../client';

export type RunSummary = OperationOutput<'listRuns'>['data'][number];

export interface HistoryFilters {
  q: string;
  provider: string;
  source: string;
  status: string;
  rating: string;
}

const PAGE = 100;

interface HistoryState {
  filters: HistoryFilters;
  rows: RunSummary[];
  total: number;
  /** False when a filtered total was counted only part of the way ("1,050+ runs"). */
  totalExact: boolean;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  selected: Run | null;
  setFilter(name: keyof HistoryFilters, value: string): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string): Promise<void>;
}

let generation = 0;

const query = (filters: HistoryFilters, offset: number) => ({
  limit: PAGE,
  offset,
  ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
});

const pageState = ({ pagination }: OperationOutput<'listRuns'>) => ({
  total: pagination.total,
  totalExact: pagination.total_exact,
  hasMore: pagination.has_more,
});

/** The History list: pages of runs loaded as the list scrolls, re-queried when a filter changes. */
export const useHistory = create<HistoryState>((set, get) => ({
  filters: { q: '', provider: '', source: '', status: '', rating: '' },
  rows: [],
  total: 0,
  totalExact: true,
  hasMore: false,
  loading: false,
  error: null,
  selected: null,
  setFilter(name, value) {
    set((state) => ({ filters: { ...state.filters, [name]: value } }));
    void get().reload();
  },
  async reload() {
    const mine = ++generation;
    set({ loading: true });
    try {
      const page = await client.invoke('listRuns', query(get().filters, 0));
      if (mine === generation) set({ rows: page.data, ...pageState(page), error: null });
    } catch (error) {
      if (mine === generation) set({ error: (error as Error).message });
    } finally {
      if (mine === generation) set({ loading: false });
    }
  },
  async loadMore() {
    const { rows, hasMore, loading, filters } = get();
    if (loading || !hasMore) return;
    const mine = generation;
    set({ loading: true });
    try {
      const page = await client.invoke('listRuns', query(filters, rows.length));
      if (mine === generation) set((state) => ({ rows: [...state.rows, ...page.data], ...pageState(page) }));
    } finally {
      if (mine === generation) set({ loading: false });
    }
  },
  async select(id) {
    try {
      set({ selected: await client.invoke('getRun', { id }) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

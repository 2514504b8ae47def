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
  /** False when a filtered total was counted only part of the way ("550+ runs"). */
  totalExact: boolean;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  selected: Run | null;
  /** The run just deleted, while its Undo is offered. */
  undo: { id: string; label: string } | null;
  setFilter(name: keyof HistoryFilters, value: string): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string): Promise<void>;
  remove(run: Run): Promise<void>;
  undoRemove(): Promise<void>;
  dismissUndo(): void;
}

/** How long the Undo toast stays (the server keeps a deleted run restorable for 10 minutes). */
export const UNDO_TOAST_MS = 8_000;
let undoTimer: ReturnType<typeof setTimeout> | undefined;

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
  undo: null,
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
  async remove(run) {
    try {
      await client.invoke('deleteRun', { id: run.id });
    } catch (error) {
      set({ error: (error as Error).message });
      return;
    }
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => get().dismissUndo(), UNDO_TOAST_MS);
    set((state) => ({
      rows: state.rows.filter((row) => row.id !== run.id),
      total: Math.max(0, state.total - 1),
      selected: state.selected?.id === run.id ? null : state.selected,
      undo: { id: run.id, label: run.rendered_prompt.slice(0, 60) },
    }));
  },
  async undoRemove() {
    const undo = get().undo;
    if (!undo) return;
    clearTimeout(undoTimer);
    set({ undo: null });
    try {
      await client.invoke('restoreRun', { id: undo.id });
      await get().reload();
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  dismissUndo() {
    clearTimeout(undoTimer);
    set({ undo: null });
  },
  async select(id) {
    try {
      set({ selected: await client.invoke('getRun', { id }) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

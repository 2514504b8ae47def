import { create } from 'zustand';
import type { OperationOutput } from '../../../../shared/operations';
import type { Run } from '../../../../shared/runs';
import { client } from '../../client';
import { evict, mergeTotals, PAGE, pagesFor, type RowRange, type Totals } from './pageCache';

export type RunSummary = OperationOutput<'listRuns'>['data'][number];

export interface HistoryFilters {
  q: string;
  provider: string;
  source: string;
  status: string;
  rating: string;
}

interface HistoryState {
  filters: HistoryFilters;
  /** Rows held sparsely, by page number: the list is random access, any page is fetched by offset. */
  pages: ReadonlyMap<number, RunSummary[]>;
  total: number;
  /** False when a filtered total was counted only part of the way ("600+ runs"); it grows as deeper pages answer. */
  totalExact: boolean;
  /** True until the first page for the current filters has answered. */
  loading: boolean;
  error: string | null;
  selected: Run | null;
  /** The run just deleted, while its Undo is offered. */
  undo: { id: string; label: string } | null;
  setFilter(name: keyof HistoryFilters, value: string): void;
  /** Re-reads the rows in view (keeping them shown meanwhile); with `fromTop`, for new filters, from the first row. */
  reload(options?: { fromTop?: boolean }): Promise<void>;
  /** The rows in view changed: fetch the pages they need that are not held or on their way. */
  want(range: RowRange): void;
  select(id: string): Promise<void>;
  remove(run: Run): Promise<void>;
  undoRemove(): Promise<void>;
  dismissUndo(): void;
}

/** How long the Undo toast stays (the server keeps a deleted run restorable for 10 minutes). */
export const UNDO_TOAST_MS = 8_000;
let undoTimer: ReturnType<typeof setTimeout> | undefined;

/** Bumped by every reload: answers of an older generation are dropped. */
let generation = 0;
/** Pages requested in this generation and not answered yet. */
let inFlight = new Set<number>();
/** Totals known in this generation (null until its first answer). */
let totals: Totals | null = null;
let wanted: RowRange = { first: 0, last: 1 };

export const rowAt = (pages: ReadonlyMap<number, RunSummary[]>, index: number): RunSummary | undefined =>
  pages.get(Math.floor(index / PAGE))?.[index % PAGE];

const query = (filters: HistoryFilters, offset: number) => ({
  limit: PAGE,
  offset,
  ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
});

/** The History list: pages of runs fetched by offset as the rows in view need them, re-queried when a filter changes. */
export const useHistory = create<HistoryState>((set, get) => {
  const fetchPage = async (page: number) => {
    const mine = generation;
    inFlight.add(page);
    try {
      const answer = await client.invoke('listRuns', query(get().filters, page * PAGE));
      if (mine !== generation) return;
      totals = mergeTotals(totals, { total: answer.pagination.total, exact: answer.pagination.total_exact });
      const known = totals;
      set((state) => ({
        pages: evict(new Map(state.pages).set(page, answer.data), wanted),
        total: known.total,
        totalExact: known.exact,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (mine === generation) set({ error: (error as Error).message, loading: false });
    } finally {
      if (mine === generation) inFlight.delete(page);
    }
  };

  return {
    filters: { q: '', provider: '', source: '', status: '', rating: '' },
    pages: new Map(),
    total: 0,
    totalExact: true,
    loading: false,
    error: null,
    selected: null,
    undo: null,
    setFilter(name, value) {
      set((state) => ({ filters: { ...state.filters, [name]: value } }));
      void get().reload({ fromTop: true });
    },
    async reload({ fromTop = false } = {}) {
      generation++;
      inFlight = new Set();
      totals = null;
      if (fromTop) wanted = { first: 0, last: Math.max(1, wanted.last - wanted.first) };
      // An empty list wants no rows, but its first page must still be asked for: runs may have arrived.
      const needed = pagesFor(wanted).length ? pagesFor(wanted) : [0];
      // New filters show placeholders; a refresh keeps the rows in view until their pages answer again.
      set((state) => ({
        loading: true,
        pages: fromTop ? new Map() : new Map([...state.pages].filter(([page]) => needed.includes(page))),
      }));
      await Promise.all(needed.map(fetchPage));
    },
    want(range) {
      wanted = range;
      const { pages } = get();
      for (const page of pagesFor(range)) if (!pages.has(page) && !inFlight.has(page)) void fetchPage(page);
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
        pages: new Map([...state.pages].map(([page, rows]) => [page, rows.filter((row) => row.id !== run.id)])),
        total: Math.max(0, state.total - 1),
        selected: state.selected?.id === run.id ? null : state.selected,
        undo: { id: run.id, label: run.rendered_prompt.slice(0, 60) },
      }));
      // Every row after the deleted one moved up by one: read the rows in view again.
      await get().reload();
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
  };
});

import { create } from 'zustand';
import type { SavedPrompt } from '../../../../shared/operations/prompts';
import type { Schedule, ScheduleRun } from '../../../../shared/operations/schedules';
import { client } from '../../client';
import { emptyDraft, toCreateInput, toUpdateInput, type ScheduleDraft } from './draft';

/** What the right-hand side shows: a schedule's runs, or the editor for a new or existing one. */
type Mode = { kind: 'view' } | { kind: 'edit'; id: string | null };

interface SchedulesState {
  schedules: Schedule[];
  prompts: SavedPrompt[];
  selectedId: string | null;
  runs: ScheduleRun[];
  mode: Mode;
  draft: ScheduleDraft;
  /** Shown once, right after creation: it verifies trigger calls and signs callbacks. */
  revealedSecret: { scheduleId: string; secret: string } | null;
  running: boolean;
  error: string | null;
  load(): Promise<void>;
  select(id: string): Promise<void>;
  refreshRuns(): Promise<void>;
  /** Opens the editor for a new schedule, optionally prefilled ("Schedule this"). */
  startNew(prefill?: Partial<ScheduleDraft>): void;
  startEdit(): void;
  cancelEdit(): void;
  setDraft(patch: Partial<ScheduleDraft>): void;
  save(): Promise<boolean>;
  toggle(schedule: Schedule): Promise<void>;
  runNow(): Promise<void>;
  remove(id: string): Promise<void>;
  dismissSecret(): void;
}

const message = (error: unknown) => (error as Error).message;

export const useSchedules = create<SchedulesState>((set, get) => ({
  schedules: [],
  prompts: [],
  selectedId: null,
  runs: [],
  mode: { kind: 'view' },
  draft: emptyDraft(),
  revealedSecret: null,
  running: false,
  error: null,
  async load() {
    try {
      const [schedules, prompts] = await Promise.all([client.invoke('listSchedules', { limit: 100 }), client.invoke('listPrompts', { limit: 100 })]);
      set({ schedules: schedules.data, prompts: prompts.data, error: null });
      const { selectedId, mode } = get();
      if (!selectedId && schedules.data[0] && mode.kind === 'view') await get().select(schedules.data[0].id);
    } catch (error) {
      set({ error: message(error) });
    }
  },
  async select(id) {
    set({ selectedId: id, mode: { kind: 'view' }, runs: [] });
    await get().refreshRuns();
  },
  async refreshRuns() {
    const id = get().selectedId;
    if (!id) return;
    try {
      const { data } = await client.invoke('listScheduleRuns', { id, limit: 100 });
      if (get().selectedId === id) set({ runs: data, error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },
  startNew(prefill = {}) {
    const prompts = get().prompts;
    set({ mode: { kind: 'edit', id: null }, draft: { ...emptyDraft(), prompt_id: prompts[0]?.id ?? '', ...prefill }, error: null });
  },
  startEdit() {
    const schedule = get().schedules.find((s) => s.id === get().selectedId);
    if (!schedule) return;
    set({ mode: { kind: 'edit', id: schedule.id }, draft: emptyDraft(schedule), error: null });
  },
  cancelEdit: () => set({ mode: { kind: 'view' }, error: null }),
  setDraft: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),
  async save() {
    const { mode, draft } = get();
    if (mode.kind !== 'edit') return false;
    try {
      if (mode.id === null) {
        const created = await client.invoke('createSchedule', toCreateInput(draft));
        set({ revealedSecret: { scheduleId: created.id, secret: created.webhook_secret }, selectedId: created.id });
      } else {
        await client.invoke('updateSchedule', { id: mode.id, ...toUpdateInput(draft) });
      }
      set({ mode: { kind: 'view' } });
      await get().load();
      await get().refreshRuns();
      return true;
    } catch (error) {
      set({ error: message(error) });
      return false;
    }
  },
  async toggle(schedule) {
    try {
      await client.invoke('updateSchedule', { id: schedule.id, is_enabled: !schedule.is_enabled });
      await get().load();
    } catch (error) {
      set({ error: message(error) });
    }
  },
  async runNow() {
    const id = get().selectedId;
    if (!id) return;
    set({ running: true, error: null });
    try {
      await client.invoke('runSchedule', { id });
    } catch (error) {
      set({ error: message(error) });
    } finally {
      set({ running: false });
      await Promise.all([get().load(), get().refreshRuns()]);
    }
  },
  async remove(id) {
    try {
      await client.invoke('deleteSchedule', { id });
      set({ selectedId: null, runs: [], mode: { kind: 'view' } });
      await get().load();
    } catch (error) {
      set({ error: message(error) });
    }
  },
  dismissSecret: () => set({ revealedSecret: null }),
}));

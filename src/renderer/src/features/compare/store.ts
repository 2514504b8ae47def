import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RunEvent } from '../../../../shared/events';
import type { Configuration } from '../../../../shared/operations/prompts';
import type { ResultError, ResultMetadata, ResultStatus, Run, RunResult } from '../../../../shared/runs';
import { templateVariables } from '../../../../shared/template';
import { client } from '../../client';

export interface Column extends Configuration {
  /** Stable identity for React and reordering; not sent anywhere. */
  key: string;
}

/** What a column shows: the result streaming or settled in it. */
export interface ColumnResult {
  id: string;
  runId: string;
  status: ResultStatus;
  text: string;
  metadata: ResultMetadata | null;
  error: ResultError | null;
  rating: 1 | -1 | null;
  note: string | null;
}

/** The saved prompt this setup was opened from, so runs link to it and edits can become a new version. */
export interface PromptRef {
  id: string;
  name: string;
  version: number;
}

interface CompareState {
  promptRef: PromptRef | null;
  prompt: string;
  system: string;
  showSystem: boolean;
  variables: Record<string, string>;
  columns: Column[];
  /** Result per column key, for the latest run (and per-column retries). */
  results: Record<string, ColumnResult>;
  runId: string | null;
  running: boolean;
  error: string | null;

  setPrompt(prompt: string): void;
  setSystem(system: string): void;
  toggleSystem(): void;
  setVariable(name: string, value: string): void;
  addColumn(configuration: Configuration): void;
  updateColumn(key: string, patch: Partial<Configuration>): void;
  removeColumn(key: string): void;
  moveColumn(key: string, offset: -1 | 1): void;
  run(): Promise<void>;
  stop(): Promise<void>;
  retry(key: string): Promise<void>;
  rate(key: string, rating: 1 | -1): Promise<void>;
  annotate(key: string, note: string): Promise<void>;
  /** Saves the setup as a new prompt (with a name) or, when opened from one, as its next version. */
  save(name?: string): Promise<void>;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

const fromResult = (result: RunResult): ColumnResult => ({
  id: result.id,
  runId: result.run_id,
  status: result.status,
  text: result.response,
  metadata: result.status === 'pending' || result.status === 'streaming' ? null : result.metadata,
  error: result.error,
  rating: result.rating,
  note: result.note,
});

const toConfiguration = ({ provider, model, temperature, max_tokens }: Column): Configuration => ({
  provider,
  model,
  ...(temperature === undefined ? {} : { temperature }),
  ...(max_tokens === undefined ? {} : { max_tokens }),
});

/** Which column each result id belongs to, for routing streamed events. */
const resultColumns = new Map<string, string>();
/**
 * Events that arrived before the answer of `startRun` told which columns their results belong to.
 * Runs started elsewhere (API, schedules) pass through here too, so entries expire after a few seconds.
 */
let early: { at: number; event: RunEvent }[] = [];
const EARLY_TTL_MS = 5_000;

function holdEarly(event: RunEvent): void {
  const now = Date.now();
  early = early.filter((entry) => now - entry.at < EARLY_TTL_MS);
  early.push({ at: now, event });
}

function takeEarly(runId: string): RunEvent[] {
  const mine = early.filter((entry) => runIdOf(entry.event) === runId).map((entry) => entry.event);
  early = early.filter((entry) => runIdOf(entry.event) !== runId);
  return mine;
}

export const useCompare = create<CompareState>()(
  persist(
    (set, get) => {
      const start = async (columns: Column[], replaceAll: boolean) => {
        const { prompt, system, variables } = get();
        const needed = templateVariables(`${prompt}\n${system}`);
        const values = Object.fromEntries(
          needed.filter((name) => variables[name] !== undefined).map((name) => [name, variables[name] as string]),
        );
        set({ error: null, ...(replaceAll ? { results: {}, running: true } : {}) });
        try {
          const run: Run = await client.invoke('startRun', {
            prompt,
            ...(system.trim() ? { system } : {}),
            variables: values,
            configurations: columns.map(toConfiguration),
            ...(get().promptRef ? { prompt_id: get().promptRef!.id, prompt_version: get().promptRef!.version } : {}),
          });
          run.results.forEach((result, index) => resultColumns.set(result.id, columns[index]!.key));
          set((state) => ({
            ...(replaceAll ? { runId: run.id } : {}),
            results: {
              ...state.results,
              ...Object.fromEntries(run.results.map((result, index) => [columns[index]!.key, fromResult(result)])),
            },
          }));
          takeEarly(run.id).forEach(applyRunEvent);
        } catch (error) {
          set({ error: (error as Error).message, ...(replaceAll ? { running: false } : {}) });
        }
      };

      return {
        promptRef: null,
        prompt: '',
        system: '',
        showSystem: false,
        variables: {},
        columns: [],
        results: {},
        runId: null,
        running: false,
        error: null,

        setPrompt: (prompt) => set({ prompt }),
        setSystem: (system) => set({ system }),
        toggleSystem: () => set((state) => ({ showSystem: !state.showSystem })),
        setVariable: (name, value) => set((state) => ({ variables: { ...state.variables, [name]: value } })),
        addColumn: (configuration) =>
          set((state) => (state.columns.length >= 10 ? state : { columns: [...state.columns, { ...configuration, key: newKey() }] })),
        updateColumn: (key, patch) =>
          set((state) => ({ columns: state.columns.map((column) => (column.key === key ? { ...column, ...patch } : column)) })),
        removeColumn: (key) => set((state) => ({ columns: state.columns.filter((column) => column.key !== key) })),
        moveColumn: (key, offset) =>
          set((state) => {
            const index = state.columns.findIndex((column) => column.key === key);
            const target = index + offset;
            if (index < 0 || target < 0 || target >= state.columns.length) return state;
            const columns = [...state.columns];
            [columns[index], columns[target]] = [columns[target]!, columns[index]!];
            return { columns };
          }),

        run: () => start(get().columns, true),
        async stop() {
          const { runId } = get();
          if (runId) await client.invoke('cancelRun', { id: runId }).catch(() => undefined);
        },
        async retry(key) {
          const column = get().columns.find((c) => c.key === key);
          if (column) await start([column], false);
        },
        async save(name) {
          const { prompt, system, variables, columns, promptRef } = get();
          const content = {
            prompt,
            system: system.trim() ? system : null,
            variables: Object.fromEntries(templateVariables(`${prompt}\n${system}`).map((v) => [v, variables[v] ?? ''])),
            configurations: columns.map(toConfiguration),
          };
          try {
            const saved =
              name === undefined && promptRef
                ? await client.invoke('updatePrompt', { id: promptRef.id, ...content })
                : await client.invoke('createPrompt', { name: name ?? 'Untitled prompt', ...content });
            set({ promptRef: { id: saved.id, name: saved.name, version: saved.version }, error: null });
          } catch (error) {
            set({ error: (error as Error).message });
          }
        },
        async annotate(key, note) {
          const result = get().results[key];
          if (!result) return;
          set((state) => ({ results: { ...state.results, [key]: { ...result, note } } }));
          await client
            .invoke('updateRun', { id: result.runId, result_id: result.id, note })
            .catch((error: Error) => set({ error: error.message }));
        },
        async rate(key, rating) {
          const result = get().results[key];
          if (!result) return;
          const next = result.rating === rating ? null : rating;
          set((state) => ({ results: { ...state.results, [key]: { ...result, rating: next } } }));
          await client
            .invoke('updateRun', { id: result.runId, result_id: result.id, rating: next })
            .catch((error: Error) => set({ error: error.message }));
        },
      };
    },
    {
      name: 'parallax.compare.setup',
      // The last setup is kept; results are not.
      partialize: (state) => ({
        promptRef: state.promptRef,
        prompt: state.prompt,
        system: state.system,
        showSystem: state.showSystem,
        variables: state.variables,
        columns: state.columns,
      }),
    },
  ),
);

const runIdOf = (event: RunEvent): string => ('run' in event ? event.run.id : event.run_id);

/** Applies one live run event to the columns it concerns. */
export function applyRunEvent(event: RunEvent): void {
  const { runId } = useCompare.getState();
  const patch = (resultId: string, update: (current: ColumnResult) => ColumnResult) => {
    const key = resultColumns.get(resultId);
    if (!key) return holdEarly(event);
    useCompare.setState((state) => {
      const current = state.results[key];
      return current && current.id === resultId ? { results: { ...state.results, [key]: update(current) } } : state;
    });
  };
  switch (event.type) {
    case 'result.started':
      patch(event.result_id, (current) => ({ ...current, status: 'streaming' }));
      break;
    case 'result.delta':
      for (const delta of event.deltas) patch(delta.result_id, (current) => ({ ...current, text: current.text + delta.text }));
      break;
    case 'result.settled':
      patch(event.result.id, (current) => ({ ...fromResult(event.result), rating: current.rating, note: current.note }));
      break;
    case 'run.finished':
      if (!event.run.results.some((result) => resultColumns.has(result.id))) holdEarly(event);
      else if (event.run.id === runId) useCompare.setState({ running: false });
      break;
    case 'run.started':
      break;
  }
}

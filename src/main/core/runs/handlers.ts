import { AppError } from '../../../shared/errors';
import type { Handlers } from '../handlers';
import type { RunEngine } from './engine';
import type { RunQueries } from './query';
import type { RunStore } from './store';
import type { RunTrash } from './trash';

type RunHandlers = Pick<Handlers, 'startRun' | 'cancelRun' | 'listRuns' | 'getRun' | 'updateRun' | 'deleteRun' | 'restoreRun'>;

export const runHandlers = (engine: RunEngine | null, store: RunStore, queries: RunQueries, trash: RunTrash): RunHandlers => {
  const requireEngine = (): RunEngine => {
    if (!engine) throw new AppError('unavailable', 'Runs are not available: no provider layer is configured');
    return engine;
  };
  return {
    startRun: (input, ctx) =>
      requireEngine().start({
        prompt: input.prompt,
        system: input.system ?? null,
        variables: input.variables ?? {},
        configurations: input.configurations,
        source: ctx.source === 'cli' ? 'cli' : ctx.source,
        apiKeyPrefix: ctx.apiKey?.prefix ?? null,
        headerKeys: ctx.providerKeys,
        promptId: input.prompt_id ?? null,
        promptVersion: input.prompt_version ?? null,
      }).run,
    cancelRun: ({ id, result_id }) => {
      store.get(id);
      return { id, cancelled: requireEngine().cancel(id, result_id) };
    },
    listRuns: (input) => queries.list(input),
    getRun: ({ id }) => store.get(id),
    updateRun: (input) => queries.update(input),
    deleteRun: ({ id }) => trash.delete(id),
    restoreRun: ({ id }) => trash.restore(id),
  };
};

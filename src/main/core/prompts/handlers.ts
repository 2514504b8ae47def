import type { CallContext } from '../context';
import type { Handlers } from '../handlers';
import type { PromptService, VersionSource } from './service';

type PromptHandlers = Pick<
  Handlers,
  'listPrompts' | 'createPrompt' | 'getPrompt' | 'updatePrompt' | 'deletePrompt' | 'listPromptVersions' | 'restorePromptVersion'
>;

const viaOf = (ctx: CallContext): VersionSource => (ctx.source === 'schedule' ? 'schedule' : ctx.source);

export const promptHandlers = (prompts: PromptService): PromptHandlers => ({
  listPrompts: (input) => prompts.list(input),
  createPrompt: (input, ctx) => prompts.create(input, viaOf(ctx)),
  getPrompt: ({ id }) => prompts.get(id),
  updatePrompt: ({ id, ...patch }, ctx) => prompts.update(id, patch, viaOf(ctx)),
  deletePrompt: ({ id }) => prompts.remove(id),
  listPromptVersions: ({ id }) => ({ data: prompts.versions(id) }),
  restorePromptVersion: ({ id, version }, ctx) => prompts.restore(id, version, viaOf(ctx)),
});

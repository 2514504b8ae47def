import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, fromZodError } from '../../../shared/errors';
import { intParam } from '../../../shared/operations/common';
import { httpUrl } from '../../../shared/operations/webhooks';
import type { Core } from '../../core';
import { inferProvider } from '../../core/models/inferProvider';
import { toCallContext } from '../context';

/** Route families that answer in tentackle's `{ success: false, error, code, details }` envelope. */
export const TENTACKLE_PATHS = ['/api/prompt', '/api/prompts', '/api/usage-stats', '/api/v1/webhooks'];

export const tentackleErrors: RequestHandler = (_req, res, next) => {
  res.locals.errorFormat = 'tentackle';
  next();
};

export const executeSchema = z
  .object({
    prompt: z.string({ error: 'prompt is required' }).min(1, 'prompt is required').max(100_000, 'prompt must be at most 100000 characters'),
    models: z
      .array(z.string().min(1, 'models: a model name is empty').max(200), { error: 'models must be an array of model names' })
      .min(1, 'models must contain 1-10 model names')
      .max(10, 'models must contain 1-10 model names'),
    temperature: z
      .number({ error: 'temperature must be a number' })
      .min(0, 'temperature must be between 0 and 2')
      .max(2, 'temperature must be between 0 and 2')
      .optional(),
    max_tokens: z
      .number({ error: 'max_tokens must be an integer' })
      .int()
      .min(1, 'max_tokens must be between 1 and 100000')
      .max(100_000, 'max_tokens must be between 1 and 100000')
      .optional(),
    system: z.string().max(100_000).optional(),
  })
  .strict();

export const historySchema = z
  .object({
    limit: intParam(1, 100, 'limit must be between 1 and 100').optional().default(50),
    offset: intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer').optional().default(0),
    model: z.string().max(200).optional(),
  })
  .strict();

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

interface ResultFacts {
  model: string;
  provider: string;
  status: string;
  metadata: { total_tokens: number | null; response_time_ms: number | null; estimated_cost: number | null };
  error: { message: string } | null;
}

/** One tentackle result per model: tokens used and response time in seconds, as its document shows. */
const resultOf = (r: ResultFacts, response: string) => ({
  model: r.model,
  provider: r.provider,
  response,
  tokens_used: r.metadata.total_tokens ?? 0,
  response_time: seconds(r.metadata.response_time_ms),
  estimated_cost: r.metadata.estimated_cost,
  ...(r.status === 'completed' ? {} : { error: r.error?.message ?? `Result ${r.status}` }),
});

export const createJobSchema = executeSchema
  .extend({
    priority: z.enum(['low', 'normal', 'high'], { error: 'priority must be "low", "normal" or "high"' }).default('normal'),
    callback_url: httpUrl('callback_url').optional(),
  })
  .strict();

/** Model names as tentackle takes them, with the provider inferred from the catalog or the name. */
const configurationsOf = (core: Core, input: z.infer<typeof executeSchema>) =>
  input.models.map((name) => ({
    ...inferProvider(name, (model) => core.catalog?.providerOf(model)),
    ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
    ...(input.max_tokens === undefined ? {} : { max_tokens: input.max_tokens }),
  }));

/** tentackle.io's multi-model routes, on the same run engine and history as everything else. */
export function tentackleRoutes(core: Core): Router {
  const router = Router();

  router.post('/api/prompt/execute', async (req, res) => {
    const parsed = executeSchema.safeParse(req.body);
    if (!parsed.success) throw fromZodError(parsed.error);
    const input = parsed.data;
    if (!core.engine) throw new AppError('unavailable', 'Runs are not available: no provider layer is configured');
    const configurations = configurationsOf(core, input);
    const ctx = toCallContext(req, res);
    const started = Date.now();
    const run = await core.engine.start({
      prompt: input.prompt,
      system: input.system ?? null,
      configurations,
      source: 'api',
      apiKeyPrefix: ctx.apiKey?.prefix ?? null,
      ...(ctx.providerKeys ? { headerKeys: ctx.providerKeys } : {}),
      literal: true,
    }).done;
    const results = run.results.map((r) => resultOf(r, r.response));
    res.json({
      success: true,
      id: run.id,
      results,
      total_tokens: results.reduce((sum, r) => sum + r.tokens_used, 0),
      execution_time: seconds(Date.now() - started),
    });
  });

  router.post('/api/prompt/create', (req, res) => {
    const parsed = createJobSchema.safeParse(req.body);
    if (!parsed.success) throw fromZodError(parsed.error);
    const { priority, callback_url, ...input } = parsed.data;
    const ctx = toCallContext(req, res);
    const job = core.jobs.enqueue(
      { prompt: input.prompt, system: input.system ?? null, configurations: configurationsOf(core, input) },
      { priority, callbackUrl: callback_url ?? null, apiKeyPrefix: ctx.apiKey?.prefix ?? null },
    );
    res.status(202).json({ success: true, job_id: job.id, ...job });
  });

  router.get('/api/prompt/jobs/:id', (req, res) => {
    res.json({ success: true, job: core.jobs.get(String(req.params.id)) });
  });

  router.get('/api/usage-stats', (_req, res) => {
    const budget = core.usage.budgetStatus();
    const models = core.usage.byModel();
    res.json({
      success: true,
      usage: {
        current_usage: {
          prompts_used: budget.used_calls,
          tokens_used: models.reduce((sum, m) => sum + m.tokens, 0),
          requests_this_month: core.usage.summary().usage.this_month.requests,
        },
        // Parallax has no plan: the limits are the user's own monthly budget (null = none).
        limits: { prompts_per_month: budget.monthly_calls, tokens_per_month: null, usd_per_month: budget.monthly_usd },
        model_breakdown: Object.fromEntries(models.map((m) => [m.model, m.count])),
        cost_breakdown: {
          total_cost: budget.spent_usd,
          by_model: Object.fromEntries(models.map((m) => [m.model, m.cost])),
        },
      },
    });
  });

  router.get('/api/prompts/history', async (req, res) => {
    const parsed = historySchema.safeParse(req.query);
    if (!parsed.success) throw fromZodError(parsed.error);
    const { limit, offset, model } = parsed.data;
    const page = await core.invoke('listRuns', { limit, offset, ...(model ? { model } : {}) }, toCallContext(req, res));
    res.json({
      success: true,
      history: page.data.map((run) => ({
        id: run.id,
        prompt: run.rendered_prompt,
        models: run.results.map((r) => r.model),
        source: run.source,
        status: run.status,
        results: run.results.map((r) => resultOf(r, r.response_excerpt)),
        created_at: run.created_at,
      })),
      pagination: page.pagination,
    });
  });

  router.get('/api/v1/webhooks', async (req, res) => {
    const { data } = await core.invoke('listWebhooks', {}, toCallContext(req, res));
    res.json({ success: true, webhooks: data });
  });

  router.post('/api/v1/webhooks', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // tentackle documents billing events; Parallax has no billing, so they are accepted and reported as ignored.
    const requested = Array.isArray(body.events) ? (body.events as unknown[]) : body.events;
    const ignored = Array.isArray(requested) ? requested.filter((e): e is string => typeof e === 'string' && TENTACKLE_ONLY_EVENTS.has(e)) : [];
    const events = Array.isArray(requested) ? requested.filter((e) => !(typeof e === 'string' && TENTACKLE_ONLY_EVENTS.has(e))) : requested;
    const webhook = await core.invoke('createWebhook', { ...body, events }, toCallContext(req, res));
    res.json({ success: true, webhook, ignored_events: ignored });
  });

  return router;
}

const TENTACKLE_ONLY_EVENTS = new Set(['billing.subscription_updated']);

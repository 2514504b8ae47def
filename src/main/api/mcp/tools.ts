/**
 * The MCP tools, named and shaped as in Promptster's MCP document, plus `list_models` and
 * `list_prompts`. Each is a thin mapping onto an operation of the operations table: the same input
 * schema (plus the tool's own extras), the same validation and error messages, the same core.
 */
import { z } from 'zod';
import type { OperationName, OperationOutput } from '../../../shared/operations';
import { operations } from '../../../shared/operations';
import type { ResultMetadata } from '../../../shared/runs';
import type { Core } from '../../core';
import type { CallContext } from '../../core/context';

export interface McpTool {
  name: string;
  description: string;
  input: z.ZodObject;
  run(core: Core, args: Record<string, unknown>, ctx: CallContext): Promise<unknown>;
}

/** MCP tools accept a provider key as `api_key`, used before the vault and the environment. */
const withApiKey = (ctx: CallContext, provider: string, apiKey: unknown): CallContext =>
  typeof apiKey === 'string' && apiKey ? { ...ctx, providerKeys: { ...ctx.providerKeys, [provider]: apiKey } } : ctx;

/** Promptster's MCP `metrics` object. */
const metrics = (m: ResultMetadata) => ({
  response_time_ms: m.response_time_ms,
  ttft_ms: m.ttft_ms,
  input_tokens: m.input_tokens,
  output_tokens: m.output_tokens,
  total_tokens: m.total_tokens,
  tokens_per_second: m.tokens_per_second,
  estimated_cost_usd: m.estimated_cost,
  cost_known: m.cost_known,
});

const invoke = <K extends OperationName>(core: Core, name: K, args: unknown, ctx: CallContext): Promise<OperationOutput<K>> =>
  core.invoke(name, args, ctx);

/** A tool that is exactly one operation, same input, same output. */
const passThrough = (name: string, op: OperationName, description: string): McpTool => ({
  name,
  description,
  input: operations[op].input as unknown as z.ZodObject,
  run: (core, args, ctx) => invoke(core, op, args, ctx),
});

const apiKeyField = {
  api_key: z.string().min(1).optional().describe('A provider key for this call only; else the vault, then the environment'),
};

export const MCP_TOOLS: readonly McpTool[] = [
  {
    name: 'test_prompt',
    description: 'Test a prompt against one AI provider and model; answers with the response and its metrics (latency, tokens, cost).',
    input: operations.testPrompt.input.omit({ stream: true }).extend(apiKeyField),
    async run(core, { api_key, ...args }, ctx) {
      const out = await invoke(core, 'testPrompt', args, withApiKey(ctx, String(args.provider), api_key));
      return { provider: out.provider, model: out.model, response: out.response, metrics: metrics(out.metadata) };
    },
  },
  {
    name: 'compare_prompts',
    description: 'Compare the same prompt across 2-10 provider/model configurations side by side.',
    input: operations.comparePrompts.input
      .omit({ stream: true })
      .extend({ api_keys: z.record(z.string(), z.string()).optional().describe('Provider keys by provider id, for this call only') }),
    async run(core, { api_keys, ...args }, ctx) {
      const keys = (api_keys ?? {}) as Record<string, string>;
      const out = await invoke(core, 'comparePrompts', args, { ...ctx, providerKeys: { ...ctx.providerKeys, ...keys } });
      return {
        prompt: out.prompt,
        results: out.results.map((r) => ({
          provider: r.provider,
          model: r.model,
          response: r.response,
          metrics: metrics(r.metadata),
          success: r.error === undefined,
          ...(r.error ? { error: r.error.message } : {}),
        })),
      };
    },
  },
  passThrough(
    'get_history',
    'getHistory',
    'Browse the local API request history with filters (limit, offset, provider = endpoint, start_date, end_date, status_code).',
  ),
  passThrough('get_usage', 'getUsage', 'Usage this month: requests, estimated cost, calls per endpoint, and the monthly budget status.'),
  {
    name: 'get_credits',
    description: 'The monthly budget: limit, spent this month, calls used, and when the period ends (Parallax has no paid credits).',
    input: z.object({}).strict(),
    async run(core, args, ctx) {
      const usage = await invoke(core, 'getUsage', args, ctx);
      return { credits: usage.credits, budget: usage.budget, billing_period: usage.billing_period };
    },
  },
  passThrough('list_schedules', 'listSchedules', 'List all scheduled tests with their next run, last status and SLA thresholds.'),
  passThrough('get_schedule', 'getSchedule', 'Get one schedule with its run and failure counts.'),
  passThrough(
    'run_schedule',
    'runSchedule',
    'Manually trigger a scheduled test now; answers when it has finished, with metrics and SLA breaches (1 API call per configuration).',
  ),
  passThrough('get_schedule_runs', 'listScheduleRuns', 'View the execution history of a schedule (filter by status and dates).'),
  passThrough('list_prompts', 'listPrompts', 'List saved prompts (search with q, filter by tag).'),
  passThrough('export_data', 'exportData', 'Export saved prompts, runs, schedules and schedule runs (JSON).'),
  passThrough(
    'list_models',
    'listModels',
    'The model catalog with prices per million tokens and the date of each price (filter by provider).',
  ),
];

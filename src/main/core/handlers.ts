import type { OperationName, OperationOutput, OperationParsedInput } from '../../shared/operations';
import { VERSION } from '../../shared/version';
import { apiKeyHandlers } from './apiKeys/handlers';
import type { ApiKeyService } from './apiKeys/service';
import type { CallContext } from './context';
import type { EventBus } from './events';
import type { RequestLogService } from './requestLog/service';
import { promptHandlers } from './prompts/handlers';
import type { RunEngine } from './runs/engine';
import { runHandlers } from './runs/handlers';
import type { RunQueries } from './runs/query';
import type { RunStore } from './runs/store';
import type { RunTrash } from './runs/trash';
import type { PromptsterService } from './promptster/service';
import { catalogHandlers } from './llm/handlers';
import type { DiscoveredModels } from './llm/discovered';
import type { LlmGateway } from './llm/gateway';
import { vaultHandlers } from './vault/handlers';
import type { VaultService } from './vault/service';
import type { createExporter } from './exporter';
import type { createImporter } from './importer';
import type { UsageService } from './usage/service';
import type { PromptService } from './prompts/service';
import { settingsHandlers } from './settings/handlers';
import { scheduleHandlers } from './scheduler/handlers';
import type { Scheduler } from './scheduler/service';
import { webhookHandlers } from './webhooks/handlers';
import type { WebhookDispatcher } from './webhooks/dispatcher';
import type { SettingsStore } from './settings/store';

/** Facts about this running instance that the shell sets once it knows them. */
export interface RuntimeInfo {
  apiUrl: string | null;
}

export interface Services {
  runtime: RuntimeInfo;
  settings: SettingsStore;
  apiKeys: ApiKeyService;
  requestLog: RequestLogService;
  prompts: PromptService;
  runs: { engine: RunEngine | null; store: RunStore; queries: RunQueries; trash: RunTrash };
  promptster: PromptsterService;
  gateway: LlmGateway;
  vault: VaultService;
  usage: UsageService;
  exporter: ReturnType<typeof createExporter>;
  importer: ReturnType<typeof createImporter>;
  events: EventBus;
  scheduler: Scheduler;
  dispatcher: WebhookDispatcher;
  now: () => Date;
  discoveredModels: DiscoveredModels;
}

export type Handler<K extends OperationName> = (
  input: OperationParsedInput<K>,
  ctx: CallContext,
) => OperationOutput<K> | Promise<OperationOutput<K>>;

export type Handlers = { [K in OperationName]: Handler<K> };

/**
 * The behaviour behind each declared operation, assembled from each service's own handlers module.
 * Doors never call services directly; they call `core.invoke`, which calls these.
 */
export function createHandlers({
  runtime,
  settings,
  apiKeys,
  requestLog,
  prompts,
  runs,
  promptster,
  gateway,
  vault,
  usage,
  exporter,
  importer,
  events,
  scheduler,
  dispatcher,
  now,
  discoveredModels,
}: Services): Handlers {
  return {
    health: () => ({ status: 'ok', version: VERSION }),
    getApiInfo: () => ({ url: runtime.apiUrl, openapi_url: runtime.apiUrl && `${runtime.apiUrl}/v1/openapi.json` }),
    ...settingsHandlers(settings, events),
    ...apiKeyHandlers(apiKeys, events),
    getHistory: (query) => requestLog.query(query),
    ...promptHandlers(prompts),
    ...catalogHandlers(gateway, settings, discoveredModels),
    ...vaultHandlers(vault, events),
    getUsage: () => usage.summary(),
    getUsageBreakdown: (input) => usage.breakdown(input),
    exportData: ({ include, format: _format, ...filter }) => exporter.export(include, filter),
    importData: (document) => importer(document),
    ...runHandlers(runs.engine, runs.store, runs.queries, runs.trash),
    ...scheduleHandlers(scheduler, now),
    ...webhookHandlers(dispatcher),
    testPrompt: async (input, ctx) => promptster.testAnswer(await promptster.startTest(input, ctx).done),
    comparePrompts: async (input, ctx) => promptster.compareAnswer(await promptster.startCompare(input, ctx).done),
  };
}

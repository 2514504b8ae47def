/**
 * The Electron-free core: every behaviour of Parallax, usable from plain Node.
 * Both the desktop entry and the headless CLI build it with `createCore`.
 */
import type Database from 'better-sqlite3';
import { toAppError, fromZodError } from '../../shared/errors';
import { operations, type OperationName, type OperationOutput } from '../../shared/operations';
import { createApiKeyService, type ApiKeyService } from './apiKeys/service';
import { writeTokenFile } from './apiKeys/tokenFile';
import { systemClock, type Clock } from './clock';
import type { CallContext } from './context';
import { openDatabase } from './db/open';
import { migrations } from './db/migrations';
import { EventBus } from './events';
import { createHandlers, type Handlers, type RuntimeInfo } from './handlers';
import { RateLimiter } from './rateLimit';
import { createPromptService, type PromptService } from './prompts/service';
import { RunEngine } from './runs/engine';
import { createLlmGateway, type LlmGateway } from './llm/gateway';
import type { VaultCipher } from './vault/cipher';
import { createUsageService, type UsageService } from './usage/service';
import { createExporter } from './exporter';
import { createImporter } from './importer';
import { createVaultService, headlessCipher, type VaultService } from './vault/service';
import { quickCheckInBackground } from './db/backgroundCheck';
import { createRunQueries } from './runs/query';
import { createSearchTerms, type SearchTerms } from './runs/searchTerms';
import { createRunStore, type RunStore } from './runs/store';
import { createRunTrash, type RunTrash } from './runs/trash';
import { createPromptsterService, type PromptsterService } from './promptster/service';
import { createTraceService, type TraceService } from './traces/service';
import { PROVIDER_IDS } from '../../shared/providers';
import { createRequestLogService, type RequestLogService } from './requestLog/service';
import { silentLogger, type Logger } from './logger';
import { openConfSettings } from './settings/confStore';
import { Scheduler, type ScheduleNotification } from './scheduler/service';
import { WebhookDispatcher } from './webhooks/dispatcher';
import { JobQueue } from './jobs/queue';
import { startMaintenance } from './maintenance';
import { createDiscoveredModels } from './llm/discovered';
import { forwardProductEvents } from './webhooks/productEvents';
import type { SettingsStore } from './settings/store';

export interface CoreOptions {
  dataDir: string;
  /** The desktop shell passes electron-store; default is `conf` in the data directory. */
  settings?: SettingsStore;
  clock?: Clock;
  logger?: Logger;
  /** Where provider keys and base URLs come from besides Settings (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * How the key vault encrypts: the desktop shell passes Electron's safeStorage; by default AES-GCM
   * from `PARALLAX_VAULT_PASSPHRASE`, or keys in memory only when there is no passphrase.
   */
  cipher?: VaultCipher;
  /** How schedule alerts reach the user: the desktop shell shows notifications; default is the log. */
  notify?: (notification: ScheduleNotification) => void;
  /** Scheduler tuning (tests and benchmarks). */
  scheduler?: { maxConcurrent?: number; jitterMaxMs?: number };
  /** Webhook retry tuning (tests). */
  webhooks?: { maxAttempts?: number; backoffMs?: readonly number[]; timeoutMs?: number };
}

export interface ModelLookup {
  providerOf(model: string): string | undefined;
}

export interface Core {
  readonly dataDir: string;
  readonly db: Database.Database;
  readonly dbFile: string;
  readonly settings: SettingsStore;
  readonly apiKeys: ApiKeyService;
  readonly events: EventBus;
  readonly requestLog: RequestLogService;
  readonly prompts: PromptService;
  readonly runStore: RunStore;
  /** Deleted runs: restore within the undo window, purge after it (the maintenance does). */
  readonly runTrash: RunTrash;
  /** The search's word list (prefix searches); bulk writers fold it when they finish. */
  readonly searchTerms: SearchTerms;
  readonly engine: RunEngine;
  /** The provider layer: adapters over the official SDKs, keys, base URLs, retries, prices. */
  readonly gateway: LlmGateway;
  readonly vault: VaultService;
  readonly usage: UsageService;
  readonly promptster: PromptsterService;
  readonly catalog: ModelLookup | null;
  readonly traces: TraceService;
  readonly rateLimiter: RateLimiter;
  readonly scheduler: Scheduler;
  readonly webhooks: WebhookDispatcher;
  /** Background prompt jobs (tentackle's `POST /api/prompt/create`). */
  readonly jobs: JobQueue;
  readonly logger: Logger;
  /** Set by the shell once the local API listens. */
  readonly runtime: RuntimeInfo;
  /** Set when this start created the data directory's first API key (and its token file). */
  readonly firstStart: { tokenFile: string } | null;
  /** Validates the input against the operation's schema, runs it, and returns its validated output. */
  invoke<K extends OperationName>(name: K, input: unknown, ctx: CallContext): Promise<OperationOutput<K>>;
  /** Starts the background work: the scheduler's timer and webhook deliveries (serve and the desktop app). */
  startBackground(): void;
  /** Stops the background work (runs of schedules and jobs are cancelled by `engine.shutdown`, which shells call alongside). */
  stopBackground(): Promise<void>;
  close(): void;
  /** Cancels runs in flight (their partial text is written), then closes. */
  shutdown(): Promise<void>;
}

/** Outputs marked `trustedOutput` are still checked against their schema under the tests. */
const CHECK_TRUSTED_OUTPUT = process.env.VITEST === 'true' || process.env.PARALLAX_CHECK_OUTPUT === '1';

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  // Settings first: a bad settings file should stop us before the database is touched.
  const settings = options.settings ?? openConfSettings(options.dataDir);
  const { db, file: dbFile, migrated, warnings, checkDeferred } = openDatabase(options.dataDir, migrations);
  warnings.forEach((warning) => logger.warn(warning));
  if (migrated.from !== migrated.to) logger.info(`database schema migrated from ${migrated.from} to ${migrated.to}`);

  const events = new EventBus();
  const apiKeys = createApiKeyService(db, clock);
  const requestLog = createRequestLogService(db, clock);
  const runStore = createRunStore(db);
  const interrupted = runStore.recoverInterrupted(clock.now().toISOString());
  if (interrupted > 0) logger.warn(`${interrupted} run(s) left unfinished by the last session were marked interrupted`);
  const env = options.env ?? process.env;
  const providerIds = () => [...PROVIDER_IDS, ...settings.get().providers.custom_endpoints.map((e) => e.id)];
  let vault: VaultService;
  try {
    vault = createVaultService(db, options.cipher ?? headlessCipher(db, env.PARALLAX_VAULT_PASSPHRASE), clock, env, logger, providerIds);
  } catch (error) {
    db.close();
    throw error;
  }
  const gateway = createLlmGateway({ settings: () => settings.get().providers, env, vault });
  const usage = createUsageService(db, settings, clock);
  const engine = new RunEngine({ store: runStore, gateway, events, clock, logger, admit: () => admitWithinBudget() });
  const runTrash = createRunTrash(db, runStore, clock);
  const searchTerms = createSearchTerms(db);
  const runs = { engine, store: runStore, queries: createRunQueries(db, runStore, searchTerms), trash: runTrash };
  const promptster = createPromptsterService(engine, gateway);
  const traces = createTraceService(db, runStore, events, clock);
  const prompts = createPromptService(db, clock, { isKnownProvider: (id) => providerIds().includes(id) });
  const rateLimiter = new RateLimiter(clock, () => settings.get().api.liveRateLimitPerMinute);
  // `usage.limit_reached` goes to subscribers once per month, not on every refused run.
  let limitReachedMonth: string | null = null;
  function admitWithinBudget(): void {
    try {
      usage.assertWithinBudget();
    } catch (error) {
      const month = clock.now().toISOString().slice(0, 7);
      if (limitReachedMonth !== month) {
        limitReachedMonth = month;
        webhooks.publish('usage.limit_reached', { month, message: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    }
  }
  const runtime: RuntimeInfo = { apiUrl: null };
  const webhooks = new WebhookDispatcher({
    db,
    clock,
    logger,
    policy: { ownPorts: () => (runtime.apiUrl ? [Number(new URL(runtime.apiUrl).port)] : []) },
    ...options.webhooks,
  });
  const scheduler = new Scheduler({ db, prompts, engine, clock, logger, events, dispatcher: webhooks, notify: options.notify, ...options.scheduler });
  forwardProductEvents(events, webhooks);
  const jobs = new JobQueue({ db, engine, clock, logger, dispatcher: webhooks });
  const handlers: Handlers = createHandlers({
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
    exporter: createExporter(db, clock),
    importer: createImporter({
      db,
      clock,
      isKnownProvider: (id) => providerIds().includes(id),
      onSchedulesImported: () => scheduler.wake(),
      onRunsImported: () => searchTerms.fold(),
    }),
    events,
    scheduler,
    dispatcher: webhooks,
    now: () => clock.now(),
    discoveredModels: createDiscoveredModels(db, clock),
  });

  let firstStart: Core['firstStart'] = null;
  if (apiKeys.count() === 0) {
    const created = apiKeys.create({ name: 'Default key', type: 'live' });
    firstStart = { tokenFile: writeTokenFile(options.dataDir, created.key) };
    logger.info(`created the first API key (${created.prefix}…); its text is in ${firstStart.tokenFile}`);
  }

  let closed = false;
  let checkStarted = false;
  let stopMaintenance: (() => void) | null = null;
  return {
    dataDir: options.dataDir,
    db,
    dbFile,
    settings,
    apiKeys,
    events,
    requestLog,
    prompts,
    runStore,
    runTrash,
    searchTerms,
    engine,
    promptster,
    traces,
    gateway,
    vault,
    usage,
    catalog: gateway,
    rateLimiter,
    scheduler,
    webhooks,
    jobs,
    logger,
    runtime,
    firstStart,
    async invoke(name, input, ctx) {
      const op = operations[name];
      const parsed = op.input.safeParse(input ?? {});
      if (!parsed.success) throw fromZodError(parsed.error);
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        const output = await handler(parsed.data, ctx);
        if ('trustedOutput' in op && op.trustedOutput && !CHECK_TRUSTED_OUTPUT) return output as OperationOutput<typeof name>;
        return op.output.parse(output) as OperationOutput<typeof name>;
      } catch (error) {
        const appError = toAppError(error);
        if (appError.type === 'internal_error') logger.error(`${name} failed: ${describe(error)}`);
        throw appError;
      }
    },
    startBackground() {
      if (checkDeferred && !checkStarted) {
        checkStarted = true;
        void quickCheckInBackground(dbFile).then(
          (problem) =>
            problem
              ? logger.error(`The database ${dbFile} is damaged (${problem}). Quit Parallax and restore a backup (see the README: Backups).`)
              : logger.info('database check (quick_check, run after start for a large store): ok'),
          (error: unknown) => logger.warn(`the database check after start could not run: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      scheduler.start();
      webhooks.start();
      jobs.start();
      stopMaintenance ??= startMaintenance({ db, dataDir: options.dataDir, settings, clock, logger, trash: runTrash, searchTerms });
    },
    async stopBackground() {
      stopMaintenance?.();
      stopMaintenance = null;
      await Promise.all([scheduler.stop(), jobs.stop()]);
      await webhooks.stop();
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
    async shutdown() {
      const stopping = this.stopBackground();
      await engine.shutdown();
      await stopping;
      this.close();
    },
  };
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

export { CorruptDatabaseError } from './db/open';
export { NewerSchemaError } from './db/migrate';
export { SettingsFileError } from './settings/store';
export { VaultError } from './vault/cipher';
export type { CallContext } from './context';

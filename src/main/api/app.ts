import express, { type Express } from 'express';
import helmet from 'helmet';
import { notFound } from '../../shared/errors';
import type { Core } from '../core';
import { authenticate } from './auth';
import { errorHandler, strictUtf8 } from './errors';
import { metering } from './metering';
import { EVENTS_PATH, eventStream } from './events';
import { allowedHostnames, hostAndOriginGuard, requireJsonBody } from './guards';
import { buildOpenApi } from './openapi';
import { promptsterStream } from './promptsterStream';
import { teckelRoutes } from './compat/teckel';
import { mcpRoutes } from './mcp/route';
import { csvExport } from './exportRoute';
import { tentackleErrors, TENTACKLE_PATHS, tentackleRoutes } from './compat/tentackle';
import { operationHandler, operationRoutes } from './routes';
import { schedulerWebhookRoute } from './schedulerWebhook';
import { SessionStore } from './sessions';
import { RENDERER_CSP, authRoutes, rendererRoutes } from './webUi';

export const BODY_LIMIT = '6mb';
export const IMPORT_BODY_LIMIT = '256mb';
const IMPORT_PATH = '/v1/import';

export interface ApiAppOptions {
  core: Core;
  /** Extra host names accepted in the Host header besides the loopback ones (the bind host). */
  extraHosts?: readonly string[];
  /** The built renderer, served at `/` for the headless UI. */
  rendererDir?: string;
}

export interface ApiApp {
  app: Express;
  sessions: SessionStore;
  /** Ends open event streams so the server can close promptly. */
  closeStreams(): void;
}

export function createApiApp({ core, extraHosts = [], rendererDir }: ApiAppOptions): ApiApp {
  const app = express();
  const sessions = new SessionStore();
  const openStreams = new Set<() => void>();
  const openApi = buildOpenApi();

  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: parseCsp(RENDERER_CSP) },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );
  app.use(hostAndOriginGuard(allowedHostnames(extraHosts)));
  app.use(requireJsonBody);
  app.use(schedulerWebhookRoute(core));
  // An import restores a whole export (up to 10,000 runs with their answers): its body is parsed with
  // a larger limit, and only once the caller is authenticated (below).
  const json = express.json({ limit: BODY_LIMIT, verify: strictUtf8 });
  app.use((req, res, next) => (req.path === IMPORT_PATH ? next() : json(req, res, next)));

  app.use(operationRoutes(core, { authenticated: false }));
  app.use(authRoutes(core.apiKeys, sessions));
  if (rendererDir) app.use(rendererRoutes(rendererDir, sessions));

  app.use(TENTACKLE_PATHS, tentackleErrors);
  app.use(
    ['/v1', '/api', '/mcp'],
    authenticate(core.apiKeys, sessions),
    metering(core.rateLimiter, core.requestLog, (error) =>
      core.logger.error(`request log row not written: ${error instanceof Error ? error.message : String(error)}`),
    ),
  );
  app.get('/v1/openapi.json', (_req, res) => res.json(openApi));
  app.get(EVENTS_PATH, eventStream(core.events, openStreams));
  // Answered here rather than after the compatibility routers and the whole operation table: these are
  // the calls whose added latency matters most (`npm run bench:api`).
  app.post('/v1/prompts/test', promptsterStream(core, 'test'), operationHandler(core, 'testPrompt'));
  app.post('/v1/prompts/compare', promptsterStream(core, 'compare'), operationHandler(core, 'comparePrompts'));
  app.get('/v1/export', csvExport(core));
  app.post(IMPORT_PATH, express.json({ limit: IMPORT_BODY_LIMIT, verify: strictUtf8 }));
  app.use(teckelRoutes(core));
  app.use(mcpRoutes(core));
  app.use(tentackleRoutes(core));
  app.use(operationRoutes(core, { authenticated: true }));

  app.use((req) => {
    throw notFound(`No route for ${req.method} ${req.path}`);
  });
  app.use(errorHandler(core.logger));

  return { app, sessions, closeStreams: () => [...openStreams].forEach((stop) => stop()) };
}

function parseCsp(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

/**
 * OpenAPI entries for the routes outside the operations table: the compatibility families, the
 * schedule trigger, the event stream and MCP. Request schemas come from the same zod schemas that
 * validate those routes.
 */
import { z } from 'zod';
import { traceSchema } from '../core/traces/validate';
import { createJobSchema, executeSchema, historySchema } from './compat/tentackle';

interface ExtraRoute {
  method: 'get' | 'post';
  path: string;
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** The signature is the credential (no API key). */
  signed?: boolean;
  status?: number;
  contentType?: string;
}

const ROUTES: ExtraRoute[] = [
  { method: 'post', path: '/api/prompt/execute', tag: 'tentackle', summary: 'Run a prompt on several models; answers when all have finished.', body: executeSchema },
  {
    method: 'post',
    path: '/api/prompt/create',
    tag: 'tentackle',
    summary: 'Queue a prompt for background processing (priority, optional signed callback). The answer carries callback_secret once.',
    body: createJobSchema,
    status: 202,
  },
  { method: 'get', path: '/api/prompt/jobs/{id}', tag: 'tentackle', summary: 'A background job: status, queue position, run id.' },
  { method: 'get', path: '/api/prompts/history', tag: 'tentackle', summary: 'Prompt execution history.', query: historySchema },
  { method: 'get', path: '/api/usage-stats', tag: 'tentackle', summary: 'Usage statistics and per-model breakdown.' },
  { method: 'get', path: '/api/v1/webhooks', tag: 'tentackle', summary: 'Webhook subscriptions, in the tentackle envelope.' },
  { method: 'post', path: '/api/v1/webhooks', tag: 'tentackle', summary: 'Subscribe a URL to events, in the tentackle envelope.' },
  { method: 'post', path: '/api/traces', tag: 'Teckel', summary: 'Ingest a trace (query, response, sources) into the run history.', body: traceSchema },
  { method: 'post', path: '/v1/traces', tag: 'Teckel', summary: 'Same as /api/traces.', body: traceSchema },
  {
    method: 'post',
    path: '/scheduler/webhook/{id}',
    tag: 'Schedules',
    summary:
      'Trigger a webhook schedule. Headers: X-Webhook-Timestamp (Unix seconds, within 5 minutes) and X-Webhook-Signature: sha256=<hex HMAC-SHA256 of "timestamp.rawBody" keyed with the schedule secret>. 401 on a bad, stale or replayed signature.',
    signed: true,
    status: 202,
  },
  { method: 'get', path: '/v1/events', tag: 'System', summary: 'Server-Sent Events: run, schedule and settings events (channels=run,schedule,…).', contentType: 'text/event-stream' },
  { method: 'post', path: '/mcp', tag: 'MCP', summary: 'Model Context Protocol over Streamable HTTP (stateless): the Promptster MCP tools.' },
];

export function compatPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const pathParams = [...route.path.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = route.query
      ? Object.entries((z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> }).properties ?? {}).map(
          ([name, schema]) => ({ name, in: 'query', required: false, schema }),
        )
      : [];
    const headers = route.signed
      ? ['X-Webhook-Timestamp', 'X-Webhook-Signature'].map((name) => ({ name, in: 'header', required: true, schema: { type: 'string' } }))
      : [];
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.signed ? { security: [] } : {}),
      parameters: [...pathParams, ...query, ...headers],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses: { [String(route.status ?? 200)]: { description: 'Success', content: { [route.contentType ?? 'application/json']: {} } } },
    };
  }
  return paths;
}

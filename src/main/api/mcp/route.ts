import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { Router } from 'express';
import { AppError } from '../../../shared/errors';
import type { Core } from '../../core';
import { sendError } from '../errors';
import { createMcpServer } from './server';

/**
 * `POST /mcp`: MCP over Streamable HTTP, stateless (a fresh server and transport per request, JSON
 * answers, no SSE), behind the same Bearer auth and Host/Origin guard as the REST API.
 */
export function mcpRoutes(core: Core): Router {
  const router = Router();
  router.post('/mcp', async (req, res) => {
    const server = createMcpServer(core, { source: 'mcp', apiKey: res.locals.apiKey });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  router.all('/mcp', (_req, res) => sendError(res, new AppError('method_not_allowed', 'This MCP endpoint is stateless: use POST')));
  return router;
}

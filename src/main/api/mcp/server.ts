import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toAppError } from '../../../shared/errors';
import { VERSION } from '../../../shared/version';
import type { Core } from '../../core';
import type { CallContext } from '../../core/context';
import { MCP_TOOLS } from './tools';

/** One MCP server exposing the tools over whichever transport the caller connects (HTTP or stdio). */
export function createMcpServer(core: Core, ctx: CallContext): McpServer {
  const server = new McpServer({ name: 'parallax', version: VERSION });
  for (const tool of MCP_TOOLS) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, async (args: Record<string, unknown>) => {
      try {
        const result = await tool.run(core, args, ctx);
        return {
          content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }],
          structuredContent: result as Record<string, unknown>,
        };
      } catch (error) {
        // Tool errors carry the REST API's message (and field), never a stack or a key.
        const body = toAppError(error).toBody();
        return {
          isError: true,
          content: [{ type: 'text' as const, text: body.field ? `${body.message} (field: ${body.field})` : body.message }],
        };
      }
    });
  }
  return server;
}

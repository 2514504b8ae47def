import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseArgs } from 'node:util';
import { createMcpServer } from '../api/mcp/server';
import { createCore } from '../core';
import { resolveDataDir } from '../core/dataDir';
import { createConsoleLogger } from '../core/logger';

export const MCP_HELP = `parallax mcp [--data-dir DIR]
  Serves the MCP tools over stdio (for clients that only speak stdio), on the data directory directly.`;

export async function mcp(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  // stdout is the protocol: every log line goes to stderr.
  const core = createCore({ dataDir: resolveDataDir(values['data-dir']), logger: createConsoleLogger(process.stderr) });
  const server = createMcpServer(core, { source: 'mcp' });
  const transport = new StdioServerTransport();
  const stop = async () => {
    await server.close();
    await core.shutdown();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await server.connect(transport);
}

/** Copy-ready MCP client configurations for the local endpoint. */
export interface McpSnippet {
  id: string;
  label: string;
  where: string;
  text: string;
}

export function mcpSnippets(url: string, key: string): McpSnippet[] {
  const endpoint = `${url}/mcp`;
  const auth = `Bearer ${key}`;
  return [
    {
      id: 'claude-code',
      label: 'Claude Code',
      where: 'Run in a terminal',
      text: `claude mcp add --transport http parallax ${endpoint} --header "Authorization: ${auth}"`,
    },
    {
      id: 'claude-desktop',
      label: 'Claude Desktop',
      where: 'claude_desktop_config.json (through the mcp-remote bridge, or use `parallax mcp` over stdio)',
      text: JSON.stringify(
        {
          mcpServers: {
            parallax: {
              command: 'npx',
              args: ['mcp-remote', endpoint, '--header', 'Authorization:${PARALLAX_AUTH}'],
              env: { PARALLAX_AUTH: auth },
            },
          },
        },
        null,
        2,
      ),
    },
    {
      id: 'cursor',
      label: 'Cursor',
      where: '.cursor/mcp.json in your project',
      text: JSON.stringify({ mcpServers: { parallax: { url: endpoint, headers: { Authorization: auth } } } }, null, 2),
    },
    {
      id: 'generic',
      label: '.mcp.json',
      where: 'Project root, for any client that speaks Streamable HTTP',
      text: JSON.stringify({ mcpServers: { parallax: { type: 'http', url: endpoint, headers: { Authorization: auth } } } }, null, 2),
    },
  ];
}

import { KeyRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { client } from '../../client';
import { CopyButton } from '../../components/CopyButton';
import { useApiKeys } from '../../stores/apiKeys';
import { mcpSnippets } from './mcpSnippets';

const KEY_PLACEHOLDER = 'pk_live_YOUR_KEY';

/** Snippets for AI coding assistants; a fresh key can be created and filled in on demand. */
export function McpPanel(): React.JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [tab, setTab] = useState('claude-code');
  const reloadKeys = useApiKeys((s) => s.load);
  useEffect(() => {
    void client.invoke('getApiInfo', {}).then((info) => setUrl(info.url ?? (client.transport === 'http' ? window.location.origin : null)));
  }, []);

  const createKey = async () => {
    const created = await client.invoke('createApiKey', { name: 'MCP client', type: 'live' });
    setKey(created.key);
    await reloadKeys();
  };

  if (!url) return <></>;
  const snippets = mcpSnippets(url, key ?? KEY_PLACEHOLDER);
  const current = snippets.find((s) => s.id === tab) ?? snippets[0]!;
  return (
    <section className="panel panel-wide panel-mcp" aria-labelledby="mcp-title">
      <h2 id="mcp-title">AI assistants (MCP)</h2>
      <p className="muted">
        Let Claude Code, Cursor and other MCP clients test and compare prompts here. The endpoint is <code>{url}/mcp</code>; clients that
        only speak stdio can run <code>parallax mcp</code>.
      </p>
      <div className="tabs" role="tablist" aria-label="MCP clients">
        {snippets.map((snippet) => (
          <button
            key={snippet.id}
            type="button"
            role="tab"
            aria-selected={snippet.id === current.id}
            className="tab"
            onClick={() => setTab(snippet.id)}
          >
            {snippet.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current.label}>
        <p className="muted snippet-where">{current.where}</p>
        <div className="snippet">
          <pre data-testid="mcp-snippet">{current.text}</pre>
          <CopyButton text={current.text} label={`Copy ${current.label} configuration`} />
        </div>
      </div>
      {key ? (
        <p className="muted">A key named “MCP client” was created and filled in. It is shown only here, now.</p>
      ) : (
        <button type="button" className="ghost-button inline" onClick={() => void createKey()}>
          <KeyRound size={14} aria-hidden="true" /> Create a key and fill it in
        </button>
      )}
    </section>
  );
}

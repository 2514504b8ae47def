import { useEffect, useState } from 'react';
import { client } from '../../client';
import { CopyButton } from '../../components/CopyButton';

/** Where scripts reach this instance, with a ready-to-paste curl line. */
export function LocalApiPanel(): React.JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    void client.invoke('getApiInfo', {}).then((info) => setUrl(info.url ?? (client.transport === 'http' ? window.location.origin : null)));
  }, []);
  const example = url ? `curl -H "Authorization: Bearer $(cat api-token)" ${url}/v1/api-keys` : '';
  return (
    <section className="panel" aria-labelledby="local-api-title">
      <h2 id="local-api-title">Local API</h2>
      <p className="muted">Scripts, CI jobs and MCP clients drive Parallax here. Every route but /health needs an API key.</p>
      {url ? (
        <dl className="facts">
          <dt>Address</dt>
          <dd>
            <code data-testid="api-url">{url}</code>
            <CopyButton text={url} label="Copy address" />
          </dd>
          <dt>OpenAPI</dt>
          <dd>
            <code>{url}/v1/openapi.json</code>
          </dd>
          <dt>Try it</dt>
          <dd>
            <code className="wrap">{example}</code>
            <CopyButton text={example} label="Copy command" />
          </dd>
        </dl>
      ) : (
        <p className="muted">The local API is not running in this window.</p>
      )}
    </section>
  );
}

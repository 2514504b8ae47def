import type { ApiKey } from '../../shared/operations/apiKeys';

/** Which door a call came through; recorded with runs and used for key resolution. */
export type CallSource = 'ui' | 'api' | 'mcp' | 'cli' | 'schedule';

export interface CallContext {
  source: CallSource;
  /** The local API key the request authenticated with (REST and MCP). */
  apiKey?: ApiKey;
  /** Provider keys sent with the request (`X-<ID>-API-KEY`), by provider id. Never stored. */
  providerKeys?: Readonly<Record<string, string>>;
}

/**
 * SDK clients are reused per base URL and key: building one per call costs more than the rest of the
 * adapter. Kept in memory only, bounded, never logged.
 */
export function clientCache<T>(
  create: (baseUrl: string, apiKey: string | undefined) => T,
  limit = 64,
): (baseUrl: string, apiKey: string | undefined) => T {
  const clients = new Map<string, T>();
  return (baseUrl, apiKey) => {
    const key = `${baseUrl}\u0000${apiKey ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      if (clients.size >= limit) clients.delete(clients.keys().next().value as string);
      client = create(baseUrl, apiKey);
      clients.set(key, client);
    }
    return client;
  };
}

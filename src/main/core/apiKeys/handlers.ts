import type { Handlers } from '../handlers';
import type { EventBus } from '../events';
import type { ApiKeyService } from './service';

export const apiKeyHandlers = (
  apiKeys: ApiKeyService,
  events: EventBus,
): Pick<Handlers, 'listApiKeys' | 'createApiKey' | 'revokeApiKey'> => ({
  listApiKeys: () => ({ data: apiKeys.list() }),
  createApiKey: (input) => {
    const created = apiKeys.create(input);
    events.publish('apiKeys.changed', { reason: 'created', key: { id: created.id, name: created.name, prefix: created.prefix } });
    return created;
  },
  revokeApiKey: ({ id }) => {
    const revoked = apiKeys.revoke(id);
    events.publish('apiKeys.changed', { reason: 'revoked', key: { id: revoked.id, name: revoked.name, prefix: revoked.prefix } });
    return revoked;
  },
});
